import type { RecoveryEntry } from '../../../shared/host-api';
import { translate } from '../i18n/strings';
import { useUiStore } from '../state/ui-store';

/**
 * "Recover in a new tab" (browser): once a tab holds recovered work, the other left-over copies
 * open in tabs of their own, so recovering one never replaces another. The new tab's address
 * carries the copy's id in its hash; that tab recovers it at start (RecoveryPrompt).
 */

const HASH_KEY = 'recover';

let requested: string | null | undefined;

/** The copy this tab was opened to recover, read once (the hash is then removed from the address). */
export function takeRequestedRecovery(): string | null {
  if (requested !== undefined) return requested;
  const match = new RegExp(`^#${HASH_KEY}=(.+)$`).exec(window.location.hash);
  requested = match ? decodeURIComponent(match[1]) : null;
  if (match) window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  return requested;
}

/** Opens a tab that recovers `entry`; false (and a message) when the browser blocked it. */
export function recoverInNewTab(entry: RecoveryEntry): boolean {
  const url = new URL(window.location.href);
  url.hash = `${HASH_KEY}=${encodeURIComponent(entry.id)}`;
  // Not 'noopener': with it window.open returns null even on success, and a blocked tab must be told apart.
  const opened = window.open(url.href, '_blank');
  if (!opened) {
    const ui = useUiStore.getState();
    ui.notify({ tone: 'error', text: translate(ui.lang, 'recovery.tabBlocked') });
    return false;
  }
  opened.opener = null;
  return true;
}
