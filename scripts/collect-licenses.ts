/**
 * Collects the licences of the third-party code the app ships, for the About box:
 * `npm run licenses` writes data/third-party-licenses.json.
 *
 * Which packages: every production dependency in package-lock.json (the whole tree
 * `npm ls --omit=dev` installs), plus Electron, which is a devDependency but is the desktop
 * runtime itself. Optional platform binaries (esbuild's per-OS packages, fsevents) are left out
 * so the output is the same on every OS; each belongs to a package that is listed.
 *
 * Why a committed file rather than a build step: licence changes show up in code review, every
 * build path (npm run build, vite build, web mode) gets the same list, and a unit test
 * (tests/unit/help/licenses.test.ts) fails when package-lock.json changed without regenerating.
 *
 * A few packages publish no licence file to npm: their upstream texts are kept in
 * scripts/license-texts/ (LICENSE_TEXT_OVERRIDES says where each comes from), and the test
 * fails when any shipped package is left without a text.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LicenseEntry, LicenseReport } from '../shared/third-party-licenses';
import { writeGeneratedFile } from './write-generated';

/** devDependencies that are nevertheless shipped inside the desktop app. */
export const SHIPPED_DEV_PACKAGES = ['electron'] as const;

interface LockPackage {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  license?: string;
  link?: boolean;
}

interface PackageJson {
  name?: string;
  version?: string;
  license?: string | { type?: string };
  licenses?: { type?: string }[];
  author?: string | { name?: string };
}

const LICENSE_FILE = /(^|[-_.])(licen[cs]e|copying)([-_.]|$)/i;

export const LICENSE_TEXTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'license-texts');

/**
 * Licence texts for shipped packages whose npm package has no licence file: files in
 * scripts/license-texts/ and the address each text was taken from (recorded as licenseSource).
 */
export const LICENSE_TEXT_OVERRIDES: Record<string, { files: string[]; source: string }> = {
  // BSD-3-Clause: the repository's LICENSE (the npm package ships only README, dist, src).
  pmtiles: { files: ['pmtiles-BSD-3-Clause.txt'], source: 'https://github.com/protomaps/PMTiles/blob/main/LICENSE' },
  // "(EDL-1.0 OR EPL-1.0)": JSTS's README and bundle header point at LICENSE_EDLv1.txt and
  // LICENSE_EPLv1.txt, the Eclipse Foundation's standard texts (eclipse.org/org/documents/edl-v10.php,
  // eclipse.org/legal/epl-v10.html), reproduced here.
  jsts: {
    files: ['EDL-1.0.txt', 'EPL-1.0.txt'],
    source: 'https://github.com/bjornharrtell/jsts/blob/master/LICENSE_EDLv1.txt, https://github.com/bjornharrtell/jsts/blob/master/LICENSE_EPLv1.txt',
  },
  // Turf's tree-shaken build of JSTS, under JSTS's licences (same package.json "license").
  '@turf/jsts': {
    files: ['EDL-1.0.txt', 'EPL-1.0.txt'],
    source: 'https://github.com/bjornharrtell/jsts/blob/master/LICENSE_EDLv1.txt, https://github.com/bjornharrtell/jsts/blob/master/LICENSE_EPLv1.txt',
  },
};

function readText(file: string): string {
  return readFileSync(file, 'utf8').replace(/\r\n?/g, '\n').trim();
}

function declaredLicense(pkg: PackageJson, lock: LockPackage): string {
  if (typeof pkg.license === 'string' && pkg.license.trim()) return pkg.license.trim();
  if (pkg.license && typeof pkg.license === 'object' && pkg.license.type) return pkg.license.type;
  const legacy = (pkg.licenses ?? []).map((l) => l.type).filter(Boolean);
  if (legacy.length) return legacy.join(' OR ');
  return lock.license ?? 'UNKNOWN';
}

/** The "License" section of a README (up to the next heading of the same or a higher level). */
export function readmeLicenseSection(readme: string): string | null {
  const lines = readme.replace(/\r\n?/g, '\n').split('\n');
  const start = lines.findIndex((l) => /^#{1,6}\s*licen[cs](e|ing)\b/i.test(l.trim()));
  if (start < 0) return null;
  const level = (lines[start].trim().match(/^#+/) ?? ['#'])[0].length;
  const body: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const heading = line.trim().match(/^(#+)\s/);
    if (heading && heading[1].length <= level) break;
    body.push(line);
  }
  const text = body.join('\n').trim();
  return text === '' ? null : `${lines[start].trim()}\n\n${text}`;
}

function authorOf(pkg: PackageJson): string | null {
  if (typeof pkg.author === 'string') return pkg.author;
  return pkg.author?.name ?? null;
}

function readEntry(dir: string, lock: LockPackage): LicenseEntry {
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;
  const files = readdirSync(dir)
    .filter((f) => LICENSE_FILE.test(f))
    .sort();
  const entry: LicenseEntry = {
    name: pkg.name ?? path.basename(dir),
    version: pkg.version ?? lock.version ?? '',
    license: declaredLicense(pkg, lock),
    licenseSource: null,
    licenseText: null,
  };
  if (files.length > 0) {
    entry.licenseSource = files.join(', ');
    entry.licenseText = files.map((f) => readText(path.join(dir, f))).join('\n\n');
    return entry;
  }
  const override = LICENSE_TEXT_OVERRIDES[entry.name];
  if (override) {
    entry.licenseSource = override.source;
    entry.licenseText = override.files.map((f) => readText(path.join(LICENSE_TEXTS_DIR, f))).join('\n\n');
    return entry;
  }
  const readme = readdirSync(dir).find((f) => /^readme(\.md|\.markdown|\.txt)?$/i.test(f));
  const section = readme ? readmeLicenseSection(readFileSync(path.join(dir, readme), 'utf8')) : null;
  entry.author = authorOf(pkg);
  if (section) {
    entry.licenseSource = 'README';
    entry.licenseText = section;
  }
  return entry;
}

/** The report for the project at `root` (reads package-lock.json and node_modules). */
export function collectLicenses(root: string): LicenseReport {
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockPackage> };
  const seen = new Set<string>();
  const packages: LicenseEntry[] = [];
  for (const [key, info] of Object.entries(lock.packages)) {
    if (!key.startsWith('node_modules/') || info.link) continue;
    const name = key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const shipped = !info.dev || (SHIPPED_DEV_PACKAGES as readonly string[]).includes(name);
    if (!shipped || info.optional) continue;
    const dir = path.join(root, key);
    if (!existsSync(path.join(dir, 'package.json'))) throw new Error(`${key} is in package-lock.json but not installed: run npm install first`);
    const entry = readEntry(dir, info);
    const id = `${entry.name}@${entry.version}`;
    if (seen.has(id)) continue;
    seen.add(id);
    packages.push(entry);
  }
  packages.sort((a, b) => (a.name === b.name ? a.version.localeCompare(b.version) : a.name < b.name ? -1 : 1));
  return { generatedBy: 'npm run licenses (scripts/collect-licenses.ts)', packages };
}

export const OUTPUT_PATH = 'data/third-party-licenses.json';

export function serialise(report: LicenseReport): string {
  return `${JSON.stringify(report, null, 1)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const report = collectLicenses(root);
  await writeGeneratedFile(path.join(root, OUTPUT_PATH), serialise(report));
  const withoutText = report.packages.filter((p) => p.licenseText === null).map((p) => `${p.name}@${p.version} (${p.license})`);
  console.log(`${report.packages.length} packages → ${OUTPUT_PATH}`);
  if (withoutText.length) console.log(`no licence text shipped by: ${withoutText.join(', ')}`);
}
