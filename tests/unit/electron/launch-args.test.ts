import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeIgnored, parseLaunchArgs, projectPathFromArgv } from '../../../electron/launch-args';

describe('project path from the command line', () => {
  const cwd = path.resolve('/home/an');
  const dev = { defaultApp: true };

  it('packaged: `ecopark-desktop FILE.gpkg`, absolute or relative to the launch directory', () => {
    expect(projectPathFromArgv(['/opt/EcoPark/ecopark-desktop', '/data/park.gpkg'], cwd)).toBe(path.resolve('/data/park.gpkg'));
    expect(projectPathFromArgv(['ecopark-desktop', 'parks/A.GPKG'], cwd)).toBe(path.join(cwd, 'parks', 'A.GPKG'));
    expect(projectPathFromArgv(['ecopark-desktop', '../b.gpkg'], cwd)).toBe(path.resolve('/home/b.gpkg'));
    expect(projectPathFromArgv(['ecopark-desktop'], cwd)).toBeNull();
  });

  it('development: `electron . FILE.gpkg` skips the app directory, even one that looks like a project', () => {
    expect(projectPathFromArgv(['electron', '.', 'parks/A.gpkg'], cwd, dev)).toBe(path.join(cwd, 'parks', 'A.gpkg'));
    expect(parseLaunchArgs(['electron', '.'], cwd, dev)).toEqual({ projectPath: null, ignored: [{ arg: '.', reason: 'app_path' }] });
    expect(projectPathFromArgv(['electron', '/src/app.gpkg'], cwd, dev)).toBeNull();
    expect(projectPathFromArgv(['electron', '/src/app.gpkg', 'x.gpkg'], cwd, dev)).toBe(path.join(cwd, 'x.gpkg'));
  });

  it('skips Node, Chromium and macOS switches wherever they are', () => {
    const argv = ['electron', '--inspect=9229', '.', '--disable-gpu', '--allow-file-access-from-files', 'park.gpkg', '--original-process-start-time=13'];
    expect(parseLaunchArgs(argv, cwd, dev)).toEqual({ projectPath: path.join(cwd, 'park.gpkg'), ignored: [{ arg: '.', reason: 'app_path' }] });
    expect(projectPathFromArgv(['EcoPark', '-psn_0_1234567', '/Users/an/p.gpkg'], cwd)).toBe(path.resolve('/Users/an/p.gpkg'));
    // A switch that merely ends in .gpkg is still a switch.
    expect(projectPathFromArgv(['app', '--inspect=x.gpkg'], cwd)).toBeNull();
  });

  it('after `--` nothing is a switch: a file named like one opens', () => {
    expect(projectPathFromArgv(['app', '--', '-odd-name.gpkg'], cwd)).toBe(path.join(cwd, '-odd-name.gpkg'));
    // The second `--` is an argument like any other: not a project, reported.
    expect(parseLaunchArgs(['electron', '.', '--', '--', 'a.gpkg'], cwd, dev)).toEqual({
      projectPath: path.join(cwd, 'a.gpkg'),
      ignored: [
        { arg: '.', reason: 'app_path' },
        { arg: '--', reason: 'not_gpkg' },
      ],
    });
  });

  it('accepts file:// URLs from Linux desktop entries, with escaped characters', () => {
    const file = path.resolve('/home/an/Khu công nghiệp A.gpkg');
    expect(projectPathFromArgv(['ecopark-desktop', pathToFileURL(file).href], cwd)).toBe(file);
  });

  it('ignores other files with a reason, and opens only the first project', () => {
    const result = parseLaunchArgs(['app', 'notes.txt', 'a.gpkg', 'b.gpkg', 'bad\0.gpkg', 'file://remote-host/x.gpkg'], cwd);
    expect(result.projectPath).toBe(path.join(cwd, 'a.gpkg'));
    expect(result.ignored).toEqual([
      { arg: 'notes.txt', reason: 'not_gpkg' },
      { arg: 'b.gpkg', reason: 'extra_file' },
      { arg: 'bad\0.gpkg', reason: 'bad_path' },
      // file URLs naming another host are not local files (fileURLToPath refuses them on POSIX).
      ...(process.platform === 'win32' ? [] : [{ arg: 'file://remote-host/x.gpkg', reason: 'bad_path' }]),
    ]);
    expect(describeIgnored(result.ignored[0])).toBe('notes.txt: not a .gpkg project file');
  });

  it('never takes the executable itself, even when it ends in .gpkg', () => {
    expect(projectPathFromArgv(['only-the-binary.gpkg'], cwd)).toBeNull();
    expect(projectPathFromArgv([], cwd)).toBeNull();
  });
});
