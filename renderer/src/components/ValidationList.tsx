import type { ParkFeature } from '../../../shared/model';
import type { ValidationIssue } from '../../../shared/geometry/validate';
import { repairCommand } from '../../../shared/editing/commands';
import { issuesOf } from '../drawing/feature-issues';
import { useDocumentStore } from '../state/document-store';
import { useUiStore } from '../state/ui-store';
import { applyResult } from '../drawing/edit-actions';
import { useT } from '../i18n/use-t';

/**
 * The problems of the selected feature, each with its plain message and, where a safe one
 * exists, a one-click repair (one undoable command). Nothing is ever fixed silently.
 */
export function ValidationList({ feature }: { feature: ParkFeature }) {
  const t = useT();
  useDocumentStore((s) => s.document); // re-check after every edit
  const issues = issuesOf(feature);
  if (issues.length === 0) return null;
  const repair = (issue: ValidationIssue) => {
    const doc = useDocumentStore.getState().document;
    if (!issue.repair || !doc) return;
    const result = repairCommand(doc, doc.activeScenarioId, feature.id, issue.repair, { label: `${t('command.repair')}: ${issue.reason}` });
    if (applyResult(result) && result.ok) useUiStore.getState().select(result.featureIds);
  };
  return (
    <div className="issues" role="alert" aria-label={t('properties.issues')}>
      <h4>{t('properties.issues')}</h4>
      <ul>
        {issues.map((issue, i) => (
          <li key={`${issue.reason}-${i}`} data-reason={issue.reason}>
            {issue.message}
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
