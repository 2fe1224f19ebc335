import { useState } from 'react';
import { exchangeDecisionFor, type SymbiosisExchange } from '../../../../shared/eco/symbiosis';
import { formatNumber } from '../../../../shared/format';
import { useT } from '../../i18n/use-t';
import { useUiStore } from '../../state/ui-store';
import { editExchange } from './eco-actions';

/**
 * Quantity and resource note of one exchange, edited in place; Save is one undoable command
 * that keeps the exchange's status. An empty quantity goes back to the estimate.
 */
export function ExchangeEditor({ exchange, onClose }: { exchange: SymbiosisExchange; onClose: () => void }) {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const [quantity, setQuantity] = useState(exchange.userQuantity === undefined ? '' : String(exchange.userQuantity));
  const [note, setNote] = useState(exchange.note ?? '');
  const parsed = quantity.trim() === '' ? null : Number(quantity);
  const valid = parsed === null || (Number.isFinite(parsed) && parsed >= 0);
  const id = `eco-edit-${exchange.fromPlotId}-${exchange.toPlotId}-${exchange.resource}`;
  return (
    <form
      className="eco-exchange-edit"
      onSubmit={(ev) => {
        ev.preventDefault();
        if (!valid) return;
        editExchange(exchangeDecisionFor(exchange, { quantity: parsed, note }));
        onClose();
      }}
    >
      <label htmlFor={`${id}-q`}>{t('eco.quantityPerYear', { unit: exchange.unit })}</label>
      <input
        id={`${id}-q`}
        type="number"
        min={0}
        step="any"
        value={quantity}
        placeholder={t('eco.estimated', { quantity: formatNumber(lang, exchange.estimatedQuantity) })}
        aria-invalid={!valid}
        onChange={(ev) => setQuantity(ev.currentTarget.value)}
      />
      <label htmlFor={`${id}-n`}>{t('eco.exchangeNote')}</label>
      <input id={`${id}-n`} type="text" maxLength={500} value={note} onChange={(ev) => setNote(ev.currentTarget.value)} />
      <span className="eco-actions">
        <button type="submit" disabled={!valid}>
          {t('eco.save')}
        </button>
        <button type="button" onClick={onClose}>
          {t('eco.cancel')}
        </button>
      </span>
    </form>
  );
}
