import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import initSqlJs from 'sql.js';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, decideNavigation } from '../../electron/security-policy';
import { IPC_CHANNELS } from '../../electron/ipc-channels';
import { writeProject } from '../../shared/project-file';
import { createEmptyDocument } from '../../shared/model';
import { desktopHarnessForFile, RENDERER_ROOT, type DesktopHarness } from './desktop-harness';

/**
 * The security spec of the desktop shell, end to end: the real renderer build behind the real
 * app:// handler and CSP, the real preload, the real main-process IPC handlers (see
 * desktop-harness.ts for what stands in for Electron). What only Electron itself can show —
 * the window's web preferences, the real contextBridge, senderFrame URLs, will-navigate and
 * the window-open handler acting — is in electron.e2e.ts, which runs where an Electron binary
 * exists (ELECTRON_PATH); the decisions those events call are unit-tested in
 * tests/unit/electron (harden-web-contents, security-policy, ipc-validation).
 */

const harness = desktopHarnessForFile();
const rendererRoot = RENDERER_ROOT;
let shell: DesktopHarness;
let appUrl: string;
beforeAll(() => {
  shell = harness.shell();
  appUrl = harness.appUrl();
});

function cspSources(policy: string, directive: string): string[] {
  const entry = policy.split(';').map((d) => d.trim().split(/\s+/)).find(([name]) => name === directive);
  return entry ? entry.slice(1) : [];
}

describe('content security policy', () => {
  it('comes with every response, and allows no eval and no inline script', async () => {
    const assets = (await fs.readdir(path.join(rendererRoot, 'assets'))).filter((f) => /\.(js|wasm|css)$/.test(f)).slice(0, 3);
    for (const resource of ['index.html', ...assets.map((a) => `assets/${a}`), 'does-not-exist.js']) {
      const response = await fetch(new URL(resource, appUrl));
      expect(response.headers.get('content-security-policy'), resource).toBe(CONTENT_SECURITY_POLICY);
    }
    const every = CONTENT_SECURITY_POLICY.split(/[\s;]+/);
    expect(every).not.toContain("'unsafe-eval'");
    expect(cspSources(CONTENT_SECURITY_POLICY, 'script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(cspSources(CONTENT_SECURITY_POLICY, 'object-src')).toEqual(["'none'"]);
  });

  it('the app runs under it in desktop mode: map, sample park and its SQLite wasm', async () => {
    expect(await shell.page.evaluate(() => window.ecopark?.kind)).toBe('desktop');
    expect(await shell.page.evaluate(() => window.__ecoparkMap!.querySourceFeatures('park').length)).toBeGreaterThan(0);
  });

  it('code from strings is refused in the page', async () => {
    // Run from a timer, as page code would: DevTools' own evaluation is exempt from the CSP.
    const outcomes = await shell.page.evaluate(
      () =>
        new Promise<Record<string, string>>((resolve) =>
          setTimeout(() => {
            const attempt = (run: () => unknown) => {
              try {
                run();
                return 'ran';
              } catch (error) {
                return (error as Error).name;
              }
            };
            resolve({
              eval: attempt(() => (0, eval)('1 + 1')),
              functionConstructor: attempt(() => new Function('return 1')()),
            });
          }, 0),
        ),
    );
    expect(outcomes).toEqual({ eval: 'EvalError', functionConstructor: 'EvalError' });
  });

  it('injected inline and foreign scripts do not run, and are reported as violations', async () => {
    const result = await shell.page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
      const w = window as unknown as { __injected?: boolean };
      const inline = document.createElement('script');
      inline.textContent = 'window.__injected = true';
      document.body.append(inline);
      const foreign = document.createElement('script');
      foreign.src = 'https://attacker.example/payload.js';
      document.body.append(foreign);
      await new Promise((done) => setTimeout(done, 300));
      return { injected: w.__injected === true, violations };
    });
    expect(result.injected).toBe(false);
    expect(result.violations).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src.* inline$/), expect.stringMatching(/^script-src.* https:\/\/attacker\.example\/payload\.js$/)]));
  });
});

describe('what the page can reach', () => {
  // What this proves here: neither the renderer bundle nor the real preload code puts Node-like
  // globals or an IPC object on the page, and the preload hands over only functions and plain
  // data. That Electron itself gives the page no Node (nodeIntegration off, contextIsolation,
  // sandbox) is checked in the real shell by electron.e2e.ts, where an Electron binary exists.
  it('no Node-like globals from the bundle or the preload; the bridge carries functions and plain data only', async () => {
    const found = await shell.page.evaluate(() => {
      const g = globalThis as Record<string, unknown>;
      const names = ['require', 'process', 'module', 'exports', 'Buffer', 'global', '__dirname', '__filename', 'setImmediate', 'ipcRenderer', 'electron'];
      return {
        types: Object.fromEntries(names.map((n) => [n, typeof g[n]])),
        hostKeys: Object.keys(window.ecopark ?? {}),
        dataValues: Object.values(window.ecopark ?? {})
          .filter((v) => typeof v !== 'function')
          .map((v) => (JSON.stringify(v, (_key, inner: unknown) => (typeof inner === 'function' ? 'function' : inner)) ?? null)),
        // Anything IPC-like on the window other than the harness's own stand-in bridge.
        ipcLike: Object.getOwnPropertyNames(window).filter((n) => /ipc|electron/i.test(n)),
      };
    });
    for (const [name, type] of Object.entries(found.types)) expect(type, name).toBe('undefined');
    expect(found.hostKeys).toContain('openProject');
    expect(found.dataValues.every((json) => json !== null && !json.includes('function'))).toBe(true);
    expect(found.ipcLike).toEqual([]);
  });
});

describe('links', () => {
  it('rule citations open outside the app (target=_blank, noopener), as the shell sends them to the system browser', async () => {
    const page = shell.page;
    await shell.sendMenuCommand('show-compliance');
    await page.waitForSelector('a[href^="http"]', { timeout: 15000 });
    const links = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href]'))
        .filter((a) => /^https?:/.test(a.href))
        .map((a) => ({ href: a.href, target: a.target, rel: a.rel })),
    );
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link.target, link.href).toBe('_blank');
      expect(link.rel, link.href).toMatch(/noopener/);
      // In the shell, the window-open handler sends exactly these to the system browser.
      expect(decideNavigation(link.href)).toBe('open-external');
    }
  });

  /** Puts a plain link (as a tile file's attribution would be) on the page and clicks it. */
  async function clickPlainLink(href: string): Promise<void> {
    await shell.page.evaluate((h) => {
      document.getElementById('plain-attribution-link')?.remove();
      const a = document.createElement('a');
      a.href = h;
      a.textContent = '© OpenStreetMap';
      a.id = 'plain-attribution-link';
      document.querySelector('.maplibregl-ctrl-attrib-inner, body')!.append(a);
    }, href);
    await shell.page.click('#plain-attribution-link');
  }
  /** Records (and closes) windows the page opens until `stop` (in the shell, each would go to main's check). */
  function watchPopups(): { urls: string[]; stop(): void } {
    const urls: string[] = [];
    const onPage = (p: Page) => {
      urls.push(p.url());
      void p.close();
    };
    shell.page.context().on('page', onPage);
    return { urls, stop: () => shell.page.context().off('page', onPage) };
  }
  interface LangState {
    setLang(lang: 'en' | 'vi'): void;
  }
  const setLang = (lang: 'en' | 'vi') => shell.page.evaluate((l) => (window.__ecoparkStores!.ui.getState() as unknown as LangState).setLang(l), lang);

  it('a web link first shows its whole address, host in bold; Cancel and Esc stay in the app', async () => {
    const page = shell.page;
    const before = page.url();
    const popups = watchPopups();
    // The link text says OpenStreetMap; the target is another host behind a user name.
    const href = 'https://www.openstreetmap.org@evil.example/copyright';
    await clickPlainLink(href);
    const dialog = page.getByRole('dialog', { name: 'Open this web page?' });
    await dialog.waitFor({ timeout: 5000 });
    expect(await dialog.getByTestId('external-link-url').textContent()).toBe(href);
    expect(await dialog.locator('strong').textContent()).toBe('evil.example');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    await clickPlainLink(href);
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.waitForTimeout(300);
    popups.stop();
    expect(popups.urls).toEqual([]);
    expect(page.url()).toBe(before);
    expect(await page.evaluate(() => window.__ecoparkMap!.querySourceFeatures('park').length)).toBeGreaterThan(0);
  });

  it('Open opens the confirmed https address outside the app, which main then accepts', async () => {
    const page = shell.page;
    const before = page.url();
    const popup = page.context().waitForEvent('page');
    await clickPlainLink('https://www.openstreetmap.org/copyright');
    await page.getByRole('dialog', { name: 'Open this web page?' }).getByRole('button', { name: 'Open' }).click();
    const opened = await popup;
    await opened.waitForURL(/openstreetmap|about:blank|chrome-error/, { timeout: 5000 }).catch(() => undefined);
    await opened.close();
    expect(page.url()).toBe(before);
    // In the shell this window reaches the window-open handler, which sends only https to the
    // system browser (tests/unit/electron/harden-web-contents.test.ts).
    expect(decideNavigation('https://www.openstreetmap.org/copyright')).toBe('open-external');
  });

  it('asks in Vietnamese too, and never opens a plain http link', async () => {
    const page = shell.page;
    const popups = watchPopups();
    await setLang('vi');
    try {
      await clickPlainLink('http://example.org/tiles');
      const dialog = page.getByRole('dialog', { name: 'Mở trang web này?' });
      await dialog.waitFor({ timeout: 5000 });
      expect(await dialog.textContent()).toContain('https');
      // Only a way back: no Open button for an http address.
      expect(await dialog.getByRole('button').allTextContents()).toEqual(['Đóng']);
      await dialog.getByRole('button', { name: 'Đóng' }).click();
      await dialog.waitFor({ state: 'detached' });

      await clickPlainLink('https://example.org/');
      await page.getByRole('dialog', { name: 'Mở trang web này?' }).getByRole('button', { name: 'Hủy' }).click();
    } finally {
      await setLang('en');
    }
    await page.waitForTimeout(300);
    popups.stop();
    expect(popups.urls).toEqual([]);
    // Main refuses http as well, whatever a page does.
    expect(decideNavigation('http://example.org/tiles')).toBe('deny');
  });
});

describe('IPC', () => {
  const call = (kind: 'invoke' | 'send', channel: string, args: unknown[]) =>
    shell.page.evaluate(
      async ([k, c, a]) => {
        try {
          return { value: await window.__ecoparkShell!(k, c, a) };
        } catch (error) {
          return { error: String((error as Error).message) };
        }
      },
      [kind, channel, args] as const,
    );

  it('rejects malformed payloads on every channel, and unknown channels', async () => {
    const before = await fs.readdir(shell.dir);
    const openBad = await call('invoke', IPC_CHANNELS.openProject, [42]);
    expect(openBad.value).toMatchObject({ ok: false, reason: 'io_error' });
    const openTraversal = await call('invoke', IPC_CHANNELS.openProject, [{ path: '../../../etc/passwd' }]);
    expect(openTraversal.value).toMatchObject({ ok: false });
    const saveNoDocument = await call('invoke', IPC_CHANNELS.saveProject, [{ document: { evil: true }, saveAs: false, suggestedName: 'x' }]);
    expect(saveNoDocument.value).toMatchObject({ ok: false, reason: 'invalid_document' });
    const saveWrongTypes = await call('invoke', IPC_CHANNELS.saveProject, ['rm -rf /']);
    expect(saveWrongTypes.value).toMatchObject({ ok: false, reason: 'invalid_document' });
    const pollution = await shell.page.evaluate(() => JSON.parse('{"__proto__": {"polluted": "yes"}, "saveAs": true}'));
    const savePolluted = await call('invoke', IPC_CHANNELS.saveProject, [pollution]);
    expect(savePolluted.value).toMatchObject({ ok: false, reason: 'invalid_document' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await call('invoke', IPC_CHANNELS.listRecent, [{ all: true }])).error).toMatch(/.+/);
    expect((await call('invoke', IPC_CHANNELS.resetFile, ['now'])).error).toMatch(/.+/);
    expect((await call('invoke', 'ecopark:run-shell', ['calc.exe'])).error).toMatch(/No handler/);
    expect((await call('invoke', IPC_CHANNELS.openProject, [{}, { extra: 1 }])).error).toMatch(/No handler/);
    const logged = shell.log.length;
    await call('send', IPC_CHANNELS.setDocumentState, [{ fileName: 5, dirty: 'yes' }]);
    expect(shell.log.length).toBe(logged + 1);
    // Nothing was written anywhere by any of it.
    expect(await fs.readdir(shell.dir)).toEqual(before);
  });

  it('no malformed payload on any channel the app exposes ever succeeds or writes anything', async () => {
    const channels = Object.entries(IPC_CHANNELS)
      .filter(([name]) => name !== 'menuCommand' && name !== 'setDocumentState')
      .map(([, channel]) => channel);
    const payloads: unknown[] = [42, 'x'.repeat(100_000), [], { evil: 1 }, { path: '/etc/passwd' }, { id: '../../../etc/passwd' }, { z: -1, x: 'a', y: null }, { document: 'no' }];
    const before = await fs.readdir(shell.dir, { recursive: true });
    for (const channel of channels) {
      for (const payload of payloads) {
        const { value, error } = await call('invoke', channel, [payload]);
        const refused = error !== undefined || value === null || value === undefined || (typeof value === 'object' && (value as { ok?: boolean }).ok === false);
        expect(refused, `${channel} accepted ${JSON.stringify(payload).slice(0, 60)}: ${JSON.stringify(value)?.slice(0, 200)}`).toBe(true);
      }
    }
    expect(await fs.readdir(shell.dir, { recursive: true })).toEqual(before);
  });

  it('opens by path only files the user chose in a dialog before; the page can never name a path to save to', async () => {
    const SQL = await initSqlJs();
    const secret = path.join(shell.dir, 'secret.gpkg');
    await fs.writeFile(secret, writeProject(SQL, createEmptyDocument('Secret park')));
    const page = shell.page;
    const byPath = await page.evaluate((p) => window.ecopark!.openProject({ path: p }), secret);
    expect(byPath).toMatchObject({ ok: false, reason: 'io_error', detail: expect.stringMatching(/recent/) });
    const notGpkg = await page.evaluate(() => window.ecopark!.openProject({ path: '/etc/passwd' }));
    expect(notGpkg).toMatchObject({ ok: false });

    // The same file chosen in the open dialog opens, and from then on is in the recent list.
    shell.dialogs.open.push(secret);
    const chosen = await page.evaluate(() => window.ecopark!.openProject().then((o) => (o.ok ? o.document.project.name : o.reason)));
    expect(chosen).toBe('Secret park');
    expect(await page.evaluate((p) => window.ecopark!.openProject({ path: p }).then((o) => o.ok), secret)).toBe(true);

    // A save request naming its own target path is refused whole (strict payload schema):
    // where a project is saved is only ever the current file or the save dialog's answer.
    const evil = path.join(shell.dir, 'evil.gpkg');
    const outcome = await page.evaluate((p) => {
      const document = window.__ecoparkStores!.document.getState().document;
      return window.ecopark!.saveProject({ document, saveAs: false, suggestedName: 'evil', path: p } as never);
    }, evil);
    expect(outcome).toMatchObject({ ok: false, reason: 'invalid_document' });
    expect(existsSync(evil)).toBe(false);
  });
});
