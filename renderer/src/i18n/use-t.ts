import { useUiStore } from '../state/ui-store';
import { translate, type MessageKey } from './strings';

/** The translate function for the current UI language; re-renders when it changes. */
export function useT() {
  const lang = useUiStore((s) => s.lang);
  return (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);
}
