import { resolveAppPath } from './protocol-paths';
import { CONTENT_SECURITY_POLICY } from './security-policy';

/**
 * The `app://ecopark/` request handler (for protocol.handle), over an injected readFile so
 * it is tested with plain Request/Response objects. Every response carries the CSP itself:
 * webRequest hooks do not reliably see custom-protocol responses.
 */

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

export function createAppProtocolHandler(rootDir: string, readFile: (filePath: string) => Promise<Uint8Array>) {
  const plain = (status: number, text: string): Response =>
    new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });

  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const resolved = resolveAppPath(rootDir, request.url);
    if (!resolved.ok) return plain(resolved.status, resolved.reason);
    let body: Uint8Array;
    try {
      body = await readFile(resolved.filePath);
    } catch {
      return plain(404, 'Not found');
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': resolved.mimeType, 'Content-Length': String(body.length) },
    });
  };
}

/** Adds the CSP to a response's headers (webRequest.onHeadersReceived), replacing any other spelling of it. */
export function withCspHeader(headers: Record<string, string[] | string> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}
