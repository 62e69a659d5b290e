import fc from 'fast-check';
import { normalizeLabel } from '../../src/domain/match';
import { LabelIndex } from '../../src/domain/labelIndex';
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

describe('LabelIndex', () => {
  /** Labels that differ in case, spacing, punctuation and æøå, so many normalise alike. */
  const label = fc
    .array(
      fc.constantFrom('a', 'B', 'æ', 'Æ', 'ø', 'å', 'é', ' ', '  ', ',', '-', '1', '\u00a0', 'Prosjekt'),
      {
        maxLength: 6,
      },
    )
    .map((parts) => parts.join(''));

  it('numbers labels by their normalised form, in the order first added, like a Map of normalizeLabel', () => {
    fc.assert(
      fc.property(fc.array(label, { maxLength: 200 }), fc.array(label, { maxLength: 50 }), (added, asked) => {
        const index = new LabelIndex(4);
        const map = new Map<string, number>();
        for (const l of added) {
          const key = normalizeLabel(l);
          const fresh = key !== '' && !map.has(key);
          expect(index.addNew(l)).toBe(fresh);
          if (fresh) map.set(key, map.size);
        }
        expect(index.size).toBe(map.size);
        for (const l of [...added, ...asked]) {
          const key = normalizeLabel(l);
          expect(index.get(l)).toBe(key === '' ? -1 : (map.get(key) ?? -1));
        }
        for (const [key, n] of map) expect(index.key(n)).toBe(key);
      }),
      { numRuns: 300 },
    );
  });

  it('matches a plain label with its other cases and spellings without normalising it', () => {
    const index = new LabelIndex();
    index.add('Prosjekt 12');
    expect(index.get('PROSJEKT 12')).toBe(0);
    expect(index.get('prosjekt  12')).toBe(0);
    expect(index.get(' Prosjekt-12 ')).toBe(0);
    expect(index.get('Prosjekt 13')).toBe(-1);
    expect(index.add('')).toBe(-1);
    expect(index.get('   ')).toBe(-1);
  });
});
