import { useEffect, useMemo, useState } from 'react';
import { describeProblem } from '../../../shared/analysis/problems';
import { useDocumentStore } from '../state/document-store';
import { useUiStore } from '../state/ui-store';
import { useT } from '../i18n/use-t';
import { refusalKey } from '../i18n/refusal-text';
import { selectedFeatures } from './edit-actions';
import { draftSubdivision, previewOf, useSubdividePreview } from './subdivide-preview-layer';

/**
 * Subdivide the selected block into N equal plots or plots of a target area (issue 3). The new
 * lines are previewed on the map as the options change, and buildings they would cut through
 * are listed before anything is committed (issue 13).
 */
export function SubdivideDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const doc = useDocumentStore((s) => s.document);
  const [mode, setMode] = useState<'count' | 'area'>('count');
  const [count, setCount] = useState(6);
  const [targetAreaM2, setTargetAreaM2] = useState(10000);
  const [direction, setDirection] = useState<'long' | 'custom'>('long');
  const [directionDeg, setDirectionDeg] = useState(0);
  const [roadWidthM, setRoadWidthM] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const block = selectedFeatures().find((f) => f.kind === 'landuse');
  const blockId = block?.id;
  const label = t('command.subdivide');

  const draft = useMemo(() => {
    if (!doc || !blockId) return null;
    const options = { ...(mode === 'count' ? { count } : { targetAreaM2 }), ...(direction === 'custom' ? { directionDeg } : {}), roadWidthM, label };
    return draftSubdivision(doc, blockId, options);
  }, [doc, blockId, mode, count, targetAreaM2, direction, directionDeg, roadWidthM, label]);
  useEffect(() => useSubdividePreview.getState().setPreview(previewOf(draft)), [draft]);
  useEffect(() => () => useSubdividePreview.getState().setPreview(null), []);

  const apply = () => {
    const store = useDocumentStore.getState();
    if (!store.document || !block || !draft) return setError(t('subdivide.needsPolygon'));
    if (!draft.ok) return; // the reason is shown under the options
    store.apply(draft.command);
    useUiStore.getState().select(draft.plotIds);
    onClose();
  };
  const crossings = draft?.ok ? (draft.crossings ?? []) : [];

  return (
    <section className="panel dialog subdivide-dialog" role="dialog" aria-label={t('subdivide.title')}>
      <h2>{t('subdivide.title')}</h2>
      {!block && <p className="error-text">{t('subdivide.needsPolygon')}</p>}
      <fieldset>
        <legend>{t('subdivide.mode')}</legend>
        <label>
          <input type="radio" checked={mode === 'count'} onChange={() => setMode('count')} /> {t('subdivide.byCount')}{' '}
          <input type="number" min={2} max={500} value={count} onChange={(e) => setCount(Math.max(2, Math.round(Number(e.target.value))))} aria-label={t('subdivide.byCount')} />
        </label>
        <label>
          <input type="radio" checked={mode === 'area'} onChange={() => setMode('area')} /> {t('subdivide.byArea')}{' '}
          <input type="number" min={1} value={targetAreaM2} onChange={(e) => setTargetAreaM2(Number(e.target.value))} aria-label={t('subdivide.byArea')} />
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('subdivide.direction')}</legend>
        <label>
          <input type="radio" checked={direction === 'long'} onChange={() => setDirection('long')} /> {t('subdivide.longAxis')}
        </label>
        <label>
          <input type="radio" checked={direction === 'custom'} onChange={() => setDirection('custom')} /> {t('subdivide.customDirection')}{' '}
          <input type="number" value={directionDeg} onChange={(e) => setDirectionDeg(Number(e.target.value))} aria-label={t('subdivide.customDirection')} />
        </label>
      </fieldset>
      <label>
        {t('subdivide.roadWidth')}{' '}
        <input type="number" min={0} value={roadWidthM} onChange={(e) => setRoadWidthM(Math.max(0, Number(e.target.value)))} aria-label={t('subdivide.roadWidth')} />
      </label>
      {draft?.ok && (
        <div className="subdivide-preview" data-testid="subdivide-preview" aria-live="polite">
          <p>{t('subdivide.previewShown', { count: draft.plotIds.length })}</p>
          {crossings.length === 0 ? (
            <p>{t('subdivide.noCrossings')}</p>
          ) : (
            <div role="alert" aria-label={t('subdivide.crossingsTitle')}>
              <p className="error-text">{t('subdivide.crossings', { count: crossings.length })}</p>
              <ul>
                {crossings.map((c) => (
                  <li key={c.featureId} data-reason={c.reason}>
                    {describeProblem(c, draft.after!, lang)}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
      {draft && !draft.ok && <p className="error-text">{t('subdivide.failed', { reason: t(refusalKey(draft.reason)) })}</p>}
      {error && <p className="error-text">{error}</p>}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('subdivide.cancel')}
        </button>
        <button type="button" className="primary" onClick={apply} disabled={!draft?.ok}>
          {t('subdivide.apply')}
        </button>
      </div>
    </section>
  );
}
