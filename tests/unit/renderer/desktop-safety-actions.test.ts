import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostApi, OpenOutcome, SaveOutcome } from '../../../shared/host-api';
import { createEmptyDocument, type ParkDocument } from '../../../shared/model';
import type { Question } from '../../../renderer/src/recovery/question-store';

/**
 * The page's file actions against a fake host (renderer/src/actions.ts): what they ask the host,
 * in which order, and what they leave loaded. The sample's bytes are decoded by a stub, so the
 * tests control when the sample "arrives".
 */

const decoded = vi.hoisted(() => ({ next: null as null | (() => Promise<OpenOutcome>) }));
vi.mock('../../../renderer/src/host/browser-host', () => ({
  openProjectBytes: () => decoded.next!(),
  createBrowserHost: () => {
    throw new Error('tests use a fake host');
  },
}));

const { useDocumentStore } = await import('../../../renderer/src/state/document-store');
const { useUiStore } = await import('../../../renderer/src/state/ui-store');
const actions = await import('../../../renderer/src/actions');
const { useQuestionStore } = await import('../../../renderer/src/recovery/question-store');
const { discardEntry } = await import('../../../renderer/src/recovery/session');

const doc = (name: string): ParkDocument => createEmptyDocument(name, { now: '2026-01-01T00:00:00Z' });

/** A host that records calls; each method can be overridden per test. */
function fakeHost(overrides: Partial<HostApi> = {}) {
  const calls: string[] = [];
  const host: HostApi = {
    kind: 'desktop',
    openProject: async (request) => (calls.push(`open ${JSON.stringify(request ?? null)}`), { ok: false, reason: 'cancelled' }),
    saveProject: async () => (calls.push('save'), { ok: false, reason: 'cancelled' }),
    revertProject: async () => (calls.push('revert'), { ok: false, reason: 'no_saved_file' }),
    writeRecovery: async () => ({ ok: true, bytes: 0 }),
    clearRecovery: async () => undefined,
    listRecoveries: async () => [],
    recoverProject: async () => ({ ok: false, reason: 'not_found', detail: '' }),
    discardRecovery: async () => undefined,
    resetFile: async () => void calls.push(`reset (document: ${useDocumentStore.getState().document?.project.name ?? 'none'})`),
    listRecent: async () => [],
    setDocumentState: () => undefined,
    onMenuCommand: () => () => undefined,
    ...overrides,
  };
  return { host, calls };
}

/**
 * The questions the actions asked in the page (question-store), each answered at once: `goAhead`
 * picks "Don't save" (or "Revert"), otherwise the answer Esc gives; a choice id answers with it.
 */
let confirms: Question[];
let stopAnswering = () => {};
function install(host: HostApi, answer: boolean | string = true) {
  confirms = [];
  // window.confirm must never be asked: a call fails the test.
  vi.stubGlobal('window', { ecopark: host, confirm: () => expect.unreachable('window.confirm was used') });
  stopAnswering();
  stopAnswering = useQuestionStore.subscribe(({ current }) => {
    if (!current) return;
    confirms.push(current);
    const goAhead = current.choices.find((c) => c.id === 'discard' || c.id === 'revert' || c.id === 'confirm')!.id;
    useQuestionStore.getState().answer(typeof answer === 'string' ? answer : answer ? goAhead : current.cancelId);
  });
}

let host: ReturnType<typeof fakeHost>;
beforeEach(() => {
  vi.stubGlobal('fetch', async () => new Response(new Uint8Array([1, 2, 3])));
  useDocumentStore.getState().close();
  useUiStore.setState({ notices: [], lang: 'en' });
  decoded.next = async () => ({ ok: true, document: doc('Sample park'), fileName: 'bac-ninh-demo.gpkg' });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

// getHost() caches the first host it sees: every test installs into one shared fake whose
// methods are swapped, instead of a new object.
const shared = fakeHost();
function useHost(overrides: Partial<HostApi> = {}, answer: boolean | string = true) {
  host = fakeHost(overrides);
  Object.assign(shared.host, host.host);
  install(shared.host, answer);
  return host;
}

describe('start-up sample vs. a file opened meanwhile', () => {
  it('loads the sample and makes the host forget its file when nothing else loaded', async () => {
    const { calls } = useHost();
    await actions.openSample({ ask: false });
    expect(calls).toEqual(['reset (document: none)']);
    expect(useDocumentStore.getState()).toMatchObject({ fileName: null, hasFile: false });
    expect(useDocumentStore.getState().document?.project.name).toBe('Sample park');
  });

  it('names the sample by its park in the title, without making it a file; a save names it by its file', async () => {
    useHost({ saveProject: async () => ({ ok: true, fileName: 'my-park.gpkg', bytes: 10 }) });
    await actions.openSample({ ask: false });
    expect(useDocumentStore.getState()).toMatchObject({ fileName: null, displayName: 'Sample park', hasFile: false });
    await actions.saveProject(false);
    expect(useDocumentStore.getState()).toMatchObject({ fileName: 'my-park.gpkg', displayName: 'my-park.gpkg', hasFile: true });
  });

  it('drops the sample (no reset, no load) when a file was opened while it downloaded', async () => {
    const { calls } = useHost();
    let arrive!: () => void;
    decoded.next = () =>
      new Promise((resolve) => {
        arrive = () => resolve({ ok: true, document: doc('Sample park'), fileName: 'bac-ninh-demo.gpkg' });
      });
    const sample = actions.openSample({ ask: false });
    await vi.waitFor(() => expect(arrive).toBeTypeOf('function'));
    // The launch file (or accepted recovered work) lands first.
    actions.applyOpenOutcome({ ok: true, document: doc('Launch park'), fileName: 'launch.gpkg' });
    arrive();
    await sample;
    expect(calls).toEqual([]);
    expect(useDocumentStore.getState()).toMatchObject({ fileName: 'launch.gpkg', hasFile: true });
    expect(useDocumentStore.getState().document?.project.name).toBe('Launch park');
  });

  it('drops the sample when the other file lands while the host is forgetting the previous one', async () => {
    let finishReset!: () => void;
    const { calls } = useHost({
      resetFile: () =>
        new Promise<void>((resolve) => {
          finishReset = resolve;
        }),
    });
    const sample = actions.openSample({ ask: false });
    await vi.waitFor(() => expect(finishReset).toBeTypeOf('function'));
    useDocumentStore.getState().load(doc('Recovered work'), 'park.gpkg', { dirty: true });
    finishReset();
    await sample;
    expect(calls).toEqual([]);
    expect(useDocumentStore.getState().document?.project.name).toBe('Recovered work');
  });
});

describe('imports load as untitled work the host has no file for', () => {
  it('the Import action of a foreign GeoPackage resets the host file before loading', async () => {
    const { calls } = useHost();
    actions.applyOpenOutcome({ ok: true, document: doc('Project X'), fileName: 'x.gpkg' });
    actions.applyOpenOutcome({ ok: false, reason: 'foreign_geopackage', detail: 'QGIS layers', fileName: 'qgis.gpkg', importable: doc('Imported') });
    const notice = useUiStore.getState().notices.at(-1);
    expect(notice?.actions?.map((a) => a.label)).toEqual(['Import']);
    notice!.actions![0].run();
    await vi.waitFor(() => expect(useDocumentStore.getState().document?.project.name).toBe('Imported'));
    // The reset reached the host while Project X was still loaded, i.e. before the import replaced it.
    expect(calls).toEqual(['reset (document: Project X)']);
    // Named after its source file in the title, but untitled as a file: Save asks where.
    expect(useDocumentStore.getState()).toMatchObject({ fileName: null, displayName: 'qgis.gpkg', hasFile: false });
  });

  it('loadUntitled waits for the host before loading', async () => {
    let finishReset!: () => void;
    useHost({ resetFile: () => new Promise<void>((resolve) => (finishReset = resolve)) });
    actions.applyOpenOutcome({ ok: true, document: doc('Project X'), fileName: 'x.gpkg' });
    const loading = actions.loadUntitled(doc('Imported'));
    await Promise.resolve();
    expect(useDocumentStore.getState().document?.project.name).toBe('Project X');
    finishReset();
    await loading;
    expect(useDocumentStore.getState().document?.project.name).toBe('Imported');
  });
});

describe('queued open', () => {
  it("'open-queued' asks the host for its queued file; a plain open never does", async () => {
    const { calls } = useHost();
    await actions.openProject({ queued: true });
    await actions.openProject();
    await actions.openProject({ path: '/p/a.gpkg' });
    expect(calls).toEqual(['open {"queued":true}', 'open null', 'open {"path":"/p/a.gpkg"}']);
  });

  it('declining to discard changes sends nothing to the host', async () => {
    const { calls } = useHost({}, false);
    useDocumentStore.getState().load(doc('Dirty'), 'a.gpkg', { dirty: true, hasFile: true });
    await actions.openProject({ queued: true });
    expect(confirms).toHaveLength(1);
    expect(calls).toEqual([]);
  });
});

describe('Revert to saved needs a file behind the document', () => {
  it('recovered work (a name, no file) is told so without first asking to discard', async () => {
    const { calls } = useHost();
    useDocumentStore.getState().load(doc('Recovered'), 'park.gpkg', { dirty: true });
    await actions.revertToSaved();
    expect(confirms).toEqual([]);
    expect(calls).toEqual([]);
    expect(useUiStore.getState().notices.at(-1)?.text).toBe('This project has not been saved to a file yet, so there is no saved version to revert to.');
  });

  it('a file with unsaved changes asks, then re-reads it', async () => {
    const { calls } = useHost({
      revertProject: async () => (host.calls.push('revert'), { ok: true, document: doc('From disk'), fileName: 'park.gpkg' }),
    });
    actions.applyOpenOutcome({ ok: true, document: doc('Opened'), fileName: 'park.gpkg' });
    useDocumentStore.getState().setSettings('x', 1, 'Change x');
    await actions.revertToSaved();
    expect(confirms).toHaveLength(1);
    expect(calls).toEqual(['revert']);
    expect(useDocumentStore.getState()).toMatchObject({ fileName: 'park.gpkg', hasFile: true });
    expect(useDocumentStore.getState().document?.project.name).toBe('From disk');
  });
});

describe('save refusals are said in the UI language', () => {
  it('open_elsewhere is translated (Vietnamese), not the host English detail', async () => {
    const refusal: SaveOutcome = { ok: false, reason: 'open_elsewhere', fileName: 'park.gpkg', detail: 'park.gpkg is open in another window.' };
    useHost({ saveProject: async () => refusal });
    useUiStore.setState({ lang: 'vi' });
    useDocumentStore.getState().load(doc('Work'), null, { dirty: true });
    await actions.saveProject(true);
    const text = useUiStore.getState().notices.at(-1)?.text;
    expect(text).toBe('“park.gpkg” đang được mở trong một cửa sổ khác nên chưa lưu gì. Hãy đóng tệp ở cửa sổ đó trước, hoặc lưu với tên khác.');
    expect(text).not.toContain('another window');
  });
});

describe('a save handed to the browser as a download', () => {
  it('marks the work saved under the downloaded name, with no file to revert to', async () => {
    const downloaded: SaveOutcome = { ok: true, fileName: 'park.gpkg', bytes: 2048, unconfirmed: true };
    useHost({ kind: 'browser', saveProject: async () => downloaded });
    useDocumentStore.getState().load(doc('Work'), null, { dirty: true });
    await actions.saveProject(false);
    const state = useDocumentStore.getState();
    expect(state.revision).toBe(state.savedRevision);
    expect(state).toMatchObject({ fileName: 'park.gpkg', hasFile: false });
    // 2048 B / 1024 = 2.0 KB.
    expect(useUiStore.getState().notices.at(-1)?.text).toBe('Saved as a download: park.gpkg (2.0 KB), in the browser’s downloads folder. Open that file to go on working on it later.');
  });

  it('a confirmed save marks the work saved', async () => {
    useHost({ saveProject: async () => ({ ok: true, fileName: 'park.gpkg', bytes: 2048 }) });
    useDocumentStore.getState().load(doc('Work'), null, { dirty: true });
    await actions.saveProject(false);
    const state = useDocumentStore.getState();
    expect(state.revision).toBe(state.savedRevision);
    expect(state.fileName).toBe('park.gpkg');
  });
});

describe('the unsaved-changes question: Save / Don’t save / Cancel, in the page', () => {
  it('is asked in the UI language with three answers, Save first', async () => {
    useHost({}, 'cancel');
    useUiStore.setState({ lang: 'vi' });
    useDocumentStore.getState().load(doc('Work'), 'a.gpkg', { dirty: true, hasFile: true });
    await actions.newProject();
    expect(confirms.map((q) => [q.title, q.text, q.choices.map((c) => c.label)])).toEqual([
      ['Lưu các thay đổi?', '“a.gpkg” có những thay đổi chưa được lưu. Lưu lại trước khi tiếp tục? Nếu không lưu, các thay đổi sẽ bị mất.', ['Lưu', 'Không lưu', 'Huỷ']],
    ]);
    expect(useDocumentStore.getState().document?.project.name).toBe('Work');
  });

  it('"Save" saves first and then opens; the saved work is not asked about again', async () => {
    const { calls } = useHost({ saveProject: async () => (host.calls.push('save'), { ok: true, fileName: 'a.gpkg', bytes: 10 }) }, 'save');
    useDocumentStore.getState().load(doc('Work'), 'a.gpkg', { dirty: true, hasFile: true });
    await actions.openProject();
    expect(calls).toEqual(['save', 'open null']);
    expect(confirms).toHaveLength(1);
  });

  it('"Save" whose save is cancelled opens nothing and keeps the work', async () => {
    const { calls } = useHost({}, 'save');
    useDocumentStore.getState().load(doc('Work'), null, { dirty: true });
    await actions.openSample();
    expect(calls).toEqual(['save']);
    expect(useDocumentStore.getState().document?.project.name).toBe('Work');
  });

  it('"Don’t save" goes on without saving; clean work is not asked about', async () => {
    const { calls } = useHost();
    useDocumentStore.getState().load(doc('Work'), null, { dirty: true });
    await actions.newProject();
    await actions.newProject();
    expect(confirms).toHaveLength(1);
    expect(calls).toEqual(['reset (document: Work)', 'reset (document: Untitled)']);
  });
});

describe('closing the desktop window asks the same question in the page', () => {
  it('clean work closes without a question; unsaved work is asked about by its display name', async () => {
    useHost({}, 'save');
    await actions.openSample({ ask: false });
    expect(await actions.closeRequestListener.ask()).toBe('discard');
    expect(confirms).toEqual([]);
    useDocumentStore.getState().setSettings('x', 1, 'Change x');
    expect(await actions.closeRequestListener.ask()).toBe('save');
    expect(confirms.map((q) => [q.title, q.text, q.choices.map((c) => c.label)])).toEqual([
      ['Save your changes?', expect.stringMatching(/^“Sample park” has changes that are not saved\./), ['Save', 'Don’t save', 'Cancel']],
    ]);
  });

  it('Esc (the cancel answer) keeps the window: Cancel', async () => {
    useHost({}, false);
    useDocumentStore.getState().load(doc('Work'), null, { dirty: true });
    expect(await actions.closeRequestListener.ask()).toBe('cancel');
    expect(useDocumentStore.getState().document?.project.name).toBe('Work');
  });

  it('a question the host no longer waits for is taken away (as Cancel); other questions stay', async () => {
    useHost({}, 'none');
    stopAnswering();
    useDocumentStore.getState().load(doc('Work'), null, { dirty: true });
    const answer = actions.closeRequestListener.ask();
    expect(useQuestionStore.getState().current?.title).toBe('Save your changes?');
    actions.closeRequestListener.withdraw();
    expect(await answer).toBe('cancel');
    expect(useQuestionStore.getState().current).toBeNull();
    const open = actions.openProject();
    actions.closeRequestListener.withdraw();
    expect(useQuestionStore.getState().current?.title).toBe('Save your changes?');
    useQuestionStore.getState().answer('cancel');
    await open;
  });
});

describe('deleting a recovery copy is confirmed in the page, never with window.confirm', () => {
  const entry = { id: 'r1', fileName: 'park.gpkg', filePath: null, projectName: 'Park', savedAt: '2026-01-01T00:00:00Z', appVersion: '1', bytes: 10 };

  it('names the act on its button; "Delete copy" deletes, Cancel keeps', async () => {
    const discarded: string[] = [];
    useHost({ discardRecovery: async (id) => void discarded.push(id) }, 'cancel');
    expect(await discardEntry(entry)).toBe(false);
    expect(discarded).toEqual([]);
    useHost({ discardRecovery: async (id) => void discarded.push(id) }, 'confirm');
    useUiStore.setState({ lang: 'vi' });
    expect(await discardEntry(entry)).toBe(true);
    expect(discarded).toEqual(['r1']);
    expect(confirms.map((q) => [q.title, q.choices.map((c) => [c.label, c.destructive === true, c.primary === true])])).toEqual([
      ['Xoá hẳn bản sao khôi phục của “park.gpkg”?', [['Xoá bản sao', true, false], ['Huỷ', false, true]]],
    ]);
  });
});
