import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { useT } from '../i18n/use-t';
// The two looks below are styled with their areas' other rules.
import '../help/desktop.css';
import '../recovery/recovery.css';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/**
 * The app's one dialog frame: labelled by its title (and described by `description`), it takes
 * the focus on opening, gives it back on closing, answers Esc with `onClose` and, when `modal`,
 * keeps Tab inside. Two looks:
 * - `window` (Settings, About, Help): a header with a close button, and a click on the backdrop
 *   closes too; the first control of the content gets the focus. `modal={false}` floats it beside
 *   the map without a backdrop (Help stays open while the user follows it).
 * - `question` (recovery prompt, changed-on-disk question): no close button and no click-away,
 *   since the user must choose; the primary button gets the focus and Esc picks the safe answer.
 */
export function ModalDialog({
  title,
  onClose,
  look = 'window',
  modal = true,
  description,
  className = '',
  children,
  headerExtra,
}: {
  title: string;
  onClose: () => void;
  look?: 'window' | 'question';
  modal?: boolean;
  description?: ReactNode;
  className?: string;
  children: ReactNode;
  headerExtra?: ReactNode;
}) {
  const t = useT();
  const titleId = useId();
  const textId = useId();
  const ref = useRef<HTMLElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const question = look === 'question';
  const trapsTab = modal || question;

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = ref.current;
    const body = bodyRef.current ?? root;
    (
      (question ? root?.querySelector<HTMLElement>('button.primary') : null) ??
      body?.querySelector<HTMLElement>(FOCUSABLE) ??
      root?.querySelector<HTMLElement>(FOCUSABLE)
    )?.focus();
    return () => previous?.focus();
    // Only on opening and closing: later renders must not move the focus.
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (!trapsTab || event.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const labels = {
    role: 'dialog',
    'aria-modal': trapsTab,
    'aria-labelledby': titleId,
    'aria-describedby': description ? textId : undefined,
    onKeyDown,
  } as const;
  const text = description && (
    <div id={textId} className="modal-text">
      {description}
    </div>
  );

  if (question) {
    return (
      <div className="modal-backdrop">
        <div ref={ref as RefObject<HTMLDivElement>} className={`modal-dialog ${className}`} {...labels}>
          <h2 id={titleId}>{title}</h2>
          {text}
          {children}
        </div>
      </div>
    );
  }

  const dialog = (
    <section ref={ref} className={`panel desktop-dialog ${modal ? 'is-modal' : 'is-floating'} ${className}`} {...labels}>
      <header className="desktop-dialog-header">
        <h2 id={titleId}>{title}</h2>
        {headerExtra}
        <button type="button" className="desktop-dialog-x" onClick={onClose} aria-label={t('desktop.close')} title={`${t('desktop.close')} (Esc)`}>
          ×
        </button>
      </header>
      <div ref={bodyRef} className="desktop-dialog-body">
        {text}
        {children}
      </div>
    </section>
  );
  if (!modal) return dialog;
  return (
    <div className="desktop-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      {dialog}
    </div>
  );
}
