import { useState } from 'react';
import { provinceCrs, WGS84_CODE } from '../../../shared/io/crs/crs';
import { CrsOptions, TransformationSelect } from './CrsOptions';
import type { VnTransformationChoice } from '../../../shared/io/crs/vn2000-transformations';
import { describeExportNotes } from '../../../shared/io/export-notes';
import { describeExportSummary } from '../../../shared/io/export-summary';
import { EXCHANGE_FORMATS, exportDocument, FORMAT_EXTENSIONS, PROJECTED_EXPORTS, type ExchangeFormat } from '../../../shared/io/exchange';
import { useDocumentStore } from '../state/document-store';
import { useUiStore } from '../state/ui-store';
import { useT } from '../i18n/use-t';
import { loadSqlJs } from '../host/sqljs';
import { downloadBytes } from './download';
import { ModalDialog } from '../components/ModalDialog';
import './exchange.css';

/** "Yên Phong / A" → "Yên Phong - A": a file name without path separators or reserved characters. */
function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|]+/g, '-').trim() || 'park';
}

/** Export…: format, scenario and (for Shapefile and DXF) the output CRS; saved as a download. */
export function ExportDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const doc = useDocumentStore((s) => s.document);
  const [format, setFormat] = useState<ExchangeFormat>('geojson');
  const [scenarioId, setScenarioId] = useState(doc?.activeScenarioId ?? '');
  // CAD drawings are usually in the province's VN-2000 zone: offer it first when the project names its province.
  const [crs, setCrs] = useState(() => (doc ? provinceCrs(doc.project.formerProvince || doc.project.province)?.code : undefined) ?? WGS84_CODE);
  const [transformation, setTransformation] = useState<VnTransformationChoice>('auto');
  const [error, setError] = useState<string | null>(null);

  if (!doc) {
    return (
      <ModalDialog title={t('exchange.exportTitle')} onClose={onClose} className="exchange-dialog">
        <p>{t('exchange.noDocument')}</p>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('exchange.cancel')}
          </button>
        </div>
      </ModalDialog>
    );
  }
  const projected = PROJECTED_EXPORTS.includes(format);

  const run = async () => {
    const SQL = format === 'gpkg' ? await loadSqlJs() : undefined;
    const result = exportDocument(doc, format, { scenarioId, crs: projected ? crs : undefined, transformation, SQL });
    if (!result.ok) return setError(result.detail);
    const scenario = doc.scenarios.find((s) => s.id === scenarioId);
    const fileName = `${safeFileName(`${doc.project.name} - ${scenario?.name ?? ''}`)}${FORMAT_EXTENSIONS[format]}`;
    downloadBytes(result.bytes, fileName);
    const lang = useUiStore.getState().lang;
    useUiStore.getState().notify({ tone: 'info', text: describeExportSummary({ ...result.summary, file: fileName }, lang) });
    // What was lost on the way (a value cut to its .dbf column) is said, in the user's language.
    if (result.notes.length > 0) useUiStore.getState().notify({ tone: 'error', text: describeExportNotes(result.notes, lang) });
    onClose();
  };

  return (
    <ModalDialog title={t('exchange.exportTitle')} onClose={onClose} className="exchange-dialog">
      <label className="exchange-row">
        {t('exchange.format')}
        <select aria-label={t('exchange.format')} value={format} onChange={(e) => setFormat(e.target.value as ExchangeFormat)}>
          {EXCHANGE_FORMATS.map((f) => (
            <option key={f} value={f}>
              {t(`exchange.fmt.${f}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="exchange-row">
        {t('exchange.scenario')}
        <select aria-label={t('exchange.scenario')} value={scenarioId} onChange={(e) => setScenarioId(e.target.value)}>
          {doc.scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label className="exchange-row">
        {t('exchange.crs')}
        <select className="exchange-crs" aria-label={t('exchange.crs')} value={projected ? crs : WGS84_CODE} disabled={!projected} onChange={(e) => setCrs(e.target.value)}>
          <CrsOptions />
        </select>
      </label>
      {projected && <TransformationSelect crsCode={crs} value={transformation} onChange={setTransformation} />}
      {!projected && <p className="exchange-note">{t('exchange.exportCrsNote')}</p>}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('exchange.cancel')}
        </button>
        <button type="button" className="primary" onClick={() => void run()}>
          {t('exchange.exportButton')}
        </button>
      </div>
    </ModalDialog>
  );
}
