/** One slice: `value` in any unit (only shares matter), `fill` a CSS colour. */
export interface DonutSlice {
  key: string;
  value: number;
  fill: string;
  label: string;
}

const R = 40;
const C = 2 * Math.PI * R;

/** A plain-SVG donut: each slice a stroked circle arc (dash offset), largest first as given. */
export function DonutChart({ slices, label, onHover }: { slices: DonutSlice[]; label: string; onHover?: (key: string | null) => void }) {
  const total = slices.reduce((s, x) => s + Math.max(0, x.value), 0);
  let offset = 0;
  return (
    <svg className="analysis-donut" viewBox="0 0 100 100" role="img" aria-label={label}>
      <circle cx="50" cy="50" r={R} fill="none" stroke="#eee" strokeWidth="16" />
      {total > 0 &&
        slices.map((s) => {
          const length = (Math.max(0, s.value) / total) * C;
          const circle = (
            <circle
              key={s.key}
              cx="50"
              cy="50"
              r={R}
              fill="none"
              stroke={s.fill}
              strokeWidth="16"
              strokeDasharray={`${length} ${C - length}`}
              strokeDashoffset={-offset}
              transform="rotate(-90 50 50)"
              onMouseEnter={() => onHover?.(s.key)}
              onMouseLeave={() => onHover?.(null)}
            >
              <title>{s.label}</title>
            </circle>
          );
          offset += length;
          return circle;
        })}
    </svg>
  );
}
