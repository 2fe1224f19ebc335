import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import './recovery.css';

/**
 * A modal dialog: labelled by its title, described by its text, focus moved to the primary
 * button on opening, kept inside while open (Tab cycles) and given back on closing; Esc answers
 * `onEscape`.
 */
export function ModalDialog({
  title,
  description,
  onEscape,
  children,
  className,
}: {
  title: string;
  description?: ReactNode;
  onEscape: () => void;
  children: ReactNode;
  className?: string;
}) {
  const titleId = useId();
  const textId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const escape = useRef(onEscape);
  escape.current = onEscape;

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = ref.current;
    (root?.querySelector<HTMLElement>('button.primary') ?? root?.querySelector<HTMLElement>('button'))?.focus();
    return () => before?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      escape.current();
      return;
    }
    if (event.key !== 'Tab' || !ref.current) return;
    const focusable = [...ref.current.querySelectorAll<HTMLElement>('button:not(:disabled), [href], input, select, textarea')];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="modal-backdrop">
      <div
        ref={ref}
        className={`modal-dialog ${className ?? ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? textId : undefined}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{title}</h2>
        {description && (
          <div id={textId} className="modal-text">
            {description}
          </div>
        )}
        {children}
      </div>
    </div>
  );
}
