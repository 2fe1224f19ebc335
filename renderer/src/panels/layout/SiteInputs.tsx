import { isKept, MAX_ENTRANCES } from '../../../../shared/layout';
import type { ParkDocument, ParkFeature } from '../../../../shared/model';
import { formatNumber } from '../../i18n/format';
import type { MessageKey } from '../../i18n/strings';
import { useT } from '../../i18n/use-t';
import { useDocumentStore } from '../../state/document-store';
import { useUiStore } from '../../state/ui-store';
import { clearEntrances, setPicking, useEntrancePick } from './entrance-pick';

/** Why a feature stays in every generated layout (shared/layout/site.ts isKept). */
function keptReason(f: ParkFeature): MessageKey {
  if (f.props?.keep === true) return 'layout.kept.marked';
  return f.kind === 'road' ? 'layout.kept.road' : 'layout.kept.water';
}

/** Kept features listed by name; the rest are counted (a generated layout keeps dozens of roads). */
const KEPT_SHOWN = 6;

/** Features that can be marked "keep": everything but the boundary, which is the site itself. */
const canKeep = (f: ParkFeature) => f.kind !== 'boundary' && !isKept(f);

/**
 * What the generator starts from besides the boundary: the entrances picked on the map (none:
 * derived) and the features every layout keeps — water and roads always, anything else marked
 * "keep" (props.keep, an undoable edit from here).
 */
export function SiteInputs({ doc }: { doc: ParkDocument }) {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const selectedIds = useUiStore((s) => s.selectedIds);
  const { picking, points } = useEntrancePick();
  const scenario = doc.scenarios.find((s) => s.id === doc.activeScenarioId);
  const features = scenario?.features ?? [];
  const kept = features.filter(isKept);
  const selectable = features.filter((f) => selectedIds.includes(f.id) && canKeep(f));
  const setKeep = (targets: ParkFeature[], keep: boolean) => {
    if (!scenario || targets.length === 0) return;
    const put = targets.map((f) => {
      const { keep: _old, ...rest } = f.props ?? {};
      const props = keep ? { ...rest, keep: true } : rest;
      return { ...f, props } as ParkFeature;
    });
    useDocumentStore.getState().apply({ label: t(keep ? 'layout.kept.keepLabel' : 'layout.kept.releaseLabel'), scenarioId: scenario.id, put, delete: [] });
  };
  const label = (f: ParkFeature) => f.name ?? f.code ?? t('layout.kept.unnamed');
  return (
    <div className="layout-site">
      <div className="layout-entrances">
        <strong>{t('layout.entrances')}</strong>
        <p className="layout-note">{points.length === 0 ? t('layout.entrancesDerived') : t('layout.entrancesPicked', { count: formatNumber(lang, points.length) })}</p>
        <div className="layout-buttons">
          <button type="button" aria-pressed={picking} disabled={!picking && points.length >= MAX_ENTRANCES} onClick={() => setPicking(!picking)}>
            {picking ? t('layout.pickDone') : t('layout.pick')}
          </button>
          {points.length > 0 && (
            <button type="button" onClick={clearEntrances}>
              {t('layout.pickClear')}
            </button>
          )}
        </div>
        {picking && <p className="layout-note" role="status">{t('layout.pickHint')}</p>}
      </div>
      <div className="layout-kept">
        <strong>{t('layout.kept')}</strong>
        {kept.length === 0 ? (
          <p className="layout-note">{t('layout.kept.none')}</p>
        ) : (
          <ul aria-label={t('layout.kept')}>
            {kept.slice(0, KEPT_SHOWN).map((f) => (
              <li key={f.id}>
                {label(f)} <span className="layout-note">({t(keptReason(f))})</span>
                {f.props?.keep === true && (
                  <button type="button" className="layout-unkeep" aria-label={t('layout.kept.release', { name: label(f) })} onClick={() => setKeep([f], false)}>
                    ×
                  </button>
                )}
              </li>
            ))}
            {kept.length > KEPT_SHOWN && <li>{t('layout.kept.more', { count: formatNumber(lang, kept.length - KEPT_SHOWN) })}</li>}
          </ul>
        )}
        <button type="button" disabled={selectable.length === 0} onClick={() => setKeep(selectable, true)}>
          {t('layout.kept.keepSelected', { count: formatNumber(lang, selectable.length) })}
        </button>
      </div>
    </div>
  );
}
