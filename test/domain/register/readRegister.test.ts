/**
 * The register reader against cell texts that are also names of Object's
 * own properties: they are data like any other.
 */
import { modelToSnapshot } from '../../../src/domain/modelToSnapshot';
import { readRegister } from '../../../src/domain/register/readRegister';
import { registerSheetModel } from '../../../src/domain/register/registerSheet';
import { registerEntry } from '../../../src/domain/register/entry';
import type { Register } from '../../../src/domain/register/types';

function read(
  register: Register,
  edit: (row: number, col: number, value: unknown) => unknown = (_r, _c, v) => v,
) {
  const model = registerSheetModel(register);
  const cells = model.cells.map((c) => ({ ...c, value: edit(c.row, c.col, c.value) as typeof c.value }));
  return readRegister(modelToSnapshot({ sheets: [{ ...model, cells }] }));
}

const base: Register = {
  formatVersion: 1,
  entries: [
    { ...registerEntry({ id: '1', name: 'A', budgetLine: 'A' }), contribution: 100_00, basis: 'per år' },
  ],
  sources: [{ name: 'SNR', kind: 'own', aliases: [] }],
};

describe('readRegister and inherited property names', () => {
  it('takes `constructor` in the basis column as an unknown basis', () => {
    // Row 3 (0-based) is the first entry; basis is the 10th key (col 9).
    const r = read(base, (row, col, v) => (row === 3 && col === 9 ? 'constructor' : v));
    expect(r.findings.map((f) => [f.code, f.cells])).toEqual([['REGISTER_INVALID', ['Prosjektregister!J4']]]);
  });

  it('takes `toString` in a source kind column as an unknown kind', () => {
    const r = read(base, (_row, _col, v) => (v === 'own' ? 'toString' : v));
    expect(r.findings.map((f) => f.code)).toEqual(['REGISTER_INVALID']);
  });

  it('keeps a column headed `__proto__` as an extra column', () => {
    const register: Register = {
      ...base,
      extraProjectColumns: ['__proto__'],
      entries: [{ ...base.entries[0], extra: Object.fromEntries([['__proto__', 'x']]) }],
    };
    const r = read(register);
    expect(r.findings).toEqual([]);
    const extra = r.register!.entries[0].extra!;
    expect(Object.prototype.hasOwnProperty.call(extra, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(extra, '__proto__')?.value).toBe('x');
  });
});
