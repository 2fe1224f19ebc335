/**
 * Fills `{name}` placeholders of a translated string; a placeholder without a value stays
 * visible, so a missing parameter shows in the UI instead of vanishing. One helper for the
 * renderer, the main process, the CLI and the report.
 */
export function fillPlaceholders(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}
