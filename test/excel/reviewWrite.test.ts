/**
 * The Office.js review log writer (`appendReview`) against the in-memory Excel host, through
 * Microsoft's client: the first explanation creates the very hidden, protected `Avstemmingslogg`
 * after the register, and the next read shows the finding explained; a reason is stored as the
 * text typed, never a formula, and every other cell as text too; two co-authors' entries both land,
 * once each (the races: reviewRace.test.ts); rows a person broke are kept; a log of a newer format
 * is never written. Round trips and bytes as the log grows: reviewScale.test.ts.
 */
import { REGISTER_SHEET } from '../../src/domain/register/types';
import { REVIEW_SHEET, explain, signOff } from '../../src/domain/review';
import { ExcelFailure } from '../../src/excel/gateway';
import { DEFAULT_PROTECTION_OPTIONS } from '../../src/host';
import { sampleWorkbookModel } from '../../src/sample/sampleWorkbook';
import { hostFromModel } from '../helpers/host';
import {
  AKKVISISJON,
  HELSEDESIGN,
  REASON,
  SIGNED,
  at,
  explanation,
  explanations,
  failure,
  finding,
  logCell,
  review,
  sample,
  typeIntoLog,
  userSheets,
} from './reviewHelpers';
import { everything, gatewayOn } from './writeHelpers';

describe('the first explanation', () => {
  it('creates the log very hidden and protected after the register, and the next read shows 1.2 explained', async () => {
    const host = sample();
    const gateway = gatewayOn(host);
    expect(finding(await review(gateway), HELSEDESIGN).status).toBe('open');
    const mine = await explanation(gateway, HELSEDESIGN, REASON, 12);
    const others = userSheets(host);
    const active = host.activeSheet;

    host.resetStats();
    const result = await gateway.appendReview({ explanations: [mine] });
    // No log yet: the guess by name, the list, the write, the check.
    expect(result.syncs).toBe(4);
    expect(host.stats.syncs).toBe(4);
    expect(result.sheet).toBe(REVIEW_SHEET);
    expect(result.state.explanations).toEqual([mine]);
    expect(host.sheets()).toEqual([
      { name: 'Budsjett', visibility: 'visible', protected: false },
      { name: 'Finansiering', visibility: 'visible', protected: false },
      { name: REGISTER_SHEET, visibility: expect.any(String), protected: true },
      { name: REVIEW_SHEET, visibility: 'veryHidden', protected: true },
    ]);
    expect(host.readSheet(REVIEW_SHEET)!.protection).toEqual({
      options: DEFAULT_PROTECTION_OPTIONS,
      password: false,
    });
    expect(host.activeSheet).toBe(active);
    expect(userSheets(host)).toBe(others);

    const after = await review(gateway);
    expect(after.sheet).toBe(REVIEW_SHEET);
    expect(after.problems).toEqual([]);
    const f = finding(after, HELSEDESIGN);
    expect(f.status).toBe('explained');
    expect(f.explanation).toEqual(mine);
    expect(after.counts.explained).toBe(1);
  });

  it("writes every cell as text under @, the format version and a sign-off's counts included, the header bold", async () => {
    const host = sample();
    const gateway = gatewayOn(host);
    const signed = { ...SIGNED, open: 2, explained: 1 };
    await gateway.appendReview({
      explanations: [await explanation(gateway, HELSEDESIGN, REASON, 12)],
      signOffs: [signed],
    });
    expect(logCell(host, 0, 0)).toMatchObject({ value: 'formatVersion', format: { numberFormat: '@' } });
    expect(logCell(host, 0, 1)).toMatchObject({ value: '1', format: { numberFormat: '@' } });
    const header = host.readSheet(REVIEW_SHEET)!.cells.filter((c) => c.row === 2);
    const column = (name: string) => header.find((c) => c.value === name)!.col;
    expect(logCell(host, 3, column('open'))).toMatchObject({ value: '2', format: { numberFormat: '@' } });
    expect(logCell(host, 3, column('explained'))).toMatchObject({
      value: '1',
      format: { numberFormat: '@' },
    });
    // Read back, the counts are numbers again, and nothing is unread.
    const after = await review(gateway);
    expect(after.problems).toEqual([]);
    expect(after.state.signOffs).toEqual([signed]);
    expect(header.map((c) => c.value)).toEqual(
      expect.arrayContaining(['key', 'reason', 'figures', 'by', 'at', 'action', 'fingerprint']),
    );
    expect(header.every((c) => c.format.bold === true && c.format.numberFormat === '@')).toBe(true);
    expect(logCell(host, 3, 0)!.value).toBe(HELSEDESIGN);
    expect(logCell(host, 3, 4)).toMatchObject({ value: at(12), format: { numberFormat: '@' } });
  });

  it('goes right after the register wherever it stands', async () => {
    const host = sample();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem(REGISTER_SHEET).position = 0;
      await context.sync();
    });
    const gateway = gatewayOn(host);
    await gateway.appendReview({ explanations: [await explanation(gateway, HELSEDESIGN, REASON, 12)] });
    expect(host.sheets().map((s) => s.name)).toEqual([
      REGISTER_SHEET,
      REVIEW_SHEET,
      'Budsjett',
      'Finansiering',
    ]);
  });
});

describe('a reason is stored as the text typed, never as a formula or a number', () => {
  const tricky = ['=SUM(A1)', '@x', '-1', '+47 123 45 678', '1.2', "'sitat", 'TRUE', '1/2', '12%', '#N/A'];

  it('each one, read back as value and formula', async () => {
    const host = sample();
    const gateway = gatewayOn(host);
    const target = finding(await review(gateway), HELSEDESIGN);
    const made = tricky.map((reason, i) => {
      const e = explain(target, reason, { by: '=Kari', at: at(i) });
      if (!e.ok) throw new Error(e.refusal.reason);
      return e.explanation;
    });
    const result = await gateway.appendReview({ explanations: made });
    expect(result.state.explanations).toEqual(made);
    tricky.forEach((reason, i) => {
      const cell = logCell(host, 3 + i, 1)!;
      expect([cell.value, cell.formula, cell.format.numberFormat]).toEqual([reason, undefined, '@']);
      expect(logCell(host, 3 + i, 3)!.value).toBe('=Kari');
    });
    await host.run(async (context) => {
      const cells = context.workbook.worksheets.getItem(REVIEW_SHEET).getRange(`B4:B${3 + tricky.length}`);
      cells.load('values,formulas');
      await context.sync();
      expect(cells.values.map((r) => r[0])).toEqual(tricky);
      expect(cells.formulas.map((r) => r[0])).toEqual(tricky);
    });
    // read() reads them back as typed, `#N/A` (the latest) too.
    const after = await review(gateway);
    expect(after.problems).toEqual([]);
    expect(after.state.explanations).toEqual(made);
    expect(finding(after, HELSEDESIGN).explanation?.reason).toBe('#N/A');
  });
});

describe('appending', () => {
  it('a sign-off after the explanations, in 3 round trips: the next read shows the reconciliation signed', async () => {
    const host = sample();
    const gateway = gatewayOn(host);
    const first = await review(gateway);
    // The sample's error (a duplicate id) must be explained before it can be signed off.
    const all = first.findings
      .filter((f) => f.finding.severity !== 'info')
      .map((f, i) => {
        const e = explain(f, `Kjent: ${f.key}`, { by: 'Kari Nordmann', at: at(i) });
        if (!e.ok) throw new Error(e.refusal.reason);
        return e.explanation;
      });
    await gateway.appendReview({ explanations: all });
    const explained = await review(gateway);
    const signed = signOff(explained.input, explained.state.explanations, { by: 'Ola Nordmann', at: at(30) });
    if (!signed.ok) throw new Error(signed.refusal.reason);

    host.resetStats();
    const result = await gateway.appendReview({ signOffs: [signed.signOff] });
    // The read, the write, the check.
    expect(result.syncs).toBe(3);
    expect(host.stats.syncs).toBe(3);
    expect(result.state.explanations).toEqual(all);
    expect(result.state.signOffs).toEqual([signed.signOff]);
    // Only the sign-off's row is written: beside the first explanation, right of the gap.
    const written = host.stats.log[1];
    expect(written.actions).toBeLessThan(20);

    const after = await review(gateway);
    expect(after.problems).toEqual([]);
    expect(after.signOff.state).toBe('signed');
    expect(after.state.signOffs).toEqual([signed.signOff]);
    expect(after.state.explanations).toEqual(all);
  });

  it('the same entry twice is written once (the second append writes nothing: 1 round trip)', async () => {
    const host = sample();
    const gateway = gatewayOn(host);
    const mine = await explanation(gateway, HELSEDESIGN, REASON, 12);
    await gateway.appendReview({ explanations: [mine] });
    const before = everything(host);
    host.resetStats();
    const again = await gateway.appendReview({ explanations: [mine, mine] });
    expect(again.syncs).toBe(1);
    expect(again.state.explanations).toEqual([mine]);
    expect(everything(host)).toBe(before);
    expect((await review(gateway)).state.explanations).toEqual([mine]);
  });

  it('two co-authors: A and B both read, B appends, then A: both entries there, once each', async () => {
    const host = sample();
    const a = gatewayOn(host);
    const b = gatewayOn(host);
    const fromA = await explanation(a, HELSEDESIGN, REASON, 12, 'Anne');
    const fromB = await explanation(b, AKKVISISJON, 'Ekstra midler fra SNR', 13, 'Bjørn');
    await b.appendReview({ explanations: [fromB] });
    // A's pane still shows what it read before B's entry; its write keeps B's.
    const written = await a.appendReview({ explanations: [fromA] });
    expect(written.state.explanations).toEqual([fromB, fromA]);
    // B, not having seen A's, appends its own again (a retry): nothing doubles.
    await b.appendReview({ explanations: [fromB] });

    const after = await review(a);
    expect(after.state.explanations).toEqual([fromB, fromA]);
    expect(finding(after, HELSEDESIGN).status).toBe('explained');
    expect(finding(after, AKKVISISJON).status).toBe('explained');
    expect(host.sheets().filter((s) => s.name === REVIEW_SHEET)).toHaveLength(1);
  });

  it('a log whose format version is the number 1 (an earlier writer) is appended to without rewriting it', async () => {
    const host = sample();
    const gateway = gatewayOn(host);
    await gateway.appendReview({ explanations: [await explanation(gateway, HELSEDESIGN, REASON, 12)] });
    await host.run(async (context) => {
      const log = context.workbook.worksheets.getItem(REVIEW_SHEET);
      log.protection.unprotect();
      const b1 = log.getRange('B1');
      b1.numberFormat = [['General']];
      b1.values = [[1]];
      log.protection.protect();
      await context.sync();
    });
    const b1 = () => [logCell(host, 0, 1)!.value, logCell(host, 0, 1)!.format.numberFormat];
    expect(b1()).toEqual([1, undefined]);
    const next = await explanation(gateway, AKKVISISJON, 'Ekstra midler fra SNR', 20);
    host.resetStats();
    await gateway.appendReview({ explanations: [next] });
    // 1 and "1" are the same cell: B1 is left as it is, only the new row is written.
    expect(b1()).toEqual([1, undefined]);
    expect(host.stats.log[1].requestBytes).toBeLessThan(4_000);
    expect((await review(gateway)).state.explanations).toHaveLength(2);
  });

  it('a row a person broke (a time that is no time) is kept as it was, and reported', async () => {
    const host = sample();
    const gateway = gatewayOn(host);
    await gateway.appendReview({ explanations: [await explanation(gateway, HELSEDESIGN, REASON, 12)] });
    await typeIntoLog(host, 'E4', 'i går');
    const broken = await review(gateway);
    expect(broken.state.explanations).toEqual([]);
    expect(broken.problems).toEqual([
      expect.objectContaining({ kind: 'badCell', cell: `${REVIEW_SHEET}!E4`, column: 'at' }),
    ]);
    const row = (r: number) =>
      host
        .readSheet(REVIEW_SHEET)!
        .cells.filter((c) => c.row === r && c.col < 6)
        .map((c) => c.value);
    const brokenRow = row(3);

    const next = await explanation(gateway, AKKVISISJON, 'Ekstra midler fra SNR', 20);
    const result = await gateway.appendReview({ explanations: [next] });
    expect(result.state.explanations).toEqual([next]);
    expect(result.state.unread.explanations).toHaveLength(1);
    // The entries read first, then the rows that could not be read, as they were.
    expect(row(4)).toEqual(brokenRow);
    const after = await review(gateway);
    expect(after.state.explanations).toEqual([next]);
    expect(after.problems).toEqual([
      expect.objectContaining({ kind: 'badCell', cell: `${REVIEW_SHEET}!E5`, column: 'at' }),
    ]);
  });

  it('a log of a newer format version (B1 = 2) is refused, readOnly, and left as it is', async () => {
    const host = sample();
    const gateway = gatewayOn(host);
    await gateway.appendReview({ explanations: [await explanation(gateway, HELSEDESIGN, REASON, 12)] });
    await typeIntoLog(host, 'B1', '2');
    const before = everything(host);
    host.resetStats();
    const e = await failure(gateway.appendReview({ explanations: explanations(1) }));
    expect(e.kind).toBe('readOnly');
    expect(e.detail).toBe(`${REVIEW_SHEET}!B1: newerVersion`);
    expect(host.stats.syncs).toBe(1);
    expect(everything(host)).toBe(before);
  });

  it('a log protected with a password by a person: refused (password), nothing written', async () => {
    const host = sample();
    const gateway = gatewayOn(host);
    await gateway.appendReview({ explanations: [await explanation(gateway, HELSEDESIGN, REASON, 12)] });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem(REVIEW_SHEET).protection.unprotect();
      await context.sync();
    });
    host.protectSheet(REVIEW_SHEET, 'hemmelig');
    const before = everything(host);
    const e = await failure(gateway.appendReview({ explanations: explanations(1) }));
    expect([e.kind, e.code]).toEqual(['password', 'BadPassword']);
    expect(everything(host)).toBe(before);
  });

  it('a log a person made, named " avstemmingslogg", visible and unprotected: written in place, left so', async () => {
    const model = sampleWorkbookModel();
    const host = hostFromModel({ sheets: [...model.sheets, { name: ' avstemmingslogg', cells: [] }] });
    const gateway = gatewayOn(host);
    const mine = await explanation(gateway, HELSEDESIGN, REASON, 12);
    const result = await gateway.appendReview({ explanations: [mine] });
    // The guess by name fails, the list finds it trimmed, then it is read by its id; the write; the
    // check, by its id.
    expect(result.syncs).toBe(5);
    expect(result.sheet).toBe(' avstemmingslogg');
    expect(host.sheets()[3]).toEqual({ name: ' avstemmingslogg', visibility: 'visible', protected: false });
    expect(host.sheets()).toHaveLength(4);
    expect(finding(await review(gateway), HELSEDESIGN).status).toBe('explained');
  });
});

describe('a failure at any point of the write', () => {
  it('the check after the write fails (Excel busy): the entry is on the log, and appending again writes nothing', async () => {
    const host = sample();
    const gateway = gatewayOn(host);
    const first = await explanation(gateway, HELSEDESIGN, REASON, 12);
    await gateway.appendReview({ explanations: [first] });
    const next = await explanation(gateway, AKKVISISJON, 'Ekstra midler fra SNR', 20);
    // The read, the write, then the check fails.
    host.failOnSync(3);
    const e = await failure(gateway.appendReview({ explanations: [next] }));
    expect(e.kind).toBe('busy');
    expect(host.sheets().find((s) => s.name === REVIEW_SHEET)).toEqual({
      name: REVIEW_SHEET,
      visibility: 'veryHidden',
      protected: true,
    });
    expect((await review(gateway)).state.explanations).toEqual([first, next]);
    const again = await gateway.appendReview({ explanations: [next] });
    expect(again.syncs).toBe(1);
    expect(again.state.explanations).toEqual([first, next]);
  });

  for (const [what, existing] of [
    ['creating the log', false],
    ['appending to it', true],
  ] as const) {
    it(`${what}: the log stays very hidden and protected, and appending again writes each entry once`, async () => {
      for (let after = 0; ; after++) {
        const host = sample();
        const gateway = gatewayOn(host);
        const first = await explanation(gateway, HELSEDESIGN, REASON, 12);
        if (existing) await gateway.appendReview({ explanations: [first] });
        const others = userSheets(host);
        const add = existing ? explanations(3) : [first, ...explanations(2)];
        host.failOnSync(existing ? 2 : 3, after);
        const e = await gateway.appendReview({ explanations: add }).catch((x: unknown) => x);
        const log = host.sheets().find((s) => s.name === REVIEW_SHEET);
        if (log) expect(log).toEqual({ name: REVIEW_SHEET, visibility: 'veryHidden', protected: true });
        expect(userSheets(host)).toBe(others);
        await gateway.appendReview({ explanations: add });
        const read = await review(gateway);
        expect(read.problems).toEqual([]);
        expect(read.state.explanations).toEqual(existing ? [first, ...add] : add);
        expect(e).toBeInstanceOf(ExcelFailure);
        expect((e as ExcelFailure).kind).toBe('busy');
        // Failed after its last action: every action of the write has been failed at once.
        if ((e as ExcelFailure).detail?.includes('end of the round trip')) {
          // Added, hidden, (unprotected,) numbers formats, values, protected: failed before each.
          expect(after).toBeGreaterThanOrEqual(5);
          break;
        }
      }
    });
  }
});
