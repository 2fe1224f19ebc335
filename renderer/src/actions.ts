import type { OpenOutcome, UnsavedChoice } from '../../shared/host-api';
import { describeLimitExceeded } from '../../shared/limits';
import { createEmptyDocument, parkDocumentSchema, type ParkDocument } from '../../shared/model';
import sampleUrl from '../../data/samples/bac-ninh-demo.gpkg?url';
import { getHost } from './host/get-host';
import { openProjectBytes } from './host/browser-host';
import { selectDirty, useDocumentStore } from './state/document-store';
import { useUiStore } from './state/ui-store';
import { formatBytes, translate, type MessageKey } from './i18n/strings';
import { askQuestion, withdrawQuestion } from './recovery/question-store';

/**
 * What the toolbar, the native menu and keyboard shortcuts do. Each action talks to the host
 * through HostApi only, so the same code serves the desktop shell and the browser.
 */

export const SAMPLE_FILE_NAME = 'bac-ninh-demo.gpkg';

function t(key: MessageKey, params?: Record<string, string | number>) {
  return translate(useUiStore.getState().lang, key, params);
}

/**
 * Settles unsaved work before something replaces it (Open, New, the sample, Close, recovered
 * work): true when the caller may go on. The question is the page's own dialog, the same in
 * the browser and the desktop shell, with the choice window.confirm lacks: Save / Don't save /
 * Cancel. "Save" goes on only once the work really is saved (a cancelled picker or a failed
 * write keeps the document and stops here).
 */
export async function settleUnsavedWork(): Promise<boolean> {
  if (!selectDirty(useDocumentStore.getState())) return true;
  const choice = await askToSaveChanges();
  if (choice === 'discard') return true;
  if (choice !== 'save') return false;
  await saveProject(false);
  return !selectDirty(useDocumentStore.getState());
}

/** "Save your changes?" in the page's dialog: Save / Don't save / Cancel (Esc). */
async function askToSaveChanges(id?: string): Promise<UnsavedChoice> {
  const state = useDocumentStore.getState();
  const choice = await askQuestion({
    id,
    title: t('recovery.unsavedTitle'),
    text: t('recovery.unsavedText', { file: state.displayName ?? t('status.untitled') }),
    choices: [
      { id: 'save', label: t('recovery.save'), primary: true },
      { id: 'discard', label: t('recovery.dontSave') },
      { id: 'cancel', label: t('recovery.cancel') },
    ],
    cancelId: 'cancel',
  });
  return choice === 'save' || choice === 'discard' ? choice : 'cancel';
}

const CLOSE_QUESTION = 'window-close';

/**
 * The desktop window is being closed (HostApi.onCloseRequest): the same question as Open or
 * New, answered to the host, which saves through the 'save' command, closes or stays.
 * `withdraw`: the host stopped waiting (the page was too slow and the native box asked).
 */
export const closeRequestListener = {
  async ask(): Promise<UnsavedChoice> {
    // The page knows best: work saved meanwhile (or nothing open) closes without a question.
    if (!selectDirty(useDocumentStore.getState())) return 'discard';
    return askToSaveChanges(CLOSE_QUESTION);
  },
  withdraw: () => withdrawQuestion(CLOSE_QUESTION),
};

function showOpenFailure(outcome: Extract<OpenOutcome, { ok: false }>) {
  // already_open is not a failure: applyOpenOutcome tells it as information.
  if (outcome.reason === 'cancelled' || outcome.reason === 'already_open') return;
  const ui = useUiStore.getState();
  const file = outcome.fileName ?? '';
  const importable = outcome.importable;
  ui.notify({
    tone: 'error',
    title: t('error.title'),
    text: `${t(`error.${outcome.reason}` as MessageKey, { file })} ${outcome.limit ? describeLimitExceeded(outcome.limit, useUiStore.getState().lang) : outcome.detail} ${t('error.untouched')}${importable ? ` ${t('error.importOffer')}` : ''}`,
    actions: importable ? [{ label: t('error.import'), run: () => void loadUntitled(importable, outcome.fileName ?? null) }] : undefined,
  });
}

function loadDocument(document: ParkDocument, fileName: string | null, options: { dirty?: boolean; hasFile?: boolean; displayName?: string | null } = {}) {
  useDocumentStore.getState().load(document, fileName, options);
  useUiStore.getState().select([]);
}

/**
 * Loads a new, unsaved project that no file backs (an import): the host forgets its current
 * file FIRST, or the next Save would silently overwrite the previously open project with it.
 * `sourceName` (the imported file's name) is what the title calls it; Save still asks where.
 */
export async function loadUntitled(document: ParkDocument, sourceName: string | null = null): Promise<void> {
  await getHost().resetFile();
  loadDocument(document, null, { dirty: true, displayName: sourceName });
}

/** `hasFile: false` when the host does not keep the file (bytes read in the page). */
export function applyOpenOutcome(outcome: OpenOutcome, options: { hasFile?: boolean } = {}): boolean {
  if (!outcome.ok) {
    // Not an error: the window that has the file was brought to the front instead.
    if (outcome.reason === 'already_open') useUiStore.getState().notify({ tone: 'info', text: t('recovery.alreadyOpen', { file: outcome.fileName }) });
    else showOpenFailure(outcome);
    return false;
  }
  loadDocument(outcome.document, outcome.fileName, { hasFile: options.hasFile ?? true });
  useUiStore.getState().notify({ tone: 'info', text: t('status.opened', { file: outcome.fileName }) });
  return true;
}

/**
 * Open: the dialog (plain), a recent file by path, or `queued`: the file the desktop shell
 * queued for this window (Open Recent, double-click, command line). Declining to discard
 * changes leaves the queued file unopened; a later plain Open will not pick it up.
 */
export async function openProject(request: { path?: string; queued?: boolean } = {}) {
  if (!(await settleUnsavedWork())) return;
  const { path, queued } = request;
  applyOpenOutcome(await getHost().openProject(queued ? { queued: true } : path ? { path } : undefined));
}

/** Opens a file dropped on the window or picked in the page. */
export async function openDroppedFile(file: File) {
  if (!(await settleUnsavedWork())) return;
  const host = getHost();
  // Desktop: by its path on disk, so Save writes back to the dropped file (null: the File has no path).
  const byPath = host.openDroppedFile ? await host.openDroppedFile(file) : null;
  if (byPath) return void applyOpenOutcome(byPath);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (host.openBytes) return void applyOpenOutcome(await host.openBytes(bytes, file.name), { hasFile: false });
  // Read in the page, so the host never saw this file: it must forget the previous one, or
  // Save would write this document over it.
  const outcome = await openProjectBytes(bytes, file.name);
  if (outcome.ok) await host.resetFile();
  applyOpenOutcome(outcome, { hasFile: false });
}

/** Loads the bundled sample park (the embedded default on first start). */
export async function openSample(options: { ask?: boolean } = {}) {
  if (options.ask !== false && !(await settleUnsavedWork())) return;
  performance.mark('ecopark:sample-open-start');
  // Anything loaded while the sample downloads (a file opened at launch, accepted recovered
  // work) wins: the sample must neither replace it nor make the host forget its file.
  const loadSeq = useDocumentStore.getState().loadSeq;
  const overtaken = () => useDocumentStore.getState().loadSeq !== loadSeq;
  const response = await fetch(sampleUrl);
  const outcome = await openProjectBytes(new Uint8Array(await response.arrayBuffer()), SAMPLE_FILE_NAME);
  if (overtaken()) return;
  if (!outcome.ok) {
    showOpenFailure(outcome);
    return;
  }
  // The sample is a template: saving it asks where, so the bundled copy is never overwritten.
  await getHost().resetFile();
  if (overtaken()) return;
  // Untitled as a file, but the title names the park (issue 13).
  loadDocument(outcome.document, null, { displayName: outcome.document.project.name });
  performance.mark('ecopark:sample-loaded');
  performance.measure('ecopark:sample-open', 'ecopark:sample-open-start', 'ecopark:sample-loaded');
}

export async function newProject() {
  if (!(await settleUnsavedWork())) return;
  await getHost().resetFile();
  loadDocument(createEmptyDocument(t('status.untitled')), null);
}

export async function closeProject() {
  if (!(await settleUnsavedWork())) return;
  await getHost().resetFile();
  useDocumentStore.getState().close();
  useUiStore.getState().select([]);
}

function suggestedFileName(document: ParkDocument, current: string | null): string {
  if (current) return current;
  const base = document.project.name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `${base || 'park'}.gpkg`;
}

export async function saveProject(saveAs: boolean, options: { overwrite?: boolean } = {}): Promise<void> {
  const state = useDocumentStore.getState();
  if (!state.document) return;
  const document: ParkDocument = {
    ...state.document,
    project: { ...state.document.project, modifiedAt: new Date().toISOString() },
  };
  const checked = parkDocumentSchema.safeParse(document);
  const ui = useUiStore.getState();
  if (!checked.success) {
    ui.notify({ tone: 'error', text: `${t('error.invalid_document')} ${checked.error.issues[0]?.message ?? ''}` });
    return;
  }
  const outcome = await getHost().saveProject({
    document,
    saveAs,
    suggestedName: suggestedFileName(document, state.fileName),
    ...(options.overwrite ? { overwrite: true } : {}),
  });
  if (outcome.ok) {
    // A download counts as saved (issue 13): the title names the downloaded file and the next
    // Open does not ask again. The page cannot read a download back, so nothing can be reverted to.
    useDocumentStore.getState().markSaved(outcome.fileName);
    if (outcome.unconfirmed) useDocumentStore.setState({ hasFile: false });
    const text = t(outcome.unconfirmed ? 'status.downloaded' : 'status.saved', { file: outcome.fileName, size: formatBytes(ui.lang, outcome.bytes) });
    ui.notify({ tone: 'info', text });
  } else if (outcome.reason === 'changed_on_disk') {
    // Someone else wrote the file since we read it: never overwrite that silently.
    const choice = await askQuestion({
      title: t('recovery.changedTitle'),
      text: t('recovery.changedText', { file: outcome.fileName }),
      choices: [
        { id: 'overwrite', label: t('recovery.overwrite') },
        { id: 'save-as', label: t('recovery.saveAs'), primary: true },
        { id: 'cancel', label: t('recovery.cancel') },
      ],
      cancelId: 'cancel',
    });
    if (choice === 'overwrite') return saveProject(false, { overwrite: true });
    if (choice === 'save-as') return saveProject(true);
  } else if (outcome.reason === 'open_elsewhere') {
    // Said in the UI language; the host's English detail is for logs.
    ui.notify({ tone: 'error', text: t('recovery.openElsewhere', { file: outcome.fileName }) });
  } else if (outcome.reason !== 'cancelled') {
    ui.notify({ tone: 'error', text: `${t('error.saveFailed')} ${outcome.detail}` });
  }
}

/**
 * Revert to saved: re-reads the current file from disk (the host knows which) and replaces the
 * document, history cleared. Asks first when there are unsaved changes.
 */
export async function revertToSaved(): Promise<void> {
  const state = useDocumentStore.getState();
  if (!state.document) return;
  const ui = useUiStore.getState();
  // Checked before asking to discard: recovered work keeps its file name but has no file.
  if (!state.hasFile || state.fileName === null) {
    ui.notify({ tone: 'info', text: t('recovery.revertUntitled') });
    return;
  }
  if (selectDirty(state)) {
    const choice = await askQuestion({
      title: t('recovery.revert'),
      text: t('recovery.revertConfirm', { file: state.fileName }),
      choices: [
        { id: 'revert', label: t('recovery.revert') },
        { id: 'cancel', label: t('recovery.cancel'), primary: true },
      ],
      cancelId: 'cancel',
    });
    if (choice !== 'revert') return;
  }
  const outcome = await getHost().revertProject();
  if (outcome.ok) {
    loadDocument(outcome.document, outcome.fileName, { hasFile: true });
    ui.notify({ tone: 'info', text: t('recovery.reverted', { file: outcome.fileName }) });
  } else if (outcome.reason === 'no_saved_file') {
    ui.notify({ tone: 'info', text: t('recovery.revertUntitled') });
  } else {
    // The file no longer opens: the document on screen is kept as it was.
    showOpenFailure(outcome);
  }
}
