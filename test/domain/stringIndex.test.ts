import fc from 'fast-check';
import { StringIndex } from '../../src/domain/stringIndex';

describe('StringIndex', () => {
  it('numbers strings in the order first added, like a Map of first positions', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 300 }), fc.nat(64), (keys, expected) => {
        const index = new StringIndex(expected);
        const map = new Map<string, number>();
        for (const k of keys) {
          const n = index.add(k);
          if (!map.has(k)) map.set(k, map.size);
          expect(n).toBe(map.get(k));
        }
        expect(index.size).toBe(map.size);
        for (const [k, n] of map) {
          expect(index.get(k)).toBe(n);
          expect(index.key(n)).toBe(k);
        }
        expect(index.get('\u0000not added\u0000')).toBe(-1);
      }),
    );
  });

  it('grows past its expected size and keeps every key', () => {
    const index = new StringIndex(1);
    for (let i = 0; i < 10_000; i++) index.add(`Prosjekt ${i}`);
    expect(index.size).toBe(10_000);
    expect(index.get('Prosjekt 0')).toBe(0);
    expect(index.get('Prosjekt 9999')).toBe(9999);
    expect(index.get('prosjekt 1')).toBe(-1);
  });

  it('tells apart strings that differ only in characters beyond Latin-1', () => {
    const index = new StringIndex();
    index.add('Bruk fond');
    index.add('Bruk fond\u00a0');
    index.add('Bruk fond\u202f');
    expect(index.size).toBe(3);
    expect(index.get('Bruk fond\u202f')).toBe(2);
  });
});
