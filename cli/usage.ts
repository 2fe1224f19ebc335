/**
 * The usage line of every command, apart from the commands themselves: `ecopark --help` prints
 * them all without loading any command (cli/run.ts loads a command only when it runs).
 */
export const INFO_USAGE = 'ecopark info FILE.gpkg';
export const CONVERT_USAGE = 'ecopark convert IN OUT [--crs CODE] [--transformation auto|5194|6960] [--layer-map FILE] [--force]';
export const ANALYZE_USAGE = 'ecopark analyze FILE [--scenario NAME] [--rules ID[,ID]] [--date YYYY-MM-DD] [--json]';
export const SOLAR_USAGE = 'ecopark solar FILE.gpkg [--scenario NAME] [--weather FILE.epw|.csv] [--json]';
export const ECO_USAGE = 'ecopark eco FILE.gpkg [--scenario NAME] [--no-pv] [--json]';
export const REPORT_USAGE = 'ecopark report FILE.gpkg -o OUT.pdf|.xlsx|.csv [--lang vi|en] [--scenario NAME] [--compare NAME,NAME[,…]] [--force]';
export const LAYOUT_USAGE = 'ecopark layout IN.gpkg -o OUT.gpkg [--variants N] [--seed S] [--plot-size MIN-MAX] [--sme-share PCT] [--bearing DEG] [--entrance LON,LAT]... [--wind-from DEG] [--main-road M] [--internal-road M] [--block-depth M] [--strip M] [--green-min PCT] [--scenario NAME] [--json] [--force]';
export const BATCH_USAGE = 'ecopark batch analyze FILE... [--json | --csv] [--jobs N] [analyze options]';
