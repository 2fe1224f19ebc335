import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/use-t';
import { ModalDialog } from '../components/ModalDialog';
import type { MessageKey } from '../i18n/strings';
import { useToolStore } from './tool-store';
import { ACTIONS, pageKeyActions, shortcutLabels, type ActionSpec } from '../../../shared/actions';
import { getHost } from '../host/get-host';
import { pagePlatform } from '../page-platform';

/** Gestures that are not actions (they take a value or modify a drag); the panel lists them too. */
const GESTURES: { keys: string; action: MessageKey }[] = [
  { keys: 'Alt (hold)', action: 'shortcuts.invertSnapping' },
  { keys: 'Shift (hold)', action: 'shortcuts.rightAngles' },
  { keys: '0–9', action: 'draw.numericEntry' },
  { keys: '← ↑ → ↓ (Shift ×10)', action: 'shortcuts.nudge' },
  { keys: 'Shift+drag', action: 'shortcuts.boxSelect' },
  { keys: 'Alt+click vertex', action: 'command.deleteVertex' },
];

/**
 * Every keyboard shortcut that works in this host: the actions table's entries with a label and
 * keys (in the browser only those the page handles itself), then the gestures.
 */
export function shortcutRows(host: 'desktop' | 'browser'): { keys: string; action: MessageKey }[] {
  const inPage = new Set(pageKeyActions(true));
  return [
    ...ACTIONS.filter((a: ActionSpec) => a.labelKey !== undefined && (host === 'desktop' || inPage.has(a)))
      .map((a: ActionSpec) => ({ keys: shortcutLabels(a, pagePlatform()), action: a.labelKey as MessageKey }))
      .filter((row) => row.keys !== ''),
    ...GESTURES,
  ];
}

/** The rows in the browser (web mode, where the end-to-end tests run). */
export const SHORTCUTS = shortcutRows('browser');

/** The shortcuts as a table of keys and actions (this panel and the Help panel). */
export function ShortcutsTable({ className }: { className?: string }) {
  const t = useT();
  return (
    <table className={className}>
      <tbody>
        {shortcutRows(getHost().kind).map((s) => (
          <tr key={s.keys}>
            <td>
              <kbd>{s.keys}</kbd>
            </td>
            <td>{t(s.action)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The shortcuts panel (the ? key or toolbar button), floating beside the map like Help: it takes
 * the focus, and Esc, its × or a click elsewhere closes it and gives the focus back (ModalDialog).
 */
export function ShortcutsPanel() {
  const open = useToolStore((s) => s.shortcutsOpen);
  return open ? <OpenShortcutsPanel /> : null;
}

const close = () => useToolStore.getState().set({ shortcutsOpen: false });

function OpenShortcutsPanel() {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  // Read while rendering, before the dialog moves the focus into itself: the button that opened it.
  const [opener] = useState(() => (document.activeElement instanceof HTMLButtonElement ? document.activeElement : null));

  useEffect(() => {
    // A press on the opener is left to it (it toggles the panel shut); any other outside press closes.
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target instanceof Node ? event.target : null;
      if (!target || ref.current?.contains(target) || opener?.contains(target)) return;
      close();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [opener]);

  return (
    // The holder only gives the listener one element to test the press against.
    <div ref={ref}>
      <ModalDialog title={t('shortcuts.title')} onClose={close} modal={false} className="shortcuts-panel">
        <ShortcutsTable className="help-shortcuts" />
      </ModalDialog>
    </div>
  );
}
