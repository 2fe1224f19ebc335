import type { Map as MapLibreMap } from 'maplibre-gl';
import type { ParkDocument } from '../../shared/model';
import type { HostApi } from '../../shared/host-api';

interface StoreHandle<T> {
  getState(): T;
}

declare global {
  interface Window {
    __ecoparkMap?: MapLibreMap;
    __ecoparkStores?: {
      document: StoreHandle<{ document: ParkDocument | null; fileName: string | null; revision: number; savedRevision: number; undoStack: { label: string }[] }>;
      ui: StoreHandle<{ selectedIds: string[]; select(ids: string[]): void; setLang(lang: 'en' | 'vi'): void }>;
    };
    __savedBytes?: number[];
    ecopark?: HostApi;
  }
}
export {};
