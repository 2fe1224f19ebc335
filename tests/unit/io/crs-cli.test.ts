import { describe, expect, it } from 'vitest';
import { run } from '../../../cli/run';
import { documentToGeoJson } from '../../../shared/io/geojson';
import { CONTEXT, memoryIo } from '../cli/helpers';
import { hcmcPark } from './crs-helpers';

const parkJson = new TextEncoder().encode(JSON.stringify(documentToGeoJson(hcmcPark())));

describe('ecopark convert --transformation', () => {
  it('exports with the chosen transformation and says so; re-importing reads it from the .prj and says so', async () => {
    const { io, out, err } = memoryIo({ 'park.geojson': parkJson });
    expect(await run(['convert', 'park.geojson', 'park.shp.zip', '--crs', 'EPSG:9210', '--transformation', '6960'], io, CONTEXT)).toBe(0);
    expect(out.join('\n')).toContain('EPSG:9210 (VN-2000 → WGS 84: EPSG:6960 “VN-2000 to WGS 84 (2)”)');
    expect(await run(['convert', 'park.shp.zip', 'back.gpkg'], io, CONTEXT)).toBe(0);
    expect(err).toContain('ecopark: VN-2000 → WGS 84 transformation used: EPSG:6960 "VN-2000 to WGS 84 (2)"');
  });

  it('automatic in TP Hồ Chí Minh is EPSG:5194, as PROJ picks there', async () => {
    const { io, out } = memoryIo({ 'park.geojson': parkJson });
    expect(await run(['--lang', 'vi', 'convert', 'park.geojson', 'park.dxf', '--crs=EPSG:9210'], io, CONTEXT)).toBe(0);
    expect(out.join('\n')).toContain('EPSG:9210 (VN-2000 → WGS 84: EPSG:5194 “VN-2000 to WGS 84 (1)”)');
  });

  it('refuses a transformation it does not know, in one line with exit code 2', async () => {
    const { io, err } = memoryIo({ 'park.geojson': parkJson });
    expect(await run(['convert', 'park.geojson', 'park.dxf', '--crs', 'EPSG:9210', '--transformation', '6959'], io, CONTEXT)).toBe(2);
    expect(err.join('\n')).toMatch(/unknown VN-2000 transformation 6959: use auto .*5194 or 6960/);
  });
});
