import { DESIGN_BOUNDS, DESIGN_FIELDS, defaultLayoutParameters, designValueInBounds, type DesignField, type LayoutParameters } from '../../../../shared/layout/parameters';
import { formatEditableNumber, parseLocaleNumber } from '../../i18n/format';
import type { MessageKey } from '../../i18n/strings';
import { useT } from '../../i18n/use-t';
import { useUiStore } from '../../state/ui-store';

/** The design parameters as typed: metres, shares in percent. */
export type DesignForm = Record<DesignField, string>;

/** The share is typed in percent, lengths in metres. */
const PERCENT: ReadonlySet<DesignField> = new Set(['greenShareMin']);
const shown = (field: DesignField, value: number) => (PERCENT.has(field) ? value * 100 : value);

export const DESIGN_LABELS: Record<DesignField, MessageKey> = {
  mainRoadWidthM: 'layout.design.mainRoad',
  internalRoadWidthM: 'layout.design.internalRoad',
  blockDepthM: 'layout.design.blockDepth',
  isolationStripM: 'layout.design.strip',
  greenShareMin: 'layout.design.greenMin',
};

/** The defaults, as the form shows them. */
export function defaultDesignForm(lang: 'en' | 'vi'): DesignForm {
  const d = defaultLayoutParameters();
  return Object.fromEntries(DESIGN_FIELDS.map((f) => [f, formatEditableNumber(lang, shown(f, d[f]))])) as DesignForm;
}

/** A problem with one typed design value: which field, and the range it must lie in (as shown). */
export interface DesignProblem {
  field: DesignField;
  min: number;
  max: number;
}

/** The typed values as parameters, or the first out of range (DESIGN_BOUNDS says why the bounds). */
export function readDesignForm(lang: 'en' | 'vi', form: DesignForm): { values: Pick<LayoutParameters, DesignField> } | { problem: DesignProblem } {
  const values = {} as Pick<LayoutParameters, DesignField>;
  for (const field of DESIGN_FIELDS) {
    const typed = parseLocaleNumber(lang, form[field]);
    const value = typed === null ? NaN : PERCENT.has(field) ? typed / 100 : typed;
    if (!designValueInBounds(field, value)) return { problem: { field, min: shown(field, DESIGN_BOUNDS[field].min), max: shown(field, DESIGN_BOUNDS[field].max) } };
    values[field] = value;
  }
  return { values };
}

/** The collapsible "Design parameters" section of the "Lay out park" panel, closed by default. */
export function DesignParameters({ form, onChange }: { form: DesignForm; onChange: (form: DesignForm) => void }) {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const defaults = defaultDesignForm(lang);
  return (
    <details className="layout-design" data-testid="layout-design">
      <summary>{t('layout.design')}</summary>
      <div className="layout-form">
        {DESIGN_FIELDS.map((field) => (
          <label key={field} className="layout-field" title={t('layout.design.tooltip', { value: defaults[field], source: t(`layout.design.source.${field}`) })}>
            <span>{t(DESIGN_LABELS[field])}</span>
            <input type="text" inputMode="decimal" value={form[field]} aria-label={t(DESIGN_LABELS[field])} onChange={(e) => onChange({ ...form, [field]: e.currentTarget.value })} />
          </label>
        ))}
      </div>
    </details>
  );
}
