import { useEffect, useState } from 'react';
import { defaultLayoutParameters, MAX_VARIANTS, type LayoutParameters, type Variant } from '../../../../shared/layout';
import { formatEditableNumber, formatNumber, parseLocaleNumber } from '../../i18n/format';
import type { MessageKey } from '../../i18n/strings';
import type { Position } from '../../../../shared/model';
import { useT } from '../../i18n/use-t';
import { useDocumentStore } from '../../state/document-store';
import { useUiStore } from '../../state/ui-store';
import { variantChoiceCommand } from './apply-layout';
import { cancelLayout, clearLayout, startLayout, useLayoutRun } from './layout-runner';
import { setPicking, useEntrancePick } from './entrance-pick';
import { DESIGN_LABELS, DesignParameters, defaultDesignForm, readDesignForm, type DesignForm, type DesignProblem } from './DesignParameters';
import { SiteInputs } from './SiteInputs';
import { VariantCard } from './VariantCard';
import './layout.css';

/** What the form holds, as typed (numbers are read when "Generate" is pressed). */
interface Form {
  variants: string;
  plotMinHa: string;
  plotMaxHa: string;
  smeSharePct: string;
  /** Blank: the wind is not known. */
  windFromDeg: string;
  bearingAuto: boolean;
  bearingDeg: string;
  seed: string;
  design: DesignForm;
}

/** The typed form as generator parameters, or the label key of the first field that is not valid. */
function readForm(lang: 'en' | 'vi', form: Form, entrances: readonly Position[]): { count: number; params: LayoutParameters } | { bad: MessageKey } | { design: DesignProblem } {
  const n = (text: string) => parseLocaleNumber(lang, text);
  const count = n(form.variants);
  if (count === null || !Number.isInteger(count) || count < 1 || count > MAX_VARIANTS) return { bad: 'layout.variants' };
  const min = n(form.plotMinHa);
  const max = n(form.plotMaxHa);
  // 0.01 ha to 1,000 ha: the range the generator's checkParameters accepts (as the CLI).
  if (min === null || min < 0.01 || min > 1000) return { bad: 'layout.plotMinHa' };
  if (max === null || max < min || max > 1000) return { bad: 'layout.plotMaxHa' };
  const smePct = n(form.smeSharePct);
  if (smePct === null || smePct < 0 || smePct > 100) return { bad: 'layout.smeShare' };
  const wind = form.windFromDeg.trim() === '' ? undefined : n(form.windFromDeg);
  if (wind === null || (wind !== undefined && Math.abs(wind) > 360)) return { bad: 'layout.windFrom' };
  const bearing = form.bearingAuto ? undefined : n(form.bearingDeg);
  if (bearing === null || (bearing !== undefined && Math.abs(bearing) > 360)) return { bad: 'layout.bearingDeg' };
  const seed = n(form.seed);
  if (seed === null || !Number.isInteger(seed) || seed < 0 || seed > 2 ** 31 - 1) return { bad: 'layout.seed' };
  const design = readDesignForm(lang, form.design);
  if ('problem' in design) return { design: design.problem };
  const params: LayoutParameters = { ...defaultLayoutParameters(), ...design.values, seed, plotMinM2: min * 10_000, plotMaxM2: max * 10_000, plotTargetM2: ((min + max) / 2) * 10_000, smeShare: smePct / 100 };
  if (entrances.length > 0) params.entrances = [...entrances];
  if (wind !== undefined) params.windFromDeg = ((wind % 360) + 360) % 360;
  if (bearing !== undefined) params.bearingDeg = ((bearing % 180) + 180) % 180;
  return { count, params };
}

/** The "Lay out park" panel (docs/layout.md): parameters, Generate in a worker, variants as cards. */
export function LayoutPanel() {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const doc = useDocumentStore((s) => s.document);
  const run = useLayoutRun();
  const [form, setForm] = useState<Form>(() => {
    const d = defaultLayoutParameters();
    return { variants: '4', plotMinHa: formatEditableNumber(lang, d.plotMinM2 / 10_000), plotMaxHa: formatEditableNumber(lang, d.plotMaxM2 / 10_000), smeSharePct: '0', windFromDeg: '', bearingAuto: true, bearingDeg: '0', seed: String(d.seed), design: defaultDesignForm(lang) };
  });
  const [bad, setBad] = useState<MessageKey | DesignProblem | null>(null);
  // Variants of another park (or of this park before an edit) are not offered.
  useEffect(() => {
    if (run.state === 'done' && run.doc !== doc) clearLayout();
  }, [doc, run]);
  if (!doc) return null;
  const field = (key: keyof Form, label: MessageKey) => (
    <label className="layout-field">
      <span>{t(label)}</span>
      <input type="text" inputMode="decimal" value={String(form[key])} aria-label={t(label)} onChange={(e) => setForm({ ...form, [key]: e.currentTarget.value })} />
    </label>
  );
  const generate = () => {
    const read = readForm(lang, form, useEntrancePick.getState().points);
    if ('bad' in read) return setBad(read.bad);
    if ('design' in read) return setBad(read.design);
    setBad(null);
    setPicking(false);
    startLayout(doc, read.params, read.count);
  };
  const use = (variants: readonly Variant[], picked: Variant, seed: number) => {
    useDocumentStore.getState().execute(variantChoiceCommand(doc, variants, picked, { seed, baseName: t('layout.scenarioName'), label: t('layout.label') }));
    clearLayout();
  };
  return (
    <div className="layout-panel" data-testid="layout-panel">
      <p className="layout-note">{t('layout.intro')}</p>
      <div className="layout-form">
        {field('variants', 'layout.variants')}
        {field('plotMinHa', 'layout.plotMinHa')}
        {field('plotMaxHa', 'layout.plotMaxHa')}
        {field('smeSharePct', 'layout.smeShare')}
        {field('windFromDeg', 'layout.windFrom')}
        <label className="layout-field">
          <span>{t('layout.bearing')}</span>
          <select value={form.bearingAuto ? 'auto' : 'deg'} aria-label={t('layout.bearing')} onChange={(e) => setForm({ ...form, bearingAuto: e.currentTarget.value === 'auto' })}>
            <option value="auto">{t('layout.bearingAuto')}</option>
            <option value="deg">{t('layout.bearingDeg')}</option>
          </select>
        </label>
        {!form.bearingAuto && field('bearingDeg', 'layout.bearingDeg')}
        {field('seed', 'layout.seed')}
      </div>
      <DesignParameters form={form.design} onChange={(design) => setForm({ ...form, design })} />
      <SiteInputs doc={doc} />
      {typeof bad === 'string' && <p role="alert">{t('layout.badInput', { field: t(bad) })}</p>}
      {bad !== null && typeof bad === 'object' && (
        <p role="alert">{t('layout.design.bad', { field: t(DESIGN_LABELS[bad.field]), min: formatNumber(lang, bad.min), max: formatNumber(lang, bad.max) })}</p>
      )}
      {run.state === 'running' ? (
        <div className="layout-running" role="status">
          <progress aria-label={t('layout.running', { count: run.count })} value={run.done} max={run.count} />
          <span>{t('layout.progress', { done: run.done, count: run.count })}</span>
          <button type="button" onClick={cancelLayout}>
            {t('layout.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="layout-generate" onClick={generate}>
          {t('layout.generate')}
        </button>
      )}
      {run.state === 'error' && <p role="alert">{t('layout.error', { message: run.message })}</p>}
      {run.state === 'done' && !run.result.ok && <p role="alert">{t('layout.failed', { reason: t(`layout.reason.${run.result.reason}`) })}</p>}
      {run.state === 'done' && run.result.ok && (
        <div className="layout-cards">
          {run.result.variants.map((v, _index, all) => (
            <VariantCard key={v.rank} variant={v} onUse={() => use(all, v, run.seed)} />
          ))}
        </div>
      )}
    </div>
  );
}
