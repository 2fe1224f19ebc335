/** The shape of one hostile case, shared by the generator, the child runner and the test. */

/**
 * Which public entry point reads the case, as each front end calls it:
 * - import: `importFile` (shared/io/exchange.ts), what the Import dialog and `convert` use;
 * - project: `readProject` (shared/project-file), what Open in the app and every CLI command use;
 * - weather: `parseWeatherFile` (shared/solar) on the decoded text, as the solar worker and `solar --weather`;
 * - tiles: `openTileArchive` (shared/tile-archive) then `getTile` for `tiles`, as the desktop tile service;
 * - overlay: the overlay image reading (shared/overlay checks, then the geotiff library as the renderer);
 * - cli: `run()` of cli/run.ts in-process with the real file-system io, `argv` with placeholders.
 */
export const READERS = ['import', 'project', 'weather', 'tiles', 'overlay', 'cli'] as const;
export type ReaderId = (typeof READERS)[number];

export interface HostileCase {
  /** Unique, readable: `format/what-is-wrong`. */
  name: string;
  format: string;
  reader: ReaderId;
  /** The name the file is given on disk and handed to the reader (its extension picks the format). */
  fileName: string;
  bytes: Uint8Array;
  /**
   * cli only: the arguments; `{in}` is the input file, `{dir}` the case's own folder. Paths the
   * command may write are listed in `outputs` (relative to the folder).
   */
  argv?: string[];
  outputs?: string[];
  /** cli only: files present before the run that must be unchanged after it. */
  existing?: { path: string; bytes: Uint8Array }[];
  /** cli only: symbolic links made before the run (path → target, both relative to the folder). */
  symlinks?: { path: string; target: string }[];
  /** tiles only: the [z, x, y] tiles to fetch after the archive opens. */
  tiles?: [number, number, number][];
  /** A refusal is the only right answer (a bomb, a file of another kind): success is a failure. */
  mustRefuse?: boolean;
}

/** What the child reports for one case. */
export interface CaseReport {
  index: number;
  elapsedMs: number;
  /** CPU time of the case (user + system): what a hang burns, whatever the machine's load. */
  cpuMs: number;
  /** Peak resident memory during the case (VmHWM reset before it), in bytes. */
  peakRssBytes: number;
  outcome: 'ok' | 'refused' | 'threw';
  /** The refusal or error text, and any warnings: everything a person would read. */
  messages: string[];
  /** The reader changed the bytes it was handed. */
  inputMutated: boolean;
}
