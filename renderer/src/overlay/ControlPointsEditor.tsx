import { useEffect, useMemo, useState, type MouseEvent } from 'react';
import { fitControlPoints, type ControlPoint, type Overlay } from '../../../shared/overlay';
import { formatNumber } from '../i18n/strings';
import { useT } from '../i18n/use-t';
import { useUiStore } from '../state/ui-store';
import { patchOverlay, useOverlayUi } from './overlay-store';
import { overlayDataUrl } from './read-overlay-file';

/** A row as typed: strings, so a half-typed number is not lost on re-render. */
interface Row {
  x: string;
  y: string;
  lon: string;
  lat: string;
}

const toRow = (p: ControlPoint): Row => ({ x: String(p.x), y: String(p.y), lon: String(p.lon), lat: String(p.lat) });

function parseRow(row: Row): ControlPoint | null {
  const values = [row.x, row.y, row.lon, row.lat].map((v) => (v.trim() === '' ? NaN : Number(v)));
  if (!values.every(Number.isFinite)) return null;
  const [x, y, lon, lat] = values;
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) return null;
  return { x, y, lon, lat };
}

const FIELDS = ['x', 'y', 'lon', 'lat'] as const;
/** Height of the image in the panel: big enough to click a road crossing, small enough to keep the table in view. */
const THUMB_HEIGHT_PX = 224;
const FIELD_LABELS = { x: 'overlay.cp.pixelX', y: 'overlay.cp.pixelY', lon: 'overlay.cp.lon', lat: 'overlay.cp.lat' } as const;

/**
 * Control points of one overlay: image pixel ↔ lon/lat, typed or picked (a click on the image
 * below, then on the map). Residuals update as points are entered; "Apply" moves the corners.
 */
export function ControlPointsEditor({ overlay }: { overlay: Overlay }) {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const [rows, setRows] = useState<Row[]>(() => (overlay.controlPoints ?? []).map(toRow));
  // One data URL per image, not a new multi-megabyte string on every keystroke.
  const { mimeType, dataBase64 } = overlay;
  const src = useMemo(() => overlayDataUrl({ mimeType, dataBase64 }), [mimeType, dataBase64]);
  const pick = useOverlayUi((s) => (s.pick?.overlayId === overlay.id ? s.pick : null));
  const picked = useOverlayUi((s) => s.picked);

  // Only a pick made after this editor opened adds a row (not one left from an earlier visit).
  const [seenSeq, setSeenSeq] = useState(() => useOverlayUi.getState().picked?.seq ?? 0);
  useEffect(() => {
    if (!picked || picked.seq <= seenSeq) return;
    setSeenSeq(picked.seq);
    if (picked.overlayId === overlay.id) setRows((r) => [...r, toRow(picked)]);
  }, [picked, seenSeq, overlay.id]);
  useEffect(() => () => useOverlayUi.getState().setPick(null), []);
  useEffect(() => {
    if (!pick) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') useOverlayUi.getState().setPick(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pick]);

  const parsed = rows.map(parseRow);
  const complete = parsed.filter((p): p is ControlPoint => p !== null);
  // Keyed on the points' values, not the array re-made on every render.
  const key = JSON.stringify(complete);
  const fit = useMemo(() => fitControlPoints(JSON.parse(key) as ControlPoint[], overlay.widthPx, overlay.heightPx), [key, overlay.widthPx, overlay.heightPx]);
  let completeIndex = 0;
  const residualOf = parsed.map((p) => (p && fit.ok ? fit.residualsM[completeIndex++] : null));

  const onImageClick = (event: MouseEvent<HTMLImageElement>) => {
    const img = event.currentTarget;
    const rect = img.getBoundingClientRect();
    const x = ((event.clientX - rect.left) / rect.width) * overlay.widthPx;
    const y = ((event.clientY - rect.top) / rect.height) * overlay.heightPx;
    useOverlayUi.getState().setPick({ overlayId: overlay.id, pixel: [Math.round(x * 10) / 10, Math.round(y * 10) / 10] });
  };

  const edit = (index: number, field: keyof Row, value: string) => setRows((r) => r.map((row, i) => (i === index ? { ...row, [field]: value } : row)));

  const apply = () => {
    if (!fit.ok) return;
    patchOverlay(overlay.id, { corners: fit.corners, controlPoints: complete });
    useUiStore.getState().notify({ tone: 'info', text: t('overlay.cp.applied', { n: complete.length }) });
  };

  return (
    <div className="overlay-cp" role="group" aria-label={t('overlay.controlPoints')}>
      <div className="overlay-cp-image" style={{ width: `min(100%, ${(THUMB_HEIGHT_PX * overlay.widthPx) / overlay.heightPx}px)` }}>
        <img src={src} alt={t('overlay.cp.imageLabel')} onClick={onImageClick} draggable={false} />
        {complete.map((p, i) => (
          <span key={i} className="overlay-cp-dot" style={{ left: `${(p.x / overlay.widthPx) * 100}%`, top: `${(p.y / overlay.heightPx) * 100}%` }}>
            {i + 1}
          </span>
        ))}
        {pick?.pixel && <span className="overlay-cp-dot pending" style={{ left: `${(pick.pixel[0] / overlay.widthPx) * 100}%`, top: `${(pick.pixel[1] / overlay.heightPx) * 100}%` }} />}
      </div>
      <p className="hint" role="status">
        {pick ? t(pick.pixel ? 'overlay.cp.pickMap' : 'overlay.cp.pickImage') : null}
      </p>
      <table className="overlay-cp-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            {FIELDS.map((f) => (
              <th key={f} scope="col">
                {t(FIELD_LABELS[f])}
              </th>
            ))}
            <th scope="col">{t('overlay.cp.residual')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              {FIELDS.map((f) => (
                <td key={f}>
                  <input type="number" step="any" aria-label={`${t(FIELD_LABELS[f])} ${i + 1}`} value={row[f]} onChange={(e) => edit(i, f, e.currentTarget.value)} />
                </td>
              ))}
              <td className="num">{residualOf[i] === null ? '–' : formatNumber(lang, residualOf[i]!, 2)}</td>
              <td>
                <button type="button" className="icon" aria-label={t('overlay.cp.remove', { n: i + 1 })} onClick={() => setRows((r) => r.filter((_, j) => j !== i))}>
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="overlay-cp-fit" role="status">
        {fit.ok
          ? t('overlay.cp.rms', { rms: formatNumber(lang, fit.rmsM, 2), kind: t(fit.kind === 'affine' ? 'overlay.cp.affine' : 'overlay.cp.similarity') })
          : t(`overlay.cp.${fit.reason}`)}
      </p>
      <div className="overlay-actions">
        {pick ? (
          <button type="button" onClick={() => useOverlayUi.getState().setPick(null)}>
            {t('overlay.cp.cancel')}
          </button>
        ) : (
          <button type="button" onClick={() => useOverlayUi.getState().setPick({ overlayId: overlay.id, pixel: null })}>
            {t('overlay.cp.pick')}
          </button>
        )}
        <button type="button" onClick={() => setRows((r) => [...r, { x: '', y: '', lon: '', lat: '' }])}>
          {t('overlay.cp.addRow')}
        </button>
        <button type="button" disabled={!fit.ok} onClick={apply}>
          {t('overlay.cp.apply')}
        </button>
      </div>
    </div>
  );
}
