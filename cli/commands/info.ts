import { FEATURE_KINDS, LAND_USE_CODES, type ParkDocument } from '../../shared/model';
import { CliError, readInput, type CliIo, type ExitCode } from '../io';
import { formatOf, readProjectFile } from '../formats';

export const INFO_USAGE = 'ecopark info FILE.gpkg';

/** `ecopark info FILE.gpkg`: prints the project summary. */
export async function infoCommand(args: string[], io: CliIo): Promise<ExitCode> {
  if (args.length !== 1) throw new CliError(`info takes one file (usage: ${INFO_USAGE})`, 2);
  const [path] = args;
  if (formatOf(path) !== 'project') throw new CliError(`cannot read ${path}: info reads project files (.gpkg)`, 2);
  const bytes = await readInput(io, path);
  const doc = await readProjectFile(path, bytes, { acceptForeign: false });
  for (const line of formatInfo(doc)) io.stdout(line);
  return 0;
}

/** The summary as lines; exported for tests and for other commands that want the same view. */
export function formatInfo(doc: ParkDocument): string[] {
  const p = doc.project;
  const province = p.formerProvince && p.formerProvince !== '' ? `${p.province} (former province: ${p.formerProvince})` : p.province || '(none)';
  const lat = `${Math.abs(p.location.lat).toFixed(5)}° ${p.location.lat >= 0 ? 'N' : 'S'}`;
  const lon = `${Math.abs(p.location.lon).toFixed(5)}° ${p.location.lon >= 0 ? 'E' : 'W'}`;
  const lines = [
    `Project:        ${p.name}`,
    `Province:       ${province}`,
    `Location:       ${lat}, ${lon}`,
    `Created:        ${p.createdAt}`,
    `Modified:       ${p.modifiedAt}`,
    `Format version: ${doc.formatVersion}`,
    `Scenarios:      ${doc.scenarios.length} (* = active)`,
  ];
  for (const s of doc.scenarios) {
    const mark = s.id === doc.activeScenarioId ? '*' : ' ';
    lines.push(`${mark} ${s.name}: ${s.features.length} features`);
    const byKind = new Map<string, number>();
    const byLandUse = new Map<string, number>();
    for (const f of s.features) {
      byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);
      if (f.kind === 'landuse') byLandUse.set(f.landUse, (byLandUse.get(f.landUse) ?? 0) + 1);
    }
    lines.push(`    by kind:     ${FEATURE_KINDS.map((k) => `${k} ${byKind.get(k) ?? 0}`).join(', ')}`);
    const landUses = LAND_USE_CODES.filter((c) => byLandUse.has(c)).map((c) => `${c} ${byLandUse.get(c)}`);
    lines.push(`    by land use: ${landUses.length > 0 ? landUses.join(', ') : '(none)'}`);
  }
  return lines;
}
