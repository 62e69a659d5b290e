/**
 * The preview grid shows every cell as a spreadsheet shows it in the display language: the text of
 * each cell of each output sheet, inserted by the pane into the preview's in-memory Excel,
 * equals the text LibreOffice shows for the same sheet of the file `reconcile --out` writes, with
 * LibreOffice set to nb-NO (the grid in bokmål: `700 000`, U+00A0) and to en-US (the grid in
 * English: `700,000`). Both the sample and an English workbook, each in both display languages.
 *
 * Then the formatter (src/domain/numberFormat.ts) against LibreOffice on formats beyond those
 * the outputs write. Where LibreOffice differs from Excel, the formatter follows Excel, and
 * those cases are left to test/domain/numberFormat.test.ts: General's 11 characters (LibreOffice
 * shows every digit), dates before 1 March 1900 (Excel counts a 29 February 1900), a negative
 * number that rounds to zero (Excel shows `-0`), the point of `0.#` with no decimals (Excel
 * keeps it), booleans under a number format (Excel shows TRUE/SANN).
 *
 * Needs libreoffice-calc (.ci/run installs it); fails rather than skips without it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { sheetsAsShown } from '../../scripts/libreoffice';
import { columnLetters } from '../../src/domain/address';
import type { Lang } from '../../src/domain/messages';
import type { WorkbookModel } from '../../src/domain/model';
import { DISPLAY_LOCALES, displayText } from '../../src/domain/numberFormat';
import type { ExcelHost } from '../../src/host';
import { gridModel, DEFAULT_LIMITS } from '../../src/preview/grid/gridModel';
import { readXlsx } from '../../src/preview/xlsx/readXlsx';
import { sampleWorkbookModel } from '../../src/sample/sampleWorkbook';
import { createReconcileController } from '../../src/app/controller';
import { writeWorkbookFile } from '../../src/cli/workbookFiles';
import { writeEnglishTwoYearWorkbook } from '../helpers/englishWorkbook';
import { gatewayOn, hostFromModel, hostFromSnapshot } from '../helpers/host';
import { runCli } from '../helpers/runCli';

jest.setTimeout(300_000);

const LOCALES: Readonly<Record<Lang, string>> = { nb: 'nb-NO', en: 'en-US' };

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-reconciler-shown-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** Every non-empty cell's text by address (`B9`). */
type Shown = Map<string, string>;

function csvCells(file: string): Shown {
  const cells: Shown = new Map();
  parseCsv(fs.readFileSync(file, 'utf8')).forEach((row, r) =>
    row.forEach((text, c) => {
      if (text !== '') cells.set(`${columnLetters(c)}${r + 1}`, text);
    }),
  );
  return cells;
}

/** What LibreOffice shows on each sheet of `file`, set to `locale`. */
async function libreOfficeShows(file: string, locale: string): Promise<Map<string, Shown>> {
  const out = path.join(dir, `${path.parse(file).name}-${locale}`);
  const sheets = await sheetsAsShown(file, out, { locale });
  return new Map(sheets.map((s) => [s.sheet, csvCells(s.file)]));
}

/** What the preview's grid shows on `sheet`, in `lang`: every cell, not a window. */
function gridShows(host: ExcelHost, sheet: string, lang: Lang): Shown {
  const view = host.readSheet(sheet)!;
  const limits = { ...DEFAULT_LIMITS, maxRows: view.rowCount + 1, maxColumns: view.columnCount + 1 };
  const cells: Shown = new Map();
  for (const row of gridModel(view, lang, limits).rows)
    for (const cell of row.cells) if (cell.text !== '') cells.set(cell.address, cell.text);
  return cells;
}

/** The pane's "insert all" on the host, in `lang`, as the preview runs it; the sheets written. */
async function insertAll(host: ExcelHost, lang: Lang): Promise<readonly string[]> {
  const controller = createReconcileController({ gateway: gatewayOn(host), lang });
  await controller.insert('all');
  const state = controller.getState().insert;
  if (state.status !== 'done') throw new Error(`insert: ${JSON.stringify(state)}`);
  return state.sheets;
}

interface Case {
  readonly name: string;
  /** The language the outputs are written in. */
  readonly lang: Lang;
  readonly writeInput: (file: string) => Promise<void>;
  /** The workbook as the preview opens it: the sample at start, any other file through its reader. */
  readonly openInPreview: (file: string) => Promise<ExcelHost>;
}

const CASES: readonly Case[] = [
  {
    name: 'sample',
    lang: 'nb',
    writeInput: (file) => writeWorkbookFile(sampleWorkbookModel(), file),
    openInPreview: async () => hostFromModel(sampleWorkbookModel()),
  },
  {
    name: 'english',
    lang: 'en',
    writeInput: writeEnglishTwoYearWorkbook,
    openInPreview: async (file) => {
      const bytes = fs.readFileSync(file);
      const read = await readXlsx(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      if (!read.ok) throw new Error(`preview cannot read ${file}: ${read.reason}`);
      return hostFromSnapshot(read.snapshot);
    },
  },
];

describe.each(CASES)(
  'the output sheets of the $name workbook ($lang)',
  ({ name, lang, writeInput, openInPreview }) => {
    let outputSheets: readonly string[];
    let host: ExcelHost;
    const shown = new Map<Lang, Map<string, Shown>>();

    beforeAll(async () => {
      const input = path.join(dir, `${name}.xlsx`);
      const out = path.join(dir, `${name}-out.xlsx`);
      await writeInput(input);
      const cli = await runCli(['reconcile', input, '--out', out, '--lang', lang]);
      expect(cli.code).not.toBe(2);
      const [nbShown, enShown] = await Promise.all([
        libreOfficeShows(out, LOCALES.nb),
        libreOfficeShows(out, LOCALES.en),
      ]);
      shown.set('nb', nbShown);
      shown.set('en', enShown);
      host = await openInPreview(input);
      outputSheets = await insertAll(host, lang);
    });

    it('are the same three sheets in the preview and in the file', () => {
      expect(outputSheets).toHaveLength(3);
      for (const sheet of outputSheets) expect(shown.get('nb')!.has(sheet)).toBe(true);
    });

    it.each(['nb', 'en'] as const)(
      'show in the grid, in %s, the text LibreOffice shows, cell by cell',
      (display) => {
        let numbers = 0;
        for (const sheet of outputSheets) {
          const grid = gridShows(host, sheet, display);
          const lo = shown.get(display)!.get(sheet)!;
          const differences = [...new Set([...grid.keys(), ...lo.keys()])]
            .filter((address) => grid.get(address) !== lo.get(address))
            .map((address) => ({ sheet, address, grid: grid.get(address), libreOffice: lo.get(address) }));
          expect(differences).toEqual([]);
          const view = host.readSheet(sheet)!;
          numbers += view.cells.filter((c) => typeof c.value === 'number').length;
        }
        // Not vacuous: amounts and counts were compared.
        expect(numbers).toBeGreaterThan(20);
      },
    );

    it('shows amounts with the display language’s thousands separator', () => {
      const texts = (display: Lang) =>
        outputSheets.flatMap((sheet) => [...gridShows(host, sheet, display).values()]).join('\n');
      expect(texts('nb')).toMatch(/\d{1,3}\u00A0\d{3}/);
      expect(texts('en')).toMatch(/\d{1,3},\d{3}/);
      expect(texts('nb')).not.toMatch(/\d,\d{3}\b/);
    });
  },
);

describe('the formatter against LibreOffice, on formats beyond the outputs’', () => {
  const NUMBER_FORMATS = [
    'General',
    '0',
    '0.00',
    '#,##0',
    '#,##0.00',
    '#,##0;-#,##0;"-"',
    '#,##0;[Red]-#,##0',
    '0;(0)',
    '0%',
    '0.00%',
    '0.0 %',
    '#,##0 "kr"',
    '"kr "#,##0.00',
    '#,##0_);(#,##0)',
    '0.0E+00',
    '##0.0E+0',
    '#,##0,',
    '# ##0',
    '@',
    '0;-0;;@',
    '"Sum: "@',
  ];
  // Values General shows in full in both; none that rounds to a negative zero.
  const NUMBERS: CellValueList = [
    0,
    7,
    1234.5,
    -1234.567,
    100_000,
    -200_000,
    0.5,
    0.125,
    2.675,
    12_345_678.9,
    'tekst',
  ];
  const DATE_FORMATS = [
    'dd.mm.yyyy',
    'm/d/yyyy',
    'yyyy-mm-dd',
    'd. mmmm yyyy',
    'mmm yy',
    'mmmm',
    'ddd',
    'dddd',
    'h:mm',
    'hh:mm:ss',
    '[h]:mm:ss',
    'h:mm AM/PM',
    'dd.mm.yyyy hh:mm',
    '[$-414]d. mmm yyyy',
  ];
  // From 1 March 1900 on, each month's first day and a time of day away from a second's edge.
  const DATES: CellValueList = [
    61,
    ...Array.from({ length: 12 }, (_, m) => Date.UTC(2010, m, 1) / 86_400_000 + 25_569 + (m * 7 + 3) / 24),
    45_678.25,
    61.75,
  ];

  type CellValueList = (number | string)[];

  function probe(formats: readonly string[], values: CellValueList): WorkbookModel {
    return {
      sheets: [
        {
          name: 'Probe',
          cells: formats.flatMap((numberFormat, col) =>
            values.map((value, row) => ({ row, col, value, numberFormat })),
          ),
        },
      ],
    };
  }

  it.each([
    ['numbers', NUMBER_FORMATS, NUMBERS],
    ['dates and times', DATE_FORMATS, DATES],
  ] as const)('shows %s as LibreOffice does in nb-NO and en-US', async (what, formats, values) => {
    const file = path.join(dir, `probe-${what.replace(/\W+/g, '-')}.xlsx`);
    await writeWorkbookFile(probe(formats, [...values]), file);
    for (const lang of ['nb', 'en'] as const) {
      const lo = (await libreOfficeShows(file, LOCALES[lang])).get('Probe')!;
      const differences = formats.flatMap((format, col) =>
        values
          .map((value, row) => ({
            format,
            value,
            formatter: displayText(value, format, DISPLAY_LOCALES[lang]),
            libreOffice: lo.get(`${columnLetters(col)}${row + 1}`) ?? '',
          }))
          .filter((d) => d.formatter !== d.libreOffice),
      );
      expect({ lang, differences }).toEqual({ lang, differences: [] });
    }
  });
});
