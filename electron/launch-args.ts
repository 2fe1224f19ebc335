import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project file a launch asks to open: `ecopark-desktop park.gpkg` from a shell,
 * double-clicking a .gpkg (file association) or a second launch handing its arguments to the
 * running instance. Pure: main.ts passes process.argv (or the second instance's argv) and the
 * launching directory.
 *
 * Electron's argv shapes:
 * - packaged: `[exe, ...switches, file]`
 * - development (`electron . file`, process.defaultApp): `[electron, ...switches, appPath, file]`
 * - switches anywhere: Node's (`--inspect=9229`), Chromium's (`--disable-gpu`, and those a
 *   second instance receives, e.g. `--allow-file-access-from-files`), macOS Finder's `-psn_…`;
 *   after a `--` separator nothing is a switch any more.
 * - Linux desktop entries pass `file://` URLs (`Exec=… %U`).
 * Relative paths resolve against the launching shell's directory, because that is what the
 * user typed them in.
 */

export const IGNORED_ARG_REASONS = ['app_path', 'not_gpkg', 'extra_file', 'bad_path'] as const;
export type IgnoredArgReason = (typeof IGNORED_ARG_REASONS)[number];

export interface LaunchArgs {
  /** Absolute path of the project to open, or null. */
  projectPath: string | null;
  /** Arguments that were not switches and were not opened, with why (logged by main). */
  ignored: { arg: string; reason: IgnoredArgReason }[];
}

export interface LaunchArgOptions {
  /** `process.defaultApp`: a development launch, where the first positional argument is the app's directory. */
  defaultApp?: boolean;
}

const REASON_TEXT: Record<IgnoredArgReason, string> = {
  app_path: 'the app directory of a development launch',
  not_gpkg: 'not a .gpkg project file',
  extra_file: 'only one project opens per launch',
  bad_path: 'not a usable file path',
};

/** "notes.txt: not a .gpkg project file" — for the log. */
export function describeIgnored(entry: LaunchArgs['ignored'][number]): string {
  return `${entry.arg}: ${REASON_TEXT[entry.reason]}`;
}

function toPath(arg: string, cwd: string): string | null {
  if (arg.includes('\0')) return null;
  if (/^file:/i.test(arg)) {
    try {
      return fileURLToPath(arg);
    } catch {
      return null;
    }
  }
  return path.resolve(cwd, arg);
}

export function parseLaunchArgs(argv: readonly string[], cwd: string, options: LaunchArgOptions = {}): LaunchArgs {
  const ignored: LaunchArgs['ignored'] = [];
  let projectPath: string | null = null;
  let appPathPending = options.defaultApp === true;
  let afterSeparator = false;
  // argv[0] is the executable (the app itself, or electron in development).
  for (const arg of argv.slice(1)) {
    if (!afterSeparator && arg === '--') {
      afterSeparator = true;
      continue;
    }
    if (!afterSeparator && arg.startsWith('-')) continue;
    if (arg === '') continue;
    if (appPathPending) {
      appPathPending = false;
      ignored.push({ arg, reason: 'app_path' });
      continue;
    }
    const resolved = toPath(arg, cwd);
    if (resolved === null) ignored.push({ arg, reason: 'bad_path' });
    else if (!resolved.toLowerCase().endsWith('.gpkg')) ignored.push({ arg, reason: 'not_gpkg' });
    else if (projectPath !== null) ignored.push({ arg, reason: 'extra_file' });
    else projectPath = resolved;
  }
  return { projectPath, ignored };
}

/** Just the project path (see parseLaunchArgs). */
export function projectPathFromArgv(argv: readonly string[], cwd: string, options: LaunchArgOptions = {}): string | null {
  return parseLaunchArgs(argv, cwd, options).projectPath;
}
