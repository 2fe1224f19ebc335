// `npm run screenshot`: updates the README's screenshot (docs/screenshot.png) on request. Tests
// never write into docs/: the end-to-end test that opens the app on its sample park and checks
// that the map is not blank saves its screenshot to test-results/; this runs that one test on
// the current renderer build (the npm script builds it first) and copies the picture to docs/.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Both paths are the ones tests/e2e/app.e2e.ts and README.md use.
const shot = path.join(root, 'test-results', 'screenshot.png');
const target = path.join(root, 'docs', 'screenshot.png');
const TEST = 'starts on the sample park with a map that is not blank';

// A picture left by an earlier run must not be taken for this one.
rmSync(shot, { force: true });
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const run = spawnSync(process.execPath, [vitest, 'run', '--config', 'tests/e2e/vitest.config.ts', 'tests/e2e/app.e2e.ts', '-t', TEST], { cwd: root, stdio: 'inherit' });
if (run.status !== 0 || !existsSync(shot)) {
  console.error('The screenshot test did not pass: docs/screenshot.png was left unchanged.');
  process.exit(1);
}
copyFileSync(shot, target);
console.log(`Updated docs/screenshot.png (${statSync(target).size.toLocaleString('en')} bytes).`);
