import { describe, expect, it } from 'vitest';
import {
  sanitizeSuggestedName,
  validateDocumentState,
  validateNoPayload,
  validateOpenRequest,
  validateSaveRequest,
  validateSender,
} from '../../../electron/ipc-validation';
import { sampleDocument } from './helpers';

describe('IPC validation', () => {
  it('accepts a well-formed save request', () => {
    const doc = sampleDocument();
    const result = validateSaveRequest({ document: doc, saveAs: false, suggestedName: 'Park' });
    expect(result).toEqual({ ok: true, value: { document: doc, saveAs: false, suggestedName: 'Park' } });
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'save please'],
    ['missing saveAs', { document: sampleDocument(), suggestedName: 'x' }],
    ['saveAs as string', { document: sampleDocument(), saveAs: 'yes', suggestedName: 'x' }],
    ['an extra key', { document: sampleDocument(), saveAs: false, suggestedName: 'x', path: '/tmp/x.gpkg' }],
  ])('rejects a save request with %s as bad_payload', (_label, payload) => {
    const result = validateSaveRequest(payload);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toBe('bad_payload');
    expect(!result.ok && result.detail).toMatch(/^Invalid save request: /);
  });

  it('rejects documents that fail parkDocumentSchema', () => {
    const doc = sampleDocument();
    const noScenario = { ...doc, scenarios: [] };
    const wrongActive = { ...doc, activeScenarioId: 'nope' };
    const notADoc = { hello: 'world' };
    for (const document of [noScenario, wrongActive, notADoc, null]) {
      const result = validateSaveRequest({ document, saveAs: true, suggestedName: 'x' });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.reason).toBe('invalid_document');
    }
    const wrongActiveResult = validateSaveRequest({ document: wrongActive, saveAs: true, suggestedName: 'x' });
    expect(!wrongActiveResult.ok && wrongActiveResult.detail).toContain('active scenario does not exist');
  });

  it('accepts open requests with no argument, an empty object or an absolute .gpkg path', () => {
    expect(validateOpenRequest(undefined)).toEqual({ ok: true, value: {} });
    expect(validateOpenRequest({})).toEqual({ ok: true, value: {} });
    expect(validateOpenRequest({ path: '/home/an/park.gpkg' })).toEqual({ ok: true, value: { path: '/home/an/park.gpkg' } });
    expect(validateOpenRequest({ path: 'C:\\Users\\an\\Park.GPKG' }).ok).toBe(true);
  });

  it.each([
    ['a relative path', { path: 'park.gpkg' }],
    ['a dot-relative path', { path: './data/park.gpkg' }],
    ['a non-.gpkg path', { path: '/etc/passwd' }],
    ['a .gpkg lookalike', { path: '/home/an/park.gpkg.exe' }],
    ['a NUL byte', { path: '/home/an/park\0.gpkg' }],
    ['a number path', { path: 42 }],
    ['an extra key', { path: '/home/an/park.gpkg', write: true }],
    ['a bare string', '/home/an/park.gpkg'],
    ['null', null],
  ])('rejects an open request with %s', (_label, payload) => {
    const result = validateOpenRequest(payload);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toBe('bad_payload');
  });

  it('validates document state strictly', () => {
    expect(validateDocumentState({ fileName: null, dirty: false })).toEqual({ ok: true, value: { fileName: null, dirty: false } });
    expect(validateDocumentState({ fileName: 'a.gpkg', dirty: true, undoLabel: 'Subdivide block', redoLabel: null }).ok).toBe(true);
    expect(validateDocumentState({ fileName: 'a.gpkg' }).ok).toBe(false);
    expect(validateDocumentState({ fileName: 'a.gpkg', dirty: 'yes' }).ok).toBe(false);
    expect(validateDocumentState({ fileName: 'a.gpkg', dirty: true, extra: 1 }).ok).toBe(false);
    expect(validateDocumentState('dirty').ok).toBe(false);
  });

  it('refuses payloads on calls that take none', () => {
    expect(validateNoPayload(undefined).ok).toBe(true);
    expect(validateNoPayload({}).ok).toBe(false);
  });

  it('refuses senders outside the app origin', () => {
    expect(validateSender('app://ecopark/index.html').ok).toBe(true);
    for (const url of ['https://evil.example/', 'app://evil/index.html', 'file:///x/index.html', null, undefined, 'about:blank']) {
      const result = validateSender(url);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.reason).toBe('bad_sender');
    }
  });

  it('turns a suggested name into a safe .gpkg file name', () => {
    expect(sanitizeSuggestedName('Yen Phong II-C')).toBe('Yen Phong II-C.gpkg');
    expect(sanitizeSuggestedName('park.gpkg')).toBe('park.gpkg');
    expect(sanitizeSuggestedName('../../etc/passwd')).toBe('passwd.gpkg');
    expect(sanitizeSuggestedName('a:b*c?')).toBe('a_b_c_.gpkg');
    expect(sanitizeSuggestedName('')).toBe('Untitled.gpkg');
    expect(sanitizeSuggestedName('...')).toBe('Untitled.gpkg');
  });
});
