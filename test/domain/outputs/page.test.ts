/**
 * Where a printed page of an output sheet ends, as the layouts foresee it (page.ts): a table's
 * title and first rows are kept together by a manual break only when the page would cut them.
 */
import { breakKeepsTogether, printableHeight } from '../../../src/domain/outputs/page';

/** Rows of `heights` points, on a sheet of `widthChars` characters across. */
const rows = (heights: readonly number[], widthChars = 100) => ({
  widthChars,
  heightOf: (first: number, last = first) => {
    let sum = 0;
    for (let r = first; r <= last; r++) sum += heights[r] ?? 15;
    return sum;
  },
});

const ROOM = printableHeight('landscape');

describe('breakKeepsTogether', () => {
  it('breaks above a block that would be cut at the foot of a page', () => {
    const above = Math.floor((ROOM - 20) / 15);
    const sheet = rows(new Array<number>(above + 3).fill(15));
    expect(breakKeepsTogether(sheet, 'landscape', above, above + 2)).toBe(true);
    // The same block a few rows higher fits: no break.
    expect(breakKeepsTogether(sheet, 'landscape', above - 5, above - 3)).toBe(false);
  });

  it('never breaks above a block that starts a page anyway, or that is taller than a page', () => {
    const full = Math.floor(ROOM / 15);
    expect(breakKeepsTogether(rows(new Array<number>(full + 3).fill(15)), 'landscape', full, full + 2)).toBe(
      false,
    );
    const tall = [15, 15, ROOM, 15];
    expect(breakKeepsTogether(rows(tall), 'landscape', 2, 3)).toBe(false);
  });

  it('counts the rows repeated on every page, and a sheet printed smaller to fit the page width', () => {
    const above = Math.floor((ROOM - 20) / 15);
    const heights = new Array<number>(2 * above).fill(15);
    // Printed at half size, twice the rows fit: no break where a full-size page would need one.
    expect(breakKeepsTogether(rows(heights, 100), 'landscape', above, above + 2)).toBe(true);
    expect(breakKeepsTogether(rows(heights, 400), 'landscape', above, above + 2)).toBe(false);
    // On the second page, under a repeated 100-pt header (row 0), the foot comes 100 pt sooner.
    const perPage = Math.floor((ROOM - 100) / 15);
    const start = 1 + 2 * perPage - 2;
    const long = rows(new Array<number>(start + 3).fill(15).map((h, r) => (r === 0 ? 100 : h)));
    expect(breakKeepsTogether(long, 'landscape', start, start + 2, { first: 0, last: 0 })).toBe(true);
    expect(breakKeepsTogether(long, 'landscape', start, start + 2)).toBe(false);
  });
});
