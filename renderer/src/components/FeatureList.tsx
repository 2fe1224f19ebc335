import { useMemo, useState } from 'react';
import { activeScenario, landUseCategory } from '../../../shared/model';
import { useDocumentStore } from '../state/document-store';
import { useUiStore } from '../state/ui-store';
import { useT } from '../i18n/use-t';
import { featureLabel, groupFeatures, type FeatureGroup } from './feature-groups';

/** Features of the active scenario grouped by category; clicking a row selects and frames it. */
export function FeatureList() {
  const t = useT();
  const document = useDocumentStore((s) => s.document);
  const { lang, selectedIds, select, setHovered } = useUiStore();
  const [filter, setFilter] = useState('');
  const groups = useMemo(() => (document ? groupFeatures(activeScenario(document).features, filter) : []), [document, filter]);

  const groupTitle = (group: FeatureGroup) =>
    group.kind === 'landuse' && group.landUse ? landUseCategory(group.landUse)[lang] : t(`group.${group.kind}` as 'group.boundary');

  return (
    <section className="panel feature-list" aria-label={t('features.title')}>
      <h2>{t('features.title')}</h2>
      <input type="search" placeholder={t('features.filter')} aria-label={t('features.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} />
      {groups.length === 0 && <p className="hint">{t('features.empty')}</p>}
      {groups.map((group) => (
        <details key={group.key} open={group.kind !== 'building'}>
          <summary
            onMouseEnter={() => setHovered(group.features.map((f) => f.id))}
            onMouseLeave={() => setHovered([])}
          >
            {group.landUse && <span className="swatch" style={{ background: landUseCategory(group.landUse).fill }} />}
            {groupTitle(group)} <span className="count">({group.features.length})</span>
          </summary>
          <ul role="listbox" aria-label={groupTitle(group)}>
            {group.features.map((feature) => (
              <li
                key={feature.id}
                role="option"
                aria-selected={selectedIds.includes(feature.id)}
                tabIndex={0}
                onClick={(e) => select(e.shiftKey ? [...selectedIds, feature.id] : [feature.id], { zoom: true })}
                onKeyDown={(e) => e.key === 'Enter' && select([feature.id], { zoom: true })}
                onMouseEnter={() => setHovered([feature.id])}
                onMouseLeave={() => setHovered([])}
              >
                {featureLabel(feature)}
              </li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}
