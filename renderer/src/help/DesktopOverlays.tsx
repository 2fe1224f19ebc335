import { useEffect } from 'react';
import { useDocumentStore } from '../state/document-store';
import { useSettingsStore } from '../state/settings-store';
import { getHost } from '../host/get-host';
import { SettingsDialog } from '../settings/SettingsDialog';
import { AboutDialog } from './AboutDialog';
import { HelpPanel } from './HelpPanel';
import { Tour } from './Tour';
import { useDesktopStore } from './desktop-store';
import { runDesktopCommand } from './commands';

/** Started by itself at most once per page load (and never again once settings.tourDone). */
let tourAutoStarted = false;

/**
 * Settings, About, Help and the tour, mounted once by App. In web mode it also owns their keys
 * (F1 help, Ctrl+, settings), which the native menu owns in the desktop shell.
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

  useEffect(() => {
    if (getHost().kind !== 'browser') return;
    const onKey = (event: KeyboardEvent) => {
      const command = event.key === 'F1' ? 'help' : (event.ctrlKey || event.metaKey) && event.key === ',' ? 'settings' : null;
      if (!command) return;
      event.preventDefault();
      runDesktopCommand(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      {dialog === 'settings' && <SettingsDialog />}
      {dialog === 'about' && <AboutDialog />}
      {dialog === 'help' && <HelpPanel />}
      <Tour />
    </>
  );
}
