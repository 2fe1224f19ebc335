import { activeScenario, type ParkFeature } from '../../../shared/model';
import type { ValidationIssue } from '../../../shared/geometry/validate';
import { describeProblem } from '../../../shared/analysis/problems';
import { repairCommand } from '../../../shared/editing/commands';
import { issuesOf } from '../drawing/feature-issues';
import { useDocumentStore } from '../state/document-store';
import { useUiStore } from '../state/ui-store';
import { applyResult } from '../drawing/edit-actions';
import { useT } from '../i18n/use-t';

/**
 * The problems of the selected feature, each a sentence in the UI language worded from the
 * problem's data (shared/geometry/issue-sentence.ts, as the CLI and the report word it) and,
 * where a safe one exists, a one-click repair (one undoable command). Nothing is ever fixed
 * silently.
 */
export function ValidationList({ feature }: { feature: ParkFeature }) {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const doc = useDocumentStore((s) => s.document); // re-check after every edit
  const issues = issuesOf(feature);
  if (issues.length === 0 || !doc) return null;
  const byId = new Map(activeScenario(doc).features.map((f) => [f.id, f]));
  byId.set(feature.id, feature);
  const repair = (issue: ValidationIssue) => {
    const current = useDocumentStore.getState().document;
    if (!issue.repair || !current) return;
    const label = `${t('command.repair')}: ${t(`repairKind.${issue.repair}`)}`;
    const result = repairCommand(current, current.activeScenarioId, feature.id, issue.repair, { label });
    if (applyResult(result) && result.ok) useUiStore.getState().select(result.featureIds);
  };
  return (
    <div className="issues" role="alert" aria-label={t('properties.issues')}>
      <h4>{t('properties.issues')}</h4>
      <ul>
        {issues.map((issue, i) => (
          <li key={`${issue.reason}-${i}`} data-reason={issue.reason}>
            {describeProblem(issue, byId, lang)}
            {issue.repair && (
              <button type="button" onClick={() => repair(issue)}>
                {t('properties.repair')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
