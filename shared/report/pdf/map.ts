import type { MapFigure } from '../types';
import type { Canvas } from './canvas';

/**
 * Draws a map figure into the box (page points, y down): north-up, uniform scale fitted to the
 * box, clipped to the frame; degree ticks outside the frame; scale bar and north arrow inside.
 * Returns the height used by the legend below the frame.
 */
export function drawMapFigure(c: Canvas, fig: MapFigure, box: { x: number; y: number; w: number; h: number }, o: { legend?: boolean; small?: boolean; northLabel: string } = { northLabel: 'N' }): number {
  const spanX = fig.maxX - fig.minX;
  const spanY = fig.maxY - fig.minY;
  const k = Math.min(box.w / spanX, box.h / spanY);
  const fw = spanX * k;
  const fh = spanY * k;
  const fx = box.x + (box.w - fw) / 2;
  const fy = box.y;
  const px = (x: number) => fx + (x - fig.minX) * k;
  const py = (y: number) => fy + (fig.maxY - y) * k;
  const pt = ([x, y]: readonly [number, number]) => [px(x), py(y)] as [number, number];

  c.rect(fx, fy, fw, fh, { fill: '#ffffff' });
  c.clipped(fx, fy, fw, fh, () => {
    for (const p of fig.primitives) {
      if (p.type === 'polygon') c.polygon(p.rings.map((r) => r.map(pt)), { fill: p.fill, stroke: p.stroke, lineWidth: o.small ? Math.min(p.strokeWidthPt, 0.2) : p.strokeWidthPt });
      else if (p.type === 'line') c.polyline(p.points.map(pt), { stroke: p.stroke, lineWidth: Math.max(p.widthM * k, 0.3), round: false });
      else if (p.type === 'outline') c.polygon(p.rings.map((r) => r.map(pt)), { stroke: p.stroke, lineWidth: o.small ? 0.8 : p.strokeWidthPt, dash: p.dash ? [5, 2] : undefined });
      else {
        const [x, y] = pt(p.at);
        const r = o.small ? 1.2 : 2.2;
        c.polygon([Array.from({ length: 12 }, (_, i) => [x + r * Math.cos((i * Math.PI) / 6), y + r * Math.sin((i * Math.PI) / 6)] as [number, number])], { fill: p.fill, stroke: p.stroke, lineWidth: 0.4 });
      }
    }
  });
  c.rect(fx, fy, fw, fh, { stroke: '#333333', lineWidth: 0.7 });

  const tickSize = o.small ? 5 : 6.5;
  if (!o.small) {
    for (const t of fig.lonTicks) {
      const x = px(t.posM);
      if (x < fx + 1 || x > fx + fw - 1) continue;
      c.polyline([[x, fy + fh], [x, fy + fh + 4]], { stroke: '#333333', lineWidth: 0.5 });
      c.polyline([[x, fy], [x, fy - 4]], { stroke: '#333333', lineWidth: 0.5 });
      c.text(t.label, x, fy + fh + 4 + tickSize + 1, { size: tickSize, align: 'center', colour: '#333333' });
    }
    for (const t of fig.latTicks) {
      const y = py(t.posM);
      if (y < fy + 1 || y > fy + fh - 1) continue;
      c.polyline([[fx, y], [fx - 4, y]], { stroke: '#333333', lineWidth: 0.5 });
      c.polyline([[fx + fw, y], [fx + fw + 4, y]], { stroke: '#333333', lineWidth: 0.5 });
      c.text(t.label, fx - 5, y + tickSize / 3, { size: tickSize, align: 'right', colour: '#333333' });
    }
  }

  // Scale bar: alternating halves, bottom-left inside the frame.
  const barW = fig.scaleBarM * k;
  const bx = fx + 10;
  const by = fy + fh - (o.small ? 10 : 16);
  const barH = o.small ? 2.5 : 4;
  c.rect(bx - 4, by - (o.small ? 7 : 11), barW + 8 + (o.small ? 18 : 30), barH + (o.small ? 10 : 15), { fill: '#ffffff' });
  c.rect(bx, by, barW / 2, barH, { fill: '#222222', stroke: '#222222', lineWidth: 0.4 });
  c.rect(bx + barW / 2, by, barW / 2, barH, { fill: '#ffffff', stroke: '#222222', lineWidth: 0.4 });
  c.text('0', bx, by - 2, { size: tickSize - 1, align: 'center' });
  c.text(fig.scaleBarLabel, bx + barW, by - 2, { size: tickSize - 1, align: 'center' });

  // North arrow: the frame is north-up by construction (local frame, no rotation).
  const ax = fx + fw - (o.small ? 10 : 18);
  const ay = fy + (o.small ? 6 : 10);
  const ah = o.small ? 12 : 22;
  c.polygon([[[ax, ay], [ax + ah * 0.3, ay + ah], [ax, ay + ah * 0.72]]], { fill: '#222222' });
  c.polygon([[[ax, ay], [ax - ah * 0.3, ay + ah], [ax, ay + ah * 0.72]]], { fill: '#ffffff', stroke: '#222222', lineWidth: 0.5 });
  c.text(o.northLabel, ax, ay + ah + tickSize + 2, { size: tickSize + 1, bold: true, align: 'center' });

  // Below the frame: the degree labels, then the legend.
  if (o.legend === false || fig.legend.length === 0) return fh + (o.small ? 0 : 16);
  const cols = 3;
  const colW = box.w / cols;
  const ly = fy + fh + (o.small ? 6 : 22);
  fig.legend.forEach((item, i) => {
    const x = box.x + (i % cols) * colW;
    const y = ly + Math.floor(i / cols) * 13;
    if (item.shape === 'box') c.rect(x, y, 14, 8, { fill: item.fill, stroke: item.stroke, lineWidth: 0.5 });
    else if (item.shape === 'outline') c.polyline([[x, y + 4], [x + 14, y + 4]], { stroke: item.stroke, lineWidth: 1.4, dash: [3, 1.5], round: false });
    else if (item.shape === 'line') c.polyline([[x, y + 4], [x + 14, y + 4]], { stroke: item.fill, lineWidth: 4, round: false });
    else c.polygon([Array.from({ length: 12 }, (_, j) => [x + 7 + 2.5 * Math.cos((j * Math.PI) / 6), y + 4 + 2.5 * Math.sin((j * Math.PI) / 6)] as [number, number])], { fill: item.fill, stroke: item.stroke, lineWidth: 0.4 });
    c.text(item.label, x + 19, y + 7, { size: 7.5 });
  });
  return fh + (o.small ? 6 : 22) + Math.ceil(fig.legend.length / cols) * 13;
}
