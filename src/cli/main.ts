/**
 * `plan-reconciler`: reads the command line (args.ts), runs the command (`sample`, `reconcile`
 * here; `register`, `from-plan`, `explain` and `sign-off` in their modules) and turns every failure into one line on
 * stderr, in the user's language, with exit code 2.
 */
import { existsSync, statSync } from 'fs';
import { writeFile } from 'fs/promises';
import { resolve } from 'path';
import type { Lang } from '../domain/messages';
import { buildOutputs } from '../domain/outputs';
import { reconcile } from '../domain/reconcile/reconcile';
import { failingErrorCount, formatReport, resultToJson } from '../domain/report';
import { findSheet } from '../domain/tables/findSheet';
import { sampleWorkbookModel } from '../sample/sampleWorkbook';
import { PackageError } from '../xlsx/package/guard';
import { langOf, readCommandLine, UsageError, type CommandLine } from './args';
import { runFromPlan } from './fromPlan';
import { runRegister, type RegisterContext } from './register';
import { runExplain, runSignOff } from './review';
import { CLI_TEXT, type CliText } from './text';
import { applyOutputs, XlsxInputError, XlsxModelError, type WorkbookFile } from '../xlsx';
import { loadWorkbook, writeWorkbookFile } from './workbookFiles';

/**
 * Exit codes: 0 no open errors found, 1 open errors found (with `--strict`, explained ones too; a
 * sign-off refused while an error is open), 2 the command could not run.
 */
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

/** The command cannot run for a reason the message (already in the user's language) says. */
export class CliError extends Error {}

async function runSample(p: CommandLine, io: Io, t: CliText): Promise<number> {
  if (p.positional.length !== 2) throw new UsageError(t.sampleArgs);
  if ([...p.flags.keys()].some((f) => f !== '--lang')) throw new UsageError(t.sampleNoOptions);
  const out = p.positional[1];
  if (!/\.xlsx$/i.test(out)) throw new UsageError(t.mustEndXlsx(out));
  await writing(out, t, () => writeWorkbookFile(sampleWorkbookModel(), out));
  io.err(`${t.wrote(out)}\n`);
  return EXIT.ok;
}

async function runReconcile(p: CommandLine, io: Io, lang: Lang, t: CliText): Promise<number> {
  if (p.positional.length !== 2) throw new UsageError(t.reconcileArgs);
  const yearText = p.options.year;
  let year: number | undefined;
  if (yearText !== undefined) {
    if (!/^\d{4}$/.test(yearText)) throw new UsageError(t.badYear(yearText));
    year = Number(yearText);
  }
  const input = p.positional[1];
  const out = p.options.out;
  if (out !== undefined) checkOutPath(input, out, t);
  const choice = { budgetSheet: p.options['budget-sheet'], financingSheet: p.options['financing-sheet'] };
  const book = await loadWorkbook(input, choice);
  checkSheetChoice(book, choice, t);
  if (out !== undefined) checkMacros(book, out, t);
  const workbook = book.snapshot;
  const result = reconcile(workbook, { year, ...choice });
  // Written before the report, so a failed write leaves no report that looks like success.
  if (out !== undefined) {
    const applied = withInput(input, () => applyOutputs(book, buildOutputs(result, lang, workbook)), out, t);
    await writing(out, t, () => writeFile(out, applied.bytes));
    io.err(`${t.wroteSheets(out, applied.sheets)}\n`);
  }
  if (p.options.json) io.out(JSON.stringify(resultToJson(result, lang)) + '\n');
  else io.out(formatReport(result, lang));
  // An explained error fails the run only with --strict; a stale one is open again.
  return failingErrorCount(result, p.options.strict === true) > 0 ? EXIT.findings : EXIT.ok;
}

/**
 * The same sheet as budget and financing is refused: read twice, every row would be both a
 * budget line and a funding source, and the findings would describe a plan nobody wrote.
 * Compared after the names are resolved as reconciling resolves them (`Budsjett` and `budsjett`
 * name one sheet when only one exists).
 */
function checkSheetChoice(
  book: WorkbookFile,
  choice: { budgetSheet?: string; financingSheet?: string },
  t: CliText,
): void {
  if (choice.budgetSheet === undefined || choice.financingSheet === undefined) return;
  const budget = findSheet(book.snapshot, 'budget', choice.budgetSheet);
  const financing = findSheet(book.snapshot, 'financing', choice.financingSheet);
  if ('sheet' in budget && 'sheet' in financing && budget.sheet.name === financing.sheet.name)
    throw new UsageError(t.sameSheet(budget.sheet.name));
}

/**
 * A workbook with macros (a VBA project) is kept with them, and Excel opens such a file only
 * under `.xlsm`; one without, only under `.xlsx`. OUT's extension must say what the copy is.
 */
function checkMacros(book: WorkbookFile, out: string, t: CliText): void {
  const macros = book.workbook.macroEnabled;
  if (macros && !/\.xlsm$/i.test(out)) throw new UsageError(t.mustEndXlsm(out));
  if (!macros && !/\.xlsx$/i.test(out)) throw new UsageError(t.mustEndXlsx(out));
}

/** OUT must be a new .xlsx (or .xlsm) path, never IN itself (by path, or the same file through a link). */
function checkOutPath(input: string, out: string, t: CliText): void {
  if (!/\.xls[xm]$/i.test(out)) throw new UsageError(t.mustEndXlsxOrXlsm(out));
  let same = resolve(input) === resolve(out);
  if (!same && existsSync(out) && existsSync(input)) {
    const a = statSync(input);
    const b = statSync(out);
    same = a.dev === b.dev && a.ino === b.ino;
  }
  if (same) throw new UsageError(t.outIsInput(out));
}

/** Writes a file; a failure (no such folder, no permission) is one line naming the file. */
async function writing<T>(path: string, t: CliText, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code !== 'string') throw e;
    throw new CliError(t.cannotWrite(path, t.fileReason(code)));
  }
}

/**
 * Adds sheets to the package read from `input`: a part of IN that only now turns out damaged is
 * IN's refusal, and a package the sheets cannot be added to says so, naming OUT.
 */
function withInput<T>(input: string, add: () => T, out: string, t: CliText): T {
  try {
    return add();
  } catch (e) {
    if (e instanceof PackageError) throw new XlsxInputError(e.reason, input, e.detail);
    if (e instanceof XlsxModelError) throw new CliError(t.cannotWriteWorkbook(out, e.message));
    throw e;
  }
}

/** What a sub-command module needs from main: its arguments, messages and checks. */
function context(p: CommandLine, io: Io, lang: Lang, t: CliText): RegisterContext {
  return {
    positional: p.positional,
    flags: p.flags,
    lang,
    text: t,
    out: io.out,
    err: io.err,
    usage: (message) => {
      throw new UsageError(message);
    },
    fail: (message) => {
      throw new CliError(message);
    },
    writing: (path, write) => writing(path, t, write),
    checkOutPath: (input, out) => checkOutPath(input, out, t),
    checkMacros: (book, out) => checkMacros(book, out, t),
    adding: (input, out, add) => withInput(input, add, out, t),
  };
}

/** Runs the CLI; returns the exit code. Never throws: failures become a one-line message and exit code 2. */
export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  const lang = langOf(argv, io.env);
  const t = CLI_TEXT[lang];
  try {
    const p = readCommandLine(argv, t);
    if (p.options.version) {
      io.out(`${version()}\n`);
      return EXIT.ok;
    }
    if (p.options.help) {
      io.out(t.help);
      return EXIT.ok;
    }
    if (p.positional.length === 0) {
      io.err(t.short);
      return EXIT.usage;
    }
    switch (p.positional[0]) {
      case 'sample':
        return await runSample(p, io, t);
      case 'reconcile':
        return await runReconcile(p, io, lang, t);
      case 'register':
        return await runRegister(context(p, io, lang, t));
      case 'from-plan':
        return await runFromPlan(context(p, io, lang, t), p.options);
      case 'explain':
        return await runExplain(context(p, io, lang, t));
      case 'sign-off':
        return await runSignOff(context(p, io, lang, t));
      default:
        throw new UsageError(t.unknownCommand(p.positional[0]));
    }
  } catch (err) {
    io.err(`plan-reconciler: ${failureLine(err, lang, t)}\n`);
    return EXIT.usage;
  }
}

/** One line for what stopped the command, in the user's language. */
function failureLine(err: unknown, lang: Lang, t: CliText): string {
  if (err instanceof UsageError) return `${err.message} (${t.seeHelp})`;
  if (err instanceof XlsxInputError) return err.messageIn(lang);
  if (err instanceof CliError) return err.message;
  // A bug, not the user's doing: said so, with what little there is to report.
  const message = err instanceof Error ? err.message : String(err);
  return t.internalError(message.replace(/\s+/g, ' ').trim());
}

function version(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../../package.json') as { version: string }).version;
}
