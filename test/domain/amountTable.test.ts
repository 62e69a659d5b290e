/**
 * The amount table keeps its amounts in typed columns and makes cells on demand;
 * these tests hold that view to what `readAmount` says of each cell.
 */
import fc from 'fast-check';
import { readAmount } from '../../src/domain/amount';
import type { CellValue } from '../../src/domain/snapshot';
import { buildPlan } from '../../src/domain/reconcile/plan';
import { RegisterIndex } from '../../src/domain/reconcile/registerIndex';
import { registerEntry } from '../../src/domain/register/entry';
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
          expect(row.label).toBe(source[0] === null ? '' : String(source[0]).trim());
          expect(row.entry).toBeNull();
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

  it('ties each row to the register entry its label names when read with a register', () => {
    const index = new RegisterIndex({
      formatVersion: 1,
      entries: [registerEntry({ id: '1', name: 'Alfa' }), registerEntry({ id: '2', name: 'Beta' })],
      sources: [],
    });
    const rows: CellValue[][] = [
      ['Post', 'Budsjett 2010'],
      ['BETA ', 100],
      ['Gamma', 200],
      ['Alfa', 300],
    ];
    const { table } = readAmountTable(sheet('Budsjett', rows), 'budget', index);
    expect(table!.rows.map((r) => [r.label, r.entry])).toEqual([
      ['BETA', 1],
      ['Gamma', null],
      ['Alfa', 0],
    ]);
    expect(table!.entries).toBe(index);
    expect(buildPlan(table, null, index).lines.map((l) => l.entry)).toEqual([1, null, 0]);
    // A plan ties lines through its tables, so they must have been read with its register.
    const other = new RegisterIndex({ formatVersion: 1, entries: [], sources: [] });
    expect(() => buildPlan(table, null, other)).toThrow(/not read with this register/);
    const { table: plain } = readAmountTable(sheet('Budsjett', rows), 'budget');
    expect(() => buildPlan(plain, null, index)).toThrow(/not read with this register/);
    expect(buildPlan(plain, null, null).lines.map((l) => l.entry)).toEqual([null, null, null]);
  });
});
