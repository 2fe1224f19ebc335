import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * build/installer.nsh is compiled by electron-builder's NSIS only when a Windows installer is
 * built, which these machines never do: a typo would surface on release day. So it is compiled
 * here with the real NSIS compiler (Debian's `nsis` package, installed by .ci/run), inside a
 * minimal script that provides what electron-builder's templates provide: Unicode, the
 * APP_EXECUTABLE_FILENAME define (common.nsh) and a shell context (multiUser.nsh).
 * -WX turns warnings into errors, so an unknown ${define} or macro fails too.
 */

const root = path.resolve(__dirname, '../../..');
const include = path.join(root, 'build', 'installer.nsh');
const work = mkdtempSync(path.join(tmpdir(), 'ecopark-nsis-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A minimal installer that inserts the two macros, as electron-builder's installSection/uninstaller do. */
function script(defines: string): string {
  return [
    'Unicode true',
    defines,
    `!include "${include}"`,
    'Name "EcoPark Planner"',
    // Not "setup.exe" / "installer.exe": makensis warns about those names (compatibility shims).
    `OutFile "${path.join(work, 'ecopark-check.exe')}"`,
    'RequestExecutionLevel user',
    'InstallDir "$LOCALAPPDATA\\Programs\\EcoPark Planner"',
    'Section "Install"',
    '  SetShellVarContext current',
    '  !insertmacro customInstall',
    '  WriteUninstaller "$INSTDIR\\Uninstall EcoPark Planner.exe"',
    'SectionEnd',
    'Section "Uninstall"',
    '  SetShellVarContext current',
    '  !insertmacro customUnInstall',
    'SectionEnd',
    '',
  ].join('\n');
}

function makensis(nsi: string): { status: number | null; output: string } {
  const file = path.join(work, 'check.nsi');
  writeFileSync(file, nsi);
  const result = spawnSync('makensis', ['-V2', '-WX', file], { encoding: 'utf8' });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'ENOENT'
        ? 'makensis (the NSIS compiler) is not installed: `apt-get install -y nsis` (Debian/Ubuntu; .ci/run installs it) or `brew install makensis`'
        : `makensis could not run: ${result.error.message}`,
    );
  }
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('build/installer.nsh compiled by makensis', () => {
  it('compiles without a warning with the defines electron-builder provides', () => {
    const { status, output } = makensis(script('!define APP_EXECUTABLE_FILENAME "EcoPark Planner.exe"'));
    expect(status, output).toBe(0);
    expect(existsSync(path.join(work, 'ecopark-check.exe'))).toBe(true);
  });

  it('fails when the script relies on something electron-builder does not define (the check can fail)', () => {
    const { status, output } = makensis(script('; no APP_EXECUTABLE_FILENAME'));
    expect(status).not.toBe(0);
    expect(output).toContain('APP_EXECUTABLE_FILENAME');
  });
});
