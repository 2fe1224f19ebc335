/**
 * The shape of data/third-party-licenses.json: written by scripts/collect-licenses.ts
 * (`npm run licenses`), read by the About dialog.
 */

/** One shipped package. Without a licence file, `author` is recorded and the text (if any) comes from the README. */
export interface LicenseEntry {
  name: string;
  version: string;
  /** SPDX expression as the package declares it ("MIT", "(MIT OR Apache-2.0)"), or "UNKNOWN". */
  license: string;
  /** Where the text comes from: a file of the package ("LICENSE"), "README" (its licence section), or null. */
  licenseSource: string | null;
  licenseText: string | null;
  /** Set only when the package has no licence file: who the licence names as holder. */
  author?: string | null;
}

export interface LicenseReport {
  generatedBy: string;
  packages: LicenseEntry[];
}
