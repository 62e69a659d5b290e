/**
 * User text is quoted shortened wherever a message, a report line or an
 * output cell repeats it; the user's own text copied as a value stays whole.
 * Excel allows 32 767 characters in a cell, and a label that long must not
 * make a finding, the report or the reconciliation sheet unreadable or
 * unwritable.
 */
import { describe as message, type Lang } from '../../src/domain/messages';
import { finding, FINDING_CODES, type FindingParams } from '../../src/domain/findings';
import type { SheetModel, WorkbookModel } from '../../src/domain/model';
import { modelToSnapshot } from '../../src/domain/modelToSnapshot';
import { buildOutputs } from '../../src/domain/outputs';
import { reconcile, type ReconciliationResult } from '../../src/domain/reconcile/reconcile';
import { registerSheetModel } from '../../src/domain/register/registerSheet';
import { REGISTER_SHEET } from '../../src/domain/register/types';
import type { WorkbookSnapshot } from '../../src/domain/snapshot';
import { formatReport, resultToJson } from '../../src/domain/report';
import { EXCEL_CELL_TEXT_MAX, nameList, QUOTE_MAX, shorten } from '../../src/domain/shorten';
import { sampleRegister, sampleWorkbookModel } from '../../src/sample/sampleWorkbook';

const LANGS: readonly Lang[] = ['nb', 'en'];

/** `n` characters of text starting with `start`, as a label typed to Excel's limit. */
function longText(start: string, n: number = EXCEL_CELL_TEXT_MAX): string {
  return (start + ' ' + 'lang tekst '.repeat(Math.ceil(n / 11))).slice(0, n);
}

/** No half of a surrogate pair left without its other half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('shorten', () => {
  it('leaves text of at most the limit as it is', () => {
    const exact = 'x'.repeat(QUOTE_MAX);
    expect(shorten(exact)).toBe(exact);
    expect(shorten('Helsedesign , Arena')).toBe('Helsedesign , Arena');
    expect(shorten('')).toBe('');
  });

  it('keeps the beginning of longer text and ends it with …, the limit in all', () => {
    const long = longText('Reiselivet');
    const short = shorten(long);
    expect(short.length).toBeLessThanOrEqual(QUOTE_MAX);
    expect(short.length).toBeGreaterThanOrEqual(QUOTE_MAX - 12);
    expect(short.endsWith('…')).toBe(true);
    expect(long.startsWith(short.slice(0, -1))).toBe(true);
    expect(shorten(long, 20)).toBe('Reiselivet lang tek…');
    // No space before the ellipsis when the cut falls after one.
    expect(shorten(long, 17)).toBe('Reiselivet lang…');
  });

  it('never splits a surrogate pair at the cut', () => {
    for (let at = QUOTE_MAX - 4; at <= QUOTE_MAX + 1; at++) {
      const text = 'a'.repeat(at) + '😀😀😀' + 'b'.repeat(50);
      const short = shorten(text);
      expect(LONE_SURROGATE.test(short)).toBe(false);
      expect(short.length).toBeLessThanOrEqual(QUOTE_MAX);
    }
  });

  it('names a bounded number of items, then how many more', () => {
    const sheets = Array.from({ length: 200 }, (_, i) => `Ark ${i + 1}`);
    const list = nameList(sheets, (n) => `… og ${n} til`);
    expect(list).toBe(
      'Ark 1, Ark 2, Ark 3, Ark 4, Ark 5, Ark 6, Ark 7, Ark 8, Ark 9, Ark 10, Ark 11, Ark 12 … og 188 til',
    );
    // One over the bound is listed: "and 1 more" would be no shorter.
    expect(nameList(sheets.slice(0, 13), (n) => `+${n}`)).toBe(sheets.slice(0, 13).join(', '));
  });
});

describe('every finding message quotes long text shortened', () => {
  const long = longText('Brukerens tekst');
  const params: FindingParams = {
    sheet: long,
    label: long,
    source: long,
    name: long,
    text: long,
    field: long,
    other: long,
    sheets: [long, long],
  };

  it.each(FINDING_CODES.flatMap((code) => LANGS.map((lang) => [code, lang] as const)))(
    '%s (%s)',
    (code, lang) => {
      const f = finding({
        code,
        cells: ['Budsjett!A6'],
        projectId: long,
        suggestion: long,
        year: 2010,
        params,
      });
      const text = message(f, lang);
      // Room for the message's own words and a few quotes; nowhere near the 32 767 characters.
      expect(text.length).toBeLessThan(800);
      expect(LONE_SURROGATE.test(text)).toBe(false);
      // The finding keeps the full text: only the message shortens it.
      expect(f.params.label).toHaveLength(EXCEL_CELL_TEXT_MAX);
    },
  );
});

describe('SHEET_MISSING', () => {
  const many: WorkbookModel = {
    sheets: Array.from({ length: 200 }, (_, i): SheetModel => ({
      name: `Ark ${i + 1}`,
      cells: [{ row: 0, col: 0, value: i }],
    })),
  };

  it('lists a bounded number of sheet names, once, when neither sheet is found', () => {
    const result = reconcile(modelToSnapshot(many));
    const missing = result.findings.filter((f) => f.code === 'SHEET_MISSING');
    expect(missing.map((f) => f.params.role)).toEqual(['budget', 'financing']);
    const [budget, financing] = missing.map((f) => message(f, 'en'));
    expect(budget).toContain('Sheets in the workbook: Ark 1, Ark 2,');
    expect(budget).toContain('Ark 12 … and 188 more.');
    expect(budget).not.toContain('Ark 13,');
    expect(financing).not.toContain('Ark 1');
    const report = formatReport(result, 'nb');
    expect(report.match(/Ark 1,/g)).toHaveLength(1);
    expect(report).toContain('… og 188 til.');
  });

  it('says in English what was sought, not the bokmål name «budsjett»', () => {
    const result = reconcile(modelToSnapshot(many));
    const [budget, financing] = result.findings
      .filter((f) => f.code === 'SHEET_MISSING')
      .map((f) => message(f, 'en'));
    expect(budget).toMatch(/^Cannot find the budget sheet \(a sheet named «Budget» or «Budsjett»/);
    expect(financing).toMatch(/^Cannot find the financing sheet \(a sheet named «Financing», «Funding»/);
    expect(budget).not.toContain('«budsjett»');
    expect(
      message(
        result.findings.find((f) => f.code === 'SHEET_MISSING')!,
        'nb',
      ),
    ).toMatch(/^Finner ikke budsjettarket \(et ark som heter «Budsjett» eller «Budget»/);
  });

  it('names the sheet the user asked for', () => {
    const result = reconcile(modelToSnapshot(sampleWorkbookModel()), { budgetSheet: 'Budget 2010' });
    const f = result.findings.find((x) => x.code === 'SHEET_MISSING')!;
    expect(message(f, 'en')).toBe(
      'Cannot find the budget sheet «Budget 2010». Sheets in the workbook: Budsjett, Finansiering, Prosjektregister.',
    );
  });
});

describe('the report header', () => {
  it('describes a sheet that exists but has no table as such, and a missing one as missing', () => {
    const model = sampleWorkbookModel();
    const sheets = model.sheets.map((s) =>
      s.name === 'Budsjett' ? { name: 'Budsjett', cells: [{ row: 0, col: 0, value: 'Kommer senere' }] } : s,
    );
    const noTable = reconcile(modelToSnapshot({ sheets }));
    expect(formatReport(noTable, 'nb').split('\n')[1]).toMatch(
      /^Ark: Budsjett = Budsjett \(ingen tabell\), Finansiering = Finansiering,/,
    );
    expect(formatReport(noTable, 'en').split('\n')[1]).toMatch(
      /^Sheets: Budget = Budsjett \(no table\), Financing = Finansiering,/,
    );
    const missing = reconcile(modelToSnapshot({ sheets: sheets.filter((s) => s.name !== 'Budsjett') }));
    expect(formatReport(missing, 'en').split('\n')[1]).toMatch(/^Sheets: Budget = \(missing\), /);
  });
});

/**
 * The text a run of cells down a column holds, from the cell that starts `text`: a long text's
 * pieces, one a row, joined where they were cut (at a space).
 */
function textDown(sheet: SheetModel, text: string, col: number): string {
  const cells = sheet.cells.filter((c) => c.col === col && typeof c.value === 'string');
  const first = cells.find((c) => text.startsWith(String(c.value)) && String(c.value).length > 100);
  if (!first) return '';
  let joined = String(first.value);
  for (let row = first.row + 1; joined.length < text.length; row++) {
    const next = cells.find((c) => c.row === row);
    if (!next) break;
    joined += ` ${String(next.value)}`;
  }
  return joined;
}

describe('a workbook whose texts are as long as Excel allows', () => {
  const label = longText('Reiselivet');
  const projectName = longText('Akkvisisjon');
  const sourceName = longText('Akershus fylkeskommune');
  const memo = longText('SNRs bidrag 2010');
  let snapshot: WorkbookSnapshot;
  let result: ReconciliationResult;

  beforeAll(() => {
    const sample = sampleWorkbookModel();
    const register = sampleRegister();
    const longRegister = {
      ...register,
      entries: register.entries.map((e) => (e.id === '3.1' ? { ...e, name: projectName } : e)),
      sources: register.sources.map((s) =>
        s.name === 'Akershus fylkeskommune'
          ? { ...s, name: sourceName, aliases: ['Akershus fylkeskommune'] }
          : s,
      ),
    };
    const replace = (sheet: SheetModel, from: string, to: string): SheetModel => ({
      ...sheet,
      cells: sheet.cells.map((c) => (c.value === from ? { ...c, value: to } : c)),
    });
    const model: WorkbookModel = {
      sheets: [
        replace(sample.sheets[0], 'Reiselivet', label),
        replace(sample.sheets[1], 'SNRs bidrag', memo),
        registerSheetModel(longRegister),
      ],
    };
    expect(model.sheets[2].name).toBe(REGISTER_SHEET);
    snapshot = modelToSnapshot(model);
    result = reconcile(snapshot);
  });

  it.each(LANGS)('quotes them shortened in findings, the report and the JSON messages (%s)', (lang) => {
    const codes = result.findings.map((f) => f.code);
    // The long texts are quoted: an unknown line, a row after the sum, a project's name.
    expect(codes).toEqual(
      expect.arrayContaining(['UNKNOWN_LINE', 'UNKNOWN_SOURCE', 'CONTRIBUTION_MISMATCH']),
    );
    for (const line of formatReport(result, lang).split('\n')) expect(line.length).toBeLessThan(400);
    for (const f of resultToJson(result, lang).findings) expect(f.message.length).toBeLessThan(400);
    expect(formatReport(result, lang)).toContain(shorten(label));
  });

  it.each(LANGS)(
    'writes every output cell within Excel’s limit, the user’s label whole where it is copied (%s)',
    (lang) => {
      const outputs = buildOutputs(result, lang, snapshot);
      const userTexts = [label, projectName, sourceName, memo];
      // A text too tall for one row goes on in the rows below it (outputs/measure.ts): pieces.
      const title = `3.1 ${projectName}`;
      for (const { sheet } of outputs.sheets) {
        for (const cell of sheet.cells) {
          if (typeof cell.value !== 'string') continue;
          expect(cell.value.length).toBeLessThanOrEqual(EXCEL_CELL_TEXT_MAX);
          expect(LONE_SURROGATE.test(cell.value)).toBe(false);
          // Anything long is a piece of a user's text, or of a card's title or the summary's
          // project: the name, whole up to what a cell holds, and marked where it had to be cut.
          if (cell.value.length > 1000 && !userTexts.some((t) => t.includes(cell.value as string)))
            expect(title.includes(cell.value.replace(/…$/, ''))).toBe(true);
        }
      }
      // The budget line's label in the reconciliation sheet, the source in the summary's table.
      const [reconciliation, , summary] = outputs.sheets.map((o) => o.sheet);
      expect(textDown(reconciliation, label, 0)).toBe(label);
      expect(textDown(summary, sourceName, 0)).toBe(sourceName);
    },
  );
});
