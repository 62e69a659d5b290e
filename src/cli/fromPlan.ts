/**
 * `plan-reconciler from-plan PLAN.docx|PLAN.txt --out OUT.xlsx [--into EXISTING.xlsx]
 * [--replace-register]`: reads an action plan into a workbook with the register (very hidden, as
 * the add-in keeps it) and the budget and financing sheets. What the reader could not read, or
 * read with doubt, is listed on stderr in the user's language.
 */
import { readFile, writeFile } from 'fs/promises';
import { resolve } from 'path';
import type { Lang } from '../domain/messages';
import { readPlan, unreadMessage, type PlanBlock, type PlanReading } from '../domain/plan';
import { planSheets, planWorkbookModel } from '../domain/plan/sheets';
import { registerSheetModel } from '../domain/register/registerSheet';
import { findRegisterSheet } from '../domain/register/readRegister';
import { decodeImportBytes } from '../domain/register/codec/bytes';
import { findSheet } from '../domain/tables/findSheet';
import { docxToBlocks } from '../plan/docx';
import { planInputMessage } from '../plan/messages';
import { textToBlocks } from '../domain/plan/text';
import { PackageError } from '../xlsx/package/guard';
import { addToPackage, workbookBytes, type SheetChange } from '../xlsx';
import { loadWorkbook } from './workbookFiles';
import type { Options } from './args';
import type { RegisterContext } from './register';
import type { CliText } from './text';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);

/** The plan file's blocks: a .docx by its content (a zip), anything else as text. */
export function planBlocks(
  bytes: Uint8Array,
  path: string,
  lang: Lang,
  fail: (m: string) => never,
): PlanBlock[] {
  if (startsWith(bytes, OLE)) fail(planInputMessage('not-zip', path, lang, 'ole'));
  if (startsWith(bytes, ZIP) || /\.docx$/i.test(path)) {
    try {
      return docxToBlocks(bytes);
    } catch (e) {
      if (e instanceof PackageError) fail(planInputMessage(e.reason, path, lang, e.detail));
      throw e;
    }
  }
  // Text with NUL bytes is a binary file of some other kind, not a plan typed as text.
  if (bytes.subarray(0, 4096).includes(0)) fail(planInputMessage('not-plan', path, lang));
  return textToBlocks(decodeImportBytes(bytes));
}

/** What was read, in one line: `Read 11 projects, 5 sources, budget 2010 (9 rows), financing 2010 (…)`. */
function summary(r: PlanReading, t: CliText): string {
  const table = (which: 'budget' | 'financing') => {
    const found = r[which];
    return t.planTable(
      which,
      found && {
        years: found.years.map((y) => (y === null ? '?' : String(y))).join(', '),
        rows: found.rows.filter((x) => x.role !== 'sum' && x.role !== 'memo').length,
      },
    );
  };
  return t.planRead(r.projects.length, r.register.sources.length, table('budget'), table('financing'));
}

/** Runs `from-plan` with the options main read (`options`, typed); returns the exit code. */
export async function runFromPlan(ctx: RegisterContext, options: Options): Promise<number> {
  const t = ctx.text;
  const lang = ctx.lang;
  for (const name of ctx.flags.keys())
    if (!['--out', '--into', '--replace-register', '--lang'].includes(name))
      ctx.usage(t.registerNoFlag('from-plan', name));
  if (ctx.positional.length !== 2) ctx.usage(t.fromPlanArgs);
  const input = ctx.positional[1];
  const { out, into } = options;
  const replaceRegister = options['replace-register'] === true;
  if (out === undefined) return ctx.usage(t.fromPlanNeedsOut);
  if (replaceRegister && into === undefined) ctx.usage(t.replaceNeedsInto);
  if (into !== undefined) ctx.checkOutPath(into, out);
  else if (!/\.xlsx$/i.test(out)) ctx.usage(t.mustEndXlsx(out));
  if (resolve(input) === resolve(out)) ctx.usage(t.outIsInput(out));

  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(input));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') ctx.fail(t.fileNotFound(input));
    ctx.fail(t.cannotRead(input, t.fileReason(code) ?? String(code)));
  }
  const reading = readPlan(planBlocks(bytes, input, lang, ctx.fail));
  if (reading.projects.length === 0) ctx.fail(planInputMessage('not-plan', input, lang));

  let written: Uint8Array;
  let sheets: string[];
  if (into === undefined) {
    if (!reading.budget && !reading.financing) ctx.fail(t.planNoTables(input));
    const model = planWorkbookModel(reading);
    written = workbookBytes(model);
    sheets = model.sheets.map((s) => s.name);
  } else {
    const book = await loadWorkbook(into);
    ctx.checkMacros(book, out);
    const old = findRegisterSheet(book.snapshot);
    if (old && !replaceRegister) ctx.fail(t.intoHasRegister(into, old.name));
    const changes: SheetChange[] = [];
    sheets = [];
    const { budget, financing } = planSheets(reading);
    // A workbook that has its budget or financing sheet keeps it: only a missing one is added.
    for (const [role, model] of [
      ['budget', budget],
      ['financing', financing],
    ] as const) {
      if (!model) continue;
      const found = findSheet(book.snapshot, role);
      const taken = book.snapshot.sheets.some((s) => s.name.toLowerCase() === model.name.toLowerCase());
      if ('sheet' in found || taken) {
        ctx.err(`${t.keptSheet('sheet' in found ? found.sheet.name : model.name)}\n`);
        continue;
      }
      changes.push({ model, replaces: null });
      sheets.push(model.name);
    }
    const register = registerSheetModel(reading.register);
    changes.push({ model: register, replaces: old ? old.name : null });
    sheets.push(register.name);
    written = ctx.adding(into, out, () => addToPackage(book, { sheets: changes }));
  }
  await ctx.writing(out, () => writeFile(out, written));
  ctx.err(`${summary(reading, t)}\n`);
  if (reading.unread.length > 0) {
    ctx.err(`${t.planUnread(reading.unread.length)}:\n`);
    for (const u of reading.unread) ctx.err(`  ${unreadMessage(u, lang)}\n`);
  }
  ctx.err(`${t.wroteSheets(out, sheets)}\n`);
  return 0;
}
