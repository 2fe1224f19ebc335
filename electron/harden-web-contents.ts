import { decideNavigation } from './security-policy';

/**
 * Hardening applied to every web contents the app creates (main.ts calls it from
 * 'web-contents-created', so it also covers any contents a compromised page manages to make).
 * Written against the few members of Electron's WebContents it uses, so it is unit-tested
 * with a stand-in: the window only ever shows our app; every other navigation, redirect, window
 * or webview is refused. The one way out is a link the user confirmed: the page shows the
 * address and asks (renderer/src/external-links.ts), then opens it as a new window, which this
 * hands to the system browser if — checked again here — it is an https address.
 */

/** What Electron passes to will-navigate / will-redirect listeners that we use. */
export interface NavigationEvent {
  preventDefault(): void;
}

export interface HardenableContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: NavigationEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: NavigationEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' } | { action: 'allow' }): void;
}

export function hardenWebContents(contents: HardenableContents, openExternal: (url: string) => void): void {
  // A navigation away is never the confirmed way out (that comes as a window, below): the
  // page's link guard stops every click on a web link, so whatever still navigates — script
  // setting location, a link the guard missed — is refused without opening anything.
  contents.on('will-navigate', (event, url) => {
    if (decideNavigation(url) !== 'allow') event.preventDefault();
  });
  // A redirect is never a user's click: only redirects within the app are followed.
  contents.on('will-redirect', (event, url) => {
    if (decideNavigation(url) !== 'allow') event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (decideNavigation(url) === 'open-external') openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
