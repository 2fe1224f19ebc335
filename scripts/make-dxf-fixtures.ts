/**
 * Writes the DXF test fixtures of tests/fixtures/exchange/ the way AutoCAD lays them out (R2000
 * header, LWPOLYLINE, BLOCKS with an INSERT, entities we ignore), so the reader is tested on
 * files it did not write itself. Run: npx tsx scripts/make-dxf-fixtures.ts
 *
 * Coordinates are VN-2000 / TM-3 105°30′ (Bắc Ninh). The corner 556925.3168 E, 2339658.1937 N is
 * WGS 84 106.05° E, 21.15° N by PROJ (see tests/unit/io/crs.test.ts).
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeGeneratedFile } from './write-generated';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'exchange');
const E0 = 556925.3168;
const N0 = 2339658.1937;

type Pair = [number, string | number];

const lw = (layer: string, handle: string, pts: [number, number][], closed: boolean): Pair[] => [
  [0, 'LWPOLYLINE'],
  [5, handle],
  [100, 'AcDbEntity'],
  [8, layer],
  [100, 'AcDbPolyline'],
  [90, pts.length],
  [70, closed ? 1 : 0],
  [43, '0.0'],
  ...pts.flatMap(([x, y]): Pair[] => [[10, x.toFixed(4)], [20, y.toFixed(4)]]),
];

const rect = (x: number, y: number, w: number, h: number): [number, number][] => [
  [E0 + x, N0 + y],
  [E0 + x + w, N0 + y],
  [E0 + x + w, N0 + y + h],
  [E0 + x, N0 + y + h],
];

function dxf(entities: Pair[], version = 'AC1015'): string {
  const pairs: Pair[] = [
    [0, 'SECTION'], [2, 'HEADER'], [9, '$ACADVER'], [1, version], [9, '$DWGCODEPAGE'], [3, 'ANSI_1258'], [9, '$INSUNITS'], [70, 6], [0, 'ENDSEC'],
    [0, 'SECTION'], [2, 'BLOCKS'], [0, 'BLOCK'], [8, '0'], [2, 'TRAM_BIEN_AP'], [70, 0], [10, '0.0'], [20, '0.0'],
    [0, 'CIRCLE'], [8, '0'], [10, '0.0'], [20, '0.0'], [40, '2.0'], [0, 'ENDBLK'], [0, 'ENDSEC'],
    [0, 'SECTION'], [2, 'ENTITIES'], ...entities, [0, 'ENDSEC'], [0, 'EOF'],
  ];
  return `${pairs.map(([c, v]) => `${String(c).padStart(3)}\r\n${v}`).join('\r\n')}\r\n`;
}

const plots: Pair[] = [
  ...lw('RANH_GIOI', '1A0', rect(0, 0, 400, 300), true),
  ...lw('LO_CN', '1A1', rect(10, 10, 180, 120), true),
  ...lw('LO_CN', '1A2', rect(210, 10, 180, 120), true),
  ...lw('CAY_XANH', '1A3', rect(10, 150, 380, 30), true),
  ...lw('DUONG', '1A4', [[E0, N0 + 140], [E0 + 400, N0 + 140]], false),
  [0, 'LINE'], [5, '1A5'], [8, 'DUONG'], [10, (E0 + 200).toFixed(4)], [20, N0.toFixed(4)], [11, (E0 + 200).toFixed(4)], [21, (N0 + 300).toFixed(4)],
  [0, 'INSERT'], [5, '1A6'], [8, 'TIEN_ICH'], [2, 'TRAM_BIEN_AP'], [10, (E0 + 395).toFixed(4)], [20, (N0 + 295).toFixed(4)], [50, '90.0'],
  [0, 'POINT'], [5, '1A7'], [8, 'TIEN_ICH'], [10, E0.toFixed(4)], [20, N0.toFixed(4)],
  [0, 'TEXT'], [5, '1A8'], [8, 'GHI_CHU'], [10, E0.toFixed(4)], [20, N0.toFixed(4)], [40, '2.5'], [1, 'KCN'],
  [0, 'CIRCLE'], [5, '1A9'], [8, 'GHI_CHU'], [10, E0.toFixed(4)], [20, N0.toFixed(4)], [40, '5.0'],
];

const linesOnly: Pair[] = [
  ...lw('DUONG', '2A0', [[E0, N0], [E0 + 100, N0]], false),
  ...lw('RANH_GIOI', '2A1', rect(0, 0, 100, 100), false),
];

mkdirSync(OUT, { recursive: true });
await writeGeneratedFile(join(OUT, 'plots-vn2000-105-30.dxf'), dxf(plots));
await writeGeneratedFile(join(OUT, 'lines-only.dxf'), dxf(linesOnly));
await writeGeneratedFile(join(OUT, 'not-a-dxf.dxf'), 'AutoCAD Binary DXF\r\n\u001a\u0000garbage');
console.log(`DXF fixtures written to ${OUT}`);
