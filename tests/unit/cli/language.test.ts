import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../../../cli/run';
import { extractLang, langFromEnv } from '../../../cli/i18n';
import { CONTEXT, memoryIo, readSampleDocument, sampleProblemBlock } from './helpers';

const SAMPLE = 'data/samples/bac-ninh-demo.gpkg';
const files = () => ({ [SAMPLE]: new Uint8Array(readFileSync(SAMPLE)) });

// Known answers (tests/unit/cli/analyze.test.ts: python3-geographiclib over the sample's rings).
const PARK_M2 = 3347024.927408996;
const GREEN_M2 = 409398.12366893364;

// Reference formatters independent of the app's: German uses the Vietnamese convention
// (1.234,5), US English the English one (1,234.5).
const vi = (v: number, digits = 0) => new Intl.NumberFormat('de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
const en = (v: number, digits = 0) => new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);

const categories = (JSON.parse(readFileSync('data/land-use-categories.json', 'utf8')) as { categories: { code: string; en: string; vi: string }[] }).categories;
const rules = readdirSync('data/rules')
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => (JSON.parse(readFileSync(`data/rules/${f}`, 'utf8')) as { rules: { id: string; title: { en: string; vi: string } }[] }).rules);

async function cli(argv: string[], env?: Record<string, string>) {
  const { io, out, err, store } = memoryIo(files());
  const code = await run(argv, io, { ...CONTEXT, ...(env ? { env } : {}) });
  return { code, out, err, store };
}

describe('the language of the CLI', () => {
  it('analyze --lang vi: Vietnamese labels, 3.347.025 m² (334,70 ha), names and rule titles from the data files', async () => {
    const { code, out, err } = await cli(['analyze', SAMPLE, '--date', '2026-01-15', '--lang', 'vi']);
    expect(code).toBe(0);
    // The sample's two geometry problems, in Vietnamese (decimal commas, B/Đ), and nothing else.
    expect(err).toEqual(sampleProblemBlock(await readSampleDocument(), 'vi'));
    // 3 347 024.93 m² rounds to 3 347 025; 334.7025 ha to 334,70.
    expect(out[2]).toBe('Diện tích khu: 3.347.025 m² (334,70 ha), tính trắc địa trên ellipsoid WGS84');
    expect(out[2]).toBe(`Diện tích khu: ${vi(PARK_M2)} m² (${vi(PARK_M2 / 10000, 2)} ha), tính trắc địa trên ellipsoid WGS84`);
    const greenName = categories.find((c) => c.code === 'green')!.vi;
    const greenRow = out.find((l) => l.startsWith(`${greenName} `))!;
    expect(greenRow.split(/ {2,}/)).toEqual([greenName, vi(GREEN_M2), vi((100 * GREEN_M2) / PARK_M2, 2)]);
    expect(greenRow.split(/ {2,}/)).toEqual(['Đất cây xanh', '409.398', '12,23']);
    expect(out).toContain(`Tỷ lệ đất cây xanh: ${vi((100 * GREEN_M2) / PARK_M2, 2)} %   tổng cây xanh: 12,23 %   dải cách ly hẹp nhất: 15,00 m`);

    // Each rule: "  VERDICT  <vi title from its data file>", then the numbers with its id.
    const shown = rules.filter((r) => out.some((l) => l.includes(` · ${r.id} · `)));
    expect(shown.length).toBeGreaterThanOrEqual(14);
    for (const r of shown) {
      const at = out.findIndex((l) => l.includes(` · ${r.id} · `));
      expect(out[at - 1]).toMatch(new RegExp(`^ {2}(ĐẠT|KHÔNG ĐẠT|CẢNH BÁO|KHÔNG ÁP DỤNG) +${r.title.vi.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    }
    const green = out.findIndex((l) => l.includes(' · qcvn.park.green-min · '));
    expect(out[green - 1]).toBe('  ĐẠT            Đất cây xanh tối thiểu 10 % diện tích khu');
    expect(out[green]).toMatch(/^ {17}12,23 % ≥ 10,00 % · qcvn\.park\.green-min · trích dẫn chính xác · /);
  });

  it('analyze --lang en: the same numbers in the English convention, English titles', async () => {
    const { out } = await cli(['analyze', SAMPLE, '--date', '2026-01-15', '--lang', 'en']);
    expect(out[2]).toBe(`Park area: ${en(PARK_M2)} m² (${en(PARK_M2 / 10000, 2)} ha), geodesic on the WGS84 ellipsoid`);
    const title = rules.find((r) => r.id === 'qcvn.wwtp.safety-distance-boundary')!.title.en;
    const at = out.findIndex((l) => l.includes(' · qcvn.wwtp.safety-distance-boundary · '));
    expect(out[at - 1]).toBe(`  FAIL  ${title}`);
  });

  it('--json is the same in both languages, with dot decimals', async () => {
    const a = await cli(['analyze', SAMPLE, '--json', '--date', '2026-01-15', '--lang', 'vi']);
    const b = await cli(['analyze', SAMPLE, '--json', '--date', '2026-01-15', '--lang', 'en']);
    expect(a.out).toEqual(b.out);
    expect(JSON.parse(a.out[0]).parkAreaM2).toBeCloseTo(PARK_M2, 2);
    const s1 = await cli(['solar', SAMPLE, '--json', '--lang', 'vi']);
    const s2 = await cli(['solar', SAMPLE, '--json']);
    expect(s1.out).toEqual(s2.out);
    expect(s1.out.join('\n')).toMatch(/"totalKwp": \d+\.\d+/);
  }, 60_000);

  it('convert writes the same GeoJSON and CSV in both languages; only the message is translated', async () => {
    const written: Record<string, Uint8Array | undefined> = {};
    for (const lang of ['vi', 'en']) {
      for (const ext of ['geojson', 'csv']) {
        const r = await cli(['convert', SAMPLE, `out.${ext}`, '--lang', lang]);
        expect(r.code).toBe(0);
        const bytes = r.store.get(`out.${ext}`)!;
        if (written[ext]) expect(bytes).toEqual(written[ext]);
        written[ext] = bytes;
        if (lang === 'vi' && ext === 'csv') expect(r.out).toEqual([`${SAMPLE} -> out.csv: phương án “Phương án A”, 178 đối tượng (1 ranh giới khu, 64 vùng sử dụng đất, 98 công trình, 6 đường, 9 điểm).`]);
        if (lang === 'vi' && ext === 'geojson') expect(r.out).toEqual([`${SAMPLE} -> out.geojson: 1 phương án, 178 đối tượng (1 ranh giới khu, 64 vùng sử dụng đất, 98 công trình, 6 đường, 9 điểm).`]);
        if (lang === 'en' && ext === 'csv') expect(r.out).toEqual([`${SAMPLE} -> out.csv: scenario “Phương án A”, 178 features (1 park boundary, 64 land-use areas, 98 buildings, 6 roads, 9 points).`]);
      }
    }
    // 1 + 64 + 98 + 6 + 9 = 178 features, counted by kind in the summary.
    // The boundary row's area: 3347024.93 with a dot, never 3.347.024,93.
    const csv = new TextDecoder().decode(written.csv);
    expect(csv).toContain(',3347024.93,');
  });

  it('convert keeps the layer names and CRS of a layered export, translated around them', async () => {
    const r = await cli(['convert', SAMPLE, 'out.dxf', '--crs', 'EPSG:32648', '--lang', 'vi']);
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^data\/samples\/bac-ninh-demo\.gpkg -> out\.dxf: phương án “Phương án A”, 178 đối tượng \(.+\); các lớp: BOUNDARY 1, .+; hệ tọa độ EPSG:32648\.$/);
  });

  it('info --lang vi: labels, numbers and dates in Vietnamese, land-use names from the data file', async () => {
    const { out } = await cli(['--lang=vi', 'info', SAMPLE]);
    expect(out.slice(0, 7)).toEqual([
      'Dự án:               Khu công nghiệp sinh thái Yên Phong Demo',
      'Tỉnh/thành:          Bắc Ninh (tỉnh cũ: Bắc Ninh)',
      'Vị trí:              21,10000° N, 106,00000° E',
      'Ngày tạo:            15/01/2026 08:00 UTC',
      'Ngày sửa:            15/01/2026 08:00 UTC',
      'Phiên bản định dạng: 2',
      'Phương án:           1 (* = đang dùng)',
    ]);
    const name = (code: string) => categories.find((c) => c.code === code)!.vi;
    expect(out[9]).toMatch(new RegExp(`^ {4}theo chức năng: ${name('industrial')} \\d+; ${name('technical')} 4; `));
  });

  it('solar --lang vi: the summary in the Vietnamese convention, from the same numbers as --json', async () => {
    const json = JSON.parse((await cli(['solar', SAMPLE, '--json'])).out.join('\n')) as { totalKwp: number; annualKwh: number; co2AvoidedT: number };
    const { out } = await cli(['solar', SAMPLE, '--lang', 'vi']);
    expect(out.find((l) => l.startsWith('Công suất lắp đặt:'))).toMatch(new RegExp(`: +${vi(json.totalKwp, 1).replace('.', '\\.')} kWp$`));
    expect(out.find((l) => l.startsWith('Sản lượng:'))).toContain(`${vi(json.annualKwh / 1000, 1)} MWh/năm`);
    expect(out.find((l) => l.startsWith('CO₂ tránh phát thải:'))).toContain(`${vi(json.co2AvoidedT, 1)} tấn/năm`);
  }, 60_000);

  it('solar --lang vi names the weather source in Vietnamese: station, method, distance', async () => {
    // --json names the source in English (machine output): station and distance from there.
    const json = JSON.parse((await cli(['solar', SAMPLE, '--json'])).out.join('\n')) as { weatherSource: string };
    const [, station, km] = /^(.+) — monthly climate, 5 typical days a month \(nearest station, (\d+) km\)$/.exec(json.weatherSource)!;
    const { out } = await cli(['solar', SAMPLE, '--lang', 'vi']);
    const line = out.find((l) => l.startsWith('Dữ liệu thời tiết:'));
    expect(line?.replace(/^Dữ liệu thời tiết: +/, '')).toBe(`${station} — khí hậu theo tháng, 5 ngày điển hình mỗi tháng (trạm gần nhất, ${km} km)`);
    expect(out.join('\n')).not.toMatch(/monthly climate|nearest station/);
  }, 60_000);

  it('a refused weather file and a missing output folder are explained in Vietnamese', async () => {
    const { io, err } = memoryIo({ ...files(), 'weather.csv': new TextEncoder().encode('time,ghi\n1,2\n') });
    expect(await run(['solar', SAMPLE, '--weather', 'weather.csv', '--lang', 'vi'], io, CONTEXT)).not.toBe(0);
    expect(err.join('\n')).toContain('không phải tệp EPW hay tệp theo giờ của PVGIS');
    // Writing into a folder that does not exist fails with ENOENT, as Node's fs does.
    const missing = memoryIo(files());
    missing.io.writeFile = async () => {
      throw Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' });
    };
    expect(await run(['report', SAMPLE, '-o', 'no-such-folder/report.csv', '--lang', 'vi'], missing.io, CONTEXT)).not.toBe(0);
    expect(missing.err.join('\n')).toContain('thư mục chứa tệp không tồn tại');
  }, 60_000);

  it('errors and help speak the chosen language', async () => {
    const missing = await cli(['info', 'park.gpkg', '--lang', 'vi']);
    expect(missing.code).toBe(1);
    expect(missing.err).toEqual(['ecopark: không mở được park.gpkg: không có tệp này']);
    const unknown = await cli(['frobnicate'], { LANG: 'vi_VN.UTF-8' });
    expect(unknown.err).toEqual(['ecopark: không có lệnh "frobnicate"; xem: ecopark --help']);
    const usage = await cli(['analyze', SAMPLE, '--bogus', '--lang', 'vi']);
    expect(usage.code).toBe(2);
    expect(usage.err[0]).toMatch(/^ecopark: không có tùy chọn --bogus \(cách dùng: ecopark analyze FILE/);
    const help = await cli(['--help'], { ECOPARK_LANG: 'vi' });
    expect(help.out[0]).toBe('ecopark — EcoPark Planner trên dòng lệnh');
    expect(help.out).toContain('Tùy chọn cho mọi lệnh:');
    expect(help.out.some((l) => l.startsWith('  --lang vi|en   ngôn ngữ'))).toBe(true);
    const helpEn = await cli(['--help']);
    expect(helpEn.out.some((l) => l.startsWith('  --lang vi|en   language of the readable output'))).toBe(true);
  });

  it('refuses a language other than vi or en with a usage error', async () => {
    for (const argv of [['info', SAMPLE, '--lang', 'fr'], ['info', SAMPLE, '--lang'], ['--lang=', 'info', SAMPLE]]) {
      const r = await cli(argv);
      expect(r.code).toBe(2);
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).toMatch(/^ecopark: --lang must be vi or en, not "(fr)?"$/);
    }
  });

  it('report --lang vi writes the Vietnamese report and says so in Vietnamese', async () => {
    const r = await cli(['report', SAMPLE, '-o', 'r.csv', '--lang', 'vi']);
    expect(r.code).toBe(0);
    const csv = new TextDecoder().decode(r.store.get('r.csv')!);
    expect(csv).toContain('# land-use: Cơ cấu sử dụng đất');
    expect(r.out[0]).toMatch(/^Đã ghi r\.csv \(\d{1,3}(\.\d{3})* byte\)$/);
    // The data tables stay machine-readable in both languages: dot decimals.
    expect(csv).toMatch(/\nĐất cây xanh,409398\.\d+,40\.\d+,12\.\d+/);
  }, 60_000);
});

describe('the default language', () => {
  it.each([
    [{}, 'en'],
    [{ LANG: 'vi_VN.UTF-8' }, 'vi'],
    [{ LANG: 'en_GB.UTF-8' }, 'en'],
    [{ LANG: 'C.UTF-8' }, 'en'],
    [{ LC_ALL: 'vi_VN.UTF-8', LANG: 'en_US.UTF-8' }, 'vi'],
    [{ LC_MESSAGES: 'vi_VN', LANG: 'en_US.UTF-8' }, 'vi'],
    [{ LC_ALL: 'en_US.UTF-8', LC_MESSAGES: 'vi_VN' }, 'en'],
    [{ LC_ALL: '', LANG: 'vi' }, 'vi'],
    [{ ECOPARK_LANG: 'en', LANG: 'vi_VN.UTF-8' }, 'en'],
    [{ ECOPARK_LANG: 'VI', LANG: 'en_US.UTF-8' }, 'vi'],
    [{ ECOPARK_LANG: 'de', LANG: 'vi_VN.UTF-8' }, 'vi'],
  ] as const)('%j → %s', (env, lang) => {
    expect(langFromEnv(env)).toBe(lang);
  });

  it('--lang wins over the environment, wherever it stands', async () => {
    const r = await cli(['info', '--lang', 'en', SAMPLE], { LANG: 'vi_VN.UTF-8' });
    expect(r.out[0]).toMatch(/^Project: /);
    const v = await cli(['info', SAMPLE], { LANG: 'vi_VN.UTF-8' });
    expect(v.out[0]).toMatch(/^Dự án: /);
    expect(extractLang(['report', 'a.gpkg', '--lang', 'vi', '-o', 'x.pdf'])).toEqual({ lang: 'vi', rest: ['report', 'a.gpkg', '-o', 'x.pdf'] });
  });

  it('the installed command follows LANG', async () => {
    const sample = await readSampleDocument();
    const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'vi_VN.UTF-8' };
    delete env.ECOPARK_LANG;
    delete env.LC_ALL;
    delete env.LC_MESSAGES;
    const r = spawnSync(process.execPath, ['bin/ecopark.mjs', 'info', SAMPLE], { encoding: 'utf8', env });
    expect(r.status).toBe(0);
    // stderr too: the sample's geometry problems, in Vietnamese.
    expect(r.stderr).toBe(`${sampleProblemBlock(sample, 'vi').join('\n')}\n`);
    expect(r.stdout).toContain('Dự án:               Khu công nghiệp sinh thái Yên Phong Demo');
    expect(r.stdout).toContain('Vị trí:              21,10000° N, 106,00000° E');
  }, 30_000);
});
