import { useUiStore } from '../state/ui-store';
import { useDocumentStore } from '../state/document-store';
import { useT } from '../i18n/use-t';
import { ReportButtons } from './ReportButtons';

/** Version of the app, stamped into reports (from package.json at build time). */
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'unknown';

/** "Export report" in the toolbar (and the desktop File menu): PDF, XLSX or CSV. */
export function ReportMenu() {
  const t = useT();
  const open = useUiStore((s) => s.fileDialog === 'report');
  const setFileDialog = useUiStore((s) => s.setFileDialog);
  const hasDocument = useDocumentStore((s) => s.document !== null);
  return (
    <div className="menu-anchor">
      <button type="button" aria-haspopup="menu" aria-expanded={open} disabled={!hasDocument} onClick={() => setFileDialog(open ? null : 'report')} aria-label={t('report.export')}>
        {t('report.export')} ▾
      </button>
      {open && (
        <div className="menu report-menu">
          <ReportButtons toolVersion={APP_VERSION} />
        </div>
      )}
    </div>
  );
}
