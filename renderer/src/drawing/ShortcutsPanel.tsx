import { useT } from '../i18n/use-t';
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

export function ShortcutsPanel() {
  const t = useT();
  const { shortcutsOpen, set } = useToolStore();
  if (!shortcutsOpen) return null;
  return (
    <section className="panel shortcuts" role="dialog" aria-label={t('shortcuts.title')}>
      <h2>{t('shortcuts.title')}</h2>
      <ShortcutsTable />
      <button type="button" onClick={() => set({ shortcutsOpen: false })}>
        {t('dialog.close')}
      </button>
    </section>
  );
}
