import type { CliIo, CommandContext, ExitCode } from '../io';

/** One file of a batch: the command to run on it and that command's options. */
export interface BatchJob {
  command: 'analyze';
  path: string;
  /** The command's own options (e.g. --scenario, --date), the same for every file. */
  options: string[];
}

/** What the command printed for one file, and how it ended. */
export interface BatchOutcome {
  exitCode: ExitCode;
  stdout: string[];
  stderr: string[];
}

/**
 * Runs the single-file command on one file of a batch, exactly as `ecopark analyze FILE --json`
 * would (same reading, limits, warnings and failure line), with its output captured instead of
 * printed. Used in the main thread (--jobs 1) and in each worker (batch-worker.ts).
 */
export async function runBatchJob(job: BatchJob, io: CliIo, context: CommandContext): Promise<BatchOutcome> {
  // run.ts loads the command table; imported here so a worker loads only what it runs.
  const { COMMANDS, reportFailure } = await import('../run');
  const stdout: string[] = [];
  const stderr: string[] = [];
  const captured: CliIo = { ...io, stdout: (line) => stdout.push(line), stderr: (line) => stderr.push(line) };
  let exitCode: ExitCode;
  try {
    const command = await COMMANDS[job.command]();
    exitCode = await command([job.path, ...job.options, '--json'], captured, context);
  } catch (error) {
    exitCode = reportFailure(error, captured, context.m);
  }
  return { exitCode, stdout, stderr };
}
