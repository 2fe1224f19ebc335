import path from 'node:path';

/**
 * The project file a launch asks to open: double-clicking a .gpkg (file association) or
 * `ecopark-planner park.gpkg` passes it on the command line. Chromium switches and the app
 * directory of a dev launch (`electron .`) are skipped. Relative paths resolve against the
 * launching shell's directory, because that is what the user typed them in.
 */
export function projectPathFromArgv(argv: readonly string[], cwd: string): string | null {
  for (let i = argv.length - 1; i >= 1; i--) {
    const arg = argv[i];
    if (arg.startsWith('-') || !arg.toLowerCase().endsWith('.gpkg') || arg.includes('\0')) continue;
    return path.resolve(cwd, arg);
  }
  return null;
}
