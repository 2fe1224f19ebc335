import { crsChoices, parseCrsCode } from '../../../shared/io/crs/crs';
import { VN2000_TRANSFORMATIONS, VN_TRANSFORMATION_CHOICES, type VnTransformationChoice } from '../../../shared/io/crs/vn2000-transformations';
import { useT } from '../i18n/use-t';

/** The coordinate systems a user can choose for import and export, as <option>s. */
export function CrsOptions() {
  return (
    <>
      {crsChoices().map((c) => (
        <option key={c.code} value={c.code}>
          {c.code} — {c.label}
        </option>
      ))}
    </>
  );
}

/** 'EPSG:5194' → 'exchange.transformation.5194'. */
const choiceKey = (c: VnTransformationChoice) => (c === 'auto' ? 'exchange.transformation.auto' : (`exchange.transformation.${c.slice('EPSG:'.length)}` as 'exchange.transformation.5194'));

/**
 * The VN-2000 → WGS 84 transformation, offered only when `crsCode` is on VN-2000: PROJ (so QGIS,
 * GDAL) picks (1) in the Mekong delta and (2) elsewhere; the two differ by ~0.8 m.
 */
export function TransformationSelect({ crsCode, value, onChange }: { crsCode: string | undefined; value: VnTransformationChoice; onChange: (v: VnTransformationChoice) => void }) {
  const t = useT();
  if (!crsCode || parseCrsCode(crsCode)?.datum !== 'VN2000') return null;
  return (
    <label className="exchange-row">
      {t('exchange.transformation')}
      <select className="exchange-crs" aria-label={t('exchange.transformation')} value={value} onChange={(e) => onChange(e.target.value as VnTransformationChoice)}>
        {VN_TRANSFORMATION_CHOICES.map((c) => (
          <option key={c} value={c}>
            {t(choiceKey(c))}
          </option>
        ))}
      </select>
    </label>
  );
}

/** "Transformation used: EPSG:5194 VN-2000 to WGS 84 (1)", or nothing for WGS 84 data. */
export function TransformationUsed({ codes }: { codes: readonly string[] | undefined }) {
  const t = useT();
  if (!codes || codes.length === 0) return null;
  const list = codes.map((code) => `${code} “${VN2000_TRANSFORMATIONS.find((v) => v.code === code)?.name ?? code}”`).join(', ');
  return <p className="exchange-note exchange-transformation-used">{t('exchange.transformationUsed', { list })}</p>;
}
