/**
 * The review on the sheets the add-in inserts (issue 17), on the sample reviewed by Ola and Kari
 * (reviewFixtures.ts): the reconciliation sheet counts the findings open and explained and says who
 * signed off, its findings table shows each explanation (and whether the figures changed since),
 * the project cards show a finding's explanation under it, and the summary lists every sign-off,
 * newest first. Reasons and names are the user's text: shortened on the sheets, never a formula.
 */
import type { CellModel, SheetModel } from '../../../src/domain/model';
import { projectCardsSheet, reconciliationSheet, summarySheet } from '../../../src/domain/outputs';
import { reconcile, type ReconciliationResult } from '../../../src/domain/reconcile/reconcile';
import { REASON_MAX } from '../../../src/domain/review';
import { helsedesignBudgetRaised, sampleSnapshot } from '../review/fixtures';
import { lineHeight, usableWidth, wrapLines } from '../../../src/domain/outputs/measure';
import { HELSEDESIGN, HELSEDESIGN_REASON, reviewedLog, withLog } from './reviewFixtures';

const texts = (sheet: SheetModel) =>
  sheet.cells.flatMap((c) => (typeof c.value === 'string' && c.value !== '' ? [c.value] : []));
const cellWith = (sheet: SheetModel, text: string | RegExp): CellModel => {
  const found = sheet.cells.filter(
    (c) => typeof c.value === 'string' && (typeof text === 'string' ? c.value === text : text.test(c.value)),
  );
  expect(found.map((c) => c.value)).toHaveLength(1);
  return found[0];
};
const rowTexts = (sheet: SheetModel, row: number) =>
  sheet.cells.filter((c) => c.row === row && typeof c.value === 'string').map((c) => String(c.value));
/** The text right of a label in column 0 (the review block's rows; the section title `Funn` has none). */
const besideLabel = (sheet: SheetModel, label: string) => {
  const beside = sheet.cells
    .filter((l) => l.col === 0 && l.value === label)
    .map((l) => sheet.cells.find((c) => c.row === l.row && c.col === 1)?.value)
    .filter((v) => v !== undefined);
  expect(beside).toHaveLength(1);
  return beside[0];
};

const HELSE_EXPLAINED = `Forklart: ${HELSEDESIGN_REASON} (Kari Nordmann, 5. mars 2024)`;
const HELSE_STALE = `Endret etter forklaringen: ${HELSEDESIGN_REASON} (Kari Nordmann, 5. mars 2024)`;
const KARI_SIGNED = 'Godkjent av Kari Nordmann den 5. mars 2024 kl. 11.00: 2 åpne funn, 2 forklart';

describe('the reconciliation sheet of a reviewed reconciliation', () => {
  let result: ReconciliationResult;
  let sheet: SheetModel;

  beforeAll(() => {
    result = reconcile(withLog(sampleSnapshot(), reviewedLog()));
    sheet = reconciliationSheet(result, 'nb');
  });

  it('counts the findings open and explained, and says who signed off when, with what was signed', () => {
    expect(besideLabel(sheet, 'Funn')).toBe('2 åpne funn, 2 forklart');
    expect(besideLabel(sheet, 'Godkjenning')).toBe(KARI_SIGNED);
    // Above the line table: in view while scrolling, as the header is.
    const header = sheet.print!.titleRows!.first;
    expect(cellWith(sheet, KARI_SIGNED).row).toBeLessThan(header);
    expect(cellWith(sheet, KARI_SIGNED)).toMatchObject({ fill: '#C6EFCE' });
    expect(sheet.freeze).toEqual({ rows: header + 1, cols: 1 });
  });

  it("shows 1.2's warning explained, with its reason, who and when, after the open findings", () => {
    cellWith(sheet, 'Forklaring');
    const explained = cellWith(sheet, HELSE_EXPLAINED);
    expect(explained).toMatchObject({ fill: '#C6EFCE', fontColor: '#006100' });
    const row = rowTexts(sheet, explained.row);
    expect(row).toContain('CONTRIBUTION_MISMATCH');
    expect(row.some((t) => t.startsWith('Prosjekt 1.2'))).toBe(true);
    // No longer in the warning's yellow: it does not read as open.
    const severity = sheet.cells.find((c) => c.row === explained.row && c.col === 0)!;
    expect(severity.value).toBe('Advarsel');
    expect(severity.fill).toBeUndefined();
    // The open ones (3.1's warning, the year-over-year note) first, then the two explained.
    const codes = sheet.cells
      .filter((c) => c.col === 1 && c.row > cellWith(sheet, 'Forklaring').row)
      .map((c) => c.value);
    expect(codes).toEqual([
      'CONTRIBUTION_MISMATCH',
      'YEAR_OVER_YEAR',
      'DUPLICATE_ID',
      'CONTRIBUTION_MISMATCH',
    ]);
    const open = sheet.cells.find(
      (c) => c.row > cellWith(sheet, 'Forklaring').row && c.col === 0 && c.value === 'Advarsel',
    )!;
    expect(open.fill).toBe('#FFEB9C');
  });

  it('keeps every link of every finding, and shares the message columns with the explanations', () => {
    const links = sheet.cells.filter((c) => c.link).map((c) => c.value);
    expect([...links].sort()).toEqual(result.findings.flatMap((f) => f.cells).sort());
    const message = cellWith(sheet, 'Melding');
    const explanation = cellWith(sheet, 'Forklaring');
    expect(explanation.row).toBe(message.row);
    expect(explanation.col).toBeGreaterThan(message.col + 1);
    // Each wraps within its own block, in a row as tall as the taller of them.
    const width = (from: number, to: number) => {
      let w = 0;
      for (let c = from; c <= to; c++) w += sheet.columnWidths!.find((x) => x.col === c)!.width;
      return w;
    };
    const cell = cellWith(sheet, HELSE_EXPLAINED);
    const merge = sheet.merges!.find((m) =>
      m.startsWith(`${String.fromCharCode(65 + cell.col)}${cell.row + 1}:`),
    )!;
    const lastCol = merge.split(':')[1].charCodeAt(0) - 65;
    const lines = wrapLines(HELSE_EXPLAINED, usableWidth(width(cell.col, lastCol))).length;
    const height = sheet.rowHeights!.find((h) => h.row === cell.row)!.height;
    expect(height).toBeGreaterThanOrEqual(lines * lineHeight());
  });

  it('without any explanation keeps the findings table as it was: no explanation column, result order', () => {
    const plain = reconciliationSheet(reconcile(sampleSnapshot()), 'nb');
    expect(texts(plain)).not.toContain('Forklaring');
    expect(besideLabel(plain, 'Funn')).toBe('4 åpne funn, 0 forklart');
    expect(besideLabel(plain, 'Godkjenning')).toBe('Ikke godkjent');
  });
});

describe("after 1.2's budget is raised", () => {
  let sheet: SheetModel;
  let result: ReconciliationResult;

  beforeAll(() => {
    // The log as it was; the budget (B5) and the financing raised by 100 000 after both sign-offs.
    result = reconcile(withLog(helsedesignBudgetRaised(), reviewedLog()));
    sheet = reconciliationSheet(result, 'nb');
  });

  it("shows 1.2's warning open again, with the old reason, among the open findings", () => {
    const r = result.review.findings.find((f) => f.key === HELSEDESIGN)!;
    expect(r.status).toBe('stale');
    const stale = cellWith(sheet, HELSE_STALE);
    expect(stale.italic).toBe(true);
    expect(stale.fill).toBe('#FFEB9C');
    const explained = sheet.cells.find((c) => c.col === 1 && c.value === 'DUPLICATE_ID')!;
    expect(stale.row).toBeLessThan(explained.row);
    expect(besideLabel(sheet, 'Funn')).toBe(
      '3 åpne funn, 1 forklart (1 av de åpne er endret etter forklaringen)',
    );
  });

  it('says it changed after the sign-off, and what: the year totals and the line', () => {
    const block = texts(sheet);
    const signed = block.indexOf(KARI_SIGNED);
    expect(signed).toBeGreaterThanOrEqual(0);
    expect(block[signed + 1]).toBe('Endret etter godkjenningen');
    expect(cellWith(sheet, 'Endret etter godkjenningen')).toMatchObject({ bold: true, fill: '#FFC7CE' });
    expect(block[signed + 2]).toMatch(
      /^2010: budsjett 3\s430\s000 kr → 3\s530\s000 kr, finansiering 3\s430\s000 kr → 3\s530\s000 kr$/,
    );
    expect(block.slice(signed + 3)).toContain('Endret i budsjettet: Helsesdesign Arena');
    // All of it above the line table.
    const header = sheet.print!.titleRows!.first;
    expect(cellWith(sheet, 'Endret i budsjettet: Helsesdesign Arena').row).toBeLessThan(header);
  });
});

describe('a sign-off block too tall to keep in view', () => {
  it('is printed whole above the table, and only the first column stays frozen', () => {
    const log = reviewedLog();
    const long = (part: 'budget' | 'financing' | 'register', n: number) => ({
      part,
      label: `${part} ${n}: ${'en lang post som ikke finnes lenger i arbeidsboken '.repeat(2)}`,
      hash: '00000000',
    });
    // Signed long ago: other years, other lines, every one of them gone since.
    const old = {
      ...log.signOffs[1],
      fingerprint: 'f1-0000000000000000',
      totals: [2007, 2008, 2009].map((year) => ({ year, budget: 100, financing: 100 })),
      values: (['budget', 'financing', 'register'] as const).flatMap((part) =>
        Array.from({ length: 20 }, (_, n) => long(part, n)),
      ),
    };
    const sheet = reconciliationSheet(
      reconcile(withLog(sampleSnapshot(), { ...log, signOffs: [old] })),
      'nb',
    );
    const header = sheet.print!.titleRows!.first;
    const all = texts(sheet);
    expect(all).toContain('Endret etter godkjenningen');
    expect(all.filter((t) => /^(Fjernet fra|Lagt til i) /.test(t))).toHaveLength(6);
    for (const c of sheet.cells.filter(
      (c) => typeof c.value === 'string' && /^(Fjernet|Lagt til)/.test(c.value),
    ))
      expect(c.row).toBeLessThan(header);
    expect(sheet.freeze).toEqual({ rows: 0, cols: 1 });
  });
});

describe('the project cards of a reviewed reconciliation', () => {
  const card12 = (result: ReconciliationResult) => {
    const entry = result.projects.find((p) => p.fields.id === '1.2')!.entry;
    return projectCardsSheet(result, 'nb', { projects: [entry] });
  };

  it("list 1.2's explained warning with its reason under it, no longer in the warning's colour", () => {
    const card = card12(reconcile(withLog(sampleSnapshot(), reviewedLog())));
    const finding = cellWith(card, /^Advarsel: Prosjekt 1\.2/);
    expect(finding.fill).toBeUndefined();
    const explanation = cellWith(card, HELSE_EXPLAINED);
    expect(explanation.row).toBeGreaterThan(finding.row);
    expect(explanation).toMatchObject({ fill: '#C6EFCE', fontColor: '#006100' });
    expect(texts(card)).not.toContain('OK');
  });

  it('show a stale explanation as open: the warning in its colour, the old reason under it', () => {
    const card = card12(reconcile(withLog(helsedesignBudgetRaised(), reviewedLog())));
    expect(cellWith(card, /^Advarsel: Prosjekt 1\.2/)).toMatchObject({ fill: '#FFEB9C' });
    expect(cellWith(card, HELSE_STALE)).toMatchObject({ italic: true });
  });

  it('show an open finding as before, without an explanation row', () => {
    const card = card12(reconcile(sampleSnapshot()));
    expect(cellWith(card, /^Advarsel: Prosjekt 1\.2/)).toMatchObject({ fill: '#FFEB9C' });
    expect(texts(card).filter((t) => t.startsWith('Forklart'))).toEqual([]);
  });
});

describe('the summary of a reviewed reconciliation', () => {
  it('lists every sign-off, newest first: who, when, the findings open and explained, the year totals', () => {
    const summary = summarySheet(reconcile(withLog(sampleSnapshot(), reviewedLog())), 'nb');
    const title = cellWith(summary, 'Godkjenninger');
    // On a printed page of its own.
    expect(summary.print?.rowBreaks).toEqual([title.row]);
    expect(besideLabel(summary, 'Godkjenning')).toBe(KARI_SIGNED);
    expect(besideLabel(summary, 'Funn')).toBe('2 åpne funn, 2 forklart');
    const header = cellWith(summary, 'Godkjent av');
    expect(header.row).toBeGreaterThan(title.row);
    expect(rowTexts(summary, header.row)).toEqual([
      'Godkjent av',
      'Tidspunkt',
      'Åpne funn',
      'Forklart',
      'Budsjett / finansiering per år',
    ]);
    const row = (r: number) =>
      summary.cells.filter((c) => c.row === r && c.value !== null).map((c) => c.value);
    const kari = cellWith(summary, 'Kari Nordmann').row;
    const ola = cellWith(summary, 'Ola Hansen').row;
    expect(kari).toBe(header.row + 1);
    expect(ola).toBeGreaterThan(kari);
    expect(row(kari)).toEqual([
      'Kari Nordmann',
      '5. mars 2024 kl. 11.00',
      2,
      2,
      expect.stringMatching(/^2010: 3\s430\s000 \/ 3\s430\s000$/),
    ]);
    expect(row(ola)).toEqual(['Ola Hansen', '5. mars 2024 kl. 09.30', 3, 1, expect.any(String)]);
  });

  it('says so when nothing is signed off, and has no history table', () => {
    const summary = summarySheet(reconcile(sampleSnapshot()), 'nb');
    expect(besideLabel(summary, 'Godkjenning')).toBe('Ikke godkjent');
    expect(texts(summary)).not.toContain('Godkjent av');
  });
});

describe('reasons and names on the sheets', () => {
  it('stay text, however they begin, and are shortened where they are quoted', () => {
    const wb = sampleSnapshot();
    const reason = `=SUM(A1)+HYPERLINK("http://x","y") ${'lang begrunnelse '.repeat(20)}`.trim();
    const log = reviewedLog(wb, { kari: "=cmd|' /C calc'!A0", reason });
    expect(reason.length).toBeLessThan(REASON_MAX);
    const result = reconcile(withLog(wb, log));
    const sheets = [
      reconciliationSheet(result, 'nb'),
      projectCardsSheet(result, 'nb'),
      summarySheet(result, 'en'),
    ];
    for (const sheet of sheets) {
      const hits = sheet.cells.filter(
        (c) =>
          (typeof c.value === 'string' && /=SUM\(A1\)|=cmd\|/.test(c.value)) ||
          /SUM\(A1\)|cmd\|/.test(c.formula ?? ''),
      );
      expect(hits.length).toBeGreaterThan(0);
      for (const c of hits) expect(c.formula).toBeUndefined();
    }
    // The reason is quoted shortened (100 characters with `…`); the log keeps it whole.
    const cell = cellWith(sheets[0], /^Forklart: =SUM/);
    expect(String(cell.value)).toContain(`${reason.slice(0, 90)}`);
    expect(String(cell.value)).not.toContain(reason);
    expect(String(cell.value)).toMatch(/… \(=cmd\|' \/C calc'!A0, 5\. mars 2024\)$/);
    // The signer's name, as the summary lists it.
    expect(texts(sheets[2])).toContain("=cmd|' /C calc'!A0");
  });
});

describe('in English', () => {
  it('says the same in the same places', () => {
    const result = reconcile(withLog(helsedesignBudgetRaised(), reviewedLog()));
    const sheet = reconciliationSheet(result, 'en');
    expect(besideLabel(sheet, 'Findings')).toBe(
      '3 open findings, 1 explained (1 of the open ones changed since explained)',
    );
    expect(besideLabel(sheet, 'Sign-off')).toBe(
      'Signed off by Kari Nordmann on 5 March 2024 at 11:00: 2 open findings, 2 explained',
    );
    const all = texts(sheet);
    expect(all).toContain('Changed after sign-off');
    expect(all).toContain('Changed in the budget: Helsesdesign Arena');
    expect(all).toContain('Explanation');
    expect(all).toContain(`Changed since explained: ${HELSEDESIGN_REASON} (Kari Nordmann, 5 March 2024)`);
    const explained = reconciliationSheet(reconcile(withLog(sampleSnapshot(), reviewedLog())), 'en');
    expect(texts(explained)).toContain(`Explained: ${HELSEDESIGN_REASON} (Kari Nordmann, 5 March 2024)`);
    const summary = summarySheet(result, 'en');
    expect(texts(summary)).toEqual(
      expect.arrayContaining(['Sign-offs', 'Signed off by', 'When', 'Open findings', 'Explained']),
    );
  });
});
