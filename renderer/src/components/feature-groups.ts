import { LAND_USE_CATALOGUE, type LandUseCode, type ParkFeature } from '../../../shared/model';

/** A group of the feature list: the boundary, one per land-use category, then other kinds. */
export interface FeatureGroup {
  key: string;
  kind: ParkFeature['kind'];
  landUse?: LandUseCode;
  features: ParkFeature[];
}

/** Text a feature is listed under: its code and name where it has them. */
export function featureLabel(feature: ParkFeature): string {
  const parts = [feature.code, feature.name].filter((p): p is string => Boolean(p && p.trim()));
  return parts.length > 0 ? parts.join(' · ') : feature.id.slice(0, 8);
}

/** Groups features for the list, in legend order; empty groups are left out. */
export function groupFeatures(features: ParkFeature[], filter = ''): FeatureGroup[] {
  const needle = filter.trim().toLowerCase();
  const visible = needle ? features.filter((f) => featureLabel(f).toLowerCase().includes(needle)) : features;
  const byLabel = (a: ParkFeature, b: ParkFeature) => featureLabel(a).localeCompare(featureLabel(b), 'vi', { numeric: true });
  const groups: FeatureGroup[] = [{ key: 'boundary', kind: 'boundary', features: visible.filter((f) => f.kind === 'boundary') }];
  for (const category of LAND_USE_CATALOGUE.categories) {
    groups.push({
      key: `landuse:${category.code}`,
      kind: 'landuse',
      landUse: category.code,
      features: visible.filter((f) => f.kind === 'landuse' && f.landUse === category.code).sort(byLabel),
    });
  }
  for (const kind of ['building', 'road', 'point'] as const) {
    groups.push({ key: kind, kind, features: visible.filter((f) => f.kind === kind).sort(byLabel) });
  }
  return groups.filter((g) => g.features.length > 0);
}
