import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { readProject, writeProject } from '../shared/project-file';
import { exportDocument } from '../shared/io/exchange';
import { generateLargePark } from './large-park';
import { medianMs, type Figure } from './measure';

const SAMPLE = 'data/samples/bac-ninh-demo.gpkg';

/**
 * Opening and saving the sample park with the shared project-file code (as every host does),
 * and opening the generated 5,000-feature park and writing it as GeoJSON (`ecopark convert`).
 */
export async function projectFileFigures(): Promise<Figure[]> {
  const SQL = await initSqlJs();
  const bytes = new Uint8Array(readFileSync(SAMPLE));
  const opened = readProject(SQL, bytes);
  if (!opened.ok) throw new Error(`sample does not open: ${opened.detail}`);
  const features = opened.document.scenarios.reduce((n, s) => n + s.features.length, 0);
  const large = writeProject(SQL, generateLargePark());
  const openedLarge = readProject(SQL, large);
  if (!openedLarge.ok) throw new Error(`the large park does not open: ${openedLarge.detail}`);
  return [
    { name: 'sample.fileSize', value: bytes.byteLength / 1024, unit: 'KiB' },
    { name: 'sample.features', value: features, unit: 'count' },
    { name: 'projectFile.readSample', value: medianMs(() => readProject(SQL, bytes)), unit: 'ms' },
    { name: 'projectFile.writeSample', value: medianMs(() => writeProject(SQL, opened.document)), unit: 'ms' },
    { name: 'projectFile.readLargePark', value: medianMs(() => readProject(SQL, large)), unit: 'ms' },
    { name: 'projectFile.largeParkToGeoJson', value: medianMs(() => exportDocument(openedLarge.document, 'geojson')), unit: 'ms' },
  ];
}
