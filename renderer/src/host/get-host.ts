import type { HostApi } from '../../../shared/host-api';
import { createBrowserHost } from './browser-host';

declare global {
  interface Window {
    /** Injected by the desktop shell's preload; absent in web mode. */
    ecopark?: HostApi;
  }
}

let host: HostApi | null = null;

/** The desktop host when running inside Electron, the browser host otherwise. */
export function getHost(): HostApi {
  host ??= window.ecopark ?? createBrowserHost();
  return host;
}
