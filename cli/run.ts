import { CliError, oneLine, type CliIo, type ExitCode } from './io';
import { INFO_USAGE, infoCommand } from './commands/info';
import { CONVERT_USAGE, convertCommand } from './commands/convert';
import { ANALYZE_USAGE, analyzeCommand } from './commands/analyze';
import { SOLAR_USAGE, solarCommand } from './commands/solar';
import { REPORT_USAGE, reportCommand } from './commands/report';

/** Injected facts about the running program, so tests need no package.json or clock. */
export interface CliContext {
  version: string;
  /** ISO 8601 timestamp stamped on projects created by an import. */
  now: () => string;
}

export const HELP = [
  'ecopark — EcoPark Planner on the command line',
  '',
  'Usage:',
  `  ${INFO_USAGE}     print the project summary`,
  `  ${CONVERT_USAGE}`,
  `  ${ANALYZE_USAGE}`,
  `  ${SOLAR_USAGE}`,
  `  ${REPORT_USAGE}`,
  '  ecopark --help | -h      this help',
  '  ecopark --version | -v   the version',
];

/**
 * Runs one command line (without `node` and the script). Never throws: every failure is one
 * line on stderr, prefixed `ecopark:`, and a non-zero exit code (1 failure, 2 usage).
 */
export async function run(argv: string[], io: CliIo, context: CliContext): Promise<ExitCode> {
  try {
    const [command, ...args] = argv;
    switch (command) {
      case undefined:
        throw new CliError('no command given; try: ecopark --help', 2);
      case '--help':
      case '-h':
      case 'help':
        HELP.forEach((line) => io.stdout(line));
        return 0;
      case '--version':
      case '-v':
        io.stdout(context.version);
        return 0;
      case 'info':
        return await infoCommand(args, io);
      case 'convert':
        return await convertCommand(args, io, context.now);
      case 'analyze':
        return await analyzeCommand(args, io, context.now);
      case 'solar':
        return await solarCommand(args, io);
      case 'report':
        return await reportCommand(args, io, context);
      default:
        throw new CliError(`unknown command "${command}"; try: ecopark --help`, 2);
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`ecopark: ${oneLine(error.message)}`);
      return error.exitCode;
    }
    // A bug, not a user error: still one line, no stack trace, but say it is unexpected.
    io.stderr(`ecopark: internal error: ${oneLine(error instanceof Error ? error.message : String(error))}`);
    return 1;
  }
}
