import { useEffect, useState } from 'react';
import type { MenuCommand } from '../../shared/host-api';
import { MapView } from './map/MapView';
import { Toolbar } from './components/Toolbar';
import { LegendPanel } from './components/LegendPanel';
import { FeatureList } from './components/FeatureList';
import { SidePanel } from './components/SidePanel';
import { Notices } from './components/Notices';
import { useDocumentStore, selectDirty } from './state/document-store';
import { useUiStore } from './state/ui-store';
import { getHost } from './host/get-host';
import { closeProject, newProject, openDroppedFile, openProject, openSample, revertToSaved, saveProject } from './actions';
import { RecoveryHost } from './recovery/RecoveryHost';
import { DesktopOverlays } from './help/DesktopOverlays';
import { runDesktopCommand } from './help/commands';
import { useT } from './i18n/use-t';
import { redo, undo } from './drawing/edit-actions';
import { EditToolbar } from './drawing/EditToolbar';
import { DraftOverlay } from './drawing/DraftOverlay';
import { useDrawingKeys } from './drawing/use-drawing-keys';
import { ShortcutsPanel } from './drawing/ShortcutsPanel';
import { SubdivideDialog } from './drawing/SubdivideDialog';
import { mergeSelection } from './drawing/edit-actions';
import { refreshOfflineFile } from './map/offline-basemap/offline-basemap-store';

function runMenuCommand(command: MenuCommand) {
  switch (command) {
    case 'new':
      return void newProject();
    case 'open':
      return void openProject();
    case 'open-queued':
      return void openProject({ queued: true });
    case 'open-sample':
      return void openSample();
    case 'save':
      return void saveProject(false);
    case 'save-as':
      return void saveProject(true);
    case 'revert':
      return void revertToSaved();
    case 'close':
      return void closeProject();
    case 'offline-basemap-changed':
      // Another window chose or forgot the app's one offline map file.
      return void refreshOfflineFile();
    case 'export-report':
      return useUiStore.getState().setFileDialog('report');
    case 'import':
    case 'export':
      return useUiStore.getState().setFileDialog(command);
    case 'undo':
    case 'redo':
      // The native menu owns Ctrl+Z everywhere; inside a text field it means the field's own undo.
      if (isTextField(document.activeElement)) return void document.execCommand(command);
      return command === 'undo' ? undo() : redo();
    default:
      // Edit ▸ Delete, View, Analysis and Help (renderer/src/help/commands.ts).
      runDesktopCommand(command);
  }
}

function isTextField(element: Element | null): boolean {
  return element instanceof HTMLTextAreaElement || (element instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'range'].includes(element.type));
}

/** Keyboard shortcuts of the File menu; in the desktop shell the native menu owns them. */
function browserShortcut(event: KeyboardEvent): MenuCommand | null {
  if (!(event.ctrlKey || event.metaKey)) return null;
  const key = event.key.toLowerCase();
  if (key === 's') return event.shiftKey ? 'save-as' : 'save';
  if (key === 'o') return 'open';
  return null;
}

export function App() {
  const t = useT();
  const { legendOpen, featuresOpen, lang } = useUiStore();
  const [dragging, setDragging] = useState(false);
  const [subdividing, setSubdividing] = useState(false);
  // In the desktop shell the native Edit menu owns Ctrl+Z / Ctrl+Y and sends 'undo'/'redo'.
  useDrawingKeys({ handleUndoRedo: getHost().kind === 'browser' });

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  useEffect(() => {
    const host = getHost();
    const unsubscribeMenu = host.onMenuCommand(runMenuCommand);
    // The host keeps the window title and the close confirmation in step with the document.
    const publish = () => {
      const state = useDocumentStore.getState();
      const undo = state.undoStack[state.undoStack.length - 1];
      const redo = state.redoStack[state.redoStack.length - 1];
      // The language and the shown panels too: the native menu speaks the page's language and ticks its View items.
      const ui = useUiStore.getState();
      host.setDocumentState({
        fileName: state.fileName,
        dirty: selectDirty(state),
        hasFile: state.document !== null && state.hasFile,
        undoLabel: undo?.label ?? null,
        redoLabel: redo?.label ?? null,
        lang: ui.lang,
        view: { legend: ui.legendOpen, features: ui.featuresOpen, view3d: ui.view3d },
      });
    };
    const unsubscribeStore = useDocumentStore.subscribe(publish);
    const unsubscribeUi = useUiStore.subscribe((ui, previous) => {
      if (ui.lang !== previous.lang || ui.legendOpen !== previous.legendOpen || ui.featuresOpen !== previous.featuresOpen || ui.view3d !== previous.view3d) publish();
    });
    publish();
    const onKey = (event: KeyboardEvent) => {
      if (host.kind !== 'browser') return;
      const command = browserShortcut(event);
      if (command && !((command === 'undo' || command === 'redo') && isTextField(document.activeElement))) {
        event.preventDefault();
        runMenuCommand(command);
      }
    };
    window.addEventListener('keydown', onKey);
    if (!useDocumentStore.getState().document) void openSample({ ask: false });
    return () => {
      unsubscribeMenu();
      unsubscribeStore();
      unsubscribeUi();
      window.removeEventListener('keydown', onKey);
    };
  }, []);

  return (
    <div
      className="app"
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes('Files')) {
          event.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        const file = event.dataTransfer.files[0];
        if (file) void openDroppedFile(file);
      }}
    >
      <Toolbar />
      <EditToolbar onSubdivide={() => setSubdividing(true)} onMerge={mergeSelection} />
      <main className="workspace">
        {featuresOpen && <FeatureList />}
        <div className="map-area">
          <MapView />
          {legendOpen && <LegendPanel />}
          <DraftOverlay />
          <ShortcutsPanel />
          {subdividing && <SubdivideDialog onClose={() => setSubdividing(false)} />}
          <Notices />
          <RecoveryHost />
          <DesktopOverlays />
          {dragging && <div className="drop-hint">{t('status.dropHint')}</div>}
        </div>
        <SidePanel />
      </main>
    </div>
  );
}
