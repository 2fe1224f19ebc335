import { LAND_USE_CATALOGUE, type LandUseCode, type ParkFeature } from '../../../shared/model';
import { idLabel } from '../../../shared/i18n/id-label';

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
  return parts.length > 0 ? parts.join(' · ') : idLabel(feature.id);
}

// The order of `a.localeCompare(b, 'vi', { numeric: true })`, which is this collator's compare
// (ECMA-402) but builds a collator on every call: sorting a 5,000-feature park made 60,000 of
// them in one task on opening it (issue 13 bug 7).
const labelOrder = new Intl.Collator('vi', { numeric: true });

/** `features` sorted by their labels (stable: equal labels keep their order), each label made once. */
export function sortedByLabel(features: ParkFeature[]): ParkFeature[] {
  const labelled = features.map((feature) => ({ feature, label: featureLabel(feature) }));
  labelled.sort((a, b) => labelOrder.compare(a.label, b.label));
  return labelled.map((l) => l.feature);
}

/** Groups features for the list, in legend order; empty groups are left out. */
export function groupFeatures(features: ParkFeature[], filter = ''): FeatureGroup[] {
  const needle = filter.trim().toLowerCase();
  const visible = needle ? features.filter((f) => featureLabel(f).toLowerCase().includes(needle)) : features;
  const groups: FeatureGroup[] = [{ key: 'boundary', kind: 'boundary', features: visible.filter((f) => f.kind === 'boundary') }];
  for (const category of LAND_USE_CATALOGUE.categories) {
    groups.push({
      key: `landuse:${category.code}`,
      kind: 'landuse',
      landUse: category.code,
      features: sortedByLabel(visible.filter((f) => f.kind === 'landuse' && f.landUse === category.code)),
    });
  }
  for (const kind of ['building', 'road', 'point'] as const) {
    groups.push({ key: kind, kind, features: sortedByLabel(visible.filter((f) => f.kind === kind)) });
  }
  return groups.filter((g) => g.features.length > 0);
}
