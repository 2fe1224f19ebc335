import type { ParameterReason } from './parameters';
import type { SiteReason } from './site';

/** Why the generator made no layout (LayoutResult's `reason`). */
export type LayoutRefusalReason = SiteReason | ParameterReason | 'no_room' | 'geometry_failed';

export type LayoutRefusalLang = 'en' | 'vi';

/** The front ends that show a refusal: `ecopark layout` and the app's "Lay out park" panel. */
export type LayoutFrontEnd = 'cli' | 'app';

/** The message key of a reason, the same in the CLI's table and the app's. */
export type LayoutRefusalKey = `layout.reason.${LayoutRefusalReason}`;

/**
 * One sentence for both front ends, or one each where they must differ: mostly where the remedy
 * names the front end's own control (`--bearing` on the command line, the grid bearing field in
 * the app; entrances given as `--entrance` coordinates or picked on the map).
 */
type Sentence = string | Record<LayoutFrontEnd, string>;

/**
 * Every refusal in both languages: the one table the CLI (cli/i18n.ts, cli/i18n-vi.ts) and the
 * app (renderer/src/i18n/layout.ts) read.
 */
const SENTENCES: Record<LayoutRefusalLang, Record<LayoutRefusalReason, Sentence>> = {
  en: {
    no_boundary: { cli: 'the scenario has no boundary', app: 'the scenario has no boundary; draw one first' },
    boundary_too_small: 'the boundary encloses less than 1 ha',
    no_room: 'no plot fits inside the isolation strip and the roads (the site is too small or too narrow for the plot size)',
    geometry_failed: { cli: 'the polygon clipper failed on this site; try another --bearing or --seed', app: 'the polygon clipper failed on this site; try another bearing or seed' },
    plot_range: 'the plot size range is not valid',
    sme: 'the SME share or SME plot range is not valid',
    road_width: 'a road width is not valid',
    block_size: 'a block size is not valid',
    strip_width: 'the isolation strip width is not valid',
    share: 'a share or ratio is not between 0 and 1',
    bearing: 'the bearing is not a number',
    entrance: { cli: 'the entrances are not valid (at most 8 points of longitude and latitude)', app: 'the picked entrances are not valid (at most 8 points)' },
    seed: 'the seed is not a whole number',
  },
  vi: {
    no_boundary: { cli: 'kịch bản chưa có ranh giới', app: 'kịch bản chưa có ranh giới; hãy vẽ ranh giới trước' },
    boundary_too_small: 'ranh giới bao quanh chưa tới 1 ha',
    no_room: 'không lô nào vừa bên trong dải cách ly và các tuyến đường (khu quá nhỏ hoặc quá hẹp so với diện tích lô)',
    geometry_failed: { cli: 'bộ cắt đa giác bị lỗi trên khu này; hãy thử --bearing hoặc --seed khác', app: 'bộ cắt đa giác bị lỗi trên khu này; hãy thử hướng lưới hoặc seed khác' },
    plot_range: 'khoảng diện tích lô không hợp lệ',
    sme: 'tỷ lệ hoặc khoảng diện tích lô cho doanh nghiệp nhỏ và vừa không hợp lệ',
    road_width: 'bề rộng đường không hợp lệ',
    block_size: 'kích thước ô phố không hợp lệ',
    strip_width: 'bề rộng dải cách ly không hợp lệ',
    share: 'một tỷ lệ không nằm trong khoảng 0 đến 1',
    bearing: 'hướng lưới không phải là số',
    entrance: { cli: 'các cổng vào không hợp lệ (tối đa 8 điểm kinh độ, vĩ độ)', app: 'các cổng vào đã chọn không hợp lệ (tối đa 8 điểm)' },
    seed: 'hạt giống (seed) không phải là số nguyên',
  },
};

/** The refusal sentences one front end shows in one language, keyed as its message table keys them. */
export function layoutRefusalMessages(frontEnd: LayoutFrontEnd, lang: LayoutRefusalLang): Record<LayoutRefusalKey, string> {
  const entries = Object.entries(SENTENCES[lang]).map(([reason, s]) => [`layout.reason.${reason}`, typeof s === 'string' ? s : s[frontEnd]]);
  return Object.fromEntries(entries) as Record<LayoutRefusalKey, string>;
}
