import { z } from 'zod';
import { parkFeatureSchema, type ParkFeature } from './feature';
import { newId } from './ids';

/**
 * Version of the project-file format this build writes. Files with a higher version are
 * refused; lower versions go through shared/project-file/migrations.
 * 2: six tenant columns on land_use (issue 16: sector, scheme, tenant, employees, measured use).
 */
export const FORMAT_VERSION = 2;

/** Project metadata. Province: the post-2025 name and, where it changed, the former one. */
export const projectInfoSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  province: z.string(),
  formerProvince: z.string().optional(),
  /** Representative location (lon/lat degrees), used for climate data and the initial view. */
  location: z.object({ lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) }),
  author: z.string().optional(),
  description: z.string().optional(),
  /** ISO 8601 timestamps. */
  createdAt: z.string(),
  modifiedAt: z.string(),
});

/** A named alternative layout; feature ids are unique within a scenario. */
export const scenarioSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  description: z.string().optional(),
  features: z.array(parkFeatureSchema),
});

/** One park project: the single source of truth of the renderer (DESIGN.md §2). */
export const parkDocumentSchema = z
  .object({
    formatVersion: z.number().int().positive(),
    project: projectInfoSchema,
    scenarios: z.array(scenarioSchema).min(1),
    activeScenarioId: z.string(),
    /** Settings of later features (rule overrides, solar assumptions...), JSON by key. */
    settings: z.record(z.string(), z.unknown()),
  })
  .superRefine((doc, ctx) => {
    for (const issue of documentRuleIssues(doc)) ctx.addIssue({ code: 'custom', ...issue });
  });

/**
 * The rules between parts of a document (the active scenario exists; feature ids are unique
 * within a scenario), in the order parkDocumentSchema reports them. Exported for the project
 * reader, which checks a file's features one by one and its document without them.
 */
export function documentRuleIssues(doc: {
  activeScenarioId: string;
  scenarios: readonly { id: string; features: readonly { id: string }[] }[];
}): { message: string; path: string[] }[] {
  const issues: { message: string; path: string[] }[] = [];
  if (!doc.scenarios.some((s) => s.id === doc.activeScenarioId)) {
    issues.push({ message: 'active scenario does not exist', path: ['activeScenarioId'] });
  }
  for (const scenario of doc.scenarios) {
    const seen = new Set<string>();
    for (const f of scenario.features) {
      if (seen.has(f.id)) issues.push({ message: `duplicate feature id ${f.id}`, path: ['scenarios', scenario.id] });
      seen.add(f.id);
    }
  }
  return issues;
}

export type ProjectInfo = z.infer<typeof projectInfoSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
export type ParkDocument = z.infer<typeof parkDocumentSchema>;

export function activeScenario(doc: ParkDocument): Scenario {
  const scenario = doc.scenarios.find((s) => s.id === doc.activeScenarioId);
  if (!scenario) throw new Error('document has no active scenario');
  return scenario;
}

/** A new empty project with one scenario, stamped `now` (ISO string, injected for tests). */
export function createEmptyDocument(
  name: string,
  options: { province?: string; formerProvince?: string; location?: { lon: number; lat: number }; now?: string } = {},
): ParkDocument {
  const now = options.now ?? new Date().toISOString();
  const scenarioId = newId();
  return {
    formatVersion: FORMAT_VERSION,
    project: {
      id: newId(),
      name,
      province: options.province ?? '',
      formerProvince: options.formerProvince,
      location: options.location ?? { lon: 106.0, lat: 21.1 },
      createdAt: now,
      modifiedAt: now,
    },
    scenarios: [{ id: scenarioId, name: 'A', features: [] }],
    activeScenarioId: scenarioId,
    settings: {},
  };
}

export type { ParkFeature };
