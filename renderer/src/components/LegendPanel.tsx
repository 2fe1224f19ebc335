import { LAND_USE_CATALOGUE } from '../../../shared/model';
import { useUiStore } from '../state/ui-store';
import { useT } from '../i18n/use-t';
import { useToolStore } from '../drawing/tool-store';
import { FLOW_COLOURS, FLOW_KINDS } from '../../../shared/eco/flows';
import { useEcoFlows } from '../panels/eco/eco-flows-store';

/**
 * Map legend: every land-use category with its colour, then the other kinds. While a drawing
 * tool is active, clicks outside its header go through to the map (issue 13): a vertex placed
 * where the legend lies is the user's intent, not a click on a list of colours.
 */
export function LegendPanel() {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const drawing = useToolStore((s) => s.tool !== 'select');
  const flowsDrawn = useEcoFlows((s) => s.drawnFlows > 0);
  return (
    <section className={drawing ? 'panel legend legend-drawing' : 'panel legend'} aria-label={t('legend.title')}>
      <h2>{t('legend.title')}</h2>
      <ul>
        {LAND_USE_CATALOGUE.categories.map((category) => (
          <li key={category.code}>
            <span className="swatch" style={{ background: category.fill, borderColor: category.outline }} />
            {category[lang]}
          </li>
        ))}
        <li>
          <span className="swatch swatch-boundary" style={{ borderColor: LAND_USE_CATALOGUE.boundaryOutline }} />
          {t('legend.boundary')}
        </li>
        <li>
          <span className="swatch" style={{ background: LAND_USE_CATALOGUE.buildingFill, borderColor: LAND_USE_CATALOGUE.buildingOutline }} />
          {t('legend.building')}
        </li>
        <li>
          <span className="swatch swatch-road" />
          {t('legend.road')}
        </li>
        <li>
          <span className="swatch swatch-point" />
          {t('legend.point')}
        </li>
      </ul>
      {flowsDrawn && (
        <div className="eco-flow-legend">
          <h3>{t('eco.flows.legend')}</h3>
          <ul>
            {FLOW_KINDS.map((k) => (
              <li key={k}>
                <span className="swatch swatch-flow" style={{ background: FLOW_COLOURS[k] }} />
                {t(`eco.flows.kind.${k}`)}
              </li>
            ))}
          </ul>
          <p className="eco-flow-legend-note">{t('eco.flows.widthNote')}</p>
        </div>
      )}
    </section>
  );
}
