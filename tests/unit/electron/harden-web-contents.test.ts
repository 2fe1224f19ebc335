import { describe, expect, it } from 'vitest';
import { hardenWebContents, type HardenableContents, type NavigationEvent } from '../../../electron/harden-web-contents';

/** A stand-in web contents that records listeners, so events can be fired as Electron would. */
function fakeContents() {
  const listeners = new Map<string, (event: NavigationEvent, url?: string) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on(event: string, listener: (event: NavigationEvent, url?: string) => void) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' } | { action: 'allow' }) {
      openHandler = handler;
    },
  };
  const fire = (name: string, url?: string) => {
    let prevented = false;
    listeners.get(name)!({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  return { contents: contents as unknown as HardenableContents, fire, openWindow: (url: string) => openHandler!({ url }) };
}

describe('hardening of every web contents', () => {
  it('lets the window navigate only within the app', () => {
    const opened: string[] = [];
    const { contents, fire } = fakeContents();
    hardenWebContents(contents, (url) => opened.push(url));
    expect(fire('will-navigate', 'app://ecopark/index.html')).toBe(false);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-navigate', 'app://evil/index.html')).toBe(true);
    expect(fire('will-navigate', 'javascript:alert(1)')).toBe(true);
    expect(opened).toEqual([]);
  });

  it('never opens a web page on navigation: only a link the user confirmed (a new window) leaves the app', () => {
    // The page's guard asks before opening a link as a new window; a navigation to the web is
    // script or a missed click, never confirmed, so it is refused and nothing opens.
    const opened: string[] = [];
    const { contents, fire } = fakeContents();
    hardenWebContents(contents, (url) => opened.push(url));
    expect(fire('will-navigate', 'https://www.openstreetmap.org/copyright')).toBe(true);
    expect(fire('will-navigate', 'http://example.com/')).toBe(true);
    expect(opened).toEqual([]);
  });

  it('follows no redirect out of the app, not even to the web', () => {
    const opened: string[] = [];
    const { contents, fire } = fakeContents();
    hardenWebContents(contents, (url) => opened.push(url));
    expect(fire('will-redirect', 'https://example.com/')).toBe(true);
    expect(fire('will-redirect', 'app://ecopark/index.html')).toBe(false);
    expect(opened).toEqual([]);
  });

  it('never opens a new window: https links go to the system browser, every other scheme nowhere', () => {
    const opened: string[] = [];
    const { contents, openWindow } = fakeContents();
    hardenWebContents(contents, (url) => opened.push(url));
    expect(openWindow('https://vietnam.gov.vn/')).toEqual({ action: 'deny' });
    expect(openWindow('app://ecopark/index.html')).toEqual({ action: 'deny' });
    expect(openWindow('file:///C:/Windows/System32/calc.exe')).toEqual({ action: 'deny' });
    // Checked again in main whatever the page's dialog said: no plain http, no other program's
    // scheme, no address without a host.
    for (const url of ['http://vietnam.gov.vn/', 'ms-settings:privacy', 'smb://server/share', 'mailto:x@example.com', 'https:', 'javascript:alert(1)']) {
      expect(openWindow(url), url).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://vietnam.gov.vn/']);
  });

  it('refuses webviews', () => {
    const { contents, fire } = fakeContents();
    hardenWebContents(contents, () => undefined);
    expect(fire('will-attach-webview')).toBe(true);
  });
});
