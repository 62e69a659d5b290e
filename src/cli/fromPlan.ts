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
import { decodeImportBytes } from '../domain/register/codec';
import { findSheet } from '../domain/tables/findSheet';
import { docxToBlocks } from '../plan/docx';
import { planInputMessage } from '../plan/messages';
import { textToBlocks } from '../domain/plan/text';
import { PackageError } from '../xlsx/package/guard';
import { addToPackage, loadWorkbook, workbookBytes, type SheetChange } from '../xlsx';
import type { RegisterContext } from './register';

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

function summary(r: PlanReading, lang: Lang): string {
  const nb = lang === 'nb';
  const table = (t: PlanReading['budget'], name: string) => {
    if (!t) return nb ? `ingen ${name}` : `no ${name}`;
    const years = t.years.map((y) => (y === null ? '?' : String(y))).join(', ');
    return `${name} ${years} (${t.rows.filter((x) => x.role !== 'sum' && x.role !== 'memo').length} ${nb ? 'rader' : 'rows'})`;
  };
  const projects = r.projects.length;
  const sources = r.register.sources.length;
  return nb
    ? `Leste ${projects} prosjekter, ${sources} kilder, ${table(r.budget, 'budsjett')}, ${table(r.financing, 'finansiering')}`
    : `Read ${projects} projects, ${sources} sources, ${table(r.budget, 'budget')}, ${table(r.financing, 'financing')}`;
}

export async function runFromPlan(ctx: RegisterContext): Promise<number> {
  const t = ctx.text;
  const lang = ctx.lang;
  const nb = lang === 'nb';
  for (const name of ctx.flags.keys())
    if (!['--out', '--into', '--replace-register', '--lang'].includes(name))
      ctx.usage(t.registerNoFlag('from-plan', name));
  if (ctx.positional.length !== 2) ctx.usage(t.fromPlanArgs);
  const input = ctx.positional[1];
  const out = ctx.flags.get('--out');
  if (typeof out !== 'string') ctx.usage(t.fromPlanNeedsOut);
  const into = ctx.flags.get('--into');
  if (into !== undefined && typeof into !== 'string') ctx.usage(t.fromPlanArgs);
  if (ctx.flags.has('--replace-register') && into === undefined) ctx.usage(t.replaceNeedsInto);
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
    const model = planWorkbookModel(reading);
    written = workbookBytes(model);
    sheets = model.sheets.map((s) => s.name);
  } else {
    const book = await loadWorkbook(into);
    ctx.checkMacros(book, out);
    const old = findRegisterSheet(book.snapshot);
    if (old && !ctx.flags.has('--replace-register')) ctx.fail(t.intoHasRegister(into, old.name));
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
  ctx.err(`${summary(reading, lang)}\n`);
  if (reading.unread.length > 0) {
    ctx.err(
      `${nb ? `Ikke lest eller usikkert (${reading.unread.length})` : `Not read or uncertain (${reading.unread.length})`}:\n`,
    );
    for (const u of reading.unread) ctx.err(`  ${unreadMessage(u, lang)}\n`);
  }
  ctx.err(`${t.wroteSheets(out, sheets)}\n`);
  return 0;
}
