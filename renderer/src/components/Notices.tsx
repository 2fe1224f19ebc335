import { useEffect } from 'react';
import { useUiStore } from '../state/ui-store';
import { useT } from '../i18n/use-t';

const INFO_LIFETIME_MS = 5000;

/** Messages to the user. Errors stay until dismissed; information fades after a few seconds. */
export function Notices() {
  const t = useT();
  const { notices, dismiss } = useUiStore();
  useEffect(() => {
    const timers = notices.filter((n) => n.tone === 'info').map((n) => setTimeout(() => dismiss(n.id), INFO_LIFETIME_MS));
    return () => timers.forEach(clearTimeout);
  }, [notices, dismiss]);
  return (
    <div className="notices" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          {notice.title && <strong>{notice.title}</strong>}
          <p>{notice.text}</p>
          <div className="notice-actions">
            {notice.actions?.map((action) => (
              <button
                key={action.label}
                type="button"
                onClick={() => {
                  action.run();
                  dismiss(notice.id);
                }}
              >
                {action.label}
              </button>
            ))}
            <button type="button" onClick={() => dismiss(notice.id)}>
              {t('dialog.close')}
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
