import { useState } from 'react';
import { useT } from '../i18n/use-t';
import { chosenScenarioIds, useCompareStore } from '../panels/compare/compare-store';
import { useDocumentStore } from '../state/document-store';
import { useUiStore } from '../state/ui-store';
import type { ReportFormat } from './export-report';
import './report.css';

const FORMATS: ReportFormat[] = ['pdf', 'xlsx', 'csv'];

/**
 * "Export report": PDF, XLSX and CSV of the active scenario in the UI language, with the
 * comparison of the scenarios chosen in the Compare tab when two or more are chosen.
 */
export function ReportButtons({ toolVersion = 'unknown' }: { toolVersion?: string }) {
  const t = useT();
  const doc = useDocumentStore((s) => s.document);
  const lang = useUiStore((s) => s.lang);
  const selected = useCompareStore((s) => s.selected);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const compareIds = doc ? chosenScenarioIds(selected, doc.scenarios.map((s) => s.id)) : [];

  async function run(format: ReportFormat) {
    const { document, revision } = useDocumentStore.getState();
    if (!document) return;
    setBusy(true);
    setMessage({ text: t('report.exporting'), error: false });
    // Let the "Preparing" message paint before the synchronous analysis and layout.
    await new Promise((resolve) => setTimeout(resolve, 0));
    try {
      // Loaded on first use: the PDF library and the fonts stay out of the start-up bundle.
      const { exportReport } = await import('./export-report');
      const file = await exportReport(format, { doc: document, revision, lang, compareIds, toolVersion });
      setMessage({ text: t('report.done', { file }), error: false });
    } catch (error) {
      setMessage({ text: t('report.failed', { reason: error instanceof Error ? error.message : String(error) }), error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="report-buttons" role="group" aria-label={t('report.export')} data-testid="report-buttons">
      <span className="report-buttons-label">{t('report.export')}</span>
      {FORMATS.map((f) => (
        <button
          key={f}
          type="button"
          disabled={!doc || busy}
          title={doc ? `${t('report.exportAs', { format: t(`report.${f}`) })}${compareIds.length >= 2 ? ` ${t('report.withComparison', { n: compareIds.length })}` : ''}` : t('report.noDocument')}
          onClick={() => void run(f)}
          data-format={f}
        >
          {t(`report.${f}`)}
        </button>
      ))}
      {message && (
        <span className={message.error ? 'report-message report-error' : 'report-message'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </span>
      )}
    </div>
  );
}
