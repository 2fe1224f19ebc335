import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectPathFromArgv } from '../../../electron/launch-args';

describe('project path from the command line', () => {
  const cwd = path.resolve('/home/an');
  it('takes the .gpkg argument, resolved against the launch directory', () => {
    expect(projectPathFromArgv(['/opt/EcoPark/ecopark-planner', '/data/park.gpkg'], cwd)).toBe(path.resolve('/data/park.gpkg'));
    expect(projectPathFromArgv(['electron', '.', 'parks/A.GPKG'], cwd)).toBe(path.join(cwd, 'parks', 'A.GPKG'));
  });
  it('ignores switches, the app directory and other files', () => {
    expect(projectPathFromArgv(['electron', '.'], cwd)).toBeNull();
    expect(projectPathFromArgv(['app', '--inspect=x.gpkg', 'notes.txt'], cwd)).toBeNull();
    expect(projectPathFromArgv(['only-the-binary.gpkg'], cwd)).toBeNull();
  });
});
