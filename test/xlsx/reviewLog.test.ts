/**
 * The review log in a workbook file (src/xlsx/writeReview.ts): explanations and sign-offs appended
 * to the very hidden `Avstemmingslogg` sheet of a copy of the package, read back by the same
 * reader `reconcile` uses. What a finance officer relies on: the log is a hidden, protected sheet of
 * text (a reason `=SUM(A1)` is never a formula), what someone else wrote in it is kept, a log this
 * version does not understand is never written, and nothing else in the workbook changes.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { buildOutputs } from '../../src/domain/outputs';
import { reconcile } from '../../src/domain/reconcile/reconcile';
import {
  REVIEW_SHEET,
  emptyReviewState,
  encodeReviewSheet,
  explain,
  signOff,
  type Explanation,
} from '../../src/domain/review';
import { sampleWorkbookModel } from '../../src/sample/sampleWorkbook';
import {
  appendReviewEntries,
  applyOutputs,
  readReviewLog,
  readWorkbookData,
  workbookBytes,
  type WorkbookFile,
} from '../../src/xlsx';
import { excelJsWorkbook } from '../helpers/xlsxFiles';
import {
  all,
  contentTypes,
  parseXml,
  partText,
  relsOf,
  sheetPart,
  workbookPart,
  type Parts,
} from './packageParts';

const HELSEDESIGN = 'CONTRIBUTION_MISMATCH|project=1.2|year=2010';
const DUPLICATE = 'DUPLICATE_ID|project=1.3';
const KARI = { by: 'Kari Nordmann', at: '2024-03-05T10:12:00+01:00' };
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const open = (bytes: Uint8Array, name = 'in.xlsx'): WorkbookFile => readWorkbookData(bytes, name);

/** An explanation of the finding with `key` in the file, as `explain` makes it. */
function explanation(file: WorkbookFile, key: string, reason: string, actor = KARI): Explanation {
  const target = reconcile(file.snapshot).review.findings.find((r) => r.key === key)!;
  const made = explain(target, reason, actor);
  if (!made.ok) throw new Error(`not explained: ${made.refusal.reason}`);
  return made.explanation;
}

function written(file: WorkbookFile, add: Parameters<typeof appendReviewEntries>[1]): Uint8Array {
  const w = appendReviewEntries(file, add);
  if (!w.ok) throw new Error('read-only');
  return w.bytes;
}

/**
 * The sample as a user's workbook: the outputs written by `--out` (a chart, tables, defined names)
 * and a custom XML part the add-in knows nothing of.
 */
function usersWorkbook(): Uint8Array {
  const sample = open(workbookBytes(sampleWorkbookModel()));
  const withOutputs = applyOutputs(sample, buildOutputs(reconcile(sample.snapshot), 'nb', sample.snapshot));
  const parts = unzipSync(withOutputs.bytes);
  parts['customXml/item1.xml'] = strToU8(
    '<?xml version="1.0"?><budget xmlns="urn:snr">styrevedtak 12/10</budget>',
  );
  const wbRels = 'xl/_rels/workbook.xml.rels';
  parts[wbRels] = strToU8(
    strFromU8(parts[wbRels]).replace(
      '</Relationships>',
      `<Relationship Id="rIdCustom" Type="${REL}/customXml" Target="../customXml/item1.xml"/></Relationships>`,
    ),
  );
  return zipSync(parts as Zippable);
}

/** The review sheet's worksheet XML in the package. */
const reviewXml = (parts: Parts) => partText(parts, sheetPart(parts, REVIEW_SHEET));

describe('reading: the reader reconcile uses reads the log', () => {
  it('gives result.review the explanation written into the file', () => {
    const file = open(workbookBytes(sampleWorkbookModel()));
    const bytes = written(file, { explanations: [explanation(file, HELSEDESIGN, 'Fylket betaler 2010')] });
    // Read as the CLI reads it: only the sheets reconciling uses, the review log among them.
    const review = reconcile(open(bytes).snapshot).review;
    expect(review.sheet).toBe(REVIEW_SHEET);
    expect(review.problems).toEqual([]);
    const r = review.findings.find((f) => f.key === HELSEDESIGN)!;
    expect(r.status).toBe('explained');
    expect(r.explanation).toMatchObject({ reason: 'Fylket betaler 2010', by: 'Kari Nordmann', at: KARI.at });
  });

  it('reads an empty log from a workbook without the sheet', () => {
    expect(readReviewLog(open(workbookBytes(sampleWorkbookModel())))).toEqual({
      sheet: null,
      state: emptyReviewState(),
      problems: [],
    });
  });
});

describe('writing the log into a workbook without one', () => {
  const before = usersWorkbook();
  const file = open(before);
  const reason = '=SUM(A1)';
  const after = written(file, { explanations: [explanation(file, HELSEDESIGN, reason)] });
  const a = unzipSync(before);
  const b = unzipSync(after);

  it('adds a very hidden, protected worksheet Avstemmingslogg at the end', () => {
    const sheets = all(parseXml(partText(b, workbookPart(b))), 'sheet').map((s) => [
      s.attrs.name,
      s.attrs.state,
    ]);
    expect(sheets[sheets.length - 1]).toEqual([REVIEW_SHEET, 'veryHidden']);
    expect(sheets.slice(0, -1)).toEqual(
      all(parseXml(partText(a, workbookPart(a))), 'sheet').map((s) => [s.attrs.name, s.attrs.state]),
    );
    const xml = parseXml(reviewXml(b));
    expect(all(xml, 'sheetProtection')[0]?.attrs.sheet).toBe('1');
  });

  it('writes every cell as an inline string under the Text format, never a formula', () => {
    const xml = parseXml(reviewXml(b));
    const cells = all(xml, 'c');
    expect(cells.length).toBeGreaterThan(10);
    expect(all(xml, 'f')).toEqual([]);
    for (const c of cells)
      expect({ cell: c.attrs.r, t: c.attrs.t }).toEqual({ cell: c.attrs.r, t: 'inlineStr' });
    // The format version (a number) is text too.
    const b1 = cells.find((c) => c.attrs.r === 'B1')!;
    expect(all(b1, 't')[0].text).toBe('1');
    const styles = parseXml(partText(b, 'xl/styles.xml'));
    const textFormat = (s: string | undefined) =>
      all(styles, 'cellXfs')[0].children[Number(s ?? 0)].attrs.numFmtId;
    for (const c of cells)
      expect({ cell: c.attrs.r, numFmtId: textFormat(c.attrs.s) }).toEqual({
        cell: c.attrs.r,
        numFmtId: '49',
      });
    expect(cells.some((c) => all(c, 't')[0].text === reason)).toBe(true);
  });

  it('is the log domain/review encodes, cell for cell', () => {
    const state = readReviewLog(open(after)).state;
    const expected = encodeReviewSheet(state);
    const got = new Map(all(parseXml(reviewXml(b)), 'c').map((c) => [c.attrs.r, all(c, 't')[0].text]));
    expected.forEach((row, r) =>
      row.forEach((v, c) => {
        const ref = `${String.fromCharCode(65 + c)}${r + 1}`;
        expect([ref, got.get(ref)]).toEqual([ref, v === null ? undefined : String(v)]);
      }),
    );
  });

  it('keeps every other part byte for byte: sheets, chart, tables, custom XML', () => {
    const bookkeeping = [
      '[Content_Types].xml',
      workbookPart(a),
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'docProps/app.xml',
    ];
    const added = Object.keys(b).filter((p) => !(p in a));
    expect(added).toEqual([sheetPart(b, REVIEW_SHEET)]);
    for (const [name, bytes] of Object.entries(a)) {
      if (bookkeeping.includes(name)) continue;
      expect({ name, same: Buffer.from(b[name] ?? []).equals(Buffer.from(bytes)) }).toEqual({
        name,
        same: true,
      });
    }
    expect(Object.keys(a)).toEqual(expect.arrayContaining(['customXml/item1.xml', 'xl/charts/chart1.xml']));
  });

  it('keeps the defined names and the custom XML relationship; the styles only grow', () => {
    const names = (p: Parts) => /<definedNames>.*<\/definedNames>/s.exec(partText(p, workbookPart(p)))?.[0];
    expect(names(a)).toBeDefined();
    expect(names(b)).toBe(names(a));
    expect(relsOf(b, workbookPart(b)).find((r) => r.type.endsWith('/customXml'))?.target).toBe(
      'customXml/item1.xml',
    );
    const xfs = (p: Parts) => /<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(partText(p, 'xl/styles.xml'))![1];
    expect(xfs(b).startsWith(xfs(a))).toBe(true);
    expect(contentTypes(b).get(sheetPart(b, REVIEW_SHEET))).toMatch(/worksheet\+xml$/);
  });
});

describe('writing into a workbook that has a log', () => {
  const first = usersWorkbook();
  const f1 = open(first);
  const once = written(f1, { explanations: [explanation(f1, HELSEDESIGN, 'Fylket betaler 2010')] });
  const f2 = open(once);
  const dup = explanation(f2, DUPLICATE, 'Rettes i registeret', {
    by: 'Ola',
    at: '2024-03-06T09:00:00+01:00',
  });
  const twice = written(f2, { explanations: [dup] });

  it('replaces the log’s sheet in place, the earlier entry kept before the new one', () => {
    const sheets = (bytes: Uint8Array) => open(bytes).workbook.sheets.map((s) => `${s.name}:${s.state}`);
    expect(sheets(twice)).toEqual(sheets(once));
    const log = readReviewLog(open(twice)).state.explanations;
    expect(log.map((e) => [e.key, e.reason])).toEqual([
      [HELSEDESIGN, 'Fylket betaler 2010'],
      [DUPLICATE, 'Rettes i registeret'],
    ]);
  });

  it('takes the old sheet part away and leaves every part it does not own as it was', () => {
    const a = unzipSync(once);
    const b = unzipSync(twice);
    const oldPart = sheetPart(a, REVIEW_SHEET);
    const newPart = sheetPart(b, REVIEW_SHEET);
    const bookkeeping = ['[Content_Types].xml', workbookPart(a), 'xl/_rels/workbook.xml.rels'];
    for (const [name, bytes] of Object.entries(a)) {
      if (bookkeeping.includes(name) || name === oldPart) continue;
      expect({ name, same: Buffer.from(b[name] ?? []).equals(Buffer.from(bytes)) }).toEqual({
        name,
        same: true,
      });
    }
    expect(Object.keys(b).filter((p) => !(p in a) && p !== newPart)).toEqual([]);
    if (oldPart !== newPart) expect(b[oldPart]).toBeUndefined();
  });

  it('never writes the same entry twice', () => {
    const again = written(open(twice), { explanations: [dup] });
    expect(readReviewLog(open(again)).state.explanations).toHaveLength(2);
  });

  it('appends a sign-off to the sign-offs table, the explanations untouched', () => {
    const f3 = open(twice);
    const review = reconcile(f3.snapshot).review;
    const made = signOff(review.input, review.state.explanations, {
      by: 'Kari Nordmann',
      at: '2024-03-07T08:00:00+01:00',
    });
    if (!made.ok) throw new Error(made.refusal.reason);
    const signed = open(written(f3, { signOffs: [made.signOff] }));
    const after = reconcile(signed.snapshot).review;
    expect(after.signOff).toMatchObject({ state: 'signed', signOff: { by: 'Kari Nordmann' } });
    expect(after.state.explanations).toEqual(review.state.explanations);
  });
});

describe('a log someone else edited', () => {
  /** The sample with the log sheet's cells as given (written as the writer writes text). */
  function withCells(rows: (string | null)[][]): WorkbookFile {
    const model = sampleWorkbookModel();
    const cells = rows.flatMap((row, r) =>
      row.flatMap((v, c) => (v === null ? [] : [{ row: r, col: c, value: v }])),
    );
    return open(
      workbookBytes({
        ...model,
        sheets: [...model.sheets, { name: REVIEW_SHEET, visibility: 'veryHidden' as const, cells }],
      }),
    );
  }

  it('keeps a row it cannot read, after the entries, and reports its cell', () => {
    const file = withCells([
      ['formatVersion', '1'],
      [],
      ['key', 'reason', 'figures', 'by', 'at', 'action'],
      [HELSEDESIGN, 'Fylket betaler', '', 'Kari', 'i går', null],
    ]);
    const reading = readReviewLog(file);
    expect(reading.problems).toEqual([
      expect.objectContaining({ kind: 'badCell', cell: 'Avstemmingslogg!E4' }),
    ]);
    const bytes = written(file, { explanations: [explanation(file, DUPLICATE, 'Rettes')] });
    const state = readReviewLog(open(bytes)).state;
    expect(state.explanations.map((e) => e.key)).toEqual([DUPLICATE]);
    expect(state.unread.explanations).toEqual([
      { key: HELSEDESIGN, reason: 'Fylket betaler', by: 'Kari', at: 'i går' },
    ]);
  });

  it('refuses to write a log of a newer format version, and changes nothing', () => {
    const file = withCells([['formatVersion', '2'], [], ['key', 'reason', 'figures', 'by', 'at']]);
    const result = appendReviewEntries(file, {
      explanations: [{ key: DUPLICATE, action: 'explained', reason: 'x', figures: '', ...KARI }],
    });
    expect(result).toEqual({
      ok: false,
      reason: 'readOnly',
      problems: [expect.objectContaining({ kind: 'newerVersion', version: 2 })],
    });
  });

  it('refuses a log with content outside its tables', () => {
    const file = withCells([
      ['formatVersion', '1'],
      [],
      ['key', 'reason', 'figures', 'by', 'at'],
      [],
      [],
      [null, null, null, null, null, null, null, null, null, null, null, null, null, null, 'notat'],
    ]);
    expect(appendReviewEntries(file, { explanations: [] })).toMatchObject({ ok: false, reason: 'readOnly' });
  });
});

describe('another program re-saving the file', () => {
  it('ExcelJS opens and re-saves it: the reason is still text and the entry still reads', async () => {
    const file = open(workbookBytes(sampleWorkbookModel()));
    const bytes = written(file, { explanations: [explanation(file, HELSEDESIGN, '=SUM(A1)')] });
    const wb = await excelJsWorkbook(bytes);
    const ws = wb.getWorksheet(REVIEW_SHEET)!;
    expect(ws.state).toBe('veryHidden');
    expect(ws.getCell('B4').value).toBe('=SUM(A1)');
    const resaved = new Uint8Array(await wb.xlsx.writeBuffer());
    const review = reconcile(open(resaved).snapshot).review;
    expect(review.problems).toEqual([]);
    expect(review.findings.find((f) => f.key === HELSEDESIGN)).toMatchObject({
      status: 'explained',
      explanation: { reason: '=SUM(A1)' },
    });
  });
});
