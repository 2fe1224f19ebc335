import { useEffect } from 'react';
import { useDocumentStore } from '../state/document-store';
import { useSettingsStore } from '../state/settings-store';
import { SettingsDialog } from '../settings/SettingsDialog';
import { AboutDialog } from './AboutDialog';
import { HelpPanel } from './HelpPanel';
import { Tour } from './Tour';
import { useDesktopStore } from './desktop-store';

/** Started by itself at most once per page load (and never again once settings.tourDone). */
let tourAutoStarted = false;

/**
 * Settings, About, Help and the tour, mounted once by App. Their keys (F1 help, Ctrl+, settings)
 * are in the actions table: the native menu's in the desktop shell, the page's in web mode.
 */
export function DesktopOverlays() {
  const dialog = useDesktopStore((s) => s.dialog);
  const tourDone = useSettingsStore((s) => s.tourDone);
  const hasDocument = useDocumentStore((s) => s.document !== null);

  // First run: the sample park opens (App) and, once it is there, the tour starts.
  useEffect(() => {
    if (tourDone || !hasDocument || tourAutoStarted) return;
    tourAutoStarted = true;
    useDesktopStore.getState().startTour();
  }, [tourDone, hasDocument]);

  return (
    <>
      {dialog === 'settings' && <SettingsDialog />}
      {dialog === 'about' && <AboutDialog />}
      {dialog === 'help' && <HelpPanel />}
      <Tour />
    </>
  );
}
