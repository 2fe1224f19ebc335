import { crsChoices } from '../../../shared/io/crs/crs';

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
