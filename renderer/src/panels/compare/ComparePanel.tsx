import { useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import type { ParkDocument } from '../../../../shared/model';
import { MAX_COMPARED } from '../../../../shared/report/compare';
import { formatDelta, formatNumber } from '../../../../shared/format';
import { statusLabel } from '../../../../shared/report/strings';
import type { ComparisonModel, ReportCell } from '../../../../shared/report/types';
import type { MessageKey } from '../../i18n/strings';
import { useT } from '../../i18n/use-t';
import { ModalDialog } from '../../components/ModalDialog';
import { comparisonFor } from '../../report/report-data';
import { useScenarioSolarStore } from '../../report/scenario-solar';
import { useDocumentStore } from '../../state/document-store';
import { useUiStore } from '../../state/ui-store';
import { useSolarStore } from '../solar/solar-store';
import { CompareMap } from './CompareMap';
import { chosenScenarioIds, useCompareStore } from './compare-store';
import './compare.css';

function cellText(cell: ReportCell, lang: 'en' | 'vi', delta: boolean): string {
  if (cell.t === 'text') return cell.v;
  if (cell.t === 'status') return statusLabel(cell.v, lang);
  return delta ? formatDelta(lang, cell.v, cell.digits) : formatNumber(lang, cell.v, cell.digits);
}

/**
 * One comparison table with every scenario column and its Δ: the KPI label carries its unit and
 * a rule shows its requirement with the id as a tooltip (the report prints both columns).
 */
function Table({ model, which, lang }: { model: ComparisonModel; which: 'kpiTable' | 'ruleTable'; lang: 'en' | 'vi' }) {
  const table = model[which];
  const highlight = new Set(table.highlight ?? []);
  const n = model.scenarios.length;
  const first = (row: ReportCell[]) => {
    const a = row[0].t === 'text' ? row[0].v : '';
    const b = row[1].t === 'text' ? row[1].v : '';
    return which === 'kpiTable' ? { text: b ? `${a} (${b})` : a, tip: undefined } : { text: b, tip: a };
  };
  return (
    <table className="compare-table" data-testid={`compare-${which === 'kpiTable' ? 'kpis' : 'rules'}`}>
      <thead>
        <tr>
          <th>{which === 'kpiTable' ? table.columns[0].header : table.columns[1].header}</th>
          {table.columns.slice(2).map((c, i) => <th key={i} className={c.align === 'right' ? 'num' : undefined}>{c.header}</th>)}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, r) => {
          const label = first(row);
          return (
            <tr key={r} data-rule={which === 'ruleTable' ? label.tip : undefined}>
              <td className="compare-label" title={label.tip}>{label.text}</td>
              {row.slice(2).map((cell, k) => {
                const i = k + 2;
                const classes = [cell.t === 'num' ? 'num' : '', highlight.has(`${r}:${i}`) ? 'compare-diff' : '', cell.t === 'status' ? `compare-status-${cell.v.replace('/', '')}` : ''];
                return (
                  <td key={i} className={classes.filter(Boolean).join(' ') || undefined}>
                    {cellText(cell, lang, which === 'kpiTable' && i >= 2 + n)}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export interface CompareViewProps {
  doc: ParkDocument | null;
  /** Chosen scenario ids that exist, in document order. */
  ids: string[];
  model: ComparisonModel | null;
  lang: 'en' | 'vi';
  t: Translate;
  onToggle(id: string): void;
}

/** The scenarios to compare, as checkboxes (at most MAX_COMPARED). */
function ScenarioChooser({ doc, ids, t, onToggle }: { doc: ParkDocument; ids: string[]; t: Translate; onToggle(id: string): void }) {
  return (
    <fieldset className="compare-choose">
      <legend>{t('compare.choose')}</legend>
      {doc.scenarios.map((s) => {
        const checked = ids.includes(s.id);
        return (
          <label key={s.id}>
            <input type="checkbox" checked={checked} disabled={!checked && ids.length >= MAX_COMPARED} onChange={() => onToggle(s.id)} /> {s.name}
          </label>
        );
      })}
      {ids.length >= MAX_COMPARED && <p className="compare-hint">{t('compare.max')}</p>}
    </fieldset>
  );
}

/**
 * The comparison as a pure view of its props (rendered without stores in the unit tests): the
 * chooser, one map per scenario side by side (the layouts first: what changed is seen before it
 * is read), then the indicator and rule tables with every scenario column and Δ. It fills the
 * wide Compare view.
 */
export function CompareView({ doc, ids, model, lang, t, onToggle }: CompareViewProps) {
  if (!doc) return <p>{t('compare.noDocument')}</p>;
  if (doc.scenarios.length < 2) return <p className="compare-hint" data-testid="compare-one-scenario">{t('compare.oneScenario')}</p>;
  return (
    <div className="compare-panel" data-testid="compare-panel">
      <ScenarioChooser doc={doc} ids={ids} t={t} onToggle={onToggle} />
      {!model ? (
        <p className="compare-hint">{t('compare.needTwo')}</p>
      ) : (
        <>
          <p className="compare-hint">{t('compare.legend', { name: model.scenarios[0].name })}</p>
          <h3>{t('compare.maps')}</h3>
          <div className="compare-maps" style={{ gridTemplateColumns: `repeat(${model.maps.length}, minmax(0, 1fr))` }}>
            {model.maps.map((m, i) => (
              <figure key={i}>
                <CompareMap figure={m} />
                <figcaption>{m.title}</figcaption>
              </figure>
            ))}
          </div>
          <h3>{t('compare.kpis')}</h3>
          <div className="compare-scroll"><Table model={model} which="kpiTable" lang={lang} /></div>
          <p className="compare-hint">{t('compare.solarNote')}</p>
          <h3>{t('compare.rules')}</h3>
          <div className="compare-scroll"><Table model={model} which="ruleTable" lang={lang} /></div>
          <p className="compare-hint">{t('compare.inReport')}</p>
        </>
      )}
    </div>
  );
}

/**
 * The "Compare" tab: the side panel is too narrow for 2–4 scenario columns and their Δ, so the
 * tab holds the chooser and opens the comparison in a wide view of its own over the map
 * (closed by its button, Esc or a click beside it).
 */
export function ComparePanel() {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const doc = useDocumentStore((s) => s.document);
  const revision = useDocumentStore((s) => s.revision);
  // A new Solar panel result, or a scenario's result from its worker, updates the solar rows.
  const solarRevision = useSolarStore((s) => s.resultRevision);
  const scenarioSolarRevision = useScenarioSolarStore((s) => s.revision);
  const selected = useCompareStore((s) => s.selected);
  const toggle = useCompareStore((s) => s.toggle);
  const [wide, setWide] = useState(false);
  const ids = useMemo(() => (doc ? chosenScenarioIds(selected, doc.scenarios.map((s) => s.id)) : []), [doc, selected]);
  const model = useMemo(
    () => (wide && doc && ids.length >= 2 ? comparisonFor(doc, ids, revision, lang, true) : null),
    [wide, doc, ids, revision, lang, solarRevision, scenarioSolarRevision],
  );
  if (!doc) return <p>{t('compare.noDocument')}</p>;
  if (doc.scenarios.length < 2) return <p className="compare-hint" data-testid="compare-one-scenario">{t('compare.oneScenario')}</p>;
  return (
    <div className="compare-panel">
      <ScenarioChooser doc={doc} ids={ids} t={t} onToggle={toggle} />
      <p>
        <button type="button" className="primary" disabled={ids.length < 2} onClick={() => setWide(true)}>
          {t('compare.open')}
        </button>
      </p>
      <p className="compare-hint">{ids.length < 2 ? t('compare.needTwo') : t('compare.openHint')}</p>
      {wide &&
        createPortal(
          <ModalDialog title={t('compare.wideTitle')} className="compare-wide" onClose={() => setWide(false)}>
            <CompareView doc={doc} ids={ids} model={model} lang={lang} t={t} onToggle={toggle} />
          </ModalDialog>,
          document.body,
        )}
    </div>
  );
}
