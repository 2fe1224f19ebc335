import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  confirmExternalLink,
  describeExternalLink,
  installExternalLinkGuard,
  isExternalHref,
  useExternalLinkStore,
  type ExternalLinkTarget,
} from '../../../renderer/src/external-links';
import { EN, VI } from '../../../renderer/src/i18n/links';

describe('external link detection', () => {
  const app = 'app://ecopark';
  it('treats web pages of other sites as external', () => {
    expect(isExternalHref('https://www.openstreetmap.org/copyright', app)).toBe(true);
    expect(isExternalHref('http://vanban.chinhphu.vn/', 'http://127.0.0.1:5173')).toBe(true);
  });
  it('leaves the app’s own pages, other schemes and junk alone', () => {
    expect(isExternalHref('app://ecopark/index.html', app)).toBe(false);
    expect(isExternalHref('http://127.0.0.1:5173/help', 'http://127.0.0.1:5173')).toBe(false);
    expect(isExternalHref('mailto:someone@example.com', app)).toBe(false);
    expect(isExternalHref('javascript:alert(1)', app)).toBe(false);
    expect(isExternalHref('http://[bad', app)).toBe(false);
  });
});

describe('what the confirmation shows', () => {
  it('the whole address, cut around its host', () => {
    const target = describeExternalLink('https://thuvienphapluat.vn/van-ban/Nghi-dinh-35-2022?tab=1#dieu-9')!;
    expect(target).toEqual({
      href: 'https://thuvienphapluat.vn/van-ban/Nghi-dinh-35-2022?tab=1#dieu-9',
      beforeHost: 'https://',
      host: 'thuvienphapluat.vn',
      afterHost: '/van-ban/Nghi-dinh-35-2022?tab=1#dieu-9',
      openable: true,
    });
    expect(target.beforeHost + target.host + target.afterHost).toBe(target.href);
  });

  it('emphasises the real host, not a trusted-looking user name in front of it', () => {
    // https://HOST@OTHER/ goes to OTHER: the user name is shown, but not as the host.
    const target = describeExternalLink('https://www.openstreetmap.org@evil.example:8443/copyright')!;
    expect(target.host).toBe('evil.example:8443');
    expect(target.beforeHost).toBe('https://www.openstreetmap.org@');
    expect(target.afterHost).toBe('/copyright');
    // Even when the user name spells the host itself.
    const twice = describeExternalLink('https://evil.example@evil.example/')!;
    expect([twice.beforeHost, twice.host, twice.afterHost]).toEqual(['https://evil.example@', 'evil.example', '/']);
  });

  it('shows look-alike hosts in punycode', () => {
    // "аpple.com" with a Cyrillic "а" (U+0430); expected value from Python's own IDNA codec:
    // python3 -c "print('\u0430pple.com'.encode('idna'))" → b'xn--pple-43d.com'.
    expect(describeExternalLink('https://\u0430pple.com/')!.host).toBe('xn--pple-43d.com');
  });

  it('offers only https addresses; http is shown but not openable; other schemes are not links out', () => {
    expect(describeExternalLink('http://example.org/a')).toMatchObject({ host: 'example.org', openable: false });
    expect(describeExternalLink('file:///etc/passwd')).toBeNull();
    expect(describeExternalLink('javascript:alert(1)')).toBeNull();
    expect(describeExternalLink('not a url')).toBeNull();
  });

  it('is worded in both languages', () => {
    expect(Object.keys(VI).sort()).toEqual(Object.keys(EN).sort());
    for (const key of Object.keys(EN) as (keyof typeof EN)[]) expect(VI[key], key).not.toBe('');
    expect(EN['links.hostIs']).toContain('{host}');
    expect(VI['links.hostIs']).toContain('{host}');
  });
});

describe('the question', () => {
  afterEach(() => useExternalLinkStore.getState().answer(false));
  const https = describeExternalLink('https://example.org/')!;

  it('resolves true only for Open on an https link', async () => {
    const asked = confirmExternalLink(https);
    expect(useExternalLinkStore.getState().pending?.target).toBe(https);
    useExternalLinkStore.getState().answer(true);
    await expect(asked).resolves.toBe(true);
    expect(useExternalLinkStore.getState().pending).toBeNull();

    const cancelled = confirmExternalLink(https);
    useExternalLinkStore.getState().answer(false);
    await expect(cancelled).resolves.toBe(false);

    const http = confirmExternalLink(describeExternalLink('http://example.org/')!);
    useExternalLinkStore.getState().answer(true);
    await expect(http).resolves.toBe(false);
  });

  it('a newer link replaces an unanswered one, which counts as cancelled', async () => {
    const first = confirmExternalLink(https);
    const second = confirmExternalLink(describeExternalLink('https://example.com/')!);
    await expect(first).resolves.toBe(false);
    useExternalLinkStore.getState().answer(true);
    await expect(second).resolves.toBe(true);
  });
});

/** Stand-ins for the few DOM members the guard uses (the unit tests run in Node). */
class FakeAnchor {
  constructor(public href: string) {}
  closest() {
    return this;
  }
}
function fakeDocument(origin: string) {
  const listeners = new Map<string, (event: MouseEvent) => void>();
  const opened: string[][] = [];
  const doc = {
    location: { origin },
    defaultView: { open: (...args: string[]) => void opened.push(args) },
    addEventListener: (name: string, listener: (event: MouseEvent) => void) => listeners.set(name, listener),
    removeEventListener: (name: string) => listeners.delete(name),
  };
  const click = (href: string) => {
    let prevented = false;
    const event = { target: new FakeAnchor(href), button: 0, defaultPrevented: false, preventDefault: () => (prevented = true) };
    listeners.get('click')!(event as unknown as MouseEvent);
    return prevented;
  };
  return { doc: doc as unknown as Document, click, opened, listeners };
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the link guard', () => {
  beforeAll(() => {
    (globalThis as { HTMLAnchorElement?: unknown }).HTMLAnchorElement ??= FakeAnchor;
  });

  it('stops every click on a web link and opens it only after the user said Open', async () => {
    const { doc, click, opened } = fakeDocument('app://ecopark');
    const answers = [true, false];
    const asked: ExternalLinkTarget[] = [];
    installExternalLinkGuard(doc, async (target) => {
      asked.push(target);
      return answers.shift()!;
    });
    expect(click('https://www.openstreetmap.org/copyright')).toBe(true);
    expect(click('https://evil.example/')).toBe(true);
    await settle();
    expect(asked.map((t) => t.host)).toEqual(['www.openstreetmap.org', 'evil.example']);
    expect(opened).toEqual([['https://www.openstreetmap.org/copyright', '_blank', 'noopener,noreferrer']]);
  });

  it('never opens an http link, even if told to; leaves the app’s own links alone', async () => {
    const { doc, click, opened, listeners } = fakeDocument('app://ecopark');
    const asked: string[] = [];
    const uninstall = installExternalLinkGuard(doc, async (target) => {
      asked.push(target.href);
      return true;
    });
    expect(click('http://example.org/')).toBe(true);
    expect(click('app://ecopark/help.html')).toBe(false);
    await settle();
    expect(asked).toEqual(['http://example.org/']);
    expect(opened).toEqual([]);
    uninstall();
    expect(listeners.size).toBe(0);
  });
});
