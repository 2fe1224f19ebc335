import type { ReactNode } from 'react';
import type { ActionId } from '../../../shared/actions';
import { actionLabelKey, actionTitle, isEnabled, runAction, type ActionContext, type ActionState } from '../action-table';
import { useT } from '../i18n/use-t';

/** A toolbar button for one action of the table: label, tooltip with its shortcut, enabled state, run. */
export function ActionButton({ id, state, context, children, title, pressed, className }: {
  id: Exclude<ActionId, 'new-window'>;
  state: ActionState;
  context?: ActionContext;
  children?: ReactNode;
  /** Overrides the tooltip (Undo names what it will undo). */
  title?: string;
  pressed?: boolean;
  className?: string;
}) {
  const t = useT();
  const label = t(actionLabelKey(id));
  return (
    <button type="button" className={className} aria-pressed={pressed} onClick={() => runAction(id, context)} disabled={!isEnabled(id, state)} aria-label={label} title={title ?? actionTitle(label, id)}>
      {children ?? label}
    </button>
  );
}

