/**
 * The command line, read by `node:util` `parseArgs` in strict mode: every option is known and
 * typed, and a value option has its value. What is wrong with it is a `UsageError` in the user's
 * language that names the option; the language itself is known before anything is checked, so
 * that even that message is in it.
 */
import { parseArgs } from 'node:util';
import { isLang, langFromLocale, type Lang } from '../domain/messages';
import type { CliText } from './text';

/** The arguments are wrong: one line, with a pointer to `--help` (exit code 2). */
export class UsageError extends Error {}

/** Every option of every command; which command takes which is the command's own check. */
const OPTIONS = {
  year: { type: 'string' },
  lang: { type: 'string' },
  'budget-sheet': { type: 'string' },
  'financing-sheet': { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
  into: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  'replace-register': { type: 'boolean' },
  strict: { type: 'boolean' },
  reason: { type: 'string' },
  by: { type: 'string' },
  name: { type: 'string' },
} as const;

type OptionName = keyof typeof OPTIONS;

const strictly = (argv: readonly string[]) =>
  parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: true });

/** The same line read as it comes, nothing refused: its tokens, for what strictness refused and for `--lang`. */
const leniently = (argv: readonly string[]) =>
  parseArgs({ args: argv, options: OPTIONS, strict: false, allowPositionals: true, tokens: true });

/** The options given, typed: `year` a string, `json` true, an option not given undefined. */
export type Options = ReturnType<typeof strictly>['values'];

export interface CommandLine {
  /** The command and its arguments: `reconcile`, `IN.xlsx`. */
  readonly positional: readonly string[];
  readonly options: Options;
  /**
   * The options given, as written (`--out`), in the order given, with their values: what a
   * command checks against the options it takes.
   */
  readonly flags: ReadonlyMap<string, string | true>;
}

/** Reads `argv` (without `node` and the script); throws `UsageError` when it is wrong. */
export function readCommandLine(argv: readonly string[], t: CliText): CommandLine {
  let parsed: ReturnType<typeof strictly>;
  try {
    parsed = strictly(argv);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const said = code?.startsWith('ERR_PARSE_ARGS_') ? whatIsWrong(argv, t) : undefined;
    if (said === undefined) throw e;
    throw new UsageError(said);
  }
  const flags = new Map<string, string | true>();
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === '') throw new UsageError(t.needsValue(`--${name}`));
    // A boolean is only ever true here: `--no-json` is not an option (`allowNegative` is off).
    if (value !== undefined && value !== false) flags.set(`--${name}`, value);
  }
  const lang = parsed.values.lang;
  if (lang !== undefined && !isLang(lang)) throw new UsageError(t.badLang(lang));
  return { positional: parsed.positionals, options: parsed.values, flags };
}

/** The first option strict parsing refused, in the user's words; read again without strictness. */
function whatIsWrong(argv: readonly string[], t: CliText): string | undefined {
  const { tokens } = leniently(argv);
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (!Object.prototype.hasOwnProperty.call(OPTIONS, token.name)) return t.unknownOption(token.rawName);
    const option = OPTIONS[token.name as OptionName];
    const flag = `--${token.name}`;
    if (option.type === 'boolean' && token.value !== undefined) return t.takesNoValue(flag);
    // A value that looks like an option (`--year --json`) is taken for a forgotten value.
    const value = token.value;
    if (option.type === 'string' && (value === undefined || (!token.inlineValue && /^-./.test(value))))
      return t.needsValue(flag);
  }
  return undefined;
}

/**
 * The user's language: the last `--lang` that says nb or en, else the locale (bokmål for nb, nn,
 * no). Read leniently, before the arguments are checked.
 */
export function langOf(argv: readonly string[], env: Record<string, string | undefined>): Lang {
  const { tokens } = leniently(argv);
  let lang: Lang | undefined;
  for (const token of tokens)
    if (token.kind === 'option' && token.name === 'lang' && isLang(token.value)) lang = token.value;
  return lang ?? langFromLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}
