import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppProtocolHandler, withCspHeader } from '../../../electron/app-protocol';
import { mimeTypeFor, resolveAppPath } from '../../../electron/protocol-paths';
import {
  APP_ORIGIN,
  APP_START_URL,
  CONTENT_SECURITY_POLICY,
  decideNavigation,
  isExternalWebUrl,
  isTrustedSender,
} from '../../../electron/security-policy';

describe('content security policy', () => {
  it('never allows eval, plugins, base or form hijacks, or framing', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("base-uri 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("form-action 'none'");
  });

  it('is exactly the agreed policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; child-src blob:; " +
        "img-src 'self' data: blob: https:; connect-src 'self' data: blob: https:; style-src 'self' 'unsafe-inline'; " +
        "font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
  });

  it('script-src allows only self and wasm compilation', () => {
    const scriptSrc = CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('script-src '));
    expect(scriptSrc).toBe("script-src 'self' 'wasm-unsafe-eval'");
  });

  it('replaces any CSP a response already had', () => {
    const headers = withCspHeader({ 'content-security-policy': ["default-src *"], 'Content-Type': 'text/html' });
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(withCspHeader(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});

describe('navigation rules', () => {
  it('allows only our own origin in the window', () => {
    expect(decideNavigation(APP_START_URL)).toBe('allow');
    expect(decideNavigation(`${APP_ORIGIN}/report.html#x`)).toBe('allow');
    expect(decideNavigation('app://evil/index.html')).toBe('deny');
    expect(decideNavigation('app://ecopark.evil.com/index.html')).toBe('deny');
  });

  it('sends https links to the system browser and drops every other scheme, plain http included', () => {
    expect(decideNavigation('https://example.org/rules')).toBe('open-external');
    expect(decideNavigation('http://example.org')).toBe('deny');
    expect(isExternalWebUrl('http://example.org')).toBe(false);
    expect(decideNavigation('file:///etc/passwd')).toBe('deny');
    expect(decideNavigation('javascript:alert(1)')).toBe('deny');
    expect(decideNavigation('data:text/html,<script>1</script>')).toBe('deny');
    expect(decideNavigation('smb://server/share')).toBe('deny');
    expect(decideNavigation('not a url')).toBe('deny');
    expect(isExternalWebUrl('https:')).toBe(false);
  });

  it('trusts IPC only from frames of the app origin', () => {
    expect(isTrustedSender(APP_START_URL)).toBe(true);
    expect(isTrustedSender(APP_ORIGIN)).toBe(true);
    expect(isTrustedSender('https://ecopark.vn/')).toBe(false);
    expect(isTrustedSender('file:///work/dist/renderer/index.html')).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender('')).toBe(false);
  });
});

describe('app:// path resolution', () => {
  const root = path.resolve('/opt/ecopark/dist/renderer');

  it('maps URLs into the renderer build with MIME types', () => {
    expect(resolveAppPath(root, `${APP_ORIGIN}/`)).toEqual({ ok: true, filePath: path.join(root, 'index.html'), mimeType: 'text/html; charset=utf-8' });
    expect(resolveAppPath(root, `${APP_ORIGIN}/assets/sql-wasm.wasm?v=1`)).toMatchObject({
      ok: true,
      filePath: path.join(root, 'assets', 'sql-wasm.wasm'),
      mimeType: 'application/wasm',
    });
    expect(resolveAppPath(root, `${APP_ORIGIN}/samples/yen%20phong.gpkg`)).toMatchObject({
      ok: true,
      filePath: path.join(root, 'samples', 'yen phong.gpkg'),
      mimeType: 'application/octet-stream',
    });
    expect(mimeTypeFor('a.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('a.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('noext')).toBe('application/octet-stream');
  });

  it.each([
    `${APP_ORIGIN}/../etc/passwd`,
    `${APP_ORIGIN}/assets/../../secret.txt`,
    `${APP_ORIGIN}/%2e%2e/%2e%2e/etc/passwd`,
    `${APP_ORIGIN}/%2E%2E%2Fsecret`,
    `${APP_ORIGIN}/assets/..%2f..%2fsecret`,
    `${APP_ORIGIN}/assets/..%5c..%5csecret`,
    `${APP_ORIGIN}/%252e%252e/secret`,
    `${APP_ORIGIN}/a%00.html`,
    `${APP_ORIGIN}/C:%5cWindows%5cwin.ini`,
  ])('refuses traversal: %s', (url) => {
    const result = resolveAppPath(root, url);
    expect(result.ok).toBe(false);
  });

  it('refuses other hosts and schemes, and malformed escapes', () => {
    expect(resolveAppPath(root, 'app://other/index.html')).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppPath(root, 'file:///etc/passwd')).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppPath(root, `${APP_ORIGIN}/%E0%A4%A`)).toMatchObject({ ok: false, status: 400 });
  });
});

describe('app:// protocol handler', () => {
  const root = path.resolve('/srv/renderer');
  const files: Record<string, string> = { [path.join(root, 'index.html')]: '<!doctype html>', [path.join(root, 'a.wasm')]: 'wasm' };
  const handler = createAppProtocolHandler(root, async (p) => {
    if (!(p in files)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    return new TextEncoder().encode(files[p]);
  });

  it('serves files with their MIME type and the CSP on every response', async () => {
    const response = await handler(new Request(`${APP_ORIGIN}/a.wasm`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/wasm');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toBe('wasm');
  });

  it('answers 404 and 403 with the CSP too', async () => {
    const missing = await handler(new Request(`${APP_ORIGIN}/nope.js`));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    // Request() already folds literal and %2e dot segments (so does Chromium); encoded slashes survive it.
    const traversal = await handler(new Request(`${APP_ORIGIN}/assets/..%2f..%2f..%2fetc%2fpasswd`));
    expect(traversal.status).toBe(403);
    expect(traversal.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses writes', async () => {
    expect((await handler(new Request(`${APP_ORIGIN}/index.html`, { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});
