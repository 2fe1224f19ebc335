import { actionPlatform, type ActionPlatform } from '../../shared/actions';

/** The platform the page runs on, for the chords that differ (Redo) and how they are shown. */
export function pagePlatform(): ActionPlatform {
  const name = typeof navigator === 'undefined' ? '' : navigator.platform;
  return actionPlatform(/^Mac/.test(name) ? 'darwin' : /^Win/.test(name) ? 'win32' : name);
}
