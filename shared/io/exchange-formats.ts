/** The exchange formats by file extension; one table for the CLI and the UI. */
export const EXCHANGE_FORMATS = ['geojson', 'kml', 'kmz', 'shp', 'dxf', 'gpkg', 'csv', 'xlsx'] as const;
export type ExchangeFormat = (typeof EXCHANGE_FORMATS)[number];

/** File extension each format is written with. */
export const FORMAT_EXTENSIONS: Record<ExchangeFormat, string> = {
  geojson: '.geojson',
  kml: '.kml',
  kmz: '.kmz',
  shp: '.shp.zip',
  dxf: '.dxf',
  gpkg: '.gpkg',
  csv: '.csv',
  xlsx: '.xlsx',
};

/** Formats whose coordinates may be written in a projected CRS; the others are WGS 84 by definition. */
export const PROJECTED_EXPORTS: readonly ExchangeFormat[] = ['shp', 'dxf'];
/** Formats that can be imported (tables are export-only). */
export const IMPORT_FORMATS: readonly ExchangeFormat[] = ['geojson', 'kml', 'kmz', 'shp', 'dxf', 'gpkg'];

export function formatFromFileName(name: string): ExchangeFormat | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.shp.zip') || lower.endsWith('.zip')) return 'shp';
  if (lower.endsWith('.geojson') || lower.endsWith('.json')) return 'geojson';
  const ext = lower.slice(lower.lastIndexOf('.') + 1);
  return (EXCHANGE_FORMATS as readonly string[]).includes(ext) ? (ext as ExchangeFormat) : undefined;
}
