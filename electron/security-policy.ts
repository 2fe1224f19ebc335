/**
 * Security policy of the desktop shell, as pure data and functions so it is unit-tested
 * without Electron. The renderer is served from a custom privileged scheme (not file://) so
 * it has a real origin: CSP 'self', fetch() of bundled assets (the sql.js wasm, the sample)
 * and sender checks all key on it.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'ecopark';
/** Origin of every page we load; anything else is foreign. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * Content-Security-Policy for every response. 'wasm-unsafe-eval' lets sql.js compile its
 * wasm without allowing JS eval; https: in img/connect exists only for the optional online
 * basemaps (tiles), everything else is local.
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  ['worker-src', "'self' blob:"],
  ['child-src', 'blob:'],
  ['img-src', "'self' data: blob: https:"],
  ['connect-src', "'self' data: blob: https:"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['font-src', "'self' data:"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['frame-ancestors', "'none'"],
  ['form-action', "'none'"],
];

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');

function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** True when `raw` is a URL of our own app origin (scheme and host both match). */
export function isAppUrl(raw: string): boolean {
  const url = parseUrl(raw);
  return url !== null && url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
}

/**
 * Links the user may follow in the system browser: https web pages only — never http (readable
 * and changeable on the way), file: or custom schemes that would start other programs.
 */
export function isExternalWebUrl(raw: string): boolean {
  const url = parseUrl(raw);
  return url !== null && url.protocol === 'https:' && url.hostname !== '';
}

export type NavigationDecision = 'allow' | 'open-external' | 'deny';

/**
 * What to do when the page tries to navigate (will-navigate) or open a window: the window
 * only ever shows our app; https links may go to the system browser (harden-web-contents.ts
 * decides which event may open them); everything else is dropped.
 */
export function decideNavigation(raw: string): NavigationDecision {
  if (isAppUrl(raw)) return 'allow';
  if (isExternalWebUrl(raw)) return 'open-external';
  return 'deny';
}

/** Sender check for IPC: the frame's URL (or origin) must be our app origin. */
export function isTrustedSender(frameUrlOrOrigin: string | null | undefined): boolean {
  if (typeof frameUrlOrOrigin !== 'string' || frameUrlOrOrigin === '') return false;
  return isAppUrl(frameUrlOrOrigin);
}
