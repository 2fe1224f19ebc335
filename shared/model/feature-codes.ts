import { z } from 'zod';
import type { ParkFeature } from './feature';
import { LAND_USE_CODES, type LandUseCode } from './land-use';
import type { SettingsSetCommand } from './document-command';

/**
 * Plot codes as Vietnamese industrial-park plans label them: a short prefix for the land-use
 * category and a zero-padded number, "CN-01", "CN-02", "CX-01"… New features get the next free
 * code of their prefix in the scenario (docs/editing.md "Feature codes").
 *
 * The prefixes are drawing convention, not regulation: QCVN 01:2021/BXD (§2.9, industrial
 * parks) and Decree 35/2022/ND-CP name the land categories (đất nhà máy, kho tàng; đất hạ tầng
 * kỹ thuật; đất trung tâm điều hành, dịch vụ; đất giao thông; đất cây xanh; mặt nước — the
 * categories of data/land-use-categories.json), and plan drawings under Circular 04/2022/TT-BXD
 * mark each lot with a "ký hiệu lô đất" built from the initials of its category's Vietnamese
 * name: CN (công nghiệp), HT (hạ tầng kỹ thuật), DV (dịch vụ, with the administration centre),
 * GT (giao thông), CX (cây xanh), MN (mặt nước). Authorities and consultants vary (HTKT, ĐH,
 * KT…), so the scheme is a document setting the planner can edit.
 */

/** Codes label lots, so they are chosen by land-use category; buildings, roads and points carry none. */
export const CODE_TARGETS = LAND_USE_CODES;
export type CodeTarget = LandUseCode;

export type FeatureCodeScheme = Record<CodeTarget, string>;

export const DEFAULT_FEATURE_CODE_SCHEME: FeatureCodeScheme = {
  industrial: 'CN',
  technical: 'HT',
  admin_services: 'DV',
  traffic: 'GT',
  green: 'CX',
  water: 'MN',
  other: 'K', // "khác": no common convention, so a neutral letter
};

/** The settings key the scheme is saved under (only the prefixes that differ from the default). */
export const FEATURE_CODES_SETTING = 'featureCodes';

/** A prefix: 1 to 8 letters or digits, starting with a letter (Vietnamese letters such as Đ allowed). */
export const codePrefixSchema = z.string().regex(/^\p{L}[\p{L}\p{N}]{0,7}$/u, 'expected 1 to 8 letters or digits, starting with a letter');

/**
 * The scheme of a document's settings: the defaults with the valid saved prefixes on top. A
 * hand-edited or foreign file may hold anything there, so invalid entries are ignored.
 */
export function readFeatureCodeScheme(settings: Record<string, unknown>): FeatureCodeScheme {
  const scheme = { ...DEFAULT_FEATURE_CODE_SCHEME };
  const saved = settings[FEATURE_CODES_SETTING];
  if (typeof saved !== 'object' || saved === null) return scheme;
  for (const target of CODE_TARGETS) {
    const value: unknown = Object.hasOwn(saved, target) ? (saved as Record<string, unknown>)[target] : undefined;
    if (codePrefixSchema.safeParse(value).success) scheme[target] = value as string;
  }
  return scheme;
}

/** The document command that saves a scheme (one undo step); only prefixes that differ from the default are stored. */
export function setFeatureCodeSchemeCommand(scheme: FeatureCodeScheme, label = 'Change feature code prefixes'): SettingsSetCommand {
  const changed = Object.fromEntries(CODE_TARGETS.filter((t) => scheme[t] !== DEFAULT_FEATURE_CODE_SCHEME[t]).map((t) => [t, scheme[t]]));
  return { type: 'settings.set', label, key: FEATURE_CODES_SETTING, value: changed };
}

/** The prefix of a feature, or null for kinds that carry no lot code (boundary, building, road, point). */
export function codePrefixFor(feature: Pick<ParkFeature, 'kind'> & { landUse?: LandUseCode }, scheme: FeatureCodeScheme): string | null {
  return feature.kind === 'landuse' && feature.landUse ? scheme[feature.landUse] : null;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The next code of `prefix` among `features`: one more than the highest number in use, so a
 * deleted plot's code is never given again while a higher one exists, and codes split from
 * one ("CN-05a") count as 5. Two digits at least, as plans print them (CN-01 … CN-99, CN-100).
 */
export function nextFeatureCode(features: readonly Pick<ParkFeature, 'code'>[], prefix: string): string {
  const pattern = new RegExp(`^${escapeRegExp(prefix)}-(\\d+)[a-z]*$`, 'u');
  let highest = 0;
  for (const f of features) {
    const match = f.code === undefined ? null : pattern.exec(f.code);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `${prefix}-${String(highest + 1).padStart(2, '0')}`;
}

/** The feature with the next code of its prefix when it has none and its kind takes one. */
export function withFeatureCode<F extends Pick<ParkFeature, 'kind' | 'code'> & { landUse?: LandUseCode }>(
  feature: F,
  features: readonly Pick<ParkFeature, 'code'>[],
  scheme: FeatureCodeScheme,
): F {
  if (feature.code !== undefined && feature.code !== '') return feature;
  const prefix = codePrefixFor(feature, scheme);
  return prefix === null ? feature : { ...feature, code: nextFeatureCode(features, prefix) };
}
