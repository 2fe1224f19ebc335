import { CliError, oneLine, type CliIo, type CommandContext, type ExitCode } from './io';
import { ANALYZE_USAGE, BATCH_USAGE, CONVERT_USAGE, ECO_USAGE, INFO_USAGE, LAYOUT_USAGE, REPORT_USAGE, SOLAR_USAGE } from './usage';
import { extractLang, langFromEnv, messages, type LangEnv, type Messages } from './i18n';
import { DEFAULT_LIMITS, LIMIT_IDS, LIMIT_SPECS, raiseLimits } from '../shared/limits';

/** Injected facts about the running program, so tests need no package.json, clock or locale. */
export interface CliContext {
  version: string;
  /** ISO 8601 timestamp stamped on projects created by an import. */
  now: () => string;
  /** The locale variables that choose the default language (process.env in the real command). */
  env?: LangEnv;
}

/** A command's entry point: its arguments (after the command name), the outside world, the context. */
export type Command = (args: string[], io: CliIo, context: CommandContext) => Promise<ExitCode>;

/**
 * The commands, each loaded with import() only when it runs: the bundle (scripts/build-cli.mjs)
 * makes each one a separate chunk, so `--help` or `info` never load PDF, fonts or XLSX.
 */
export const COMMANDS: Record<string, () => Promise<Command>> = {
  info: async () => (await import('./commands/info')).infoCommand,
  convert: async () => (await import('./commands/convert')).convertCommand,
  analyze: async () => (await import('./commands/analyze')).analyzeCommand,
  solar: async () => (await import('./commands/solar')).solarCommand,
  eco: async () => (await import('./commands/eco')).ecoCommand,
  report: async () => (await import('./commands/report')).reportCommand,
  batch: async () => (await import('./commands/batch')).batchCommand,
  layout: async () => (await import('./commands/layout')).layoutCommand,
};

/** The help text in a language: usage lines with what each command does. */
export function helpLines(m: Messages): string[] {
  return [
    m.t('help.title'),
    '',
    m.t('help.usage'),
    `  ${INFO_USAGE}`,
    `      ${m.t('help.info')}`,
    `  ${CONVERT_USAGE}`,
    `      ${m.t('help.convert')}`,
    `  ${ANALYZE_USAGE}`,
    `      ${m.t('help.analyze')}`,
    `  ${SOLAR_USAGE}`,
    `      ${m.t('help.solar')}`,
    `  ${ECO_USAGE}`,
    `      ${m.t('help.eco')}`,
    `  ${REPORT_USAGE}`,
    `      ${m.t('help.report')}`,
    `  ${BATCH_USAGE}`,
    `      ${m.t('help.batch')}`,
    `  ${LAYOUT_USAGE}`,
    `      ${m.t('help.layout')}`,
    `  ecopark --help | -h      ${m.t('help.help')}`,
    `  ecopark --version | -v   ${m.t('help.version')}`,
    '',
    m.t('help.options'),
    `  --lang vi|en   ${m.t('help.lang')}`,
    `  --limit ID=N   ${m.t('help.limit', { ids: LIMIT_IDS.filter((id) => LIMIT_SPECS[id].raisable).join(', ') })}`,
    `  --force        ${m.t('help.force')}`,
    `  ${m.t('help.machine')}`,
  ];
}

/** The English help (kept for callers that print it without a language). */
export const HELP = helpLines(messages('en'));

/**
 * Runs one command line (without `node` and the script). Never throws: every failure is one
 * line on stderr, prefixed `ecopark:`, and a non-zero exit code (1 failure, 2 usage). The
 * global `--lang vi|en` may stand anywhere; without it the language comes from the environment.
 */
export async function run(argv: string[], io: CliIo, context: CliContext): Promise<ExitCode> {
  const picked = extractLang(argv);
  const m = messages(picked.lang ?? langFromEnv(context.env ?? {}));
  try {
    if (picked.error) throw new CliError(m.t('error.langValue', { value: picked.error.value }), 2);
    const limitArgs = extractLimitSettings(picked.rest);
    if (limitArgs.missingValue) throw new CliError(m.t('error.limitValue', { value: '' }), 2);
    const raised = raiseLimits(DEFAULT_LIMITS, limitArgs.settings);
    if (!raised.ok) throw new CliError(m.t(raised.reason === 'bad_value' ? 'error.limitValue' : raised.reason === 'unknown_limit' ? 'error.limitUnknown' : 'error.limitNotRaisable', { value: raised.detail }), 2);
    const ctx: CommandContext = { ...context, m, limits: raised.limits };
    const [command, ...args] = limitArgs.rest;
    switch (command) {
      case undefined:
        throw new CliError(m.t('error.noCommand'), 2);
      case '--help':
      case '-h':
      case 'help':
        helpLines(m).forEach((line) => io.stdout(line));
        return 0;
      case '--version':
      case '-v':
        io.stdout(context.version);
        return 0;
      default: {
        const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
        if (!load) throw new CliError(m.t('error.unknownCommand', { command }), 2);
        return await (await load())(args, io, ctx);
      }
    }
  } catch (error) {
    return reportFailure(error, io, m);
  }
}

/**
 * Writes a command's failure as its one stderr line and returns the exit code: a CliError is the
 * user's (its own code), anything else a bug (1), still one line, without a stack trace.
 */
export function reportFailure(error: unknown, io: CliIo, m: Messages): ExitCode {
  if (error instanceof CliError) {
    io.stderr(`ecopark: ${oneLine(error.message)}`);
    return error.exitCode;
  }
  io.stderr(`ecopark: ${m.t('error.internal', { message: oneLine(error instanceof Error ? error.message : String(error)) })}`);
  return 1;
}

/** Takes every global `--limit id=value` (or `--limit=id=value`) out of the arguments, wherever it stands. */
export function extractLimitSettings(argv: readonly string[]): { settings: string[]; rest: string[]; missingValue: boolean } {
  const settings: string[] = [];
  const rest: string[] = [];
  let missingValue = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--limit') {
      if (i + 1 >= argv.length) missingValue = true;
      else settings.push(argv[++i]);
    } else if (arg.startsWith('--limit=')) settings.push(arg.slice('--limit='.length));
    else rest.push(arg);
  }
  return { settings, rest, missingValue };
}
