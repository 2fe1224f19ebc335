import { useT } from '../i18n/use-t';
import type { MessageKey } from '../i18n/strings';
import { useToolStore } from './tool-store';

/** Every keyboard shortcut, from one table (the keys handled in use-drawing-keys.ts and App). */
export const SHORTCUTS: { keys: string; action: MessageKey }[] = [
  { keys: 'V', action: 'tool.select' },
  { keys: 'P', action: 'tool.polygon' },
  { keys: 'R', action: 'tool.rectangle' },
  { keys: 'L', action: 'tool.road' },
  { keys: 'B', action: 'tool.building' },
  { keys: 'O', action: 'tool.point' },
  { keys: 'S', action: 'tool.snapping' },
  { keys: 'Alt (hold)', action: 'shortcuts.invertSnapping' },
  { keys: 'Shift (hold)', action: 'shortcuts.rightAngles' },
  { keys: '0–9', action: 'draw.numericEntry' },
  { keys: 'Enter', action: 'shortcuts.finish' },
  { keys: 'Esc', action: 'shortcuts.cancel' },
  { keys: 'Delete', action: 'tool.delete' },
  { keys: '← ↑ → ↓ (Shift ×10)', action: 'shortcuts.nudge' },
  { keys: 'Ctrl+Z', action: 'tool.undo' },
  { keys: 'Ctrl+Shift+Z, Ctrl+Y', action: 'tool.redo' },
  { keys: 'Ctrl+D', action: 'tool.duplicate' },
  { keys: 'Shift+drag', action: 'shortcuts.boxSelect' },
  { keys: 'Alt+click vertex', action: 'command.deleteVertex' },
  { keys: 'Ctrl+N / O / S / Shift+S', action: 'shortcuts.files' },
  { keys: '?', action: 'tool.shortcuts' },
];

/** The shortcuts as a table of keys and actions (this panel and the Help panel). */
export function ShortcutsTable({ className }: { className?: string }) {
  const t = useT();
  return (
    <table className={className}>
      <tbody>
        {SHORTCUTS.map((s) => (
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
