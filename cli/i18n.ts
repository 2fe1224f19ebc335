/**
 * The CLI's readable output in English and Vietnamese: usage, summaries, tables and error
 * messages. Machine-readable output (--json, CSV, GeoJSON, project files) never goes through
 * here: it stays language-neutral (dot decimals, codes, ISO dates).
 */
import { formatDateTime, formatNumber, formatPercent } from '../shared/format';
import { fillPlaceholders as fill } from '../shared/i18n/fill-placeholders';
import { layoutRefusalMessages } from '../shared/layout/refusal-text';
import { VI } from './i18n-vi';

export type CliLang = 'en' | 'vi';

export const CLI_LANGS: readonly CliLang[] = ['en', 'vi'];

export const EN = {
  // Help and the command line itself.
  'help.title': 'ecopark — EcoPark Planner on the command line',
  'help.usage': 'Usage:',
  'help.info': 'print the project summary',
  'help.convert': 'convert between project and exchange formats (reads .gpkg .geojson .kml .kmz .shp.zip .dxf; writes those and .csv .xlsx)',
  'help.analyze': 'land-use structure, plot indicators and rule checks',
  'help.solar': 'rooftop-solar potential of every roof',
  'help.eco': 'eco performance: resource balances, carbon and EU CBAM, symbiosis exchanges, eco-industrial park criteria',
  'help.report': 'the site report as PDF, spreadsheet or CSV',
  'help.batch': 'analyze many files on every core: one JSON line (default) or, with --csv, one CSV row per file, in the order given; a file that fails gets an error line and the others go on (exit code 1); --jobs N sets the number of worker threads (default: one per core)',
  'batch.command': 'batch runs "analyze", not "{command}" (usage: {usage})',
  'batch.badJobs': '--jobs takes a whole number from 1 to 9999, not "{value}"',
  'batch.jsonOrCsv': 'choose --json or --csv, not both (usage: {usage})',
  'help.help': 'this help',
  'help.version': 'the version',
  'help.options': 'Options for every command:',
  'help.limit': 'raise an input limit for a genuine large file (may be repeated); raisable: {ids}',
  'help.lang': 'language of the readable output (default: $ECOPARK_LANG, else vi when LC_ALL, LC_MESSAGES or LANG starts with "vi", else en)',
  'help.machine': '--json, CSV, GeoJSON and project files are the same in both languages (dot decimals, codes, ISO dates).',
  'help.force': 'convert, report, layout: replace an output file that exists (a .gpkg keeps its previous version as .bak); the input itself is never overwritten',
  'error.noCommand': 'no command given; try: ecopark --help',
  'error.unknownCommand': 'unknown command "{command}"; try: ecopark --help',
  'error.internal': 'internal error: {message}',
  'error.langValue': '--lang must be vi or en, not "{value}"',
  'error.limitValue': '--limit takes ID=N, e.g. --limit vertices-per-feature=2000000, not "{value}"',
  'error.limitUnknown': 'no limit is called "{value}"; ecopark --help lists them',
  'error.limitNotRaisable': 'the limit {value} protects the program and cannot be raised',
  'error.needsValue': '{option} needs a value (usage: {usage})',
  'error.unknownOption': 'unknown option {option} (usage: {usage})',
  'error.oneFile': '{command} takes one file (usage: {usage})',
  'error.twoFiles': '{command} takes two files (usage: {usage})',
  'error.needsFile': '{command} needs a file (usage: {usage})',
  'error.readsProjects': 'cannot read {path}: {command} reads project files (.gpkg)',
  'error.noScenario': 'no scenario "{name}" in {path}; scenarios: {list}',
  'warning': 'warning: {message}',
  // Files.
  'fs.ENOENT': 'no such file',
  'fs.EACCES': 'permission denied',
  'fs.EPERM': 'permission denied',
  'fs.EISDIR': 'is a directory',
  'fs.ENOTDIR': 'a folder in the path is not a directory',
  'fs.EROFS': 'read-only file system',
  'fs.ENOSPC': 'no space left on the device',
  'fs.badPath': 'the path holds a character no file name can contain (a NUL byte)',
  'fs.noFolder': 'its folder does not exist',
  'file.cannotOpen': 'cannot open {path}: {reason}',
  'file.cannotWrite': 'cannot write {path}: {reason}',
  'output.exists': '{path} already exists and was left unchanged; add --force to replace it',
  'output.existsProject': '{path} already exists and was left unchanged; add --force to replace it (the previous version is then kept as {path}.bak)',
  'output.isInput': 'cannot write {output}: it is the input file {input} (the same file under another name or through a link); nothing was written, even with --force — choose another output file',
  'file.cannotImport': 'cannot import {path}: {reason}',
  'file.notJson': 'not valid JSON ({detail})',
  'file.unknownType': 'unknown file type of {path}: use {extensions}',
  'project.not_sqlite': 'not a SQLite database',
  'project.not_geopackage': 'not a GeoPackage',
  'project.foreign_geopackage': 'a GeoPackage, but not an EcoPark Planner project',
  'project.newer_version': 'made by a newer version of EcoPark Planner',
  'project.corrupt': 'the project file is damaged',
  'project.importHint': 'import it with: ecopark convert {path} {out}',
  // info
  'info.project': 'Project',
  'info.province': 'Province',
  'info.formerProvince': '{province} (former province: {former})',
  'info.none': '(none)',
  'info.location': 'Location',
  'info.created': 'Created',
  'info.modified': 'Modified',
  'info.formatVersion': 'Format version',
  'info.scenarios': 'Scenarios',
  'info.activeMark': '{count} (* = active)',
  'info.features': '{name}: {count} features',
  'info.byKind': 'by kind',
  'info.byLandUse': 'by land use',
  'kind.boundary': 'boundary',
  'kind.landuse': 'land-use areas',
  'kind.building': 'buildings',
  'kind.road': 'roads',
  'kind.point': 'facilities',
  // analyze
  'analyze.badDate': '--date must be YYYY-MM-DD, not "{value}"',
  'analyze.unknownRuleSet': 'unknown rule set {ids}; known: {known}',
  'analyze.project': 'Project',
  'analyze.scenario': 'Scenario',
  'analyze.parkArea': 'Park area',
  'analyze.areaMethod': 'geodesic on the WGS84 ellipsoid',
  'analyze.landUse': 'Land use',
  'analyze.areaM2': 'area m²',
  'analyze.unassigned': 'Unassigned',
  'analyze.overlap': 'Overlap (−)',
  'analyze.outside': '(outside the boundary: {area} m², not in the table)',
  'analyze.greenRatio': 'Green space ratio',
  'analyze.totalGreen': 'total green',
  'analyze.isolationMin': 'isolation strip min',
  'analyze.plots': 'Plots: {count} (mean {mean} m², min {min}, max {max})',
  'analyze.roads': 'roads: {length} m, {share} of the park',
  'analyze.rules': 'Rules',
  'analyze.noRules': '(no rule applies)',
  'analyze.override': 'project override',
  'analyze.projectRule': 'project rule',
  // Geometry problems (shared/analysis/problems.ts), on stderr.
  'problems.count': 'scenario "{name}" has {count} geometry problems (the map shows the same):',
  'problems.countOne': 'scenario "{name}" has 1 geometry problem (the map shows the same):',
  'problems.more': '  … and {count} more (ecopark analyze --json lists them all)',
  'analyze.invalidPlots': '* figures of {count} plots come from invalid geometry and cannot be trusted: {codes}',
  'analyze.invalidBoundary': '* the park boundary is invalid geometry: the park area and every share of it cannot be trusted',
  'status.pass': 'PASS',
  'status.fail': 'FAIL',
  'status.warn': 'WARN',
  'status.n/a': 'N/A',
  'confidence.exact': 'exact citation',
  'confidence.secondary': 'secondary source',
  'confidence.unverified': 'unverified',
  // solar
  'solar.weather': 'Weather',
  'solar.roofs': 'Roofs',
  'solar.roofsValue': '{count} (shading traced at {positions} sun positions)',
  'solar.installed': 'Installed',
  'solar.production': 'Production',
  'solar.productionValue': '{mwh} MWh/year ({yield} kWh/kWp)',
  'solar.shading': 'Shading by neighbours',
  'solar.shadingValue': '{total} % of the yield (sun hidden {beam} %, sky hidden {sky} %)',
  'solar.co2': 'CO₂ avoided',
  'solar.co2Value': '{t} t/year',
  'solar.payback': 'Simple payback',
  'solar.paybackValue': '{years} years',
  'solar.never': 'never',
  'solar.lcoe': 'LCOE',
  'solar.badWeather': 'cannot read weather {path}: {reason} ({detail})',
  'weatherReason.unrecognised-format': 'not an EPW or PVGIS hourly file',
  'weatherReason.too-few-rows': 'not a whole year of hourly rows',
  'weatherReason.bad-location': 'no valid latitude and longitude',
  'weatherReason.out-of-range': 'a value outside its physical bounds',
  'weatherReason.duplicate-hour': 'an hour given twice',
  'weatherReason.implausible': 'not a plausible weather year',
  'weatherReason.too-many-rows': 'more hourly rows than a year has',
  'solar.oneProject': 'solar takes one project file (usage: {usage})',
  // eco
  'eco.oneProject': 'eco takes one project file (usage: {usage})',
  'eco.plots': 'Industrial plots',
  'eco.plotsValue': '{count} ({sectors} with a sector)',
  'eco.electricity': 'Electricity demand',
  'eco.electricityValue': '{mwh} MWh/year',
  'eco.pv': 'Rooftop PV',
  'eco.pvValue': '{pv} MWh/year, {self} MWh/year used on site hour by hour ({share} of demand)',
  'eco.pvNone': 'none counted',
  'eco.water': 'Water demand',
  'eco.waterValue': '{m3} m³/day (supply capacity: {capacity})',
  'eco.wastewater': 'Wastewater',
  'eco.wastewaterValue': '{m3} m³/day (WWTP capacity: {capacity})',
  'eco.wastewaterUndersized': '{m3} m³/day — WWTP capacity {capacity} m³/day is too small',
  'eco.waste': 'Solid waste',
  'eco.wasteValue': '{t} t/year',
  'eco.gridFactor': 'Grid emission factor',
  'eco.gridFactorValue': '{factor} tCO₂/MWh (year {year})',
  'eco.carbon': 'CO₂ emissions',
  'eco.carbonValue': 'scope 1 {scope1} t/year, scope 2 {scope2} t/year, avoided by PV {avoided} t/year',
  'eco.cbam': 'EU CBAM',
  'eco.cbamValue': '{count} plot(s) in scope, up to {cost} EUR/year at {price} EUR/t',
  'eco.cbamPlot': 'CBAM: {plot} — {sector}, embedded {t} t/year',
  'eco.symbiosis': 'Symbiosis',
  'eco.symbiosisValue': '{candidates} candidate(s), {accepted} accepted',
  'eco.exchange': '{from} → {to}: {resource}, {quantity} {unit}/year, {distance} m ({status})',
  'eco.status.candidate': 'candidate',
  'eco.status.accepted': 'accepted',
  'eco.status.rejected': 'rejected',
  'eco.criteria': 'EIP criteria',
  'eco.criteriaValue': '{pass} met, {fail} not met, {open} to answer, {info} for information',
  'eco.notGiven': 'not given',
  'eco.distanceNote': 'Distances run along the roads; * marks a straight line between plots the roads do not connect. Sector figures are rough estimates (docs/eco-performance.md).',
  // report
  'report.needsOutput': 'report needs an output file: -o OUT.pdf, .xlsx or .csv (usage: {usage})',
  'help.layout': 'lay out the park: road network, plots, green, technical and administrative land generated on the boundary, several variants added as scenarios, the best one active',
  'layout.needsOutput': 'layout needs an output project: -o OUT.gpkg (usage: {usage})',
  'layout.badVariants': '--variants takes a whole number from {min} to {max}, not "{value}"',
  'layout.badSeed': '--seed takes a whole number from {min} to {max}, not "{value}"',
  'layout.badPlotSize': '--plot-size takes MIN-MAX in hectares, e.g. 1-5 (0.01 to 1000, MIN ≤ MAX), not "{value}"',
  'layout.badBearing': '--bearing takes degrees clockwise from north (-360 to 360), not "{value}"',
  'layout.badSmeShare': '--sme-share takes the percentage of plot land for small SME plots, 0 to 100, not "{value}"',
  'layout.badEntrance': '--entrance takes LON,LAT in degrees, e.g. 106.07,21.18, not "{value}"',
  'layout.badWind': '--wind-from takes the degrees clockwise from north the predominant wind blows from (-360 to 360), not "{value}"',
  'layout.badDesignM': '{option} takes metres from {min} to {max}, not "{value}"',
  'layout.badDesignPct': '{option} takes a percentage of the park area from {min} to {max}, not "{value}"',
  'layout.failed': 'no layout was generated: {reason}',
  ...layoutRefusalMessages('cli', 'en'),
  'layout.scenarioName': 'Layout',
  'layout.label': 'Lay out park',
  'layout.wrote': 'wrote {path}: {count} layout variants added as scenarios, best first (active)',
  'layout.variantLine': '  {name}: {plots} plots, saleable {saleable}, green {green}, traffic {traffic}, roads {road} m/ha, rooftop PV {pv} MWp',
  'layout.unmetFail': 'fails {rule}: {value} against {threshold} {unit}',
  'layout.unmetWarn': 'warning {rule}: {value} against {threshold} {unit}',
  'report.badOutput': 'cannot write {path}: the report is written as .pdf, .xlsx or .csv',
  'report.compareCount': '--compare takes 2 to 4 scenarios, not {count}',
  'report.font': 'cannot load the report font from data/fonts: {reason}',
  'report.wrote': 'Wrote {path} ({bytes} bytes)',
  // convert
  'convert.badCrs': 'unknown coordinate system {crs}: use EPSG:4326, EPSG:32648, EPSG:32649, EPSG:3405, EPSG:3406, a VN-2000 zone such as VN2000:105.5 or its EPSG code (EPSG:9209)',
  'convert.badTransformation': 'unknown VN-2000 transformation {value}: use auto (what QGIS and GDAL pick: EPSG:5194 in the Mekong delta, EPSG:6960 elsewhere), 5194 or 6960',
  'convert.transformationUsed': 'VN-2000 → WGS 84 transformation used: {list}',
  'convert.tablesExportOnly': 'cannot import {path}: attribute tables (.csv, .xlsx) hold no geometry and are export-only; import .geojson, .kml, .kmz, .shp.zip, .dxf or .gpkg',
  'convert.layerMapJson': 'cannot read the layer map {path}: not valid JSON ({detail})',
  'convert.layerMapShape': 'cannot read the layer map {path}: at {at}: {message} (expected {"layers": {"LAYER": {"kind": "landuse", "landUse": "industrial"}}})',
  'convert.crsHint': 'pass --crs CODE',
  'convert.crsHintGuess': 'pass --crs CODE (e.g. --crs {guess})',
  'convert.nothingImported': 'no feature could be imported',
  'convert.skipped': '({count} skipped by the layer map)',
  'convert.missingLayer': 'the layer map names layer "{name}", which {path} does not have (layers: {layers})',
  'convert.done': '{input} -> {output}: {summary}',
} as const;

export type CliMessageKey = keyof typeof EN;

const TABLES: Record<CliLang, Record<CliMessageKey, string>> = { en: EN, vi: VI };

/** Environment variables that pick the default language, most specific first. */
export type LangEnv = Partial<Record<'ECOPARK_LANG' | 'LC_ALL' | 'LC_MESSAGES' | 'LANG', string>>;

/**
 * The default language: $ECOPARK_LANG when it is vi or en; else the POSIX locale variables in
 * their order of precedence (the first one set wins, as for gettext): vi when it starts with
 * "vi" (vi_VN.UTF-8), en otherwise.
 */
export function langFromEnv(env: LangEnv): CliLang {
  const own = env.ECOPARK_LANG?.trim().toLowerCase();
  if (own === 'vi' || own === 'en') return own;
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return locale?.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}


/** Everything a command needs to speak the user's language. */
export interface Messages {
  lang: CliLang;
  t(key: CliMessageKey, params?: Record<string, string | number>): string;
  /** A number in the language's convention: vi 1.234,5; en 1,234.5. */
  num(value: number, fractionDigits?: number): string;
  /** A ratio 0–1 as "12,34 %" / "12.34 %"; "—" for null. */
  pct(ratio: number | null, fractionDigits?: number): string;
  /** An ISO timestamp as date and UTC time: vi "15/01/2026 08:00 UTC"; en "15 Jan 2026, 08:00 UTC". */
  dateTime(iso: string): string;
}

export function messages(lang: CliLang): Messages {
  const table = TABLES[lang];
  return {
    lang,
    t: (key, params = {}) => fill(table[key], params),
    num: (value, fractionDigits = 0) => formatNumber(lang, value, fractionDigits),
    pct: (ratio, fractionDigits = 2) => formatPercent(lang, ratio, fractionDigits),
    // Stored timestamps are UTC; the CLI says so rather than guess the reader's time zone.
    dateTime: (iso) => (Number.isNaN(new Date(iso).getTime()) ? iso : formatDateTime(lang, iso, { utc: true })),
  };
}

/**
 * Takes the global `--lang vi|en` (or `--lang=vi`) out of the arguments wherever it stands, so
 * every command accepts it. Returns the language (null when not given) and the other arguments.
 */
export function extractLang(argv: string[]): { lang: CliLang | null; rest: string[]; error?: { value: string } } {
  const rest: string[] = [];
  let lang: CliLang | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const inline = /^--lang=(.*)$/.exec(a);
    if (a !== '--lang' && !inline) {
      rest.push(a);
      continue;
    }
    const value = inline ? inline[1] : argv[++i];
    const v = value?.trim().toLowerCase();
    if (v !== 'vi' && v !== 'en') return { lang, rest, error: { value: value ?? '' } };
    lang = v;
  }
  return { lang, rest };
}
