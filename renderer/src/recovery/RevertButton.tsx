import { revertToSaved } from '../actions';
import { useDocumentStore } from '../state/document-store';
import { useT } from '../i18n/use-t';

/**
 * "Revert to saved" for the browser UI (the desktop has it in the native File menu too): an
 * icon button, as it is rarely needed, named by its label and tooltip. Disabled for an untitled
 * project, with the reason as its tooltip.
 */
export function RevertButton() {
  const t = useT();
  const fileName = useDocumentStore((s) => (s.document ? s.fileName : null));
  return (
    <button
      type="button"
      className="toolbar-icon"
      disabled={fileName === null}
      onClick={() => void revertToSaved()}
      aria-label={t('recovery.revert')}
      title={fileName === null ? t('recovery.revertUntitled') : t('recovery.revertHint')}
    >
      ↺
    </button>
  );
}
