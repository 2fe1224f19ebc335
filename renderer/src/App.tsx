import { useEffect, useState } from 'react';
import type { MenuCommand } from '../../shared/host-api';
import { MapView } from './map/MapView';
import { GoToBox } from './components/GoToBox';
import { Toolbar } from './components/Toolbar';
import { LegendPanel } from './components/LegendPanel';
import { FeatureList } from './components/FeatureList';
import { SidePanel } from './components/SidePanel';
import { Notices } from './components/Notices';
import { useDocumentStore, selectDirty } from './state/document-store';
import { useUiStore } from './state/ui-store';
import { getHost } from './host/get-host';
import { closeRequestListener, openDroppedFile, openProject, openSample } from './actions';
import { runAction } from './action-table';
import { RecoveryHost } from './recovery/RecoveryHost';
import { DesktopOverlays } from './help/DesktopOverlays';
import { useT } from './i18n/use-t';
import { EditToolbar } from './drawing/EditToolbar';
import { ToolOptions } from './drawing/ToolOptions';
import { MetricsStrip } from './components/MetricsStrip';
import { DraftOverlay } from './drawing/DraftOverlay';
import { useDrawingKeys } from './drawing/use-drawing-keys';
import { ShortcutsPanel } from './drawing/ShortcutsPanel';
import { SubdivideDialog } from './drawing/SubdivideDialog';
import { refreshOfflineFile } from './map/offline-basemap/offline-basemap-store';

/**
 * A native menu command: an action of the actions table (renderer/src/action-table.ts), or one
 * of the two the main process sends on its own.
 */
function runMenuCommand(command: MenuCommand) {
  if (command === 'open-queued') return void openProject({ queued: true });
  // Another window chose or forgot the app's one offline map file.
  if (command === 'offline-basemap-changed') return void refreshOfflineFile();
  runAction(command);
}

export function App() {
  const t = useT();
  const { legendOpen, featuresOpen, lang } = useUiStore();
  const [dragging, setDragging] = useState(false);
  const [subdividing, setSubdividing] = useState(false);
  // In the desktop shell the native menu owns its chords (Ctrl+Z, Ctrl+S…) and sends commands.
  useDrawingKeys({ browser: getHost().kind === 'browser' });

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  useEffect(() => {
    const host = getHost();
    const unsubscribeMenu = host.onMenuCommand(runMenuCommand);
    // Desktop: closing the window asks "Save your changes?" in the page's own dialog.
    const unsubscribeClose = host.onCloseRequest?.(closeRequestListener);
    // The host keeps the window title and the close confirmation in step with the document.
    const publish = () => {
      const state = useDocumentStore.getState();
      const undo = state.undoStack[state.undoStack.length - 1];
      const redo = state.redoStack[state.redoStack.length - 1];
      // The language and the shown panels too: the native menu speaks the page's language and ticks its View items.
      const ui = useUiStore.getState();
      host.setDocumentState({
        fileName: state.fileName,
        // The title names the sample or an import without making it the file Save writes to.
        displayName: state.displayName,
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
    if (!useDocumentStore.getState().document) void openSample({ ask: false });
    return () => {
      unsubscribeMenu();
      unsubscribeClose?.();
      unsubscribeStore();
      unsubscribeUi();
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
      <EditToolbar onSubdivide={() => setSubdividing(true)} />
      <main className="workspace">
        {featuresOpen && <FeatureList />}
        <div className="map-area">
          <MapView />
          <GoToBox />
          {legendOpen && <LegendPanel />}
          <ToolOptions />
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
      <MetricsStrip />
    </div>
  );
}
