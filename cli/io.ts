import { readFile, writeFile } from 'node:fs/promises';
import type { Messages } from './i18n';
import type { Limits } from '../shared/limits';

/**
 * What a command may touch of the outside world, injected so commands run in-process in tests.
 * `readFile`/`writeFile` reject with Node-style errors (`code` such as 'ENOENT').
 */
export interface CliIo {
  stdout(line: string): void;
  stderr(line: string): void;
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, bytes: Uint8Array): Promise<void>;
}

export const nodeIo: CliIo = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  readFile: async (path) => new Uint8Array(await readFile(path)),
  writeFile: (path, bytes) => writeFile(path, bytes),
};

/** What a command receives besides its arguments: the program's facts and the user's language. */
export interface CommandContext {
  version: string;
  /** ISO 8601 timestamp stamped on projects created by an import. */
  now: () => string;
  m: Messages;
  /** Input limits in force: the defaults of shared/limits.ts, raised by `--limit id=value`. */
  limits: Limits;
}

/** A command's outcome: the process exit code (0 success, 1 failure, 2 usage error). */
export type ExitCode = 0 | 1 | 2;

/** A failure that ends the command with one line on stderr and a non-zero exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = 1,
  ) {
    super(message);
  }
}

/** Collapses a message to one line: the CLI promises a single line per error. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const FS_ERROR_CODES = ['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'EROFS', 'ENOSPC'] as const;

/** A file-system error as the plain phrase a user reads, without the stack or syscall noise. */
export function describeFsError(error: unknown, m: Messages): string {
  const code = (error as { code?: unknown } | null)?.code;
  const known = FS_ERROR_CODES.find((c) => c === code);
  if (known) return m.t(`fs.${known}`);
  return oneLine(error instanceof Error ? error.message : String(error));
}

/** Writes an output file; on write, ENOENT means the folder is missing, not the file. */
export async function writeOutput(io: CliIo, path: string, bytes: Uint8Array, m: Messages): Promise<void> {
  try {
    await io.writeFile(path, bytes);
  } catch (error) {
    const missingFolder = (error as { code?: unknown } | null)?.code === 'ENOENT';
    throw new CliError(m.t('file.cannotWrite', { path, reason: missingFolder ? m.t('fs.noFolder') : describeFsError(error, m) }));
  }
}

export async function readInput(io: CliIo, path: string, m: Messages): Promise<Uint8Array> {
  try {
    return await io.readFile(path);
  } catch (error) {
    throw new CliError(m.t('file.cannotOpen', { path, reason: describeFsError(error, m) }));
  }
}

/** A warning line on stderr (the run loop prefixes errors; warnings are written as they come). */
export function warn(io: CliIo, m: Messages, message: string): void {
  io.stderr(`ecopark: ${m.t('warning', { message: oneLine(message) })}`);
}
