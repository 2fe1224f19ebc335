import { describe, expect, it } from 'vitest';
import { isExternalHref } from '../../../renderer/src/external-links';

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
