import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LicenseReport } from '../../../shared/third-party-licenses';
import {
  collectLicenses,
  LICENSE_TEXT_OVERRIDES,
  LICENSE_TEXTS_DIR,
  OUTPUT_PATH,
  readmeLicenseSection,
  serialise,
} from '../../../scripts/collect-licenses';

const root = process.cwd();
const committed = JSON.parse(readFileSync(OUTPUT_PATH, 'utf8')) as LicenseReport;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const installedVersion = (name: string) => (JSON.parse(readFileSync(path.join('node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

describe('third-party licences shown in the About box (data/third-party-licenses.json)', () => {
  it('is up to date with package-lock.json (run `npm run licenses` after changing dependencies)', () => {
    expect(readFileSync(OUTPUT_PATH, 'utf8')).toBe(serialise(collectLicenses(root)));
  });

  it('lists every production dependency at its installed version, and Electron, the runtime', () => {
    const listed = new Set(committed.packages.map((p) => `${p.name}@${p.version}`));
    for (const name of [...Object.keys(pkg.dependencies), 'electron']) expect(listed, name).toContain(`${name}@${installedVersion(name)}`);
  });

  it('leaves out the development tools, which do not ship', () => {
    const names = new Set(committed.packages.map((p) => p.name));
    for (const dev of ['vitest', 'eslint', 'typescript', 'vite', 'playwright-core', 'electron-builder']) expect(names, dev).not.toContain(dev);
  });

  it('carries the licence texts as the packages ship them', () => {
    const react = committed.packages.find((p) => p.name === 'react');
    expect(react).toMatchObject({ license: 'MIT', licenseSource: 'LICENSE' });
    expect(react?.licenseText).toBe(readFileSync('node_modules/react/LICENSE', 'utf8').replace(/\r\n?/g, '\n').trim());
    const maplibre = committed.packages.find((p) => p.name === 'maplibre-gl');
    expect(maplibre?.license).toBe('BSD-3-Clause');
    expect(maplibre?.licenseText).toContain('Redistribution and use in source and binary forms');
  });

  it('says who the holder is when a package has no licence file, with its README section when there is one', () => {
    const withoutFile = committed.packages.filter((p) => p.author !== undefined);
    expect(withoutFile.length).toBeGreaterThan(0);
    for (const p of withoutFile) expect(p.licenseSource === null || p.licenseSource === 'README', p.name).toBe(true);
    const murmur = committed.packages.find((p) => p.name === 'murmurhash-js');
    expect(murmur).toMatchObject({ licenseSource: 'README', author: 'Gary Court' });
    expect(murmur?.licenseText).toContain('Copyright (c) 2011 Gary Court');
  });

  it('has a licence text for every package it lists', () => {
    const withoutText = committed.packages.filter((p) => !p.licenseText?.trim()).map((p) => `${p.name}@${p.version} (${p.license})`);
    // Fix: find the upstream text and add it to LICENSE_TEXT_OVERRIDES in scripts/collect-licenses.ts.
    expect(withoutText).toEqual([]);
  });

  it('takes the upstream texts of packages that ship none from scripts/license-texts, with their source', () => {
    const names = Object.keys(LICENSE_TEXT_OVERRIDES);
    expect(names.sort()).toEqual(['@turf/jsts', 'jsts', 'pmtiles']);
    for (const name of names) {
      const { files, source } = LICENSE_TEXT_OVERRIDES[name];
      // Still needed: the installed package has no licence file of its own.
      expect(readdirSync(path.join('node_modules', name)).filter((f) => /licen[cs]e|copying/i.test(f)), name).toEqual([]);
      const entry = committed.packages.find((p) => p.name === name);
      expect(entry, name).toMatchObject({ licenseSource: source });
      expect(entry?.author, name).toBeUndefined();
      expect(source, name).toMatch(/^https:\/\//);
      for (const file of files) expect(entry?.licenseText, `${name}: ${file}`).toContain(readFileSync(path.join(LICENSE_TEXTS_DIR, file), 'utf8').trim().split('\n')[0]);
    }
    // Each text is the licence the package declares.
    const text = (name: string) => committed.packages.find((p) => p.name === name)?.licenseText ?? '';
    expect(text('pmtiles')).toContain('Copyright 2021 Protomaps LLC');
    expect(text('pmtiles')).toContain('Neither the name of the copyright holder nor the names of its contributors');
    expect(text('jsts')).toContain('Eclipse Distribution License - v 1.0');
    expect(text('jsts')).toContain('Eclipse Public License - v 1.0');
    expect(text('@turf/jsts')).toBe(text('jsts'));
  });

  it('cuts the licence section of a README at the next heading of its level', () => {
    const readme = ['# lib', 'intro', '## Licence', '', 'MIT © A', '### Details', 'more', '## Contributing', 'x'].join('\n');
    expect(readmeLicenseSection(readme)).toBe('## Licence\n\nMIT © A\n### Details\nmore');
    expect(readmeLicenseSection('# lib\n## Licensing\nApache-2.0')).toBe('## Licensing\n\nApache-2.0');
    expect(readmeLicenseSection('# lib\nno section')).toBeNull();
    expect(readmeLicenseSection('## License\n\n## Next')).toBeNull();
  });
});
