import { existsSync, statSync } from 'fs';
import { writeFile } from 'fs/promises';
import { resolve } from 'path';
import { langFromLocale, type Lang } from '../domain/messages';
import { buildOutputs } from '../domain/outputs';
import { reconcile } from '../domain/reconcile/reconcile';
import { formatReport, hasErrors, resultToJson } from '../domain/report';
import { sampleWorkbookModel } from '../sample/sampleWorkbook';
import { REGISTER_USAGE, runRegister } from './register';
import { applyOutputs, loadWorkbook, writeWorkbookFile, XlsxInputError, type WorkbookFile } from '../xlsx';

/** Exit codes: 0 no errors found, 1 errors found, 2 the command could not run. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  env: Record<string, string | undefined>;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  env: process.env,
};

const USAGE = `Usage:
  plan-reconciler sample OUT.xlsx
      Write the sample workbook (Nedre Romerike's 2010–2011 action plan).
  plan-reconciler reconcile IN.xlsx [--out OUT.xlsx] [--year Y] [--json] [--lang nb|en]
                                    [--budget-sheet NAME] [--financing-sheet NAME]
      Reconcile budget, financing and the project register of IN.xlsx.
      --out writes a copy of IN.xlsx with the reconciliation sheet, the project
      cards and the summary added (or replaced, when OUT was made this way);
      IN.xlsx is never changed. The summary's chart is left out of the file.
      Exit code 0: no errors found; 1: errors found; 2: could not run.
${REGISTER_USAGE}  plan-reconciler --help | --version
`;

class UsageError extends Error {}

interface Parsed {
  positional: string[];
  flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set(['--year', '--lang', '--budget-sheet', '--financing-sheet', '--out', '--format']);
const BOOL_FLAGS = new Set(['--json', '--help', '-h', '--version']);

export function parseArgs(argv: readonly string[]): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('-') && a !== '-') {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(0, eq) : a;
      if (VALUE_FLAGS.has(name)) {
        const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
        if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
        flags.set(name, value);
      } else if (BOOL_FLAGS.has(name) && eq < 0) {
        flags.set(name, true);
      } else {
        throw new UsageError(`unknown option ${a}`);
      }
    } else {
      positional.push(a);
    }
  }
  return { positional, flags };
}

function str(p: Parsed, name: string): string | undefined {
  const v = p.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

function langOf(p: Parsed, env: Io['env']): Lang {
  const flag = str(p, '--lang');
  if (flag !== undefined) {
    if (flag !== 'nb' && flag !== 'en') throw new UsageError(`--lang must be nb or en, not ${flag}`);
    return flag;
  }
  return langFromLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

async function runSample(p: Parsed, io: Io): Promise<number> {
  if (p.positional.length !== 2) throw new UsageError('sample takes one argument: OUT.xlsx');
  if (p.flags.size > 0) throw new UsageError(`sample takes no options`);
  const out = p.positional[1];
  if (!/\.xlsx$/i.test(out)) throw new UsageError(`the output file must end in .xlsx: ${out}`);
  await writeWorkbookFile(sampleWorkbookModel(), out);
  io.err(`wrote ${out}\n`);
  return EXIT.ok;
}

async function runReconcile(p: Parsed, io: Io): Promise<number> {
  if (p.positional.length !== 2) throw new UsageError('reconcile takes one argument: IN.xlsx');
  const yearText = str(p, '--year');
  let year: number | undefined;
  if (yearText !== undefined) {
    if (!/^\d{4}$/.test(yearText))
      throw new UsageError(`--year must be a year such as 2010, not ${yearText}`);
    year = Number(yearText);
  }
  const lang = langOf(p, io.env);
  const input = p.positional[1];
  const out = str(p, '--out');
  if (out !== undefined) checkOutPath(input, out);
  const choice = { budgetSheet: str(p, '--budget-sheet'), financingSheet: str(p, '--financing-sheet') };
  const book = await loadWorkbook(input, choice);
  if (out !== undefined) checkMacros(book, out);
  const workbook = book.snapshot;
  const result = reconcile(workbook, { year, ...choice });
  // Written before the report, so a failed write leaves no report that looks like success.
  if (out !== undefined) {
    const applied = applyOutputs(book, buildOutputs(result, lang, workbook));
    await writeFile(out, applied.bytes);
    io.err(`wrote ${out} (${applied.sheets.join(', ')})\n`);
    for (const { sheet } of applied.chartsLeftOut) {
      io.err(
        `plan-reconciler: the chart of sheet ${sheet} was left out (charts cannot be written to .xlsx by the CLI)\n`,
      );
    }
  }
  if (p.flags.has('--json')) io.out(JSON.stringify(resultToJson(result, lang)) + '\n');
  else io.out(formatReport(result, lang));
  return hasErrors(result) ? EXIT.findings : EXIT.ok;
}

/**
 * A workbook with macros (a VBA project) is kept with them, and Excel opens such a file only
 * under `.xlsm`; one without, only under `.xlsx`. OUT's extension must say what the copy is.
 */
function checkMacros(book: WorkbookFile, out: string): void {
  const macros = book.workbook.macroEnabled;
  if (macros && !/\.xlsm$/i.test(out))
    throw new UsageError(
      `the workbook has macros, which the copy keeps: the output file must end in .xlsm: ${out}`,
    );
  if (!macros && !/\.xlsx$/i.test(out)) throw new UsageError(`the output file must end in .xlsx: ${out}`);
}

/** OUT must be a new .xlsx (or .xlsm) path, never IN itself (by path, or the same file through a link). */
function checkOutPath(input: string, out: string): void {
  if (!/\.xls[xm]$/i.test(out)) throw new UsageError(`the output file must end in .xlsx (or .xlsm): ${out}`);
  let same = resolve(input) === resolve(out);
  if (!same && existsSync(out) && existsSync(input)) {
    const a = statSync(input);
    const b = statSync(out);
    same = a.dev === b.dev && a.ino === b.ino;
  }
  if (same) throw new UsageError(`--out must not be the input file (${out}); IN.xlsx is never changed`);
}

/** Runs the CLI; returns the exit code. Never throws: failures become a one-line message and exit code 2. */
export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  try {
    const p = parseArgs(argv);
    if (p.flags.has('--version')) {
      io.out(`${version()}\n`);
      return EXIT.ok;
    }
    if (p.flags.has('--help') || p.flags.has('-h')) {
      io.out(USAGE);
      return EXIT.ok;
    }
    if (p.positional.length === 0) {
      io.err(USAGE);
      return EXIT.usage;
    }
    switch (p.positional[0]) {
      case 'sample':
        return await runSample(p, io);
      case 'reconcile':
        return await runReconcile(p, io);
      case 'register':
        return await runRegister({
          positional: p.positional,
          flags: p.flags,
          lang: langOf(p, io.env),
          out: io.out,
          err: io.err,
          usage: (message) => {
            throw new UsageError(message);
          },
          checkOutPath,
          checkMacros,
        });
      default:
        throw new UsageError(`unknown command ${p.positional[0]}`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`plan-reconciler: ${err.message} (see plan-reconciler --help)\n`);
    } else if (err instanceof XlsxInputError) {
      io.err(`plan-reconciler: ${err.messageIn(safeLang(argv, io.env))}\n`);
    } else {
      const e = err as NodeJS.ErrnoException;
      io.err(`plan-reconciler: ${e?.message ?? String(err)}\n`);
    }
    return EXIT.usage;
  }
}

/** The user's language for a message about a failure, whatever else is wrong with the arguments. */
function safeLang(argv: readonly string[], env: Io['env']): Lang {
  try {
    return langOf(parseArgs(argv), env);
  } catch {
    return langFromLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
  }
}

function version(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../../package.json') as { version: string }).version;
}
