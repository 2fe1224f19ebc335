import { SIDE_PANELS } from '../panels/registry';
import { useUiStore } from '../state/ui-store';
import { useT } from '../i18n/use-t';
import { PropertiesPanel } from './PropertiesPanel';

/** The right-hand side panel: "Properties" plus the tabs each capability registers. */
export function SidePanel() {
  const t = useT();
  // In the UI store so the Analysis menu and the tour can open a tab.
  const active = useUiStore((s) => s.sidePanelTab);
  const setActive = useUiStore((s) => s.showSidePanel);
  const tabs = [{ id: 'properties', title: t('properties.title') }, ...SIDE_PANELS.map((p) => ({ id: p.id, title: t(p.titleKey) }))];
  const panel = SIDE_PANELS.find((p) => p.id === active);
  return (
    <aside className="side-panel">
      {tabs.length > 1 && (
        <div className="tabs" role="tablist">
          {tabs.map((tab) => (
            <button key={tab.id} type="button" role="tab" aria-selected={tab.id === active} onClick={() => setActive(tab.id)}>
              {tab.title}
            </button>
          ))}
        </div>
      )}
      {panel ? (
        <section className="panel side-content" role="region" aria-label={t(panel.titleKey)}>
          <panel.Component />
        </section>
      ) : (
        <PropertiesPanel />
      )}
    </aside>
  );
}
