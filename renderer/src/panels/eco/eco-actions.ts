import { ECO_SETTINGS_KEY, ecoSettingsSchema, withExchangeDecision, type ChecklistAnswer, type EcoSettings, type ExchangeDecision } from '../../../../shared/eco/settings';
import { translate, type MessageKey } from '../../i18n/strings';
import { useDocumentStore } from '../../state/document-store';
import { useUiStore } from '../../state/ui-store';

/** The saved eco settings as stored (no defaults filled in), so saving writes back only what the user set. */
function storedEcoSettings(): EcoSettings {
  const parsed = ecoSettingsSchema.safeParse(useDocumentStore.getState().document?.settings[ECO_SETTINGS_KEY] ?? {});
  // Invalid saved settings are ignored by the analysis too (readEcoSettings): the next decision starts afresh.
  return parsed.success ? parsed.data : {};
}

function save(settings: EcoSettings, labelKey: MessageKey): void {
  useDocumentStore.getState().setSettings(ECO_SETTINGS_KEY, settings, translate(useUiStore.getState().lang, labelKey));
}

/** Accepts or rejects one exchange: one undoable step in doc.settings.eco. */
export function decideExchange(decision: ExchangeDecision): void {
  save(withExchangeDecision(storedEcoSettings(), decision), 'eco.command.exchange');
}

/** Sets the quantity and note of one exchange, keeping its status: one undoable step. */
export function editExchange(decision: ExchangeDecision): void {
  save(withExchangeDecision(storedEcoSettings(), decision), 'eco.command.exchangeEdit');
}

/** Answers one checklist criterion with its evidence note. */
export function answerCriterion(id: string, answer: ChecklistAnswer): void {
  const current = storedEcoSettings();
  save({ ...current, checklist: { ...(current.checklist ?? {}), [id]: answer } }, 'eco.command.checklist');
}
