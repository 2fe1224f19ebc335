import { useDocumentStore } from './state/document-store';
import { useUiStore } from './state/ui-store';
import { useToolStore } from './drawing/tool-store';

declare global {
  interface Window {
    /** The stores, for end-to-end tests and for inspecting a session from the devtools. */
    __ecoparkStores?: { document: typeof useDocumentStore; ui: typeof useUiStore; tool: typeof useToolStore };
  }
}

window.__ecoparkStores = { document: useDocumentStore, ui: useUiStore, tool: useToolStore };
