import { ROOF_TYPES, type RoofType } from '../../../shared/model';
import { useT } from '../i18n/use-t';
import type { MessageKey } from '../i18n/strings';
import { useToolStore } from './tool-store';

/**
 * Options of the current tool (rectangle mode, road width, building height…) and its hint, in a
 * small panel floating over the map's bottom-left corner (App mounts it in the map area): picking
 * a tool never resizes the map under the user's next click, and the toolbar stays one row.
 */
export function ToolOptions() {
  const t = useT();
  const s = useToolStore();
  const numberInput = (label: string, value: number, onChange: (v: number) => void, step = 1) => (
    <label>
      {label}{' '}
      <input type="number" min={0} step={step} value={value} onChange={(e) => Number(e.target.value) > 0 && onChange(Number(e.target.value))} />
    </label>
  );
  return (
    <div className="tool-options" role="group" aria-label={t('tool.optionsLabel')}>
      {s.tool === 'rectangle' && (
        <label>
          {t('tool.rectangleMode')}{' '}
          <select value={s.rectangleMode} onChange={(e) => s.set({ rectangleMode: e.target.value as 'rotated' | 'axis' })}>
            <option value="rotated">{t('tool.rectangleRotated')}</option>
            <option value="axis">{t('tool.rectangleAxis')}</option>
          </select>
        </label>
      )}
      {s.tool === 'road' && numberInput(t('tool.roadWidth'), s.roadWidthM, (v) => s.set({ roadWidthM: v }))}
      {s.tool === 'building' && (
        <>
          <label>
            {t('tool.buildingShape')}{' '}
            <select value={s.buildingShape} onChange={(e) => s.set({ buildingShape: e.target.value as 'rectangle' | 'polygon' })}>
              <option value="rectangle">{t('tool.buildingRectangle')}</option>
              <option value="polygon">{t('tool.buildingPolygon')}</option>
            </select>
          </label>
          {numberInput(t('tool.buildingHeight'), s.buildingHeightM, (v) => s.set({ buildingHeightM: v }), 0.5)}
          {numberInput(t('tool.buildingFloors'), s.buildingFloors, (v) => s.set({ buildingFloors: Math.round(v) }))}
          <select aria-label={t('attr.roofType' as MessageKey)} value={s.buildingRoofType} onChange={(e) => s.set({ buildingRoofType: e.target.value as RoofType })}>
            {ROOF_TYPES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </>
      )}
      {s.tool === 'point' && (
        <label>
          {t('tool.pointType')} <input type="text" value={s.pointType} onChange={(e) => s.set({ pointType: e.target.value })} />
        </label>
      )}
      {(s.tool === 'polygon' || s.tool === 'rectangle') && (
        <>
          <label>
            {t('tool.overlapPolicy')}{' '}
            <select value={s.overlapPolicy} onChange={(e) => s.set({ overlapPolicy: e.target.value as 'prevent' | 'flag' })}>
              <option value="prevent">{t('tool.overlapPrevent')}</option>
              <option value="flag">{t('tool.overlapFlag')}</option>
            </select>
          </label>
          <label>
            <input type="checkbox" checked={s.clipToBoundary} onChange={(e) => s.set({ clipToBoundary: e.target.checked })} /> {t('tool.clip')}
          </label>
        </>
      )}
      {s.tool !== 'select' && numberInput(t('tool.snapTolerance'), s.snapTolerancePx, (v) => s.set({ snapTolerancePx: Math.min(50, Math.round(v)) }))}
      <span className="tool-hint">{t(`draw.hint.${s.tool}` as MessageKey)}</span>
    </div>
  );
}
