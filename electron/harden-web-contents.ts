import { decideNavigation } from './security-policy';

/**
 * Hardening applied to every web contents the app creates (main.ts calls it from
 * 'web-contents-created', so it also covers any contents a compromised page manages to make).
 * Written against the few members of Electron's WebContents it uses, so it is unit-tested
 * with a stand-in: the window only ever shows our app, web links open in the system browser,
 * every other navigation, redirect, window or webview is refused.
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
  contents.on('will-navigate', (event, url) => {
    const decision = decideNavigation(url);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'open-external') openExternal(url);
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
