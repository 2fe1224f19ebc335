import { readFile, writeFile } from 'node:fs/promises';

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

const FS_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'a folder in the path is not a directory',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
};

/** A file-system error as the plain phrase a user reads, without the stack or syscall noise. */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && FS_ERRORS[code]) return FS_ERRORS[code];
  return oneLine(error instanceof Error ? error.message : String(error));
}

export async function readInput(io: CliIo, path: string): Promise<Uint8Array> {
  try {
    return await io.readFile(path);
  } catch (error) {
    throw new CliError(`cannot open ${path}: ${describeFsError(error)}`);
  }
}
