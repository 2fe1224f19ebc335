/**
 * Cases of hostile-parsers.test.ts that hung the readers before issue 11, run in a child process
 * so the test can stop them with a timeout (a synchronous loop cannot be interrupted in-process).
 * Usage: tsx hostile-parser-cases.ts dxf-one-layer N | kml-comment-openers N
 * Prints one JSON line: the outcome and the reader's wall time in ms.
 */
import { importDxf } from '../../../shared/io/dxf';
import { importKml } from '../../../shared/io/kml';

/** A DXF whose ENTITIES section holds `n` POINTs on one layer, lon/lat so no CRS is asked for. */
export function oneLayerDxf(n: number): string {
  const parts = ['0\nSECTION\n2\nENTITIES\n'];
  for (let i = 0; i < n; i++) parts.push(`0\nPOINT\n8\nSURVEY\n10\n${(105 + i * 1e-7).toFixed(7)}\n20\n21.0\n`);
  parts.push('0\nENDSEC\n0\nEOF\n');
  return parts.join('');
}

const [name, count] = process.argv.slice(2);
const n = Number(count);
if (name === 'dxf-one-layer') {
  const file = new TextEncoder().encode(oneLayerDxf(n));
  const t = performance.now();
  const r = importDxf(file);
  console.log(JSON.stringify({ ok: r.ok, layers: r.ok ? r.layers.map((l) => [l.name, l.features.length]) : [], ms: performance.now() - t }));
} else if (name === 'kml-comment-openers') {
  const text = `<kml>${'<!--a>'.repeat(n)}</kml>`;
  const t = performance.now();
  const r = importKml(text, 'comments.kml');
  console.log(JSON.stringify({ ok: r.ok, reason: r.ok ? undefined : r.reason, detail: r.ok ? undefined : r.detail, ms: performance.now() - t }));
} else throw new Error(`unknown case ${name}`);
