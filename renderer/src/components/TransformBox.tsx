import { useState } from 'react';
import bbox from '@turf/bbox';
import type { FeatureCollection, Geometry } from 'geojson';
import type { ParkFeature } from '../../../shared/model';
import { rotateCommand, scaleCommand } from '../../../shared/editing/commands';
import { useDocumentStore } from '../state/document-store';
import { applyResult } from '../drawing/edit-actions';
import { useT } from '../i18n/use-t';
import { useUiStore } from '../state/ui-store';
import { parseLocaleNumber } from '../i18n/format';

/** Centre of the selection's bounding box: the pivot of rotate and scale. */
function pivotOf(features: ParkFeature[]): [number, number] {
  const collection: FeatureCollection = { type: 'FeatureCollection', features: features.map((f) => ({ type: 'Feature', geometry: f.geometry as Geometry, properties: {} })) };
  const [minX, minY, maxX, maxY] = bbox(collection);
  return [(minX + maxX) / 2, (minY + maxY) / 2];
}

/** Rotate by an angle or scale by a factor about the selection's centre: one command each. */
export function TransformBox({ features }: { features: ParkFeature[] }) {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const [angle, setAngle] = useState('');
  const [factor, setFactor] = useState('');
  const rotate = () => {
    // Typed in either decimal convention ("12,5" or "12.5").
    const value = parseLocaleNumber(lang, angle);
    if (value === null || value === 0) return;
    const doc = useDocumentStore.getState().document;
    if (doc) applyResult(rotateCommand(doc, doc.activeScenarioId, features.map((f) => f.id), value, pivotOf(features), { label: t('command.rotate') }));
    setAngle('');
  };
  const scale = () => {
    const value = parseLocaleNumber(lang, factor);
    if (value === null || !(value > 0) || value === 1) return;
    const doc = useDocumentStore.getState().document;
    if (doc) applyResult(scaleCommand(doc, doc.activeScenarioId, features.map((f) => f.id), value, pivotOf(features), { label: t('command.scale') }));
    setFactor('');
  };
  return (
    <details className="transform-box">
      <summary>{t('properties.transform')}</summary>
      <label className="row">
        <span>{t('properties.rotate')}</span>
        <input type="text" inputMode="decimal" value={angle} onChange={(e) => setAngle(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && rotate()} />
        <button type="button" onClick={rotate}>
          {t('properties.apply')}
        </button>
      </label>
      <label className="row">
        <span>{t('properties.scale')}</span>
        <input type="text" inputMode="decimal" value={factor} onChange={(e) => setFactor(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && scale()} />
        <button type="button" onClick={scale}>
          {t('properties.apply')}
        </button>
      </label>
    </details>
  );
}
