import { useEffect, useRef } from 'react';
import { bearingDeg, pointAtDistanceAndBearing, rectangleFromSize } from '../../../shared/geometry/constraints';
import { useUiStore } from '../state/ui-store';
import { useT } from '../i18n/use-t';
import { formatArea, formatNumber } from '../i18n/strings';
import { useToolStore, type LonLat } from './tool-store';
import { draftPreview, isRectangleTool } from './draft-geometry';
import { addVertex } from './draw-controller';
import { parseRectangleEntry, parseSegmentEntry } from './numeric-entry';

function applyNumericEntry(text: string): boolean {
  const tools = useToolStore.getState();
  const { vertices, cursor } = tools.draft;
  const origin = vertices[vertices.length - 1];
  if (!origin) return false;
  if (isRectangleTool(tools.tool, tools.buildingShape)) {
    const size = parseRectangleEntry(text);
    if (!size) return false;
    const first = vertices[0];
    const bearing = vertices.length >= 2 ? bearingDeg(first, vertices[1]) : cursor ? bearingDeg(first, cursor) : 90;
    const polygon = rectangleFromSize(first, size.widthM, size.depthM, bearing);
    if (!polygon) return false;
    const ring = polygon.coordinates[0] as LonLat[];
    // Re-enter the rectangle as its defining clicks: first edge, then the depth corner.
    tools.set({ draft: { ...tools.draft, vertices: [ring[0], ring[1]] }, rectangleMode: 'rotated' });
    addVertex(ring[2]);
    return true;
  }
  const segment = parseSegmentEntry(text);
  if (!segment) return false;
  const bearing = segment.angleDeg !== null ? 90 - segment.angleDeg : cursor ? bearingDeg(origin, cursor) : 90;
  addVertex(pointAtDistanceAndBearing(origin, segment.lengthM, bearing));
  return true;
}

/** Live measurements next to the cursor while drawing, and the numeric entry box. */
export function DraftOverlay() {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const tools = useToolStore();
  const inputRef = useRef<HTMLInputElement>(null);
  const { draft, numericEntry } = tools;

  useEffect(() => {
    if (numericEntry !== null) inputRef.current?.focus();
  }, [numericEntry]);

  if (tools.tool === 'select' || !draft.cursorScreen) return null;
  const preview = draftPreview(tools.tool, draft, tools);
  const rows: string[] = [];
  if (preview.segmentM !== null) rows.push(`${t('draw.segment')}: ${formatNumber(lang, preview.segmentM, 1)} m`);
  if (preview.totalM !== null && draft.vertices.length > 1) rows.push(`${t('draw.total')}: ${formatNumber(lang, preview.totalM, 1)} m`);
  if (preview.areaM2 !== null) rows.push(`${t('draw.area')}: ${formatArea(lang, preview.areaM2)}`);
  const rectangle = isRectangleTool(tools.tool, tools.buildingShape);

  return (
    <div className="draft-overlay" style={{ left: draft.cursorScreen.x + 16, top: draft.cursorScreen.y + 16 }} data-testid="draft-measurements">
      {rows.map((row) => (
        <div key={row}>{row}</div>
      ))}
      {numericEntry !== null && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (applyNumericEntry(numericEntry)) tools.set({ numericEntry: null });
          }}
        >
          <input
            ref={inputRef}
            aria-label={t('draw.numericEntry')}
            value={numericEntry}
            placeholder={rectangle ? '120,80' : '120<90'}
            onChange={(e) => tools.set({ numericEntry: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'Escape') tools.set({ numericEntry: null });
              e.stopPropagation();
            }}
          />
          <div className="tool-hint">{rectangle ? t('draw.numericRectHint') : t('draw.numericHint')}</div>
        </form>
      )}
    </div>
  );
}
