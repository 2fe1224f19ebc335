/**
 * Records keyed by names from outside files (attribute names, column names, layer names).
 * A plain `record[key] = value` with the key "__proto__" calls the prototype setter instead of
 * storing the value, so an attribute of that name would vanish (or replace the record's
 * prototype); a plain `record[key]` read with "constructor" or "toString" finds Object's
 * methods. These two helpers store and read own properties only. Own "__proto__" properties
 * survive JSON.stringify, JSON.parse, spread and structuredClone.
 */

/** Stores `value` under `key` as an own, enumerable property, whatever the key. */
export function setOwn<T>(record: Record<string, T>, key: string, value: NoInfer<T>): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The record's own value under `key`; never an inherited one. */
export function getOwn<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
