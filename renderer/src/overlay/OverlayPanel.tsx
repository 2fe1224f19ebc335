import { useEffect, useRef, useState } from 'react';
import { describeLimitExceeded } from '../../../shared/limits';
import { newId } from '../../../shared/model';
import { placeInView, type Overlay } from '../../../shared/overlay';
import { translate } from '../i18n/strings';
import { useT } from '../i18n/use-t';
import { useDocumentStore } from '../state/document-store';
import { useUiStore } from '../state/ui-store';
import { ControlPointsEditor } from './ControlPointsEditor';
import { currentOverlays, patchOverlay, saveOverlays, useOverlayUi, useOverlays } from './overlay-store';
import { readOverlayFile } from './read-overlay-file';
import { confirmDestructive } from '../recovery/question-store';
import './overlay.css';

/** Opacity of a new overlay: the plan shows, and so does the park drawn over it. */
const INITIAL_OPACITY = 0.7;
/** View assumed when the map has not reported one (before it loads): 1 km square. */
const FALLBACK_VIEW_M = 1000;

/** Reads a chosen file and adds it as an overlay; a plain image starts in "adjust" mode. */
async function addFile(file: File): Promise<void> {
  const ui = useUiStore.getState();
  const doc = useDocumentStore.getState().document;
  if (!doc) return;
  const say = (tone: 'info' | 'error', key: Parameters<typeof translate>[1], params: Record<string, string | number> = {}) =>
    ui.notify({ tone, text: translate(useUiStore.getState().lang, key, { file: file.name, ...params }) });
  const result = await readOverlayFile(file);
  if (!result.ok) {
    if (result.reason === 'limit_exceeded') say('error', 'overlay.error.limit_exceeded', { detail: describeLimitExceeded(result.exceeded, useUiStore.getState().lang) });
    else say('error', result.reason === 'decode' ? 'overlay.error.decode' : 'overlay.error.unsupported_bands');
    return;
  }
  const { image } = result;
  let corners = image.corners;
  if (!corners) {
    const view = useOverlayUi.getState().viewExtent?.() ?? null;
    const center: [number, number] = view?.center ?? [doc.project.location.lon, doc.project.location.lat];
    corners = placeInView(center, view?.widthM ?? FALLBACK_VIEW_M, view?.heightM ?? FALLBACK_VIEW_M, image.widthPx, image.heightPx);
  }
  if (image.georeferenceFailure) say('info', `overlay.error.${image.georeferenceFailure.reason}`, { epsg: image.georeferenceFailure.epsg ?? '' });
  const overlay: Overlay = {
    id: newId(),
    name: image.name,
    mimeType: image.mimeType,
    dataBase64: image.dataBase64,
    widthPx: image.widthPx,
    heightPx: image.heightPx,
    corners,
    opacity: INITIAL_OPACITY,
    visible: true,
  };
  saveOverlays([...currentOverlays(), overlay]);
  if (!image.corners) useOverlayUi.getState().setAdjusting(overlay.id);
}

function OverlayItem({ overlay, cpOpen, onToggleCp }: { overlay: Overlay; cpOpen: boolean; onToggleCp(): void }) {
  const t = useT();
  const adjusting = useOverlayUi((s) => s.adjustingId === overlay.id);
  // While the slider moves only the map follows (a preview); releasing it writes the document
  // once, so a drag is one change and the panels that watch the document are not re-run per step.
  const [dragPercent, setDragPercent] = useState<number | null>(null);
  const percent = dragPercent ?? Math.round(overlay.opacity * 100);
  const sliderRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const slider = sliderRef.current;
    if (!slider) return;
    const commit = () => {
      const opacity = Number(slider.value) / 100;
      setDragPercent(null);
      useOverlayUi.setState({ previewOpacity: null });
      if (opacity !== overlay.opacity) patchOverlay(overlay.id, { opacity });
    };
    // The native change event fires on release (mouse, touch) and on each keyboard step.
    slider.addEventListener('change', commit);
    return () => slider.removeEventListener('change', commit);
  }, [overlay.id, overlay.opacity]);
  const remove = async () => {
    const confirmed = await confirmDestructive({
      title: t('overlay.deleteConfirm', { name: overlay.name }),
      text: t('overlay.deleteText'),
      confirmLabel: t('overlay.deleteAction'),
      cancelLabel: t('recovery.cancel'),
    });
    if (!confirmed) return;
    if (useOverlayUi.getState().adjustingId === overlay.id) useOverlayUi.getState().setAdjusting(null);
    saveOverlays(currentOverlays().filter((o) => o.id !== overlay.id));
  };
  return (
    <li className="overlay-item" aria-label={overlay.name} data-overlay-id={overlay.id}>
      <div className="overlay-head">
        <label>
          <input type="checkbox" checked={overlay.visible} onChange={(e) => patchOverlay(overlay.id, { visible: e.currentTarget.checked })} />
          {t('overlay.visible')}
        </label>
        <span className="overlay-name" title={overlay.name}>
          {overlay.name}
        </span>
        <span className="hint">
          {overlay.widthPx} × {overlay.heightPx} px
        </span>
      </div>
      <div className="overlay-opacity">
        <span aria-hidden="true">{t('overlay.opacity')}</span>
        <input
          type="range"
          min={0}
          max={100}
          step={1}
          value={percent}
          aria-label={t('overlay.opacity')}
          aria-valuetext={`${percent} %`}
          ref={sliderRef}
          onChange={(e) => {
            const value = Number(e.currentTarget.value);
            setDragPercent(value);
            useOverlayUi.setState({ previewOpacity: { overlayId: overlay.id, opacity: value / 100 } });
          }}
        />
        <output>{percent} %</output>
      </div>
      <div className="overlay-actions">
        <button type="button" aria-pressed={adjusting} disabled={!overlay.visible} onClick={() => useOverlayUi.getState().setAdjusting(adjusting ? null : overlay.id)}>
          {t('overlay.adjust')}
        </button>
        <button type="button" aria-pressed={cpOpen} onClick={onToggleCp}>
          {t('overlay.controlPoints')}
        </button>
        <button type="button" className="danger" onClick={() => void remove()}>
          {t('overlay.delete')}
        </button>
      </div>
      {adjusting && <p className="hint">{t('overlay.adjustHint')}</p>}
      {cpOpen && <ControlPointsEditor overlay={overlay} />}
    </li>
  );
}

/** The Overlays side panel: add, list, show/hide, opacity, adjust corners, control points, delete. */
export function OverlayPanel() {
  const t = useT();
  const overlays = useOverlays();
  const hasDocument = useDocumentStore((s) => s.document !== null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [loading, setLoading] = useState<string | null>(null);
  const [cpOpenId, setCpOpenId] = useState<string | null>(null);

  const onFiles = async (files: FileList | null) => {
    for (const file of Array.from(files ?? [])) {
      setLoading(file.name);
      try {
        await addFile(file);
      } finally {
        setLoading(null);
      }
    }
    if (inputRef.current) inputRef.current.value = '';
  };

  return (
    <div className="overlay-panel" aria-busy={loading !== null}>
      <div className="overlay-add">
        <button type="button" disabled={!hasDocument} onClick={() => inputRef.current?.click()}>
          {t('overlay.add')}
        </button>
        <input
          ref={inputRef}
          type="file"
          hidden
          data-testid="overlay-file"
          accept=".png,.jpg,.jpeg,.tif,.tiff,image/png,image/jpeg,image/tiff"
          multiple
          onChange={(e) => void onFiles(e.currentTarget.files)}
        />
        <p className="hint">{t('overlay.addHint')}</p>
        {loading && <p role="status">{t('overlay.loading', { file: loading })}</p>}
      </div>
      {overlays.length === 0 ? (
        <p className="hint">{t('overlay.empty')}</p>
      ) : (
        <ul className="overlay-list">
          {[...overlays].reverse().map((o) => (
            <OverlayItem key={o.id} overlay={o} cpOpen={cpOpenId === o.id} onToggleCp={() => setCpOpenId(cpOpenId === o.id ? null : o.id)} />
          ))}
        </ul>
      )}
    </div>
  );
}
