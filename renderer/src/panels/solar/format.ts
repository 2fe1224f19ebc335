/**
 * The solar panel's short name for the shared number formatter (shared/format caches its
 * Intl.NumberFormat per language and precision, so tables of hundreds of cells stay fast).
 */
export { formatNumber as fmt } from '../../../../shared/format';
