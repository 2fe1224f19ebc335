import { useEffect, useRef, type RefObject } from 'react';

/** The open popovers, the latest last: Esc closes the latest one only. */
const openPopovers: { close: () => void }[] = [];

/**
 * Closes the latest open popover, if any; the page's Esc (action-table.ts `cancel`) asks this
 * first, so Esc in a menu closes the menu and leaves the selection and the drawing alone.
 */
export function dismissLatestPopover(): boolean {
  const latest = openPopovers.pop();
  latest?.close();
  return latest !== undefined;
}

/**
 * The one way out of a popover (basemap, scenario and report menus, Go to): while `open`, Esc or
 * a press outside `area` (the element holding the opener and the popup) calls `close`. When it
 * closes with the focus inside it, or lost with its content, the focus goes back to the opener:
 * the element in `area` with `aria-expanded`. Dialogs use ModalDialog instead.
 */
export function useDismiss(area: RefObject<HTMLElement | null>, open: boolean, close: () => void): void {
  const latestClose = useRef(close);
  latestClose.current = close;

  useEffect(() => {
    if (!open) return;
    const entry = { close: () => latestClose.current() };
    openPopovers.push(entry);
    const isOpen = () => openPopovers.includes(entry);
    const dismiss = () => {
      openPopovers.splice(openPopovers.indexOf(entry), 1);
      entry.close();
    };
    const onPointerDown = (event: PointerEvent) => {
      const root = area.current;
      if (isOpen() && root && event.target instanceof Node && !root.contains(event.target)) dismiss();
    };
    // Also here, not only in `cancel`: in a text field of the popover the page's shortcuts are off.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || openPopovers[openPopovers.length - 1] !== entry) return;
      event.preventDefault();
      dismiss();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('keydown', onKeyDown, true);
      if (isOpen()) openPopovers.splice(openPopovers.indexOf(entry), 1);
      // Runs after the closed render: the opener is in the page again (Go to swaps it back in).
      const root = area.current;
      const focus = document.activeElement;
      if (root && (focus === null || focus === document.body || root.contains(focus))) root.querySelector<HTMLElement>('[aria-expanded]')?.focus();
    };
  }, [open, area]);
}
