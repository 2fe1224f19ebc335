import { revertToSaved } from '../actions';
import { useDocumentStore } from '../state/document-store';
import { useT } from '../i18n/use-t';

/**
 * "Revert to saved" for the browser UI (the desktop has it in the native File menu too): an
 * icon button, as it is rarely needed, named by its label and tooltip. Disabled when no file
 * backs the project (untitled, recovered, imported), with the reason as its tooltip.
 */
export function RevertButton() {
  const t = useT();
  // Backed by a file, not merely named: recovered work keeps its name but has nothing to revert to.
  const hasFile = useDocumentStore((s) => s.document !== null && s.hasFile);
  return (
    <button
      type="button"
      className="toolbar-icon"
      disabled={!hasFile}
      onClick={() => void revertToSaved()}
      aria-label={t('recovery.revert')}
      title={hasFile ? t('recovery.revertHint') : t('recovery.revertUntitled')}
    >
      ↺
    </button>
  );
}
