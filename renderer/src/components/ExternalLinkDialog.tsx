import { ModalDialog } from './ModalDialog';
import { useExternalLinkStore } from '../external-links';
import { useT } from '../i18n/use-t';
import './external-link.css';

/**
 * The question asked before a web link leaves the app (renderer/src/external-links.ts): the whole
 * address with its host in bold, so a link whose text says one site and whose target is another
 * is seen before it opens. Esc and Cancel keep the user in the app; an http link can only be
 * closed.
 */
export function ExternalLinkDialog() {
  const t = useT();
  const pending = useExternalLinkStore((s) => s.pending);
  const answer = useExternalLinkStore((s) => s.answer);
  if (!pending) return null;
  const { target } = pending;
  const description = (
    <>
      <p>{t('links.intro')}</p>
      <p className="external-link-url" data-testid="external-link-url">
        {target.beforeHost}
        <strong>{target.host}</strong>
        {target.afterHost}
      </p>
      <p>{t('links.hostIs', { host: target.host })}</p>
      <p>{target.openable ? t('links.browser') : t('links.notSecure')}</p>
    </>
  );
  return (
    <ModalDialog key={target.href} look="question" title={t('links.title')} description={description} onClose={() => answer(false)} className="external-link-dialog">
      <div className="modal-actions">
        {target.openable ? (
          <>
            <button type="button" onClick={() => answer(false)}>
              {t('links.cancel')}
            </button>
            <button type="button" className="primary" onClick={() => answer(true)}>
              {t('links.open')}
            </button>
          </>
        ) : (
          <button type="button" className="primary" onClick={() => answer(false)}>
            {t('links.close')}
          </button>
        )}
      </div>
    </ModalDialog>
  );
}
