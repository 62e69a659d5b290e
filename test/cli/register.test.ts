/**
 * `register export` and `register import`, run in-process: export → import
 * → export gives the same bytes, bad files are reported line by line and
 * nothing is written, IN is never changed.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { WorkbookModel } from '../../src/domain/model';
import { reconcile } from '../../src/domain/reconcile/reconcile';
import { registerToJson } from '../../src/domain/register/codec/json';
import { registerEntry } from '../../src/domain/register/entry';
import { readRegister } from '../../src/domain/register/readRegister';
import { registerSheetModel } from '../../src/domain/register/registerSheet';
import { REGISTER_SHEET } from '../../src/domain/register/types';
import { sampleRegister, sampleWorkbookModel } from '../../src/sample/sampleWorkbook';
import { writeWorkbookFile } from '../../src/cli/workbookFiles';
import { excelJsWorkbook, snapshotFile } from '../helpers/xlsxFiles';
import { runCli } from '../helpers/runCli';

let dir: string;
let samplePath: string;
let bareModel: WorkbookModel;

const run = runCli;

const file = (name: string) => path.join(dir, name);
const hash = (p: string) => createHash('sha256').update(fs.readFileSync(p)).digest('hex');
const snap = (p: string) => snapshotFile(p);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-reconciler-register-'));
  samplePath = file('sample.xlsx');
  await writeWorkbookFile(sampleWorkbookModel(), samplePath);
  bareModel = { sheets: sampleWorkbookModel().sheets.filter((s) => s.name !== REGISTER_SHEET) };
  await writeWorkbookFile(bareModel, file('bare.xlsx'));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('register export', () => {
  it('writes CSV with a BOM to stdout by default', async () => {
    const r = await run(['register', 'export', samplePath]);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out.startsWith('\uFEFFformatVersion;1\r\n')).toBe(true);
    expect(r.out).toContain(
      '\r\nKilder\r\nname;kind;aliases\r\nSNR;own;Samarbeidsrådet for Nedre Romerike\r\n',
    );
  });

  it('writes JSON to --out, by its extension or by --format', async () => {
    const r = await run(['register', 'export', samplePath, '--out', file('r.json')]);
    expect(r).toEqual({ code: 0, out: '', err: `wrote ${file('r.json')}\n` });
    const json = fs.readFileSync(file('r.json'), 'utf8');
    expect(json).toBe(registerToJson(readRegister(await snap(samplePath)).register!));
    const stdout = await run(['register', 'export', samplePath, '--format', 'json']);
    expect(stdout.out).toBe(json);
  });

  it('refuses a workbook without a register, in one line', async () => {
    const r = await run(['register', 'export', file('bare.xlsx'), '--lang', 'nb']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^plan-reconciler: .*bare\.xlsx: Arbeidsboken har ikke noe prosjektregister/);
  });

  it('refuses an invalid register, naming the first bad cell', async () => {
    const bad = sampleRegister();
    const model: WorkbookModel = {
      sheets: [
        ...bareModel.sheets,
        registerSheetModel({ ...bad, entries: [registerEntry({ id: '1', name: '' }), ...bad.entries] }),
      ],
    };
    await writeWorkbookFile(model, file('invalid.xlsx'));
    const r = await run(['register', 'export', file('invalid.xlsx'), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `plan-reconciler: ${file('invalid.xlsx')}: Prosjektregister!B4: Invalid row in «Prosjekter» (project 1): «name» – name is missing.\n`,
    );
  });

  it('checks its arguments', async () => {
    expect((await run(['register', 'export', samplePath, '--format', 'xml'])).err).toMatch(
      /--format must be json or csv/,
    );
    expect((await run(['register', 'export', samplePath, '--out', samplePath])).code).toBe(2);
    expect((await run(['register', 'export'])).code).toBe(2);
    expect((await run(['register', 'export', samplePath, '--json'])).err).toMatch(/does not take --json/);
    expect((await run(['register', 'frobnicate'])).err).toMatch(/unknown register command frobnicate/);
  });
});

describe('register import', () => {
  it.each(['csv', 'json'] as const)(
    'export → import → export gives the same %s bytes; IN untouched',
    async (format) => {
      const a = file(`a.${format}`);
      const b = file(`b.${format}`);
      const out = file(`imported-${format}.xlsx`);
      const before = hash(samplePath);
      expect((await run(['register', 'export', samplePath, '--out', a])).code).toBe(0);
      const imported = await run(['register', 'import', samplePath, a, '--out', out]);
      expect(imported).toEqual({
        code: 0,
        out: '',
        err: `wrote ${out} (register replaced: 13 entries, 5 sources)\n`,
      });
      expect((await run(['register', 'export', out, '--out', b])).code).toBe(0);
      expect(fs.readFileSync(b).equals(fs.readFileSync(a))).toBe(true);
      expect(hash(samplePath)).toBe(before);
      // The register sheet is replaced in place: same sheets, same order, still hidden; the others as they were.
      const [inSnap, outSnap] = [await snap(samplePath), await snap(out)];
      expect(outSnap.sheets.map((s) => `${s.name}:${s.visibility}`)).toEqual(
        inSnap.sheets.map((s) => `${s.name}:${s.visibility}`),
      );
      expect(outSnap.sheets.slice(0, 2)).toEqual(inSnap.sheets.slice(0, 2));
      const wb = await excelJsWorkbook(out);
      expect(
        (wb.getWorksheet(REGISTER_SHEET) as unknown as { sheetProtection?: object }).sheetProtection,
      ).toBeTruthy();
    },
  );

  it('adds the register to a workbook without one: very hidden, and the plan then reconciles against it', async () => {
    const a = file('sample-register.json');
    await run(['register', 'export', samplePath, '--out', a]);
    const out = file('bare-imported.xlsx');
    const r = await run(['register', 'import', file('bare.xlsx'), a, '--out', out]);
    expect(r.err).toBe(`wrote ${out} (register added: 13 entries, 5 sources)\n`);
    const s = await snap(out);
    expect(s.sheets.map((x) => `${x.name}:${x.visibility}`)).toEqual([
      'Budsjett:visible',
      'Finansiering:visible',
      'Prosjektregister:veryHidden',
    ]);
    expect(reconcile(s).findings.map((f) => f.code)).toEqual(
      reconcile(await snap(samplePath)).findings.map((f) => f.code),
    );
  });

  it('reports every bad line as FILE:LINE: message, writes nothing, exits 2', async () => {
    const good = (await run(['register', 'export', samplePath])).out;
    const lines = good.split('\r\n');
    expect(lines[4]).toMatch(/^1\.1a;/);
    lines[4] = lines[4].replace(';100000;per år;', ';abc;per år;');
    lines[5] = lines[5].replace(';project', ';prosjekter');
    const bad = file('bad.csv');
    fs.writeFileSync(bad, lines.join('\r\n'));
    const out = file('never.xlsx');
    const r = await run(['register', 'import', samplePath, bad, '--out', out, '--lang', 'nb']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      `${bad}:5: Felt contribution: «abc» er ikke et beløp.\n` +
        `${bad}:6: Felt kind: «prosjekter» er ikke en gyldig type (project, operations).\n`,
    );
    expect(fs.existsSync(out)).toBe(false);
  });

  it('reports a bad contribution on line 3 of a JSON file in English', async () => {
    const bad = file('bad.json');
    fs.writeFileSync(
      bad,
      '{"formatVersion": 1,\n "projects": [\n  {"id": "1", "name": "A", "contribution": "ti tusen", "basis": "totalt"}],\n "sources": []}\n',
    );
    const r = await run(['register', 'import', samplePath, bad, '--out', file('never.xlsx'), '--lang', 'en']);
    expect(r).toEqual({
      code: 2,
      out: '',
      err: `${bad}:3: Field contribution: «ti tusen» is not an amount.\n`,
    });
  });

  it('refuses a file of a newer format version, and a workbook whose register is newer', async () => {
    const newer = file('newer.json');
    fs.writeFileSync(newer, registerToJson({ ...sampleRegister(), formatVersion: 2 }));
    const r = await run([
      'register',
      'import',
      samplePath,
      newer,
      '--out',
      file('never.xlsx'),
      '--lang',
      'en',
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^.*newer\.json:2: Format version 2 is newer than this add-in can read \(1\)/);

    const model = sampleWorkbookModel();
    const sheets = model.sheets.map((s) =>
      s.name !== REGISTER_SHEET
        ? s
        : { ...s, cells: s.cells.map((c) => (c.row === 0 && c.col === 1 ? { ...c, value: 2 } : c)) },
    );
    await writeWorkbookFile({ sheets }, file('newer.xlsx'));
    const a = file('sample-register.csv');
    await run(['register', 'export', samplePath, '--out', a]);
    const r2 = await run(['register', 'import', file('newer.xlsx'), a, '--out', file('never.xlsx')]);
    expect(r2.code).toBe(2);
    expect(r2.err.trim().split('\n')).toHaveLength(1);
    expect(r2.err).toMatch(/format version 2, newer than this version writes/);
    expect(fs.existsSync(file('never.xlsx'))).toBe(false);
  });

  it('keeps a contribution range through import (as text the register sheet reads as the range)', async () => {
    const withRange = sampleRegister();
    const entries = withRange.entries.map((e) =>
      e.id === '3.1'
        ? { ...e, contribution: 20_000_000, contributionRange: { min: 20_000_000, max: 30_000_000 } }
        : e,
    );
    const src = file('range.json');
    fs.writeFileSync(src, registerToJson({ ...withRange, entries }));
    const out = file('range.xlsx');
    expect((await run(['register', 'import', samplePath, src, '--out', out])).code).toBe(0);
    const read = readRegister(await snap(out)).register!;
    expect(read.entries.find((e) => e.id === '3.1')).toMatchObject({
      contribution: 20_000_000,
      contributionRange: { min: 20_000_000, max: 30_000_000 },
    });
  });

  it('says so when a range cannot be held as text by the register sheet (written as its min)', async () => {
    const r = sampleRegister();
    const entries = r.entries.map((e) =>
      e.id === '3.1'
        ? { ...e, contribution: 2_000_000, contributionRange: { min: 2_000_000, max: 30_000_000 } }
        : e,
    );
    const src = file('wide-range.json');
    fs.writeFileSync(src, registerToJson({ ...r, entries }));
    const out = file('wide-range.xlsx');
    const result = await run(['register', 'import', samplePath, src, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.err.split('\n')[1]).toBe(
      'plan-reconciler: 3.1: the contribution range cannot be written as text in the register sheet; its lowest amount was written',
    );
    const read = readRegister(await snap(out)).register!.entries.find((e) => e.id === '3.1')!;
    expect([read.contribution, read.contributionRange]).toEqual([2_000_000, undefined]);
  });

  it('reads a CSV saved as Windows-1252 (Excel’s plain CSV)', async () => {
    const text = (await run(['register', 'export', samplePath])).out.slice(1);
    const latin = file('latin.csv');
    fs.writeFileSync(latin, Buffer.from(text, 'latin1'));
    const out = file('latin.xlsx');
    expect((await run(['register', 'import', samplePath, latin, '--out', out])).code).toBe(0);
    expect(readRegister(await snap(out)).register!.entries[0].name).toBe('Energi- og miljøklyngen');
  });

  it('checks its arguments: --out required, never IN, never FILE', async () => {
    const a = file('sample-register.csv');
    expect((await run(['register', 'import', samplePath, a])).err).toMatch(/needs --out OUT\.xlsx/);
    expect((await run(['register', 'import', samplePath, a, '--out', samplePath])).err).toMatch(
      /must not be the input file/,
    );
    expect((await run(['register', 'import', samplePath, a, '--out', file('x.csv')])).err).toMatch(
      /must end in \.xlsx/,
    );
    expect(
      (await run(['register', 'import', samplePath, file('missing.csv'), '--out', file('x.xlsx')])).err,
    ).toBe(`plan-reconciler: File not found: ${file('missing.csv')}\n`);
  });
});

it('--help lists the register commands', async () => {
  const r = await run(['--help']);
  expect(r.out).toContain('plan-reconciler register export IN.xlsx [--format json|csv] [--out FILE]');
  expect(r.out).toContain('plan-reconciler register import IN.xlsx FILE --out OUT.xlsx');
});
