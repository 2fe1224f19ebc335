import { useState } from 'react';
import { subdivideCommand } from '../../../shared/editing/commands';
import { useDocumentStore } from '../state/document-store';
import { useUiStore } from '../state/ui-store';
import { useT } from '../i18n/use-t';
import { selectedFeatures } from './edit-actions';

/** Subdivide the selected block into N equal plots or plots of a target area (issue 3). */
export function SubdivideDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const [mode, setMode] = useState<'count' | 'area'>('count');
  const [count, setCount] = useState(6);
  const [targetAreaM2, setTargetAreaM2] = useState(10000);
  const [direction, setDirection] = useState<'long' | 'custom'>('long');
  const [directionDeg, setDirectionDeg] = useState(0);
  const [roadWidthM, setRoadWidthM] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const block = selectedFeatures().find((f) => f.kind === 'landuse');

  const apply = () => {
    const store = useDocumentStore.getState();
    if (!store.document || !block) return setError(t('subdivide.needsPolygon'));
    const result = subdivideCommand(store.document, store.document.activeScenarioId, block.id, {
      ...(mode === 'count' ? { count } : { targetAreaM2 }),
      ...(direction === 'custom' ? { directionDeg } : {}),
      roadWidthM,
      label: t('command.subdivide'),
    });
    if (!result.ok) return setError(t('subdivide.failed', { reason: result.reason }));
    store.apply(result.command);
    useUiStore.getState().select(result.plotIds);
    onClose();
  };

  return (
    <section className="panel dialog" role="dialog" aria-label={t('subdivide.title')}>
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
      {error && <p className="error-text">{error}</p>}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('subdivide.cancel')}
        </button>
        <button type="button" className="primary" onClick={apply} disabled={!block}>
          {t('subdivide.apply')}
        </button>
      </div>
    </section>
  );
}
