/**
 * Web links never replace the app in its window: a click on a link to another site (a rule's
 * citation, a basemap attribution from a tile file or style, whose HTML we do not write) opens
 * it separately — in the desktop shell the window-open handler hands it to the system browser
 * (electron/harden-web-contents.ts); in web mode it opens a new tab. Without this, a plain
 * attribution link would navigate the page away and lose unsaved work in web mode.
 */
export function isExternalHref(href: string, appOrigin: string): boolean {
  let url: URL;
  try {
    url = new URL(href, appOrigin);
  } catch {
    return false;
  }
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin !== appOrigin;
}

export function installExternalLinkGuard(doc: Document = document): () => void {
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button > 1) return;
    const anchor = (event.target as Element | null)?.closest?.('a[href]');
    if (!(anchor instanceof HTMLAnchorElement) || !isExternalHref(anchor.href, doc.location.origin)) return;
    event.preventDefault();
    doc.defaultView?.open(anchor.href, '_blank', 'noopener,noreferrer');
  };
  doc.addEventListener('click', onClick, true);
  doc.addEventListener('auxclick', onClick, true);
  return () => {
    doc.removeEventListener('click', onClick, true);
    doc.removeEventListener('auxclick', onClick, true);
  };
}
