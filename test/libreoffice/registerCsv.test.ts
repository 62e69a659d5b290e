/**
 * The register's CSV as LibreOffice opens it (`;`, UTF-8, Norwegian, formulas evaluated: what a
 * double-click gives): every text the register holds is a text cell, shown as the register has
 * it — ids such as 1.2 are not dates, `=HYPERLINK(…)` is not a formula — and amounts are
 * numbers. The mark that keeps such text text (a zero-width space) shows nothing; the
 * apostrophe earlier versions wrote is shown as part of the cell, which is why it was replaced.
 *
 * Needs libreoffice-calc (.ci/run installs it); fails rather than skips without it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { openCsv } from '../../scripts/libreoffice';
import { registerFromCsv, registerToCsv } from '../../src/domain/register/codec/csv';
import { registerEntry } from '../../src/domain/register/entry';
import type { Register } from '../../src/domain/register/types';

jest.setTimeout(300_000);

const ZWSP = '\u200B';

/** Text that a spreadsheet would read as something else if it were written plain. */
const TRICKY = [
  '1.2',
  '2.1.1',
  '10',
  '1,5',
  '12 %',
  'TRUE',
  '=HYPERLINK("http://example.invalid";"klikk")',
  '+47 22 33 44 55',
  '-SNR',
  '@SUM(1;2)',
  "'sitat",
];

const REGISTER: Register = {
  formatVersion: 1,
  entries: [
    ...TRICKY.map((id, i) =>
      registerEntry({
        id,
        name: TRICKY[(i + 1) % TRICKY.length],
        owner: 'SNR',
        contribution: 20_000_000,
        basis: 'per år',
      }),
    ),
    registerEntry({ id: '1.1a', name: 'Energi- og miljøklyngen' }),
  ],
  sources: [{ name: '-SNR', kind: 'own', aliases: ['=1+2'] }],
};

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-reconciler-csvtest-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Seen {
  readonly type: 'text' | 'number' | 'other';
  readonly text: string;
}

/** The first sheet's cells as LibreOffice read them, by row and column (1-based, as ExcelJS). */
async function opened(csv: string, name: string): Promise<(row: number, col: number) => Seen> {
  const file = path.join(dir, `${name}.csv`);
  fs.writeFileSync(file, csv, 'utf8');
  const xlsx = await openCsv(file, path.join(dir, 'out'));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const ws = wb.worksheets[0];
  return (row, col) => {
    const v = ws.getRow(row).getCell(col).value;
    if (typeof v === 'string') return { type: 'text', text: v };
    if (typeof v === 'number') return { type: 'number', text: String(v) };
    return { type: 'other', text: JSON.stringify(v) };
  };
}

describe('the register CSV opened in LibreOffice', () => {
  let cell: (row: number, col: number) => Seen;
  const csv = registerToCsv(REGISTER);
  const col = (key: string) => csv.split('\r\n')[3].split(';').indexOf(key) + 1;

  beforeAll(async () => {
    cell = await opened(csv, 'register');
  });

  it('reads every id and name as text, marked with an invisible zero-width space, never as a date, number or formula', () => {
    REGISTER.entries.forEach((e, i) => {
      const row = 5 + i;
      for (const [key, value] of [
        ['id', e.id],
        ['name', e.name],
      ] as const) {
        const seen = cell(row, col(key));
        expect({ key, value, seen }).toEqual({
          key,
          value,
          seen: { type: 'text', text: value === '1.1a' || value.startsWith('Energi') ? value : ZWSP + value },
        });
      }
    });
  });

  it('reads the source marked as text (a minus sign and a formula in its aliases)', () => {
    const kilder = csv.split('\r\n').indexOf('Kilder') + 1;
    expect(cell(kilder + 2, 1)).toEqual({ type: 'text', text: `${ZWSP}-SNR` });
    expect(cell(kilder + 2, 3)).toEqual({ type: 'text', text: `${ZWSP}=1+2` });
  });

  it('reads contributions as numbers', () => {
    expect(cell(5, col('contribution'))).toEqual({ type: 'number', text: '200000' });
  });

  it('the file reads back as the register', () => {
    const back = registerFromCsv(csv);
    expect(back.ok && back.register.entries).toEqual(REGISTER.entries);
  });
});

describe('why not the apostrophe', () => {
  it('LibreOffice shows it as part of the cell, and reads the same id without a mark as a date', async () => {
    const cell = await opened("\uFEFFid;plain\r\n'1.2;1.2\r\n", 'apostrophe');
    expect(cell(2, 1)).toEqual({ type: 'text', text: "'1.2" });
    expect(cell(2, 2).type).toBe('other'); // a date (1 February)
  });
});
