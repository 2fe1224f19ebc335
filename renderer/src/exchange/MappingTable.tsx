import { FEATURE_KINDS, LAND_USE_CODES, landUseLabel, type FeatureKind, type LandUseCode } from '../../../shared/model';
import type { ImportMapping, LayerMapping, MappingTarget } from '../../../shared/io/apply-mapping';
import type { ImportedLayer } from '../../../shared/io/imported-layer';
import { useT } from '../i18n/use-t';
import { useUiStore } from '../state/ui-store';

/** Distinct values shown per attribute; beyond that the layer target applies. */
const MAX_VALUES = 40;

const POLYGON_KINDS: FeatureKind[] = ['landuse', 'boundary', 'building'];

/** Kinds a layer may become, by its geometry (mixed layers: every kind; misfits follow their geometry). */
function kindsFor(layer: ImportedLayer): FeatureKind[] {
  if (layer.geometryType === 'Polygon') return POLYGON_KINDS;
  if (layer.geometryType === 'LineString') return ['road'];
  if (layer.geometryType === 'Point') return ['point'];
  return [...FEATURE_KINDS];
}

/** One select for a value's target: '' inherits, 'skip', a kind, or 'landuse:<code>'. */
function encode(t: MappingTarget | undefined): string {
  if (!t || !t.kind) return t?.landUse ? `landuse:${t.landUse}` : '';
  if (t.kind === 'landuse') return `landuse:${t.landUse ?? 'other'}`;
  return t.kind;
}

function decode(v: string): MappingTarget | undefined {
  if (v === '') return undefined;
  if (v.startsWith('landuse:')) return { kind: 'landuse', landUse: v.slice(8) as LandUseCode };
  return { kind: v as FeatureKind | 'skip' };
}

function distinctValues(layer: ImportedLayer, attribute: string): string[] {
  const seen = new Set<string>();
  for (const f of layer.features) {
    const v = f.properties?.[attribute];
    if (v !== undefined && v !== null) seen.add(String(v));
    if (seen.size > MAX_VALUES) break;
  }
  return [...seen].sort();
}

/** The attribute-mapping table: each layer (or each value of one attribute) → kind and land use. */
export function MappingTable({ layers, mapping, onChange }: { layers: ImportedLayer[]; mapping: ImportMapping; onChange: (m: ImportMapping) => void }) {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const set = (name: string, next: LayerMapping) => onChange({ layers: { ...mapping.layers, [name]: next } });
  const targetOptions = (
    <>
      <option value="">{t('exchange.auto')}</option>
      <option value="skip">{t('exchange.skip')}</option>
      {LAND_USE_CODES.map((c) => (
        <option key={c} value={`landuse:${c}`}>
          {landUseLabel(c, lang)}
        </option>
      ))}
      {(['boundary', 'building', 'road', 'point'] as const).map((k) => (
        <option key={k} value={k}>
          {t(`exchange.kind.${k}`)}
        </option>
      ))}
    </>
  );
  return (
    <div className="exchange-table-wrap">
    <table className="exchange-table">
      <thead>
        <tr>
          <th>{t('exchange.layer')}</th>
          <th>{t('exchange.type')}</th>
          <th>{t('exchange.count')}</th>
          <th>{t('exchange.kind')}</th>
          <th>{t('exchange.landUse')}</th>
          <th>{t('exchange.byAttribute')}</th>
        </tr>
      </thead>
      <tbody>
        {layers.map((layer) => {
          const m = mapping.layers[layer.name] ?? {};
          const showLandUse = m.kind === 'landuse' || (m.kind === undefined && layer.geometryType === 'Polygon');
          return [
            <tr key={layer.name}>
              <td>{layer.name}</td>
              <td>{layer.geometryType}</td>
              <td className="num">{layer.features.length}</td>
              <td>
                <select aria-label={`${t('exchange.kind')}: ${layer.name}`} value={m.kind ?? ''} onChange={(e) => set(layer.name, { ...m, kind: (e.target.value || undefined) as LayerMapping['kind'] })}>
                  <option value="">{t('exchange.auto')}</option>
                  {kindsFor(layer).map((k) => (
                    <option key={k} value={k}>
                      {t(`exchange.kind.${k}`)}
                    </option>
                  ))}
                  <option value="skip">{t('exchange.skip')}</option>
                </select>
              </td>
              <td>
                {showLandUse && (
                  <select aria-label={`${t('exchange.landUse')}: ${layer.name}`} value={m.landUse ?? ''} onChange={(e) => set(layer.name, { ...m, landUse: (e.target.value || undefined) as LandUseCode | undefined })}>
                    <option value="">{t('exchange.auto')}</option>
                    {LAND_USE_CODES.map((c) => (
                      <option key={c} value={c}>
                        {landUseLabel(c, lang)}
                      </option>
                    ))}
                  </select>
                )}
              </td>
              <td>
                <select aria-label={`${t('exchange.byAttribute')}: ${layer.name}`} value={m.attribute ?? ''} onChange={(e) => set(layer.name, { ...m, attribute: e.target.value || undefined, values: {} })}>
                  <option value="">{t('exchange.noAttribute')}</option>
                  {layer.attributeNames.map((a) => (
                    <option key={a} value={a}>
                      {a}
                    </option>
                  ))}
                </select>
              </td>
            </tr>,
            m.attribute ? (
              <tr key={`${layer.name}/values`}>
                <td colSpan={6}>
                  <div className="exchange-values">
                    {distinctValues(layer, m.attribute).map((value) => (
                      <label key={value} className="exchange-row">
                        <span>
                          {m.attribute} = {value}
                        </span>
                        <select
                          aria-label={`${m.attribute} = ${value}`}
                          value={encode(m.values?.[value])}
                          onChange={(e) => {
                            const values = { ...(m.values ?? {}) };
                            const target = decode(e.target.value);
                            if (target) values[value] = target;
                            else delete values[value];
                            set(layer.name, { ...m, values });
                          }}
                        >
                          {targetOptions}
                        </select>
                      </label>
                    ))}
                  </div>
                </td>
              </tr>
            ) : null,
          ];
        })}
      </tbody>
    </table>
    </div>
  );
}
