import { useState } from 'react';
import { exchangeDecisionFor, type SymbiosisExchange } from '../../../../shared/eco/symbiosis';
import { formatNumber } from '../../../../shared/format';
import { useT } from '../../i18n/use-t';
import { useUiStore } from '../../state/ui-store';
import { decideExchange } from './eco-actions';
import { ExchangeEditor } from './ExchangeEditor';

const exchangeKey = (e: SymbiosisExchange) => `${e.fromPlotId}/${e.toPlotId}/${e.resource}`;

/** Candidate and decided exchanges, each with accept / edit / reject (saved in the project, undoable). */
export function SymbiosisList({ exchanges, names }: { exchanges: SymbiosisExchange[]; names: ReadonlyMap<string, string> }) {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const [editing, setEditing] = useState<string | null>(null);
  const decide = (e: SymbiosisExchange, status: 'accepted' | 'rejected') => decideExchange(exchangeDecisionFor(e, { status }));
  return (
    <>
      <h4>{t('eco.symbiosis')}</h4>
      {exchanges.length === 0 ? (
        <p className="eco-note">{t('eco.symbiosisNone')}</p>
      ) : (
        <ul className="eco-list" aria-label={t('eco.symbiosis')}>
          {exchanges.map((e) => (
            <li key={exchangeKey(e)} className="eco-exchange">
              <span>
                {t('eco.exchange', {
                  resource: e.row?.name[lang] ?? e.resource,
                  from: names.get(e.fromPlotId) ?? e.fromPlotId,
                  to: names.get(e.toPlotId) ?? e.toPlotId,
                  quantity: formatNumber(lang, e.quantity),
                  unit: e.unit,
                  distance: `${formatNumber(lang, e.distanceM)}${e.alongRoads ? '' : '*'}`,
                })}
              </span>
              <span className="eco-actions">
                <span className="eco-status" data-status={e.status}>
                  {t(`eco.status.${e.status}`)}
                </span>
                <button type="button" disabled={e.status === 'accepted'} onClick={() => decide(e, 'accepted')}>
                  {t('eco.accept')}
                </button>
                <button type="button" aria-expanded={editing === exchangeKey(e)} onClick={() => setEditing(editing === exchangeKey(e) ? null : exchangeKey(e))}>
                  {t('eco.edit')}
                </button>
                <button type="button" disabled={e.status === 'rejected'} onClick={() => decide(e, 'rejected')}>
                  {t('eco.reject')}
                </button>
              </span>
              {e.note && <span className="eco-note">{e.note}</span>}
              {editing === exchangeKey(e) && <ExchangeEditor exchange={e} onClose={() => setEditing(null)} />}
            </li>
          ))}
        </ul>
      )}
      <p className="eco-note">{t('eco.distanceNote')}</p>
    </>
  );
}
