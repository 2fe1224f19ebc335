import { exportKml, importKml } from './kml';
import type { ScenarioExport } from './export-input';
import { catchLimits, importFailure, type ImportResult } from './imported-layer';
import { DEFAULT_LIMITS, type Limits } from '../limits';
import { fromUtf8, openZip, utf8, writeZip } from './zip';

/**
 * KMZ: a zip whose main KML is doc.kml (or the first .kml at the shallowest level). Only that
 * entry is inflated; images and other entries are never touched, so they cannot be a bomb.
 */
export function importKmz(bytes: Uint8Array, fileName: string, limits: Limits = DEFAULT_LIMITS): ImportResult {
  return catchLimits(() => {
    const zip = openZip(bytes, limits);
    if (!zip.ok) return importFailure(zip.notZip ? { code: 'not_zip' } : { code: 'zip_damaged', technical: zip.detail });
    const names = zip.archive.names.filter((n) => n.toLowerCase().endsWith('.kml'));
    names.sort((a, b) => a.split('/').length - b.split('/').length || Number(!a.endsWith('doc.kml')) - Number(!b.endsWith('doc.kml')));
    if (names.length === 0) return importFailure({ code: 'kmz_no_kml' });
    const main = zip.archive.read(names[0]);
    if (!main.ok) return importFailure({ code: 'zip_damaged', technical: main.detail });
    return importKml(fromUtf8(main.data), fileName, limits);
  });
}

export function exportKmz(input: ScenarioExport): Uint8Array {
  return writeZip({ 'doc.kml': utf8(exportKml(input)) });
}
