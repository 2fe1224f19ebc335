import { exportKml, importKml } from './kml';
import type { ScenarioExport } from './export-input';
import { importFailure, type ImportResult } from './imported-layer';
import { fromUtf8, readZip, utf8, writeZip } from './zip';

/** KMZ: a zip whose main KML is doc.kml (or the first .kml at the shallowest level). */
export function importKmz(bytes: Uint8Array, fileName: string): ImportResult {
  const zip = readZip(bytes);
  if (!zip.ok) return importFailure('broken_zip', zip.detail);
  const names = Object.keys(zip.entries).filter((n) => n.toLowerCase().endsWith('.kml'));
  names.sort((a, b) => a.split('/').length - b.split('/').length || Number(!a.endsWith('doc.kml')) - Number(!b.endsWith('doc.kml')));
  if (names.length === 0) return importFailure('invalid_kml', 'the KMZ holds no .kml file');
  return importKml(fromUtf8(zip.entries[names[0]]), fileName);
}

export function exportKmz(input: ScenarioExport): Uint8Array {
  return writeZip({ 'doc.kml': utf8(exportKml(input)) });
}
