/**
 * A budget label as long as Excel allows (32 767 characters) through
 * `reconcile` and `--out`: the finding that quotes it stays short, so the
 * copy is written and opens (here and in LibreOffice), and the report does
 * not repeat the label in full.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { recalculate } from '../../scripts/libreoffice';
import type { SheetModel } from '../../src/domain/model';
import { EXCEL_CELL_TEXT_MAX, QUOTE_MAX } from '../../src/domain/shorten';
import { sampleWorkbookModel } from '../../src/sample/sampleWorkbook';
import { loadWorkbook, writeWorkbookFile } from '../../src/cli/workbookFiles';
import { cached, readWorkbook, sheet } from '../libreoffice/sheets';
import { runCli } from '../helpers/runCli';

/** A LibreOffice cold start is 3–8 s. */
jest.setTimeout(120_000);

let dir: string;

const run = runCli;

/** The sample with the budget line `Reiselivet` relabelled to `n` characters. */
async function withLabel(n: number, name: string): Promise<{ file: string; label: string }> {
  const label = ('Reiselivet og ' + 'en svært lang beskrivelse '.repeat(Math.ceil(n / 26))).slice(0, n);
  const model = sampleWorkbookModel();
  const sheets = model.sheets.map((s): SheetModel =>
    s.name !== 'Budsjett'
      ? s
      : { ...s, cells: s.cells.map((c) => (c.value === 'Reiselivet' ? { ...c, value: label } : c)) },
  );
  const file = path.join(dir, name);
  await writeWorkbookFile({ sheets }, file);
  return { file, label };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-reconciler-long-'));
});

/** The label read down a column, from its first piece: its pieces joined where they were cut (a space). */
function textDown(column: readonly unknown[]): string {
  const start = column.findIndex((v) => typeof v === 'string' && v.startsWith('Reiselivet og en svært'));
  let joined = '';
  for (let r = start; r >= 0 && r < column.length && typeof column[r] === 'string'; r++) {
    joined += (joined === '' ? '' : ' ') + String(column[r]);
    if (joined.length >= EXCEL_CELL_TEXT_MAX) break;
  }
  return joined;
}

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a 32 767-character label', () => {
  let label: string;
  let out: string;
  let result: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    const made = await withLabel(EXCEL_CELL_TEXT_MAX, 'lang.xlsx');
    label = made.label;
    expect(label).toHaveLength(EXCEL_CELL_TEXT_MAX);
    out = path.join(dir, 'lang-avstemt.xlsx');
    result = await run(['reconcile', made.file, '--out', out, '--lang', 'nb']);
  });

  it('is reconciled and the copy written: exit 1 for the sample’s duplicate id, not 2', () => {
    expect(result.err).not.toMatch(/exceeds|32 ?767|overskrider/);
    expect(result.code).toBe(1);
    expect(result.err.split('\n')[0]).toBe(`skrev ${out} (Avstemming, Prosjektkort, Sammendrag)`);
  });

  it('is quoted shortened in the report, which never repeats it', () => {
    const line = result.out.split('\n').find((l) => l.includes('[UNKNOWN_LINE]'))!;
    expect(line).toMatch(
      /^ {2}\[UNKNOWN_LINE\] Budsjettposten «Reiselivet og en svært lang .*…» finnes ikke i prosjektregisteret\.$/,
    );
    expect(line.length).toBeLessThan(QUOTE_MAX + 100);
    for (const l of result.out.split('\n')) expect(l.length).toBeLessThan(400);
  });

  it('is copied whole as the line’s label in the reconciliation sheet, and quoted short in its finding', async () => {
    const book = await loadWorkbook(out, { allSheets: true });
    const avstemming = book.snapshot.sheets.find((s) => s.name === 'Avstemming')!;
    const texts = avstemming.values.flat().filter((v): v is string => typeof v === 'string');
    // Too tall for one row, it goes on in the rows below (outputs/measure.ts), whole.
    expect(textDown(avstemming.values.map((row) => row[0]))).toBe(label);
    const finding = texts.find((t) => t.startsWith('Budsjettposten «Reiselivet og'))!;
    expect(finding.length).toBeLessThan(QUOTE_MAX + 100);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(EXCEL_CELL_TEXT_MAX);
  });

  it('opens in LibreOffice, which keeps the label and the finding as written', async () => {
    const recalculated = await recalculate(out, path.join(dir, 'libreoffice'));
    const ws = sheet(await readWorkbook(recalculated), 'Avstemming');
    const values: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => values.push(String(cached(cell) ?? ''))));
    const columnA: unknown[] = [];
    ws.eachRow((row, r) => (columnA[r - 1] = cached(row.getCell(1))));
    expect(textDown(columnA)).toBe(label);
    expect(
      values.some(
        (v) =>
          v.startsWith('Budsjettposten «Reiselivet og') && v.endsWith('finnes ikke i prosjektregisteret.'),
      ),
    ).toBe(true);
  });
});

describe('a 30 000-character label', () => {
  it('is not repeated in full in the report or the JSON', async () => {
    const { file } = await withLabel(30_000, 'tretti.xlsx');
    const report = await run(['reconcile', file, '--lang', 'en']);
    expect(report.code).toBe(1);
    expect(report.out.length).toBeLessThan(5_000);
    const json = await run(['reconcile', file, '--json', '--lang', 'en']);
    const unknown = JSON.parse(json.out).findings.find((f: { code: string }) => f.code === 'UNKNOWN_LINE');
    expect(unknown.message).toMatch(
      /^Budget line «Reiselivet og en svært lang .*…» is not in the project register\.$/,
    );
    expect(unknown.message.length).toBeLessThan(QUOTE_MAX + 100);
  });
});
