/**
 * Two co-authors appending to the review log at the same moment, on the in-memory host: Excel
 * keeps the last write of a cell and has no conditional write, so a write can land on the rows
 * the other has just written. Each race is played out deterministically: a gateway whose
 * `Excel.run` lets the co-author write between two of its round trips. Whatever the order, every
 * entry ends up on the log, once; when the log keeps changing the writer gives up (`changed`)
 * without losing anything of the co-author's, and appending again lands the user's own.
 */
import { REVIEW_SHEET, type Explanation, type ReviewState } from '../../src/domain/review';
import { createExcelGateway } from '../../src/excel/excelGateway';
import type { ExcelRun } from '../../src/excel/excelApi';
import type { ReviewWriteResult, WorkbookGateway } from '../../src/excel/gateway';
import type { ExcelHost } from '../../src/host';
import {
  AKKVISISJON,
  HELSEDESIGN,
  REASON,
  SIGNED,
  explanation,
  explanations,
  failure,
  finding,
  review,
  sample,
} from './reviewHelpers';
import { gatewayOn } from './writeHelpers';
import { changedCells } from '../../src/excel/writer/reviewCells';
import { guardFor } from '../../src/excel/writer/reviewRace';
import type { OpTarget } from '../../src/excel/writer/writeOp';

/**
 * A gateway on the host whose `Excel.run` calls `between(n)` after its n-th round trip that
 * succeeded (counted from 1 in each run), before the batch goes on: what a co-author does there
 * lands between two of this writer's round trips.
 */
function gatewayWith(host: ExcelHost, between: (n: number) => Promise<void>): WorkbookGateway {
  const run: ExcelRun = (batch) =>
    host.run((context) => {
      let n = 0;
      return batch({
        workbook: context.workbook,
        application: context.application,
        sync: async () => {
          const answer = await context.sync();
          await between(++n);
          return answer;
        },
      });
    });
  return createExcelGateway(run, { isSetSupported: host.isSetSupported, payloadLimit: host.payloadLimit });
}

/** A promise and its resolve, to order two writers' round trips. */
function signal() {
  let resolve!: () => void;
  const done = new Promise<void>((r) => (resolve = r));
  return { done, resolve };
}

/**
 * A writer that does not check (an earlier version, another program) writes `e` over the log's
 * last row: where the writer under test has just appended.
 */
async function writeOverLastRow(host: ExcelHost, e: Explanation): Promise<void> {
  await host.run(async (context) => {
    const log = context.workbook.worksheets.getItem(REVIEW_SHEET);
    const used = log.getUsedRange(true);
    used.load('rowIndex,rowCount');
    await context.sync();
    const row = used.rowIndex + used.rowCount;
    log.protection.unprotect();
    const cells = log.getRange(`A${row}:F${row}`);
    cells.numberFormat = [new Array<string>(6).fill('@')];
    cells.values = [[e.key, e.reason, e.figures, e.by, e.at, e.action]];
    log.protection.protect();
    await context.sync();
  });
}

/** The log with one explanation (1.2's), and the entries the two writers append. */
async function logWithOne(host: ExcelHost) {
  const plain = gatewayOn(host);
  const first = await explanation(plain, HELSEDESIGN, REASON, 12, 'Kari');
  await plain.appendReview({ explanations: [first] });
  const fromA = await explanation(plain, AKKVISISJON, 'Ekstra midler fra SNR', 20, 'Anne');
  const fromB = await explanation(plain, HELSEDESIGN, 'Betalt av fylket og SNR', 21, 'Bjørn');
  return { plain, first, fromA, fromB };
}

/** The log as read() reads it, with no problem: every entry read. */
async function logNow(gateway: WorkbookGateway): Promise<ReviewState> {
  const read = await review(gateway);
  expect(read.problems).toEqual([]);
  return read.state;
}

describe('a co-author appends at the same moment', () => {
  it("B's whole append lands between A's read and A's write: A writes over B's row, sees it, and writes B's entry again", async () => {
    const host = sample();
    const { plain, first, fromA, fromB } = await logWithOne(host);
    const b = gatewayOn(host);
    const written: ReviewWriteResult[] = [];
    const a = gatewayWith(host, async (n) => {
      // After A's read: B reads, writes its explanation and a sign-off, and checks them, all there.
      if (n === 1) written.push(await b.appendReview({ explanations: [fromB], signOffs: [SIGNED] }));
    });

    const result = await a.appendReview({ explanations: [fromA] });
    expect(written.map((w) => w.state.explanations)).toEqual([[first, fromB]]);
    // A's write went to the row B had just written (the end of the log A read): B's explanation
    // was overwritten, and A, having read the row just before writing it, wrote it again after
    // its own. B's sign-off, beside the first explanation, was never touched.
    // The read, the write, the check; the write again, the check.
    expect(result.syncs).toBe(5);
    const after = await logNow(plain);
    expect(after.explanations).toEqual([first, fromA, fromB]);
    expect(after.signOffs).toEqual([SIGNED]);
    expect(result.state.explanations).toEqual(after.explanations);
    // B's is the latest explanation of 1.2: it counts.
    expect(finding(await review(plain), HELSEDESIGN).explanation).toEqual(fromB);
  });

  it("a writer that does not check writes over A's new row before A's check: A appends its entry again", async () => {
    const host = sample();
    const { plain, first, fromA, fromB } = await logWithOne(host);
    const a = gatewayWith(host, async (n) => {
      // After A's write, before its check.
      if (n === 2) await writeOverLastRow(host, fromB);
    });

    const result = await a.appendReview({ explanations: [fromA] });
    expect(result.syncs).toBe(5);
    expect((await logNow(plain)).explanations).toEqual([first, fromB, fromA]);
    expect(finding(await review(plain), AKKVISISJON)).toMatchObject({
      status: 'explained',
      explanation: fromA,
    });
  });

  for (const [checksFirst, aSyncs] of [
    ['B', 3],
    ['A', 5],
  ] as const) {
    it(`both of this version, both reading first, each writing over the other's row (${checksFirst} checks first): both entries there, once`, async () => {
      const host = sample();
      const { plain, first, fromA, fromB } = await logWithOne(host);
      const bRead = signal();
      const aWrote = signal();
      const bWrote = signal();
      const aDone = signal();
      const bAppend: Promise<ReviewWriteResult>[] = [];
      const b = gatewayWith(host, async (n) => {
        if (n === 1) {
          // B has read the log as A read it; it writes once A has written.
          bRead.resolve();
          await aWrote.done;
        } else if (n === 2) {
          // B's write landed on A's new row.
          bWrote.resolve();
          if (checksFirst === 'A') await aDone.done;
        }
      });
      const a = gatewayWith(host, async (n) => {
        if (n === 1) {
          bAppend.push(b.appendReview({ explanations: [fromB] }));
          await bRead.done;
        } else if (n === 2) {
          aWrote.resolve();
          await bWrote.done;
          if (checksFirst === 'B') await bAppend[0];
        }
      });

      const resultA = await a.appendReview({ explanations: [fromA] });
      aDone.resolve();
      const resultB = await bAppend[0];
      // The writer that checks first finds the other's entry gone (it wrote over it, or was
      // written over) and writes it again; the other finds everything there.
      expect(resultA.syncs).toBe(aSyncs);
      expect(resultB.syncs).toBe(checksFirst === 'B' ? 5 : 3);
      const after = await logNow(plain);
      expect(after.explanations).toEqual([first, fromB, fromA]);
      expect(resultA.state.explanations).toEqual(after.explanations);
      expect(resultB.state.explanations).toEqual(after.explanations);
    });
  }
});

describe('a co-author creates the log at the same moment', () => {
  it("B creates it between A's read (no log) and A's write: A's new sheet is refused, and A appends to B's", async () => {
    const host = sample();
    const plain = gatewayOn(host);
    const fromA = await explanation(plain, AKKVISISJON, 'Ekstra midler fra SNR', 20, 'Anne');
    const fromB = await explanation(plain, HELSEDESIGN, 'Betalt av fylket og SNR', 21, 'Bjørn');
    const b = gatewayOn(host);
    const a = gatewayWith(host, async (n) => {
      // After A's list of sheets (its guess by name failed: no log yet).
      if (n === 1) await b.appendReview({ explanations: [fromB] });
    });

    const result = await a.appendReview({ explanations: [fromA] });
    // The guess, the list, the sheet added (refused: it exists), the read, the write, the check.
    expect(result.syncs).toBe(6);
    expect(host.sheets().filter((s) => s.name.toLowerCase() === REVIEW_SHEET.toLowerCase())).toEqual([
      { name: REVIEW_SHEET, visibility: 'veryHidden', protected: true },
    ]);
    expect((await logNow(plain)).explanations).toEqual([fromB, fromA]);
  });
});

describe('a log that keeps changing', () => {
  it("after 3 writes, each written over: refused (changed), every co-author's entry kept; appending again lands A's", async () => {
    const host = sample();
    const { plain, first, fromA } = await logWithOne(host);
    const others = explanations(3, (i) => `Medforfatter ${i}`);
    const a = gatewayWith(host, async (n) => {
      // After each of A's writes (round trips 2, 4 and 6), a co-author's write over A's new row.
      if (n % 2 === 0) await writeOverLastRow(host, others[n / 2 - 1]);
    });

    host.resetStats();
    const e = await failure(a.appendReview({ explanations: [fromA] }));
    expect(e.kind).toBe('logChanged');
    // A's read, then three times its write and its check; and the co-author's 2 round trips each time.
    expect(host.stats.syncs).toBe(7 + 3 * 2);
    expect(host.sheets().find((s) => s.name === REVIEW_SHEET)).toEqual({
      name: REVIEW_SHEET,
      visibility: 'veryHidden',
      protected: true,
    });
    expect((await logNow(plain)).explanations).toEqual([first, ...others]);

    // The user tries again: A's entry lands after the others.
    const again = await plain.appendReview({ explanations: [fromA] });
    expect(again.syncs).toBe(3);
    expect((await logNow(plain)).explanations).toEqual([first, ...others, fromA]);
  });
});

describe('what the write reads of the rows it is about to write', () => {
  /** The range the guard of a write from `known` to `wanted` reads, under `payloadLimit`. */
  function guarded(known: string[][], wanted: string[][], payloadLimit: number): string | null {
    const guard = guardFor(known, changedCells(REVIEW_SHEET, known, wanted), payloadLimit, REVIEW_SHEET);
    if (guard === null) return null;
    const asked: string[] = [];
    const range = { untrack: () => range, load: () => range };
    const sheet = { getRange: (address: string) => (asked.push(address), range) };
    guard.op.queue({ sheet } as unknown as OpTarget);
    return asked.join();
  }

  // 40 entries of 2 000-character reasons, and the same with one more row moved in at the top.
  const row = (i: number) => [`KEY|${i}`, `${i}:${'x'.repeat(2_000)}`];
  const known = [
    ['formatVersion', '1'],
    [],
    ['key', 'reason'],
    ...Array.from({ length: 40 }, (_, i) => row(i)),
  ];
  const wanted = [...known.slice(0, 3), row(99), ...known.slice(3)];

  it('an append: its new row', () => {
    expect(guarded(known, [...known, row(40)], 5_000_000)).toBe('A44:B44');
  });

  it('a rewrite from high up: every row written, when their answer is small beside the limit', () => {
    expect(guarded(known, wanted, 5_000_000)).toBe('A4:B44');
  });

  it('a rewrite from high up too large to read back at once: the rows past the log as read', () => {
    expect(guarded(known, wanted, 64 * 1024)).toBe('A44:B44');
  });
});
