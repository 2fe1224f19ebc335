import { formatNumber } from '../format';
import type { ValidationReason } from './validate';

/**
 * The sentence of a geometry problem in the reader's language, worded from its data (reason,
 * parameters, place) — never translated from an English string. validate.ts keeps the English
 * sentence for machine output (`analyze --json`, logs); the Problems list, the CLI's problem
 * lines and the report word every problem here.
 */

export type IssueLang = 'en' | 'vi';

/** What a sentence needs besides the feature names; which fields a reason uses is listed in SENTENCES. */
export interface IssueParams {
  /** too_few_vertices: distinct vertices found, and how many the shape needs. */
  distinct?: number;
  needed?: number;
  /** too_few_vertices: whether the shape is a polygon or a line. */
  shape?: 'polygon' | 'line';
  /** sliver: the width under which a polygon is a sliver, metres. */
  minWidthM?: number;
  /** overlap: the shared area, m². */
  areaM2?: number;
  /** outside_boundary: a vertex of a point or line lies outside (else: a part of a polygon's area). */
  vertexOutside?: boolean;
  /** building_crosses_plot: the building's footprint and its part outside the plot, m². */
  buildingM2?: number;
  outsideM2?: number;
}

/** The data a sentence is worded from (a ValidationIssue or a Problem). */
export interface IssueData {
  reason: ValidationReason;
  params?: IssueParams;
  at?: [number, number];
}

type Words = { feature: string; other: string; near: string; p: IssueParams; lang: IssueLang };

const num = (lang: IssueLang, value: number | undefined, digits = 0) => formatNumber(lang, value ?? Number.NaN, digits);

/** Overlap areas as the map has always printed them: 2 decimals under 10 m², whole m² above. */
function overlapArea(lang: IssueLang, m2: number | undefined): string {
  const value = m2 ?? Number.NaN;
  // English keeps the plain digits of the machine output (no grouping), so logs stay unchanged.
  if (lang === 'en') return value < 10 ? value.toFixed(2) : value.toFixed(0);
  return num(lang, value, value < 10 ? 2 : 0);
}

const SENTENCES: Record<IssueLang, Record<ValidationReason, (w: Words) => string>> = {
  en: {
    invalid_coordinate: (w) => `${w.feature}: a coordinate is missing or outside the longitude/latitude range.`,
    ring_not_closed: (w) => `${w.feature}: the outline is not closed (it ends ${w.near}).`,
    too_few_vertices: (w) => `${w.feature}: it has ${w.p.distinct ?? 0} distinct vertices; a ${w.p.shape === 'line' ? 'line' : 'polygon'} needs at least ${w.p.needed ?? 3}.`,
    duplicate_vertex: (w) => `${w.feature}: two consecutive vertices coincide ${w.near}.`,
    self_intersection: (w) => `${w.feature}: the outline crosses itself ${w.near}.`,
    sliver: (w) => `${w.feature}: it is a sliver narrower than ${w.p.minWidthM ?? 2} m ${w.near}.`,
    outside_boundary: (w) => `${w.feature}: ${w.p.vertexOutside ? 'it lies' : 'part of it lies'} outside the park boundary ${w.near}.`,
    overlap: (w) => `${w.feature} overlaps ${w.other} by ${overlapArea('en', w.p.areaM2)} m² ${w.near}.`,
    building_crosses_plot: (w) => `${w.feature} stands across the edge of ${w.other}: ${num('en', w.p.outsideM2)} m² of its ${num('en', w.p.buildingM2)} m² lie outside it ${w.near}.`,
  },
  vi: {
    invalid_coordinate: (w) => `${w.feature}: có tọa độ bị thiếu hoặc nằm ngoài phạm vi kinh độ/vĩ độ.`,
    ring_not_closed: (w) => `${w.feature}: đường bao không khép kín (kết thúc ${w.near}).`,
    too_few_vertices: (w) => `${w.feature}: chỉ có ${w.p.distinct ?? 0} đỉnh phân biệt; ${w.p.shape === 'line' ? 'một đường' : 'một đa giác'} cần ít nhất ${w.p.needed ?? 3} đỉnh.`,
    duplicate_vertex: (w) => `${w.feature}: hai đỉnh liên tiếp trùng nhau ${w.near}.`,
    self_intersection: (w) => `${w.feature}: đường bao tự cắt nhau ${w.near}.`,
    sliver: (w) => `${w.feature}: là một dải hẹp hơn ${num('vi', w.p.minWidthM ?? 2, Number.isInteger(w.p.minWidthM ?? 2) ? 0 : 1)} m ${w.near}.`,
    outside_boundary: (w) => `${w.feature}: ${w.p.vertexOutside ? 'nằm (một phần)' : 'có một phần nằm'} ngoài ranh giới khu ${w.near}.`,
    overlap: (w) => `${w.feature} chồng lấn ${w.other} ${overlapArea('vi', w.p.areaM2)} m² ${w.near}.`,
    building_crosses_plot: (w) => `${w.feature} nằm vắt qua ranh giới của ${w.other}: ${num('vi', w.p.outsideM2)} m² trong tổng ${num('vi', w.p.buildingM2)} m² nằm ngoài lô ${w.near}.`,
  },
};

/** "near 21.123456° N, 106.123456° E" / "gần 21,123456° B, 106,123456° Đ" (6 decimals ≈ 0.1 m). */
export function nearText(at: [number, number] | undefined, lang: IssueLang): string {
  if (!at) return '';
  const [lon, lat] = [at[0].toFixed(6), at[1].toFixed(6)];
  return lang === 'vi' ? `gần ${lat.replace('.', ',')}° B, ${lon.replace('.', ',')}° Đ` : `near ${lat}° N, ${lon}° E`;
}

/** The problem as a sentence naming the feature (and the other one, for overlaps) and the place. */
export function issueSentence(issue: IssueData, feature: string, other: string | undefined, lang: IssueLang): string {
  return SENTENCES[lang][issue.reason]({ feature, other: other ?? '', near: nearText(issue.at, lang), p: issue.params ?? {}, lang });
}
