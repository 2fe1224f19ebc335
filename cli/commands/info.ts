import { FEATURE_KINDS, LAND_USE_CATALOGUE, LAND_USE_CODES, type ParkDocument } from '../../shared/model';
import { CliError, readInput, type CliIo, type CommandContext, type ExitCode } from '../io';
import { readProjectFile, requireProjectPath } from '../formats';
import { warnProblems } from '../problems';
import { messages, type CliMessageKey, type Messages } from '../i18n';
import { INFO_USAGE } from '../usage';

/** `ecopark info FILE.gpkg`: prints the project summary. */
export async function infoCommand(args: string[], io: CliIo, { m, limits }: CommandContext): Promise<ExitCode> {
  if (args.length !== 1) throw new CliError(m.t('error.oneFile', { command: 'info', usage: INFO_USAGE }), 2);
  const [path] = args;
  requireProjectPath(path, 'info', m);
  const bytes = await readInput(io, path, m);
  const doc = await readProjectFile(path, bytes, { acceptForeign: false, limits }, m);
  for (const line of formatInfo(doc, m)) io.stdout(line);
  warnProblems(io, m, doc);
  return 0;
}

/** The land-use category's name from data/land-use-categories.json in the output language. */
export function landUseName(code: string, lang: Messages['lang']): string {
  return LAND_USE_CATALOGUE.categories.find((c) => c.code === code)?.[lang] ?? code;
}

/** Labels padded to one column, whatever their length in the language. */
function labelled(rows: [string, string][]): string[] {
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  return rows.map(([label, value]) => `${`${label}:`.padEnd(width)}${value}`);
}

/** The summary as lines; exported for tests and for other commands that want the same view. */
export function formatInfo(doc: ParkDocument, m: Messages = messages('en')): string[] {
  const p = doc.project;
  const province = p.formerProvince && p.formerProvince !== '' ? m.t('info.formerProvince', { province: p.province, former: p.formerProvince }) : p.province || m.t('info.none');
  const lat = `${m.num(Math.abs(p.location.lat), 5)}° ${p.location.lat >= 0 ? 'N' : 'S'}`;
  const lon = `${m.num(Math.abs(p.location.lon), 5)}° ${p.location.lon >= 0 ? 'E' : 'W'}`;
  const lines = labelled([
    [m.t('info.project'), p.name],
    [m.t('info.province'), province],
    [m.t('info.location'), `${lat}, ${lon}`],
    [m.t('info.created'), m.dateTime(p.createdAt)],
    [m.t('info.modified'), m.dateTime(p.modifiedAt)],
    [m.t('info.formatVersion'), String(doc.formatVersion)],
    [m.t('info.scenarios'), m.t('info.activeMark', { count: m.num(doc.scenarios.length) })],
  ]);
  for (const s of doc.scenarios) {
    const mark = s.id === doc.activeScenarioId ? '*' : ' ';
    lines.push(`${mark} ${m.t('info.features', { name: s.name, count: m.num(s.features.length) })}`);
    const byKind = new Map<string, number>();
    const byLandUse = new Map<string, number>();
    for (const f of s.features) {
      byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);
      if (f.kind === 'landuse') byLandUse.set(f.landUse, (byLandUse.get(f.landUse) ?? 0) + 1);
    }
    lines.push(`    ${m.t('info.byKind')}: ${FEATURE_KINDS.map((k) => `${m.t(`kind.${k}` as CliMessageKey)} ${m.num(byKind.get(k) ?? 0)}`).join(', ')}`);
    // Category names contain commas ("Industrial (factories, warehouses)"): items are split by ";".
    const landUses = LAND_USE_CODES.filter((c) => byLandUse.has(c)).map((c) => `${landUseName(c, m.lang)} ${m.num(byLandUse.get(c)!)}`);
    lines.push(`    ${m.t('info.byLandUse')}: ${landUses.length > 0 ? landUses.join('; ') : m.t('info.none')}`);
  }
  return lines;
}
