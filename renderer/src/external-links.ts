import { create } from 'zustand';

/**
 * Web links never replace the app in its window, and never leave it unasked. A click on a link
 * to another site (a rule's citation, a basemap attribution from a tile file or style, whose
 * HTML we do not write) is stopped here and the user first sees the full address, its host
 * emphasised, and chooses Open or Cancel (ExternalLinkDialog). Only then is it opened
 * separately: in the desktop shell the window-open handler hands it to the system browser after
 * checking it again (electron/harden-web-contents.ts: https only); in web mode it opens a new
 * tab. Only https addresses are offered: a plain http link is shown, explained and not opened.
 * Without the guard, a plain attribution link would navigate the page away and lose unsaved work
 * in web mode.
 */

/** True for http(s) links to another origin: the clicks the guard takes over. */
export function isExternalHref(href: string, appOrigin: string): boolean {
  const url = parseUrl(href, appOrigin);
  return url !== null && (url.protocol === 'https:' || url.protocol === 'http:') && url.origin !== appOrigin;
}

/**
 * An external address as the confirmation shows it: `href` is the whole normalised URL (hosts in
 * punycode, so look-alike letters show as xn--…), cut into the part before the host (scheme and
 * any user name, as in https://trusted.example@evil.example/), the host, and the rest.
 */
export interface ExternalLinkTarget {
  href: string;
  beforeHost: string;
  host: string;
  afterHost: string;
  /** Only https links may be opened. */
  openable: boolean;
}

export function describeExternalLink(href: string): ExternalLinkTarget | null {
  const url = parseUrl(href);
  if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.host === '') return null;
  // The authority runs from after "//" to the first "/" (an http(s) href always has a path);
  // the host is its end, whatever user name comes before it.
  const authorityStart = url.protocol.length + 2;
  const authorityEnd = url.href.indexOf('/', authorityStart);
  const hostStart = authorityEnd - url.host.length;
  return {
    href: url.href,
    beforeHost: url.href.slice(0, hostStart),
    host: url.host,
    afterHost: url.href.slice(authorityEnd),
    openable: url.protocol === 'https:',
  };
}

interface PendingLink {
  target: ExternalLinkTarget;
  resolve: (open: boolean) => void;
}

/** The link waiting for the user's answer (one at a time: a newer click cancels the older). */
export const useExternalLinkStore = create<{ pending: PendingLink | null; answer(open: boolean): void }>((set, get) => ({
  pending: null,
  answer(open) {
    const pending = get().pending;
    if (!pending) return;
    set({ pending: null });
    pending.resolve(open && pending.target.openable);
  },
}));

/** Asks through ExternalLinkDialog; resolves true only for Open on an https link. */
export function confirmExternalLink(target: ExternalLinkTarget): Promise<boolean> {
  useExternalLinkStore.getState().pending?.resolve(false);
  return new Promise((resolve) => useExternalLinkStore.setState({ pending: { target, resolve } }));
}

export function installExternalLinkGuard(doc: Document = document, confirm: (target: ExternalLinkTarget) => Promise<boolean> = confirmExternalLink): () => void {
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button > 1) return;
    const anchor = (event.target as Element | null)?.closest?.('a[href]');
    if (!(anchor instanceof HTMLAnchorElement) || !isExternalHref(anchor.href, doc.location.origin)) return;
    event.preventDefault();
    const target = describeExternalLink(anchor.href);
    if (!target) return;
    void confirm(target).then((open) => {
      if (open && target.openable) doc.defaultView?.open(target.href, '_blank', 'noopener,noreferrer');
    });
  };
  doc.addEventListener('click', onClick, true);
  doc.addEventListener('auxclick', onClick, true);
  return () => {
    doc.removeEventListener('click', onClick, true);
    doc.removeEventListener('auxclick', onClick, true);
  };
}

function parseUrl(href: string, base?: string): URL | null {
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}
