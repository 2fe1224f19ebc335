/** Locale formatting shared by the UI, the report and the CLI (see number.ts for the conventions). */
export { NO_VALUE, formatArea, formatBytes, formatDelta, formatHectares, formatLatLon, formatNumber, formatNumberAuto, formatPercent, type FormatLang } from './number';
export { formatDate, formatDateTime, type DateTimeOptions } from './date';
