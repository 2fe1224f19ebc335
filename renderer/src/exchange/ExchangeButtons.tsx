import { createPortal } from 'react-dom';
import { useDocumentStore } from '../state/document-store';
import { useUiStore } from '../state/ui-store';
import { useT } from '../i18n/use-t';
import { ImportDialog } from './ImportDialog';
import { ExportDialog } from './ExportDialog';
import './exchange.css';

/**
 * "Import…" and "Export…" for the File area of the toolbar (mounted there by the toolbar's
 * owner). Import works without an open project (it can create one); export needs one.
 */
export function ExchangeButtons() {
  const t = useT();
  const hasDocument = useDocumentStore((s) => s.document !== null);
  // Open state lives in the UI store so the desktop File menu (Import…, Export…) can open them.
  const open = useUiStore((s) => s.fileDialog);
  const setOpen = useUiStore((s) => s.setFileDialog);
  return (
    <span className="exchange-buttons">
      <button type="button" onClick={() => setOpen(open === 'import' ? null : 'import')} aria-label={t('exchange.import')} aria-expanded={open === 'import'}>
        {t('exchange.import')}
      </button>
      <button type="button" onClick={() => setOpen(open === 'export' ? null : 'export')} aria-label={t('exchange.export')} aria-expanded={open === 'export'} disabled={!hasDocument}>
        {t('exchange.export')}
      </button>
      {/* A portal: the toolbar clips what overflows it, and the dialog must float over the map. */}
      {open === 'import' && createPortal(<ImportDialog onClose={() => setOpen(null)} />, document.body)}
      {open === 'export' && createPortal(<ExportDialog onClose={() => setOpen(null)} />, document.body)}
    </span>
  );
}
