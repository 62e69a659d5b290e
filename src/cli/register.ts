/**
 * `plan-reconciler register export|import`: the project register of a
 * workbook to and from JSON or CSV (formats in docs/REGISTER.md).
 */
import { readFile, writeFile } from 'fs/promises';
import { resolve } from 'path';
import { describe, type Lang } from '../domain/messages';
import { shorten } from '../domain/shorten';
import { decodeImportBytes } from '../domain/register/codec/bytes';
import { registerFromCsv, registerToCsv } from '../domain/register/codec/csv';
import { detectFormat } from '../domain/register/codec/format';
import { importErrorDetail } from '../domain/register/codec/importMessages';
import { registerFromJson, registerToJson } from '../domain/register/codec/json';
import { findRegisterSheet, readRegister } from '../domain/register/readRegister';
import { REGISTER_FORMAT_VERSION } from '../domain/register/types';
import { writeRegisterSheet, type WorkbookFile } from '../xlsx';
import { loadWorkbook } from './workbookFiles';
import type { CliText } from './text';

/** What the register commands need from main: its arguments, messages and checks. */
export interface RegisterContext {
  readonly positional: readonly string[];
  readonly flags: ReadonlyMap<string, string | true>;
  readonly lang: Lang;
  /** The CLI's own lines in `lang`. */
  readonly text: CliText;
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  /** Throws main's usage error (one line, exit code 2). */
  readonly usage: (message: string) => never;
  /** Throws main's "cannot run" error: `message` (in `lang`) is the line, exit code 2. */
  readonly fail: (message: string) => never;
  /** Runs a file write; a failure becomes one line naming the file. */
  readonly writing: <T>(path: string, write: () => Promise<T>) => Promise<T>;
  /** OUT must be a new .xlsx path, never IN itself. */
  readonly checkOutPath: (input: string, out: string) => void;
  /** OUT's extension must be .xlsm for a workbook with macros, .xlsx for one without. */
  readonly checkMacros: (book: WorkbookFile, out: string) => void;
  /** Adds sheets to IN's package: a late refusal of IN, or a package that cannot take them, as one line. */
  readonly adding: <T>(input: string, out: string, add: () => T) => T;
}

const EXIT_OK = 0;
const EXIT_CANNOT_RUN = 2;

function flag(ctx: RegisterContext, name: string): string | undefined {
  const v = ctx.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

function onlyFlags(ctx: RegisterContext, allowed: readonly string[], command: string): void {
  for (const name of ctx.flags.keys()) {
    if (!allowed.includes(name)) ctx.usage(ctx.text.registerNoFlag(command, name));
  }
}

/** Runs `register export` or `register import`; returns the exit code. */
export async function runRegister(ctx: RegisterContext): Promise<number> {
  const sub = ctx.positional[1];
  if (sub === 'export') return runExport(ctx);
  if (sub === 'import') return runImport(ctx);
  return ctx.usage(sub === undefined ? ctx.text.registerArgs : ctx.text.registerUnknown(sub));
}

async function runExport(ctx: RegisterContext): Promise<number> {
  onlyFlags(ctx, ['--format', '--out', '--lang'], 'export');
  const t = ctx.text;
  if (ctx.positional.length !== 3) ctx.usage(t.exportArgs);
  const input = ctx.positional[2];
  const out = flag(ctx, '--out');
  const formatFlag = flag(ctx, '--format');
  if (formatFlag !== undefined && formatFlag !== 'json' && formatFlag !== 'csv')
    ctx.usage(t.badFormat(formatFlag));
  if (out !== undefined) {
    if (resolve(out) === resolve(input)) ctx.usage(t.exportOutIsInput(out));
    if (/\.xlsx$/i.test(out)) ctx.usage(t.exportOutIsWorkbook(out));
  }
  const format =
    (formatFlag as 'json' | 'csv' | undefined) ??
    (out !== undefined && /\.json$/i.test(out) ? 'json' : 'csv');

  const workbook = (await loadWorkbook(input)).snapshot;
  const reading = readRegister(workbook);
  const blocking = reading.findings.find(
    (f) => f.code === 'REGISTER_MISSING' || f.code === 'REGISTER_INVALID',
  );
  if (blocking || !reading.register) {
    const f = blocking ?? reading.findings[0];
    const cell = f?.cells[0];
    ctx.err(
      `plan-reconciler: ${input}: ${cell ? `${cell}: ` : ''}${f ? oneLine(describe(f, ctx.lang)) : ''}\n`,
    );
    return EXIT_CANNOT_RUN;
  }
  const text = format === 'json' ? registerToJson(reading.register) : registerToCsv(reading.register);
  if (out === undefined) {
    ctx.out(text);
  } else {
    await ctx.writing(out, () => writeFile(out, text, 'utf8'));
    ctx.err(`${t.wrote(out)}\n`);
  }
  return EXIT_OK;
}

async function runImport(ctx: RegisterContext): Promise<number> {
  onlyFlags(ctx, ['--out', '--lang'], 'import');
  const t = ctx.text;
  if (ctx.positional.length !== 4) ctx.usage(t.importArgs);
  const [, , input, file] = ctx.positional;
  const out = flag(ctx, '--out');
  if (out === undefined) return ctx.usage(t.importNeedsOut);
  ctx.checkOutPath(input, out);
  if (resolve(out) === resolve(file)) ctx.usage(t.importOutIsFile(out));

  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return ctx.fail(
      code === 'ENOENT' || code === 'ENOTDIR'
        ? t.fileNotFound(file)
        : t.cannotRead(file, t.fileReason(code) ?? String(e)),
    );
  }
  const text = decodeImportBytes(data);
  const parsed = detectFormat(file, text) === 'json' ? registerFromJson(text) : registerFromCsv(text);
  if (!parsed.ok) {
    for (const e of parsed.errors)
      ctx.err(`${file}:${e.line}: ${oneLine(capitalise(importErrorDetail(e, ctx.lang)))}\n`);
    return EXIT_CANNOT_RUN;
  }

  const book = await loadWorkbook(input);
  ctx.checkMacros(book, out);
  refuseNewerRegister(ctx, book);
  const written = ctx.adding(input, out, () => writeRegisterSheet(book, parsed.register));
  await ctx.writing(out, () => writeFile(out, written.bytes));
  const { entries, sources } = parsed.register;
  ctx.err(`${t.wroteRegister(out, written.replaced, entries.length, sources.length)}\n`);
  for (const i of written.rangesAsMin) {
    ctx.err(`${t.rangeAsMin(shorten(entries[i].id || entries[i].name))}\n`);
  }
  return EXIT_OK;
}

/**
 * A register of a newer format version is left as it is: said here, in the user's language,
 * before `writeRegisterSheet` would refuse it in its own words.
 */
function refuseNewerRegister(ctx: RegisterContext, book: WorkbookFile): void {
  const old = findRegisterSheet(book.snapshot);
  if (!old) return;
  const newer = readRegister({ sheets: [old] }).findings.find(
    (f) => f.code === 'REGISTER_INVALID' && f.params.reason === 'newerVersion',
  );
  if (newer) ctx.fail(ctx.text.newerRegister(old.name, newer.params.text ?? '?', REGISTER_FORMAT_VERSION));
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
