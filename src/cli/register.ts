/**
 * `plan-reconciler register export|import`: the project register of a
 * workbook to and from JSON or CSV (formats in docs/REGISTER.md).
 */
import { readFile, writeFile } from 'fs/promises';
import { resolve } from 'path';
import { describe, type Lang } from '../domain/messages';
import {
  decodeImportBytes,
  detectFormat,
  importErrorDetail,
  registerFromCsv,
  registerFromJson,
  registerToCsv,
  registerToJson,
} from '../domain/register/codec';
import { readRegister } from '../domain/register/readRegister';
import { loadWorkbook, writeRegisterSheet, type WorkbookFile } from '../xlsx';

export const REGISTER_USAGE = `  plan-reconciler register export IN.xlsx [--format json|csv] [--out FILE] [--lang nb|en]
      Write the project register of IN.xlsx as JSON or CSV (UTF-8; the CSV has a BOM,
      ';' between fields, and opens in Norwegian Excel). Format: --format, else by
      the extension of --out, else CSV. Written to stdout unless --out is given.
  plan-reconciler register import IN.xlsx FILE --out OUT.xlsx [--lang nb|en]
      Read a register from FILE (JSON or CSV, by extension or content) and write a
      copy of IN.xlsx with it as the register (the register sheet replaced in place,
      or added hidden). Any bad line of FILE is reported as FILE:LINE: message and
      nothing is written. IN.xlsx is never changed.
`;

/** What the register commands need from main: its arguments, messages and checks. */
export interface RegisterContext {
  readonly positional: readonly string[];
  readonly flags: ReadonlyMap<string, string | true>;
  readonly lang: Lang;
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  /** Throws main's usage error (one line, exit code 2). */
  readonly usage: (message: string) => never;
  /** OUT must be a new .xlsx path, never IN itself. */
  readonly checkOutPath: (input: string, out: string) => void;
  /** OUT's extension must be .xlsm for a workbook with macros, .xlsx for one without. */
  readonly checkMacros: (book: WorkbookFile, out: string) => void;
}

const EXIT_OK = 0;
const EXIT_CANNOT_RUN = 2;

function flag(ctx: RegisterContext, name: string): string | undefined {
  const v = ctx.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

function onlyFlags(ctx: RegisterContext, allowed: readonly string[], command: string): void {
  for (const name of ctx.flags.keys()) {
    if (!allowed.includes(name)) ctx.usage(`register ${command} does not take ${name}`);
  }
}

/** Runs `register export` or `register import`; returns the exit code. */
export async function runRegister(ctx: RegisterContext): Promise<number> {
  const sub = ctx.positional[1];
  if (sub === 'export') return runExport(ctx);
  if (sub === 'import') return runImport(ctx);
  return ctx.usage(sub === undefined ? 'register needs export or import' : `unknown register command ${sub}`);
}

async function runExport(ctx: RegisterContext): Promise<number> {
  onlyFlags(ctx, ['--format', '--out', '--lang'], 'export');
  if (ctx.positional.length !== 3) ctx.usage('register export takes one argument: IN.xlsx');
  const input = ctx.positional[2];
  const out = flag(ctx, '--out');
  const formatFlag = flag(ctx, '--format');
  if (formatFlag !== undefined && formatFlag !== 'json' && formatFlag !== 'csv')
    ctx.usage(`--format must be json or csv, not ${formatFlag}`);
  if (out !== undefined) {
    if (resolve(out) === resolve(input)) ctx.usage(`--out must not be the input file (${out})`);
    if (/\.xlsx$/i.test(out)) ctx.usage(`--out is the JSON or CSV file to write, not a workbook: ${out}`);
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
    await writeFile(out, text, 'utf8');
    ctx.err(`wrote ${out}\n`);
  }
  return EXIT_OK;
}

async function runImport(ctx: RegisterContext): Promise<number> {
  onlyFlags(ctx, ['--out', '--lang'], 'import');
  if (ctx.positional.length !== 4) ctx.usage('register import takes two arguments: IN.xlsx FILE');
  const [, , input, file] = ctx.positional;
  const out = flag(ctx, '--out');
  if (out === undefined) return ctx.usage('register import needs --out OUT.xlsx (IN.xlsx is never changed)');
  ctx.checkOutPath(input, out);
  if (resolve(out) === resolve(file)) ctx.usage(`--out must not be the register file (${out})`);

  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'ENOENT' ? `File not found: ${file}` : `Cannot read ${file} (${code ?? String(e)})`,
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
  const written = writeRegisterSheet(book, parsed.register);
  await writeFile(out, written.bytes);
  const { entries, sources } = parsed.register;
  ctx.err(
    `wrote ${out} (register ${written.replaced ? 'replaced' : 'added'}: ${entries.length} entries, ${sources.length} sources)\n`,
  );
  for (const i of written.rangesAsMin) {
    ctx.err(
      `plan-reconciler: ${entries[i].id || entries[i].name}: the contribution range cannot be written as text in the register sheet; its lowest amount was written\n`,
    );
  }
  return EXIT_OK;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
