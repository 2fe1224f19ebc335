import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/use-t';
import './desktop.css';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/**
 * The frame of Settings, About and Help: a titled dialog that Esc and the close button close,
 * which takes the focus on opening and gives it back on closing. `modal` adds a backdrop and
 * keeps Tab inside (Settings, About); Help stays open beside the map while the user follows it.
 */
export function ModalDialog({
  title,
  onClose,
  modal = true,
  className = '',
  children,
  headerExtra,
}: {
  title: string;
  onClose: () => void;
  modal?: boolean;
  className?: string;
  children: ReactNode;
  headerExtra?: ReactNode;
}) {
  const t = useT();
  const titleId = useId();
  const ref = useRef<HTMLElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // The first control of the content, else the close button.
    (bodyRef.current?.querySelector<HTMLElement>(FOCUSABLE) ?? ref.current?.querySelector<HTMLElement>(FOCUSABLE))?.focus();
    return () => previous?.focus();
  }, []);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (!modal || event.key !== 'Tab' || !ref.current) return;
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

  const dialog = (
    <section
      ref={ref}
      className={`panel desktop-dialog ${modal ? 'is-modal' : 'is-floating'} ${className}`}
      role="dialog"
      aria-modal={modal}
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
    >
      <header className="desktop-dialog-header">
        <h2 id={titleId}>{title}</h2>
        {headerExtra}
        <button type="button" className="desktop-dialog-x" onClick={onClose} aria-label={t('desktop.close')} title={`${t('desktop.close')} (Esc)`}>
          ×
        </button>
      </header>
      <div ref={bodyRef} className="desktop-dialog-body">
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
