import fs from 'node:fs/promises';
import { atomicWriteFile } from '../electron/atomic-write';
import type { Messages } from './i18n';
import type { Limits } from '../shared/limits';

/**
 * Which file a path really names, whatever link or other name reaches it: device and inode
 * (bigint, because Windows file ids exceed 2^53).
 */
export interface FileIdentity {
  dev: bigint;
  ino: bigint;
}

/**
 * What a command may touch of the outside world, injected so commands run in-process in tests.
 * `readFile`/`writeFile`/`identify` reject with Node-style errors (`code` such as 'ENOENT').
 */
export interface CliIo {
  stdout(line: string): void;
  stderr(line: string): void;
  readFile(path: string): Promise<Uint8Array>;
  /**
   * Creates or replaces `path` atomically (the desktop's writer: temp, fsync, rename, fsync of
   * the folder), keeping its mode and symlink; `backup` keeps the previous version as `<path>.bak`.
   */
  writeFile(path: string, bytes: Uint8Array, options?: { backup?: boolean }): Promise<void>;
  /** The identity of the file at `path` after following links, or null when nothing is there. */
  identify(path: string): Promise<FileIdentity | null>;
}

/** Streams whose reader has gone (`ecopark analyze --json park.gpkg | head`): nothing more is written to them. */
const closedStreams = new Set<NodeJS.WriteStream>();

/**
 * When the program reading our output stops early (`| head`), the next write fails with EPIPE,
 * and Node throws it as an unhandled 'error' event: a stack trace instead of the quiet stop of a
 * native tool. The command goes on to its end instead, so a file it is writing is finished and
 * nothing is lost, with its lines to that stream dropped. Called by the entry point only.
 */
export function tolerateClosedOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      closedStreams.add(stream);
    });
  }
}

/**
 * Resolves once everything written to stdout and stderr has been handed to the system. On POSIX a
 * pipe is written asynchronously: a process that exits without waiting for this can cut its output
 * short when the reader is slower than the command. A stream whose reader has gone counts as written.
 */
export function outputWritten(): Promise<void> {
  const written = (stream: NodeJS.WriteStream) =>
    new Promise<void>((resolve) => {
      if (closedStreams.has(stream) || stream.destroyed) resolve();
      else stream.write('', () => resolve());
    });
  return Promise.all([written(process.stdout), written(process.stderr)]).then(() => undefined);
}

function writeLine(stream: NodeJS.WriteStream, line: string): void {
  if (!closedStreams.has(stream)) stream.write(`${line}\n`);
}

export const nodeIo: CliIo = {
  stdout: (line) => writeLine(process.stdout, line),
  stderr: (line) => writeLine(process.stderr, line),
  readFile: async (path) => new Uint8Array(await fs.readFile(path)),
  writeFile: (path, bytes, options = {}) => atomicWriteFile(fs, path, bytes, { backup: options.backup }),
  identify: async (path) => {
    try {
      const stat = await fs.stat(path, { bigint: true });
      return { dev: stat.dev, ino: stat.ino };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return null;
      throw error;
    }
  },
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
  // Node refuses a path holding a NUL byte before any system call; its own wording names its API.
  if (code === 'ERR_INVALID_ARG_VALUE' || code === 'ERR_INVALID_ARG_TYPE') return m.t('fs.badPath');
  return oneLine(error instanceof Error ? error.message : String(error));
}

/** Where a command writes, and what that write must not destroy. */
export interface OutputTarget {
  path: string;
  /** The files the command reads: the output may be none of them, by any name, link or hard link. */
  inputs: string[];
  /** --force: the user asked to replace an existing output. */
  force: boolean;
}

/** A project file is never replaced without keeping its previous version as `<path>.bak`. */
function isProjectPath(path: string): boolean {
  return /\.gpkg$/i.test(path);
}

function cannotWrite(path: string, error: unknown, m: Messages): CliError {
  // On write, ENOENT means the folder is missing, not the file.
  const missingFolder = (error as { code?: unknown } | null)?.code === 'ENOENT';
  return new CliError(m.t('file.cannotWrite', { path, reason: missingFolder ? m.t('fs.noFolder') : describeFsError(error, m) }));
}

/**
 * Refuses an output that is one of the inputs (even with --force: the input would be gone
 * before it was read back) or that exists without --force. Commands call it before their work
 * so a refusal costs nothing; writeOutput calls it again right before writing.
 */
export async function checkOutput(io: CliIo, target: OutputTarget, m: Messages): Promise<void> {
  let output: FileIdentity | null;
  try {
    output = await io.identify(target.path);
  } catch (error) {
    throw cannotWrite(target.path, error, m);
  }
  if (!output) return;
  for (const input of target.inputs) {
    // An input that cannot be identified cannot be read either: reading it reports why.
    const identity = await io.identify(input).catch(() => null);
    if (identity && identity.dev === output.dev && identity.ino === output.ino) {
      throw new CliError(m.t('output.isInput', { output: target.path, input }), 2);
    }
  }
  if (!target.force) throw new CliError(m.t(isProjectPath(target.path) ? 'output.existsProject' : 'output.exists', { path: target.path }));
}

/** Writes an output file through the atomic writer, after checkOutput; a project keeps a `.bak`. */
export async function writeOutput(io: CliIo, target: OutputTarget, bytes: Uint8Array, m: Messages): Promise<void> {
  await checkOutput(io, target, m);
  try {
    await io.writeFile(target.path, bytes, { backup: isProjectPath(target.path) });
  } catch (error) {
    throw cannotWrite(target.path, error, m);
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
