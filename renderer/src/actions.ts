import type { OpenOutcome } from '../../shared/host-api';
import { createEmptyDocument, parkDocumentSchema, type ParkDocument } from '../../shared/model';
import sampleUrl from '../../data/samples/bac-ninh-demo.gpkg?url';
import { getHost } from './host/get-host';
import { openProjectBytes } from './host/browser-host';
import { selectDirty, useDocumentStore } from './state/document-store';
import { useUiStore } from './state/ui-store';
import { formatBytes, translate, type MessageKey } from './i18n/strings';
import { askQuestion } from './recovery/question-store';

/**
 * What the toolbar, the native menu and keyboard shortcuts do. Each action talks to the host
 * through HostApi only, so the same code serves the desktop shell and the browser.
 */

export const SAMPLE_FILE_NAME = 'bac-ninh-demo.gpkg';

function t(key: MessageKey, params?: Record<string, string | number>) {
  return translate(useUiStore.getState().lang, key, params);
}

/** Asks before throwing away unsaved work. */
function confirmDiscard(): boolean {
  const state = useDocumentStore.getState();
  if (!selectDirty(state)) return true;
  return window.confirm(t('dialog.discard', { file: state.fileName ?? t('status.untitled') }));
}

function showOpenFailure(outcome: Extract<OpenOutcome, { ok: false }>) {
  // already_open is not a failure: applyOpenOutcome tells it as information.
  if (outcome.reason === 'cancelled' || outcome.reason === 'already_open') return;
  const ui = useUiStore.getState();
  const file = outcome.fileName ?? '';
  const importable = outcome.importable;
  ui.notify({
    tone: 'error',
    title: t('error.title'),
    text: `${t(`error.${outcome.reason}` as MessageKey, { file })} ${outcome.detail} ${t('error.untouched')}${importable ? ` ${t('error.importOffer')}` : ''}`,
    actions: importable ? [{ label: t('error.import'), run: () => loadDocument(importable, null, { dirty: true }) }] : undefined,
  });
}

function loadDocument(document: ParkDocument, fileName: string | null, options: { dirty?: boolean } = {}) {
  useDocumentStore.getState().load(document, fileName, options);
  useUiStore.getState().select([]);
}

export function applyOpenOutcome(outcome: OpenOutcome): boolean {
  if (!outcome.ok) {
    // Not an error: the window that has the file was brought to the front instead.
    if (outcome.reason === 'already_open') useUiStore.getState().notify({ tone: 'info', text: t('recovery.alreadyOpen', { file: outcome.fileName }) });
    else showOpenFailure(outcome);
    return false;
  }
  loadDocument(outcome.document, outcome.fileName);
  useUiStore.getState().notify({ tone: 'info', text: t('status.opened', { file: outcome.fileName }) });
  return true;
}

export async function openProject(path?: string) {
  if (!confirmDiscard()) return;
  applyOpenOutcome(await getHost().openProject(path ? { path } : undefined));
}

/** Opens a file dropped on the window or picked in the page. */
export async function openDroppedFile(file: File) {
  if (!confirmDiscard()) return;
  const host = getHost();
  // Desktop: by its path on disk, so Save writes back to the dropped file (null: the File has no path).
  const byPath = host.openDroppedFile ? await host.openDroppedFile(file) : null;
  if (byPath) return void applyOpenOutcome(byPath);
  const bytes = new Uint8Array(await file.arrayBuffer());
  applyOpenOutcome(host.openBytes ? await host.openBytes(bytes, file.name) : await openProjectBytes(bytes, file.name));
}

/** Loads the bundled sample park (the embedded default on first start). */
export async function openSample(options: { ask?: boolean } = {}) {
  if (options.ask !== false && !confirmDiscard()) return;
  performance.mark('ecopark:sample-open-start');
  const response = await fetch(sampleUrl);
  const outcome = await openProjectBytes(new Uint8Array(await response.arrayBuffer()), SAMPLE_FILE_NAME);
  if (!outcome.ok) {
    showOpenFailure(outcome);
    return;
  }
  // The sample is a template: saving it asks where, so the bundled copy is never overwritten.
  await getHost().resetFile();
  loadDocument(outcome.document, null);
  performance.mark('ecopark:sample-loaded');
  performance.measure('ecopark:sample-open', 'ecopark:sample-open-start', 'ecopark:sample-loaded');
}

export async function newProject() {
  if (!confirmDiscard()) return;
  await getHost().resetFile();
  loadDocument(createEmptyDocument(t('status.untitled')), null);
}

export async function closeProject() {
  if (!confirmDiscard()) return;
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
    useDocumentStore.getState().markSaved(outcome.fileName);
    ui.notify({ tone: 'info', text: t('status.saved', { file: outcome.fileName, size: formatBytes(ui.lang, outcome.bytes) }) });
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
  if (state.fileName === null) {
    ui.notify({ tone: 'info', text: t('recovery.revertUntitled') });
    return;
  }
  if (selectDirty(state) && !window.confirm(t('recovery.revertConfirm', { file: state.fileName }))) return;
  const outcome = await getHost().revertProject();
  if (outcome.ok) {
    loadDocument(outcome.document, outcome.fileName);
    ui.notify({ tone: 'info', text: t('recovery.reverted', { file: outcome.fileName }) });
  } else if (outcome.reason === 'no_saved_file') {
    ui.notify({ tone: 'info', text: t('recovery.revertUntitled') });
  } else {
    // The file no longer opens: the document on screen is kept as it was.
    showOpenFailure(outcome);
  }
}
