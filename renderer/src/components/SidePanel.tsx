import { useEffect, useRef, useState } from 'react';
import { SIDE_PANELS } from '../panels/registry';
import { useUiStore } from '../state/ui-store';
import { useT } from '../i18n/use-t';
import { PropertiesPanel } from './PropertiesPanel';
import { Icon } from './icons';

/**
 * The right-hand side panel: "Properties" plus the tabs each capability registers. Selecting
 * features brings Properties forward (issue 13) unless the user pinned the tab in front, or the
 * selection came from the side panel itself (a row of the Solar or Plots table, Compliance's
 * "select the failing plots": that tab stays in view).
 */
export function SidePanel() {
  const t = useT();
  // In the UI store so the Analysis menu and the tour can open a tab.
  const active = useUiStore((s) => s.sidePanelTab);
  const setActive = useUiStore((s) => s.showSidePanel);
  const selectedIds = useUiStore((s) => s.selectedIds);
  const [pinned, setPinned] = useState<string | null>(null);
  const aside = useRef<HTMLElement>(null);
  // Where the user's last click or key press happened: a selection is attributed to it.
  const lastInteractionInside = useRef(false);
  const tabs = [{ id: 'properties', title: t('properties.title') }, ...SIDE_PANELS.map((p) => ({ id: p.id, title: t(p.titleKey) }))];
  const panel = SIDE_PANELS.find((p) => p.id === active);
  const pinnedInFront = pinned !== null && pinned === active;

  useEffect(() => {
    const note = (event: Event) => {
      lastInteractionInside.current = aside.current?.contains(event.target as Node) ?? false;
    };
    document.addEventListener('pointerdown', note, true);
    document.addEventListener('keydown', note, true);
    return () => {
      document.removeEventListener('pointerdown', note, true);
      document.removeEventListener('keydown', note, true);
    };
  }, []);

  useEffect(() => {
    if (selectedIds.length === 0 || pinnedInFront || lastInteractionInside.current) return;
    setActive('properties');
    // Only a new selection brings Properties forward, not a tab change.
  }, [selectedIds]);

  return (
    <aside className="side-panel" ref={aside}>
      {tabs.length > 1 && (
        <div className="tabs" role="tablist">
          {tabs.map((tab) => (
            <button key={tab.id} type="button" role="tab" aria-selected={tab.id === active} onClick={() => setActive(tab.id)}>
              {tab.title}
            </button>
          ))}
          {panel && (
            <button type="button" className="tab-pin" aria-pressed={pinnedInFront} aria-label={t('sidePanel.pin')} title={t('sidePanel.pin')} onClick={() => setPinned(pinnedInFront ? null : active)}>
              <Icon name="pin" />
            </button>
          )}
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
