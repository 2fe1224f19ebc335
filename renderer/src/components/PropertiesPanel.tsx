import type { ReactNode } from 'react';
import { activeScenario, type ParkDocument, type ParkFeature } from '../../../shared/model';
import { geodesicAreaM2, geodesicLengthM, geodesicPerimeterM } from '../../../shared/geometry/geodesic';
import { useDocumentStore } from '../state/document-store';
import { useUiStore } from '../state/ui-store';
import { useDeferredSelection } from '../state/deferred-selection';
import { useT } from '../i18n/use-t';
import { formatArea, formatNumber, type Lang, type MessageKey } from '../i18n/strings';
import { formatLatLon, formatNumberAuto } from '../i18n/format';
import { AttributeEditor } from './AttributeEditor';
import { TransformBox } from './TransformBox';
import { ValidationList } from './ValidationList';
import { idLabel } from '../../../shared/i18n/id-label';

type Translate = ReturnType<typeof useT>;

function measurements(feature: ParkFeature, t: Translate, lang: Lang): [string, string][] {
  switch (feature.kind) {
    case 'boundary':
    case 'landuse':
    case 'building':
      return [
        [t('properties.areaM2'), formatArea(lang, geodesicAreaM2(feature.geometry))],
        [t('properties.perimeterM'), `${formatNumber(lang, geodesicPerimeterM(feature.geometry), 1)} m`],
      ];
    case 'road':
      return [[t('properties.lengthM'), `${formatNumber(lang, geodesicLengthM(feature.geometry), 1)} m`]];
    case 'point': {
      const [lon, lat] = feature.geometry.coordinates;
      return [[t('properties.coordinates'), formatLatLon(lang, lat, lon)]];
    }
  }
}

function Rows({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl>
      {rows.map(([label, value]) => (
        <div className="row" key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function FeatureProperties({ feature, t, lang }: { feature: ParkFeature; t: Translate; lang: Lang }) {
  const extra = Object.entries(feature.props ?? {});
  return (
    <>
      <h3>{feature.code ?? feature.name ?? t(`kind.${feature.kind}` as MessageKey)}</h3>
      <Rows rows={[[t('properties.kind'), t(`kind.${feature.kind}` as MessageKey)]]} />
      <AttributeEditor features={[feature]} />
      <h4>{t('properties.measures')}</h4>
      <Rows rows={measurements(feature, t, lang)} />
      <ValidationList feature={feature} />
      <TransformBox features={[feature]} />
      {extra.length > 0 && (
        <>
          <h4>{t('properties.extra')}</h4>
          <Rows rows={extra.map(([key, value]) => [key, typeof value === 'number' ? formatNumberAuto(lang, value) : String(value)])} />
        </>
      )}
      <p className="method">
        {t('properties.id')}: <code>{feature.id}</code>
        <br />
        {t('properties.areaM2')}: {t('properties.areaMethod')}
      </p>
    </>
  );
}

function ProjectSummary({ document, t, lang }: { document: ParkDocument; t: Translate; lang: Lang }) {
  const scenario = activeScenario(document);
  const boundary = scenario.features.find((f) => f.kind === 'boundary');
  const { project } = document;
  const province = project.formerProvince && project.formerProvince !== project.province ? `${project.province} (${t('project.formerProvince')}: ${project.formerProvince})` : project.province;
  const rows: [string, ReactNode][] = [
    [t('project.province'), province || '—'],
    [t('project.scenarios'), document.scenarios.map((s) => s.name).join(', ')],
    [t('project.features'), formatNumber(lang, scenario.features.length)],
  ];
  if (boundary && boundary.kind === 'boundary') rows.push([t('project.boundaryArea'), formatArea(lang, geodesicAreaM2(boundary.geometry))]);
  return (
    <>
      <h3>{project.name}</h3>
      <Rows rows={rows} />
      <p className="hint">{t('properties.none')}</p>
    </>
  );
}

/** The "Properties" region: the selected feature's attributes, or the project summary. */
export function PropertiesPanel() {
  const t = useT();
  const document = useDocumentStore((s) => s.document);
  const lang = useUiStore((s) => s.lang);
  const selectedIds = useDeferredSelection();
  const features = document ? activeScenario(document).features.filter((f) => selectedIds.includes(f.id)) : [];
  return (
    <section className="panel properties" role="region" aria-label={t('properties.title')}>
      <h2>{t('properties.title')}</h2>
      {!document && <p className="hint">{t('status.loading')}</p>}
      {document && features.length === 0 && <ProjectSummary document={document} t={t} lang={lang} />}
      {features.length === 1 && <FeatureProperties feature={features[0]} t={t} lang={lang} />}
      {features.length > 1 && (
        <>
          <h3>{t('properties.selectedCount', { count: features.length })}</h3>
          <AttributeEditor features={features} />
          <TransformBox features={features} />
          <ul className="multi">
            {features.map((f) => (
              <li key={f.id}>
                {t(`kind.${f.kind}` as MessageKey)} — {f.code ?? f.name ?? idLabel(f.id)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
