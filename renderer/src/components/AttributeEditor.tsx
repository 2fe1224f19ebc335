import { LAND_USE_CATALOGUE, LAND_USE_CODES, ROOF_TYPES, landUseCategory, type LandUseCode, type ParkFeature } from '../../../shared/model';
import { SECTOR_SCHEMES } from '../../../shared/model/feature';
import { useUiStore } from '../state/ui-store';
import { useT } from '../i18n/use-t';
import type { Lang, MessageKey } from '../i18n/strings';
import { formatEditableNumber, parseLocaleNumber } from '../i18n/format';
import { attributeEditCommand } from '../../../shared/editing/commands';
import { useDocumentStore } from '../state/document-store';
import { commonValue, sharedFields, type EditableField } from '../drawing/attribute-edit';
import { applyResult } from '../drawing/edit-actions';

/** Fields shown as percentages but stored as fractions 0–1. */
const PERCENT_FIELDS: EditableField[] = ['maxDensity', 'minGreenRatio'];
const NUMBER_FIELDS: EditableField[] = ['heightM', 'floors', 'widthM', 'maxDensity', 'maxFloors', 'minGreenRatio', 'maxFar', 'employees', 'measuredElectricityMwhPerYear', 'measuredWaterM3PerDay'];
const INTEGER_FIELDS: EditableField[] = ['floors', 'maxFloors', 'employees'];

/** Numbers are shown in the UI language's convention (vi "12,5") so they read back as typed. */
function displayValue(lang: Lang, field: EditableField, value: unknown): string {
  if (value === undefined || value === null || value === 'mixed') return '';
  if (PERCENT_FIELDS.includes(field)) return formatEditableNumber(lang, Math.round(Number(value) * 1000) / 10);
  if (NUMBER_FIELDS.includes(field) && typeof value === 'number') return formatEditableNumber(lang, value);
  return String(value);
}

/** The value to store; `invalid` for text that is not a number, which is then not committed. */
function parseValue(lang: Lang, field: EditableField, text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (!NUMBER_FIELDS.includes(field)) return trimmed;
  // Both "12,5" and "12.5" are accepted whatever the language (parseLocaleNumber).
  const number = parseLocaleNumber(lang, trimmed);
  if (number === null) return INVALID;
  if (PERCENT_FIELDS.includes(field)) return number / 100;
  return INTEGER_FIELDS.includes(field) ? Math.round(number) : number;
}

const INVALID = Symbol('invalid');

/**
 * The inspector's editable attributes for the selection. Multi-select edits the fields every
 * selected feature has; each change is one undoable command ("Edit attributes").
 */
export function AttributeEditor({ features }: { features: ParkFeature[] }) {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const fields = sharedFields(features);
  const key = features.map((f) => f.id).join(',');

  const commit = (field: EditableField, value: unknown) => {
    const current = commonValue(features, field);
    if (current === value) return;
    const doc = useDocumentStore.getState().document;
    if (!doc) return;
    const label = t(field === 'landUse' ? 'command.setLandUse' : 'command.editAttributes');
    applyResult(attributeEditCommand(doc, doc.activeScenarioId, features.map((f) => f.id), { [field]: value }, { label }));
  };

  const landUse = commonValue(features, 'landUse');
  const subtypes = typeof landUse === 'string' && landUse !== 'mixed' ? landUseCategory(landUse as LandUseCode).subtypes : [];
  /** Fields picked from a list that may be left empty: [stored value, label] pairs. */
  const optionalChoices: Partial<Record<EditableField, [string, string][]>> = {
    subtype: subtypes.map((st) => [st.code, st[lang]]),
    roofType: ROOF_TYPES.map((r) => [r, t(`roof.${r}` as MessageKey)]),
    sectorScheme: SECTOR_SCHEMES.map((scheme) => [scheme, scheme]),
  };

  return (
    <form className="attribute-editor" onSubmit={(e) => e.preventDefault()} aria-label={t('properties.title')}>
      {fields.map((field) => {
        const value = commonValue(features, field);
        const label = `${t(`attr.${field}` as MessageKey)}${PERCENT_FIELDS.includes(field) ? ' (%)' : field === 'heightM' || field === 'widthM' ? ' (m)' : ''}`;
        let input;
        if (field === 'landUse') {
          input = (
            <select value={value === 'mixed' ? '' : String(value)} onChange={(e) => commit('landUse', e.target.value)}>
              {value === 'mixed' && <option value="">—</option>}
              {LAND_USE_CODES.map((code) => (
                <option key={code} value={code}>
                  {LAND_USE_CATALOGUE.categories.find((c) => c.code === code)![lang]}
                </option>
              ))}
            </select>
          );
        } else if (optionalChoices[field]) {
          input = (
            <select value={value === 'mixed' || value === undefined ? '' : String(value)} onChange={(e) => commit(field, e.target.value || undefined)}>
              <option value="">—</option>
              {optionalChoices[field].map(([choice, text]) => (
                <option key={choice} value={choice}>
                  {text}
                </option>
              ))}
            </select>
          );
        } else {
          input = (
            <input
              key={`${key}:${field}:${String(value)}:${lang}`}
              type="text"
              inputMode={NUMBER_FIELDS.includes(field) ? 'decimal' : undefined}
              defaultValue={displayValue(lang, field, value)}
              placeholder={value === 'mixed' ? t('properties.mixed') : ''}
              onBlur={(e) => {
                const parsed = parseValue(lang, field, e.target.value);
                // Not a number: put the stored value back rather than clear the attribute.
                if (parsed === INVALID) e.target.value = displayValue(lang, field, value);
                else commit(field, parsed);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
              }}
            />
          );
        }
        return (
          <label className="row" key={field}>
            <span>{label}</span>
            {input}
          </label>
        );
      })}
    </form>
  );
}
