import type { MapFigure, MapXY } from '../../../../shared/report/types';

/**
 * A small SVG map from the report's map primitives (the same figure the PDF draws): viewBox in
 * local metres with y flipped so north is up; road corridors keep their real width.
 */
export function CompareMap({ figure }: { figure: MapFigure }) {
  const { minX, maxY } = figure;
  const w = figure.maxX - minX;
  const h = maxY - figure.minY;
  const pt = ([x, y]: MapXY) => `${(x - minX).toFixed(1)},${(maxY - y).toFixed(1)}`;
  const path = (rings: MapXY[][]) => rings.map((r) => `M${r.map(pt).join('L')}Z`).join('');
  const px = w / 240; // metres per screen pixel at the panel's width
  return (
    <svg className="compare-map" viewBox={`0 0 ${w.toFixed(1)} ${h.toFixed(1)}`} role="img" aria-label={figure.title}>
      <rect width={w} height={h} fill="#ffffff" />
      {figure.primitives.map((p, i) => {
        if (p.type === 'polygon') return <path key={i} d={path(p.rings)} fill={p.fill} fillRule="evenodd" stroke={p.stroke} strokeWidth={p.strokeWidthPt > 0 ? px * 0.5 : 0} />;
        if (p.type === 'line') return <polyline key={i} points={p.points.map(pt).join(' ')} fill="none" stroke={p.stroke} strokeWidth={p.widthM} />;
        if (p.type === 'outline') return <path key={i} d={path(p.rings)} fill="none" stroke={p.stroke} strokeWidth={px * 1.5} strokeDasharray={p.dash ? `${px * 5} ${px * 2}` : undefined} />;
        const [x, y] = pt(p.at).split(',').map(Number);
        return <circle key={i} cx={x} cy={y} r={px * 2.5} fill={p.fill} stroke={p.stroke} strokeWidth={px * 0.5} />;
      })}
      <g transform={`translate(${w - px * 14} ${px * 4}) scale(${px})`} aria-hidden="true">
        <path d="M0 0 L5 16 L0 12 Z" fill="#222" />
        <path d="M0 0 L-5 16 L0 12 Z" fill="#fff" stroke="#222" strokeWidth="0.8" />
      </g>
      <g aria-hidden="true">
        <rect x={px * 8} y={h - px * 10} width={figure.scaleBarM} height={px * 3} fill="#222" />
        <text x={px * 8} y={h - px * 13} fontSize={px * 8} fill="#222">{figure.scaleBarLabel}</text>
      </g>
    </svg>
  );
}
