import { formatNumber, type FormatLang } from '../format';
import { FEATURE_KINDS, type FeatureKind, type ParkFeature } from '../model/feature';

/**
 * What an export wrote, as data (exportDocument returns it); describeExportSummary words it in
 * the reader's language for the export dialog's notice and `ecopark convert`.
 */
export interface ExportSummary {
  /** The written file's name; set by the caller that chose it (the dialog's download). */
  file?: string;
  /** The one scenario a flat format wrote; absent when every scenario was written (GeoJSON, GeoPackage). */
  scenario?: string;
  scenarios: number;
  features: number;
  /** Features per kind, in FEATURE_KINDS order, kinds with none left out. */
  kinds: { kind: FeatureKind; count: number }[];
  /** The layers of a layered output (Shapefile, DXF) with their feature counts. */
  layers?: { name: string; count: number }[];
  /** Output coordinate system of a projected export (Shapefile, DXF), e.g. 'VN2000:105.5'. */
  crs?: string;
  /** The VN-2000 → WGS 84 transformation the coordinates (and a .prj) use. */
  transformation?: { code: string; name: string };
}

/** Features per kind, in FEATURE_KINDS order. */
export function kindCounts(features: readonly ParkFeature[]): ExportSummary['kinds'] {
  return FEATURE_KINDS.map((kind) => ({ kind, count: features.filter((f) => f.kind === kind).length })).filter((k) => k.count > 0);
}

/** A count of features of one kind: [one, more] in English; Vietnamese nouns do not inflect. */
const KIND_COUNTED: Record<FeatureKind, { en: [string, string]; vi: string }> = {
  boundary: { en: ['park boundary', 'park boundaries'], vi: 'ranh giới khu' },
  landuse: { en: ['land-use area', 'land-use areas'], vi: 'vùng sử dụng đất' },
  building: { en: ['building', 'buildings'], vi: 'công trình' },
  road: { en: ['road', 'roads'], vi: 'đường' },
  point: { en: ['point', 'points'], vi: 'điểm' },
};

/** The summary as one sentence in the reader's language. */
export function describeExportSummary(summary: ExportSummary, lang: FormatLang): string {
  const vi = lang === 'vi';
  const n = (value: number) => formatNumber(lang, value, 0);
  const counted = (count: number, one: string, more: string) => `${n(count)} ${vi || count === 1 ? one : more}`;
  const lead = summary.file ? (vi ? `Đã xuất “${summary.file}”: ` : `Exported “${summary.file}”: `) : '';
  const scope =
    summary.scenario !== undefined
      ? vi
        ? `phương án “${summary.scenario}”`
        : `scenario “${summary.scenario}”`
      : vi
        ? `${n(summary.scenarios)} phương án`
        : counted(summary.scenarios, 'scenario', 'scenarios');
  const features = vi ? `${n(summary.features)} đối tượng` : counted(summary.features, 'feature', 'features');
  const kinds = summary.kinds.map((k) => (vi ? `${n(k.count)} ${KIND_COUNTED[k.kind].vi}` : counted(k.count, ...KIND_COUNTED[k.kind].en))).join(', ');
  let text = `${lead}${scope}, ${features}${kinds ? ` (${kinds})` : ''}`;
  if (summary.layers) {
    const layers = summary.layers.map((l) => `${l.name} ${n(l.count)}`).join(', ');
    text += vi ? `; các lớp: ${layers || 'không có'}` : `; layers: ${layers || 'none'}`;
  }
  if (summary.crs) text += vi ? `; hệ tọa độ ${summary.crs}` : `; coordinate system ${summary.crs}`;
  // Transformation names are EPSG's proper names: the same in both languages.
  if (summary.transformation) text += ` (VN-2000 → WGS 84: ${summary.transformation.code} “${summary.transformation.name}”)`;
  return `${text}.`;
}
