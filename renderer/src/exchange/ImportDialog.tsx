import { useEffect, useMemo, useRef, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import { activeScenario, createEmptyDocument } from '../../../shared/model';
import { applyMapping, defaultMapping, type ImportMapping } from '../../../shared/io/apply-mapping';
import { parseCrsCode } from '../../../shared/io/crs/crs';
import { CrsOptions, TransformationSelect, TransformationUsed } from './CrsOptions';
import type { VnTransformationChoice } from '../../../shared/io/crs/vn2000-transformations';
import { formatFromFileName, importFile } from '../../../shared/io/exchange';
import { latLonSwapSuspected, swapLatLon, type ImportedLayer, type ImportResult } from '../../../shared/io/imported-layer';
import { checkImport } from '../../../shared/io/import-checks';
import { describeImportNote, type ImportNote } from '../../../shared/io/import-notes';
import { centreOf, projectNameFromFileName } from '../../../shared/io/profile-attributes';
import { featureGroup } from '../../../shared/io/export-input';
import { useDocumentStore } from '../state/document-store';
import { useUiStore } from '../state/ui-store';
import { loadUntitled } from '../actions';
import { useT } from '../i18n/use-t';
import { describeImportRefusal } from '../../../shared/io/import-refusals';
import { loadSqlJs } from '../host/sqljs';
import { useImportPreview } from './import-store';
import { MappingTable } from './MappingTable';
import { ModalDialog } from '../components/ModalDialog';
import './exchange.css';

interface Loaded {
  name: string;
  bytes: Uint8Array;
}

/** Formats whose coordinate system the user may have to choose (no CRS, or a .prj we could not read). */
const CRS_FORMATS = new Set(['dxf', 'shp']);

/**
 * Import…: file → layers (shared/io importers) → mapping table with a live map preview → one
 * undoable command on the active scenario, or a new project. Nothing touches the document
 * until the user applies.
 */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const doc = useDocumentStore((s) => s.document);
  const [file, setFile] = useState<Loaded | null>(null);
  const [crs, setCrs] = useState<string | undefined>(undefined);
  const [guessed, setGuessed] = useState(false);
  const [transformation, setTransformation] = useState<VnTransformationChoice>('auto');
  const [result, setResult] = useState<ImportResult | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({ layers: {} });
  const [busy, setBusy] = useState(false);
  /** The user chose to read the coordinates as latitude/longitude written the wrong way round. */
  const [swapped, setSwapped] = useState(false);

  /** Reads the file in `chosen` CRS (undefined: its own or a guess); `fresh` resets the mapping for a new file. */
  const run = async (loaded: Loaded, chosen: string | undefined, fresh: boolean, via: VnTransformationChoice = transformation) => {
    setBusy(true);
    const SQL = formatFromFileName(loaded.name) === 'gpkg' ? await loadSqlJs() : undefined;
    const province = doc ? doc.project.formerProvince || doc.project.province : undefined;
    // 'auto' is left out so a .prj that names its transformation (TOWGS84) keeps it.
    const choice = via === 'auto' ? undefined : via;
    let r = importFile(loaded.bytes, loaded.name, { crs: chosen, transformation: choice, province, SQL });
    let wasGuess = false;
    if (!r.ok && r.reason === 'crs_required' && r.guess && chosen === undefined) {
      // Show the guess on the map at once; the user confirms or changes it in the list.
      const guess = r.guess;
      r = importFile(loaded.bytes, loaded.name, { crs: guess, transformation: choice, province, SQL });
      setCrs(guess);
      wasGuess = true;
    }
    if (chosen === undefined) setGuessed(wasGuess);
    setResult(r);
    if (r.ok && fresh) setMapping(defaultMapping(r.layers));
    setBusy(false);
  };

  const onFile = async (input: HTMLInputElement) => {
    const f = input.files?.[0];
    if (!f) return;
    const loaded = { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) };
    setFile(loaded);
    setCrs(undefined);
    setGuessed(false);
    setSwapped(false);
    await run(loaded, undefined, true);
  };

  const existing = useMemo(() => (doc ? activeScenario(doc).features : []), [doc]);
  const swapSuspected = useMemo(() => (result?.ok ? latLonSwapSuspected(result.layers) : false), [result]);
  const layers = useMemo(() => (result?.ok ? (swapped ? swapLatLon(result.layers) : result.layers) : null), [result, swapped]);
  const applied = useMemo(() => (layers ? applyMapping(layers, mapping, { existingIds: existing.map((f) => f.id) }) : null), [layers, mapping, existing]);
  const checks = useMemo(() => (applied ? checkImport(applied.features, existing) : null), [applied, existing]);

  // The map frames the preview once per read (file, CRS or lat/lon swap), not on every mapping change.
  const lastLayers = useRef<ImportedLayer[] | null>(null);
  useEffect(() => {
    const preview: FeatureCollection | null = applied
      ? { type: 'FeatureCollection', features: applied.features.map((f) => ({ type: 'Feature', properties: { group: featureGroup(f) }, geometry: f.geometry })) }
      : null;
    const fresh = layers !== lastLayers.current;
    lastLayers.current = layers;
    useImportPreview.getState().setPreview(preview, fresh && preview !== null);
  }, [applied, layers]);
  useEffect(() => () => useImportPreview.getState().closePreview(false), []);

  /** `imported`: the features are now in the park, so the map stays on them; a cancel returns the view. */
  const close = (imported: boolean) => {
    useImportPreview.getState().closePreview(!imported);
    onClose();
  };

  const addToScenario = () => {
    const store = useDocumentStore.getState();
    if (!store.document || !applied || !file) return;
    store.apply({ label: t('exchange.command', { file: file.name }), scenarioId: store.document.activeScenarioId, put: applied.features, delete: [] });
    useUiStore.getState().notify({ tone: 'info', text: t('exchange.imported', { count: applied.features.length, file: file.name }) });
    close(true);
  };

  const asNewProject = async () => {
    if (!applied || !file) return;
    const created = createEmptyDocument(projectNameFromFileName(file.name.replace(/\.shp\.zip$/i, '.zip')), { location: centreOf(applied.features) });
    created.scenarios[0].features = applied.features;
    // Through loadUntitled: the host forgets the open file first, so Save asks where.
    await loadUntitled(created, file.name);
    useUiStore.getState().notify({ tone: 'info', text: t('exchange.imported', { count: applied.features.length, file: file.name }) });
    close(true);
  };

  const format = file ? formatFromFileName(file.name) : undefined;
  const needsCrs = !!file && ((format && CRS_FORMATS.has(format)) || (result !== null && !result.ok && (result.reason === 'crs_required' || result.reason === 'unsupported_crs')));
  const crsLabel = (code: string | undefined) => (code ? (parseCrsCode(code)?.label ?? code) : '');
  const scenarioName = doc ? activeScenario(doc).name : '';

  return (
    // Not modal: the map beside it previews the import. Esc or × cancels, like Cancel.
    <ModalDialog title={t('exchange.importTitle')} onClose={() => close(false)} modal={false} className="exchange-dialog">
      {/* The native input's own "Choose File" text is in the browser's language: it is hidden under a label in the app's. */}
      <label className="exchange-row exchange-file">
        <span className="exchange-file-button" aria-hidden="true">{t('exchange.chooseFile')}</span>
        {file && <span className="exchange-file-name">{file.name}</span>}
        <input type="file" aria-label={t('exchange.chooseFile')} accept=".geojson,.json,.kml,.kmz,.zip,.dxf,.gpkg" onChange={(e) => void onFile(e.currentTarget)} />
      </label>
      <p className="exchange-note">{t('exchange.fileHint')}</p>
      {busy && file && <p className="exchange-note">{t('exchange.reading', { file: file.name })}</p>}
      {needsCrs && file && (
        <label className="exchange-row">
          {t('exchange.crs')}
          <select
            className="exchange-crs"
            aria-label={t('exchange.crs')}
            value={crs ?? (result?.ok ? result.crs.split(', ')[0] : '')}
            onChange={(e) => {
              setCrs(e.target.value);
              setGuessed(false);
              void run(file, e.target.value, false);
            }}
          >
            <option value="">—</option>
            <CrsOptions />
          </select>
        </label>
      )}
      {file && (
        <TransformationSelect
          crsCode={crs ?? (result?.ok ? result.crs.split(', ')[0] : undefined)}
          value={transformation}
          onChange={(v) => {
            setTransformation(v);
            void run(file, crs, false, v);
          }}
        />
      )}
      {result?.ok && <TransformationUsed codes={result.transformations} />}
      {guessed && crs && <p className="exchange-note">{t('exchange.crsGuessed', { crs: crsLabel(crs) })}</p>}
      {result?.ok && !guessed && crs === undefined && format === 'shp' && <p className="exchange-note">{t('exchange.crsFromFile', { crs: crsLabel(result.crs.split(', ')[0]) })}</p>}
      {result && !result.ok && (
        <p className="error-text" role="alert">
          {t(`exchange.error.${result.reason}`)} {describeImportRefusal(result.refusal, lang)}
        </p>
      )}
      {/* A refusal's notes explain it (e.g. a DXF holding only unsupported entities): shown open. */}
      {result && !result.ok && <ImportNotes notes={result.notes ?? []} open />}
      {result?.ok && (swapSuspected || swapped) && (
        <div className="exchange-swap" role="status">
          {!swapped && <p className="exchange-note">{t('exchange.swapSuspected')}</p>}
          <label className="exchange-row">
            <input type="checkbox" checked={swapped} onChange={(e) => setSwapped(e.target.checked)} /> {t('exchange.swapLatLon')}
          </label>
        </div>
      )}
      {result?.ok && layers && (
        <>
          <MappingTable layers={layers} mapping={mapping} onChange={setMapping} />
          {applied && <p className="exchange-note exchange-summary">{t('exchange.summary', { count: applied.features.length })}</p>}
          {checks && checks.selfIntersecting.length > 0 && (
            <p className="exchange-note exchange-problem" role="alert">
              {t('exchange.selfIntersecting', { count: checks.selfIntersecting.length })}
            </p>
          )}
          {checks && checks.overlappingExisting.length > 0 && (
            <p className="exchange-note exchange-overlaps">{t('exchange.overlapsExisting', { count: checks.overlappingExisting.length, scenario: scenarioName })}</p>
          )}
          {applied && <ImportNotes notes={[...result.notes, ...applied.notes]} />}
        </>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={() => close(false)}>
          {t('exchange.cancel')}
        </button>
        <button type="button" onClick={() => void asNewProject()} disabled={!applied || applied.features.length === 0}>
          {t('exchange.newProject')}
        </button>
        <button type="button" className="primary" onClick={addToScenario} disabled={!doc || !applied || applied.features.length === 0}>
          {t('exchange.addToScenario', { scenario: scenarioName })}
        </button>
      </div>
    </ModalDialog>
  );
}

/** The reader's and the mapping's notes (skipped entities, encodings), worded in the UI language, at most 200, folded unless `open`. */
function ImportNotes({ notes, open = false }: { notes: readonly ImportNote[]; open?: boolean }) {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  if (notes.length === 0) return null;
  return (
    <details className="exchange-warnings" open={open}>
      <summary>{t('exchange.warnings', { count: notes.length })}</summary>
      <ul>
        {notes.slice(0, 200).map((w, i) => (
          <li key={i}>{describeImportNote(w, lang)}</li>
        ))}
      </ul>
    </details>
  );
}
