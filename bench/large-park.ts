import { createLocalFrame, localToLonLat, type LocalFrame } from '../shared/geometry/local-frame';
import { FORMAT_VERSION, type ParkDocument, type ParkFeature } from '../shared/model';

/**
 * A generated large park for benchmarks (issues 3–5 measure on "a 5,000-feature park"):
 * a rectangular estate near Bắc Ninh cut by a road grid into blocks; every block holds plots
 * (industrial, with a few green, technical and service ones), and each industrial plot holds
 * buildings of varied heights. Deterministic: the same options give the same document.
 */
export interface LargeParkOptions {
  /** Blocks along x and y; each block is `plotsPerBlock` plots in a row. */
  blocksX?: number;
  blocksY?: number;
  plotsPerBlock?: number;
  buildingsPerPlot?: number;
  /**
   * The boundary gets a vertex wherever a road, a traffic polygon or a plot line meets it, as
   * neighbours do (default). False leaves it its four corners: a straight edge in metres is not
   * straight in lon/lat, so the roads and traffic polygons along its northern edge then stick out
   * past it by centimetres, 56 `outside_boundary` problems (the problem check's tests use that).
   */
  boundaryJunctions?: boolean;
}

const BLOCK_W = 240;
const BLOCK_H = 160;
const ROAD_W = 24;

function rect(frame: LocalFrame, x0: number, y0: number, x1: number, y1: number, breaks: { xs?: number[]; ys?: number[] } = {}) {
  // Extra vertices where neighbours' corners meet this rectangle's edges (T-junctions): a
  // straight edge in metres is not straight in lon/lat, so without them neighbours would
  // overlap by square centimetres.
  const inner = (values: number[] | undefined, a: number, b: number) => (values ?? []).filter((v) => v > Math.min(a, b) && v < Math.max(a, b));
  const xs = inner(breaks.xs, x0, x1).sort((a, b) => a - b);
  const ys = inner(breaks.ys, y0, y1).sort((a, b) => a - b);
  const points: [number, number][] = [
    [x0, y0],
    ...xs.map((x): [number, number] => [x, y0]),
    [x1, y0],
    ...ys.map((y): [number, number] => [x1, y]),
    [x1, y1],
    ...[...xs].reverse().map((x): [number, number] => [x, y1]),
    [x0, y1],
    ...[...ys].reverse().map((y): [number, number] => [x0, y]),
    [x0, y0],
  ];
  return { type: 'Polygon' as const, coordinates: [points.map(([x, y]) => localToLonLat(frame, x, y))] };
}

export function generateLargePark(options: LargeParkOptions = {}): ParkDocument {
  const { blocksX = 18, blocksY = 18, plotsPerBlock = 4, buildingsPerPlot = 3, boundaryJunctions = true } = options;
  const frame = createLocalFrame(106.05, 21.05);
  const features: ParkFeature[] = [];
  let seq = 0;
  const id = (prefix: string) => `${prefix}-${String(++seq).padStart(6, '0')}`;
  const pitchX = BLOCK_W + ROAD_W;
  const pitchY = BLOCK_H + ROAD_W;
  const width = blocksX * pitchX + ROAD_W;
  const height = blocksY * pitchY + ROAD_W;
  const yBreaks = Array.from({ length: blocksY + 1 }, (_, j) => [j * pitchY, j * pitchY + ROAD_W]).flat();
  const plotW = BLOCK_W / plotsPerBlock;
  // Along the north and south edges: each vertical corridor's sides and road, and the plot lines
  // of the cross streets between them; along the west and east: the outer corridors' breaks
  // (yBreaks) and the cross roads' ends.
  const junctionsX = Array.from({ length: blocksX + 1 }, (_, i) => [i * pitchX, i * pitchX + ROAD_W / 2, ...Array.from({ length: plotsPerBlock }, (_, k) => i * pitchX + ROAD_W + k * plotW)]).flat();
  const junctionsY = Array.from({ length: blocksY + 1 }, (_, j) => [j * pitchY, j * pitchY + ROAD_W / 2, j * pitchY + ROAD_W]).flat();
  const boundaryBreaks = boundaryJunctions ? { xs: junctionsX, ys: junctionsY } : {};
  features.push({ id: id('boundary'), kind: 'boundary', name: 'Large park', geometry: rect(frame, 0, 0, width, height, boundaryBreaks) });

  for (let i = 0; i <= blocksX; i++) {
    const x = i * pitchX + ROAD_W / 2;
    features.push({ id: id('road'), kind: 'road', widthM: ROAD_W, geometry: { type: 'LineString', coordinates: [localToLonLat(frame, x, 0), localToLonLat(frame, x, height)] } });
    features.push({ id: id('traffic'), kind: 'landuse', landUse: 'traffic', subtype: 'road', geometry: rect(frame, x - ROAD_W / 2, 0, x + ROAD_W / 2, height, { ys: yBreaks }) });
  }
  for (let j = 0; j <= blocksY; j++) {
    const y = j * pitchY + ROAD_W / 2;
    features.push({ id: id('road'), kind: 'road', widthM: ROAD_W, geometry: { type: 'LineString', coordinates: [localToLonLat(frame, 0, y), localToLonLat(frame, width, y)] } });
    // Cross streets only between the vertical corridors, so traffic polygons do not overlap.
    for (let i = 0; i < blocksX; i++) {
      const x0 = i * pitchX + ROAD_W;
      const xs = Array.from({ length: plotsPerBlock - 1 }, (_, k) => x0 + (k + 1) * plotW);
      features.push({ id: id('traffic'), kind: 'landuse', landUse: 'traffic', subtype: 'road', geometry: rect(frame, x0, y - ROAD_W / 2, x0 + BLOCK_W, y + ROAD_W / 2, { xs }) });
    }
  }

  for (let i = 0; i < blocksX; i++) {
    for (let j = 0; j < blocksY; j++) {
      const bx = i * pitchX + ROAD_W;
      const by = j * pitchY + ROAD_W;
      for (let k = 0; k < plotsPerBlock; k++) {
        const x0 = bx + k * plotW;
        const n = (i * blocksY + j) * plotsPerBlock + k;
        const landUse = n % 17 === 0 ? 'green' : n % 29 === 0 ? 'technical' : n % 31 === 0 ? 'admin_services' : 'industrial';
        const plotId = id('plot');
        features.push({
          id: plotId,
          kind: 'landuse',
          landUse,
          code: landUse === 'industrial' ? `CN-${n + 1}` : undefined,
          ...(landUse === 'industrial' ? { maxDensity: 0.7, minGreenRatio: 0.2, maxFloors: 5, maxFar: 2.5 } : {}),
          geometry: rect(frame, x0, by, x0 + plotW, by + BLOCK_H),
        });
        if (landUse !== 'industrial') continue;
        const slotH = (BLOCK_H - 20) / buildingsPerPlot;
        for (let b = 0; b < buildingsPerPlot; b++) {
          const y0 = by + 10 + b * slotH;
          features.push({
            id: id('building'),
            kind: 'building',
            heightM: 8 + ((n + b * 7) % 5) * 4,
            floors: 1 + ((n + b) % 3),
            roofType: 'flat',
            geometry: rect(frame, x0 + 8, y0 + 4, x0 + plotW - 8, y0 + slotH - 4),
          });
        }
      }
    }
  }
  const now = '2026-01-01T00:00:00.000Z';
  return {
    formatVersion: FORMAT_VERSION,
    project: { id: 'large-park', name: 'Generated large park', province: 'Bắc Ninh', location: { lon: 106.05, lat: 21.05 }, createdAt: now, modifiedAt: now },
    scenarios: [{ id: 'scenario-a', name: 'A', features }],
    activeScenarioId: 'scenario-a',
    settings: {},
  };
}
