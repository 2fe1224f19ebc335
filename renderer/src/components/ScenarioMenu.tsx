import { useRef, useState } from 'react';
import { createScenario, deleteScenario, duplicateScenario, renameScenario, uniqueScenarioName, type ScenarioResult } from '../../../shared/model';
import { useDocumentStore } from '../state/document-store';
import { useUiStore } from '../state/ui-store';
import { useT } from '../i18n/use-t';
import type { MessageKey } from '../i18n/strings';
import { useDismiss } from './use-dismiss';

/**
 * Scenarios of the project: switch the active one, create, duplicate, rename and delete. Each
 * change is one undoable command (Undo "Delete scenario" brings it back with its features, in
 * its place); a run of switches is one step.
 */
export function ScenarioMenu() {
  const t = useT();
  const document = useDocumentStore((s) => s.document);
  const { execute, setActiveScenario } = useDocumentStore();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const area = useRef<HTMLDivElement>(null);
  useDismiss(area, open, () => setOpen(false));
  if (!document) return null;
  const active = document.scenarios.find((s) => s.id === document.activeScenarioId)!;

  const run = (result: ScenarioResult, labelKey: MessageKey) => {
    if (!result.ok) {
      useUiStore.getState().notify({ tone: 'error', text: t(`scenario.${result.reason}` as MessageKey) });
      return false;
    }
    execute({ ...result.command, label: t(labelKey) });
    useUiStore.getState().select([]);
    return true;
  };

  return (
    <div ref={area} className="menu-anchor scenario-menu">
      <label className="scenario-picker">
        {t('toolbar.scenario')}{' '}
        <select value={document.activeScenarioId} onChange={(e) => setActiveScenario(e.target.value, t('scenario.switch'))} aria-label={t('toolbar.scenario')}>
          {document.scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => { setOpen(!open); setName(''); }} aria-label={t('scenario.manage')}>
        ▾
      </button>
      {open && (
        <div className="menu" role="menu" aria-label={t('scenario.manage')}>
          <label className="menu-field">
            {t('scenario.name')}
            <input value={name} placeholder={uniqueScenarioName(document, t('scenario.defaultName'))} onChange={(e) => setName(e.target.value)} />
          </label>
          <button type="button" role="menuitem" onClick={() => run(createScenario(document, name || uniqueScenarioName(document, t('scenario.defaultName'))), 'scenario.create') && setOpen(false)}>
            {t('scenario.create')}
          </button>
          <button type="button" role="menuitem" onClick={() => run(duplicateScenario(document, active.id, name || uniqueScenarioName(document, `${active.name} (${t('scenario.copy')})`)), 'scenario.duplicate') && setOpen(false)}>
            {t('scenario.duplicate')} “{active.name}”
          </button>
          <button type="button" role="menuitem" disabled={!name.trim()} onClick={() => run(renameScenario(document, active.id, name), 'scenario.rename') && setOpen(false)}>
            {t('scenario.rename')} “{active.name}”
          </button>
          <button type="button" role="menuitem" disabled={document.scenarios.length < 2} onClick={() => run(deleteScenario(document, active.id), 'scenario.delete') && setOpen(false)}>
            {t('scenario.delete')} “{active.name}”
          </button>
        </div>
      )}
    </div>
  );
}
