import regularUrl from '../../../data/fonts/NotoSans-Regular.ttf?url';
import boldUrl from '../../../data/fonts/NotoSans-Bold.ttf?url';
import type { ParkDocument } from '../../../shared/model';
import { renderReportCsv, renderReportPdf, renderReportXlsx, type ReportLang } from '../../../shared/report';
import { useDocumentStore } from '../state/document-store';
import { useUiStore } from '../state/ui-store';
import { chosenScenarioIds, useCompareStore } from '../panels/compare/compare-store';
import { reportFileName, reportModelFor, solarReadyFor } from './report-data';

export type ReportFormat = 'pdf' | 'xlsx' | 'csv';

const MIME: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
};

let fonts: Promise<{ regular: Uint8Array; bold: Uint8Array }> | undefined;

/** The shipped report fonts, fetched once (bundled assets: no network beyond the app itself). */
function loadFonts() {
  const get = async (url: string) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`font ${url}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  };
  fonts ??= Promise.all([get(regularUrl), get(boldUrl)]).then(([regular, bold]) => ({ regular, bold }));
  fonts.catch(() => { fonts = undefined; });
  return fonts;
}

/** Saves bytes through the browser's download (the desktop shell shows its save dialog). */
export function download(bytes: Uint8Array | string, fileName: string, mime: string): void {
  const blob = new Blob([typeof bytes === 'string' ? bytes : bytes.slice().buffer], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some engines start reading the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Builds and downloads the report; resolves with the file name. */
export async function exportReport(format: ReportFormat, o: { doc: ParkDocument; revision: number; lang: ReportLang; compareIds: readonly string[]; toolVersion: string }): Promise<string> {
  // Every scenario's solar with the active one's model and settings: wait for those still running.
  await solarReadyFor(o.doc, o.compareIds, o.revision);
  const model = reportModelFor(o.doc, o.revision, o.lang, o.compareIds, o.toolVersion);
  const fileName = reportFileName(o.doc, format);
  const bytes = format === 'pdf' ? await renderReportPdf(model, await loadFonts()) : format === 'xlsx' ? renderReportXlsx(model) : renderReportCsv(model);
  download(bytes, fileName, MIME[format]);
  return fileName;
}

/**
 * The report of the current document in the UI language, with the comparison chosen in the
 * Compare tab: what a menu command ("File → Export report") calls. Resolves with the file name,
 * or null without a document.
 */
export async function exportCurrentReport(format: ReportFormat, toolVersion: string): Promise<string | null> {
  const { document: doc, revision } = useDocumentStore.getState();
  if (!doc) return null;
  const compareIds = chosenScenarioIds(useCompareStore.getState().selected, doc.scenarios.map((s) => s.id));
  return exportReport(format, { doc, revision, lang: useUiStore.getState().lang, compareIds, toolVersion });
}
