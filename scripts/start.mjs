// `npm start`: runs the built desktop app (run `npm run build` first). npm 11 does not run
// electron's postinstall without approval, so the Electron binary may be missing: fetch it
// once with electron's own installer, and explain clearly when that is impossible (offline).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronDir = path.join(root, 'node_modules', 'electron');

function binaryPresent() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return false;
  const relative = readFileSync(pathFile, 'utf8').trim();
  return relative !== '' && existsSync(path.join(electronDir, 'dist', relative));
}

if (!existsSync(electronDir)) {
  console.error('electron is not installed: run `npm install` first.');
  process.exit(1);
}

if (!binaryPresent()) {
  console.log('Electron binary not found; downloading it once (node node_modules/electron/install.js)...');
  const install = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { cwd: electronDir, stdio: 'inherit' });
  if (install.status !== 0 || !binaryPresent()) {
    console.error(
      [
        '',
        'Could not download the Electron binary (are you offline or behind a proxy?).',
        'Fix the network (or set ELECTRON_MIRROR / ELECTRON_CUSTOM_DIR, or place a matching',
        'Electron zip in the electron cache), then run `npm start` again.',
        'The browser version works without it: `npm run web`.',
      ].join('\n'),
    );
    process.exit(1);
  }
}

if (!existsSync(path.join(root, 'dist', 'electron', 'main.cjs')) || !existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) {
  console.error('The app is not built: run `npm run build` first (or use the start script, which builds).');
  process.exit(1);
}

// require('electron') outside Electron returns the path of the binary.
const electronBinary = require('electron');
// `npm start -- park.gpkg`: npm runs this from the package root, but a relative file name means
// the directory the user typed it in (INIT_CWD), which the app resolves against its own cwd.
const child = spawn(electronBinary, [root, ...process.argv.slice(2)], { stdio: 'inherit', windowsHide: false, cwd: process.env.INIT_CWD ?? process.cwd() });

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (!child.killed) child.kill(signal);
  });
}
child.on('error', (error) => {
  console.error(`Could not start Electron: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
