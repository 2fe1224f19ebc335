import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './security-policy';

/**
 * Maps an `app://ecopark/...` request to a file under the renderer build directory. Pure
 * (path arithmetic only) so the traversal rules are unit-tested.
 */

export type ResolvedAppPath =
  | { ok: true; filePath: string; mimeType: string }
  | { ok: false; status: 400 | 403 | 404; reason: string };

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.gpkg': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.pbf': 'application/x-protobuf',
  '.txt': 'text/plain; charset=utf-8',
};

/** MIME type by extension; unknown types are served as opaque bytes, never sniffed as HTML. */
export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Resolves `requestUrl` against `rootDir` (absolute). Refuses other hosts, `..` segments
 * (raw or percent-encoded, including encoded slashes and backslashes), NUL bytes and anything
 * that would land outside `rootDir` after normalisation. `/` maps to index.html.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): ResolvedAppPath {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400, reason: 'malformed URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
    return { ok: false, status: 403, reason: 'foreign origin' };
  }
  // WHATWG URL parsing already folds literal "../" away, so also inspect the raw text: a
  // request that even tried to climb is refused rather than silently re-rooted.
  const rawPath = requestUrl.slice(requestUrl.indexOf(APP_HOST) + APP_HOST.length).split(/[?#]/)[0];
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'malformed escape' };
  }
  const segments = decoded.split(/[/\\]/);
  if (decoded.includes('\0') || segments.includes('..') || /(^|[/\\])\.\.([/\\]|$)/.test(safeDecode(rawPath))) {
    return { ok: false, status: 403, reason: 'path traversal' };
  }
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^[/\\]+/, '');
  if (path.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative)) {
    return { ok: false, status: 403, reason: 'absolute path' };
  }
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, relative);
  if (filePath !== root && !filePath.startsWith(root + path.sep)) {
    return { ok: false, status: 403, reason: 'outside root' };
  }
  return { ok: true, filePath, mimeType: mimeTypeFor(filePath) };
}

function safeDecode(text: string): string {
  try {
    // Twice: a doubly-encoded "%252e%252e" must not slip past a later decoding layer.
    return decodeURIComponent(decodeURIComponent(text));
  } catch {
    return text;
  }
}
