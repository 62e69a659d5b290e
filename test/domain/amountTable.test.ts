/**
 * The amount table keeps its amounts in typed columns and makes cells on demand;
 * these tests hold that view to what `readAmount` says of each cell.
 */
import fc from 'fast-check';
import { readAmount } from '../../src/domain/amount';
import type { CellValue } from '../../src/domain/snapshot';
import { readAmountTable } from '../../src/domain/tables/amountTable';
import { sheet } from '../helpers/workbook';

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  fc.integer({ min: -10_000_000, max: 10_000_000 }),
  fc.double({ min: -1e7, max: 1e7, noNaN: true }),
  fc.constantFrom(0, -0, 90_071_992_547_409, 90_071_992_547_410, 2 ** 53, -(2 ** 53), 1e300, Infinity),
  fc.constantFrom('1 500', 'kr 100.000', '(5 000)', 'ca 2-300.000', 'tekst', '', '  ', null, true, {
    error: '#REF!',
  }),
);

describe('amount table columns', () => {
  it('give every year the øre and reading kind readAmount gives the cell', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(cellArb, cellArb), { minLength: 1, maxLength: 20 }), (pairs) => {
        const rows: CellValue[][] = [
          ['Post', 'Budsjett 2010', 'Budsjett 2011'],
          ['Første', 100, 100],
          ...pairs.map(([a, b], i) => [`Linje ${i}`, a, b]),
        ];
        const read = readAmountTable(sheet('Budsjett', rows), 'budget');
        expect(read.table).not.toBeNull();
        const table = read.table!;
        const all = [...table.rows, ...(table.sumRow ? [table.sumRow] : []), ...table.after];
        for (const row of all) {
          const source = rows[row.row];
          let size = 0;
          for (const [y, year] of [2010, 2011].entries()) {
            const value = source[y + 1];
            const reading = readAmount(value);
            const cell = row.amounts.get(year);
            const blank = reading.kind === 'empty';
            if (blank) {
              expect(cell).toBeUndefined();
              expect(row.amounts.ore(year)).toBe(0);
              continue;
            }
            size++;
            expect(cell).toBeDefined();
            expect(cell!.reading).toBe(reading.kind);
            const ore = reading.kind === 'number' || reading.kind === 'text' ? reading.ore : 0;
            expect(Object.is(cell!.ore, ore)).toBe(true);
            expect(row.amounts.ore(year)).toBe(ore);
            expect(cell!.ref).toBe(`Budsjett!${'BC'[y]}${row.row + 1}`);
          }
          expect(row.amounts.size).toBe(size);
          expect([...row.amounts.entries()].map(([year]) => year)).toEqual(
            [2010, 2011].filter((year) => row.amounts.has(year)),
          );
        }
      }),
    );
  });

  it('answers no cell and 0 øre for a year the table does not have', () => {
    const read = readAmountTable(
      sheet('Budsjett', [
        ['Post', 'Budsjett 2010'],
        ['Alfa', 100],
      ]),
      'budget',
    );
    const row = read.table!.rows[0];
    expect(row.amounts.get(2011)).toBeUndefined();
    expect(row.amounts.ore(2011)).toBe(0);
    expect(row.amounts.has(2010)).toBe(true);
  });
});
