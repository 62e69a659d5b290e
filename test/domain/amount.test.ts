import fc from 'fast-check';
import {
  AmountReading,
  findAmountInText,
  formatNok,
  kronerToOre,
  oreToKroner,
  parseAmountText,
  readAmount,
  wholeKronerOre,
} from '../../src/domain/amount';
import { CellValue } from '../../src/domain/snapshot';

const NBSP = '\u00A0';
const NNBSP = '\u202F';
const THIN = '\u2009';

describe('parseAmountText: single amounts', () => {
  it.each<[string, number]>([
    ['3.430.000', 343000000],
    ['1. 500.000', 150000000],
    ['kr 100.000', 10000000],
    ['kr. 150.000', 15000000],
    ['kr.400.000', 40000000],
    ['kr 250 000', 25000000],
    ['3 430 000', 343000000],
    [`3${NBSP}430${NBSP}000`, 343000000],
    [`3${NNBSP}430${NNBSP}000`, 343000000],
    [`3${THIN}430${THIN}000`, 343000000],
    ['1 234,50', 123450],
    ['1 234,5', 123450],
    ['12,5', 1250],
    ['12,05', 1205],
    ['0,50', 50],
    ['1234.5', 123450],
    ['1.234,50', 123450],
    ['3430000', 343000000],
    ['0', 0],
    ['-5 000', -500000],
    ['−5 000', -500000],
    ['–5 000', -500000],
    ['- 5 000', -500000],
    ['(5 000)', -500000],
    ['(kr 5 000)', -500000],
    ['kr -5 000', -500000],
    ['-kr 5 000', -500000],
    ['5 000,-', 500000],
    ['5 000,–', 500000],
    ['kr 5 000,-', 500000],
    ['NOK 5 000', 500000],
    ['nok 5 000', 500000],
    ['5 000 NOK', 500000],
    ['100 000 kr', 10000000],
    ['100 000 kr.', 10000000],
    ['100 000 kroner', 10000000],
    ['KR 100 000', 10000000],
    ['ca 100 000', 10000000],
    ['ca. 100 000', 10000000],
    ['cirka kr 100 000', 10000000],
    ['ca kr 100.000', 10000000],
    ['  kr  100 000  ', 10000000],
    ['3,430,000', 343000000],
    ['1,234,567', 123456700],
    ['1,234', 123400], // comma + 3 digits is an English thousands separator
    ['1,234.50', 123450],
    ['-0', 0],
  ])('%j -> %d øre', (text, ore) => {
    expect(parseAmountText(text)).toEqual({ ore });
  });
});

describe('parseAmountText: ranges', () => {
  it.each<[string, number, number]>([
    ['ca kr 2-300.000', 200000, 300000],
    ['2-300.000', 200000, 300000],
    ['2 - 300 000', 200000, 300000],
    ['2–300.000', 200000, 300000],
    ['100-200 000', 100000, 200000],
    ['150 000-200 000', 150000, 200000],
    ['kr 150 000 - kr 200 000', 150000, 200000],
    ['1-2', 1, 2],
    ['15-200', 150, 200],
    ['150-200', 150, 200],
    ['0-300', 0, 300],
  ])('%j -> %d..%d kr', (text, minKr, maxKr) => {
    expect(parseAmountText(text)).toEqual({ minOre: minKr * 100, maxOre: maxKr * 100 });
  });

  it('does not read a leading minus as a range', () => {
    expect(parseAmountText('-300.000')).toEqual({ ore: -30000000 });
    expect(parseAmountText('−300.000')).toEqual({ ore: -30000000 });
  });
});

describe('parseAmountText: not amounts', () => {
  it.each([
    '',
    '   ',
    'abc',
    'kr',
    'NOK',
    '-',
    '()',
    'ca',
    '12 34 5', // groups after the first must have exactly 3 digits
    '1 23',
    '1 2345',
    '1234 567', // first group longer than 3 digits
    '0 500', // first group may not start with 0
    '0,500',
    '1.500 000', // mixed group separators
    '1.234.5', // decimal point with dot groups
    '1,234,5', // decimal comma with comma groups
    '1,234,56',
    '1.2.3',
    '12,5 kroner ekstra',
    '100 000 20 000', // two numbers, not one grouped number
    '5 000 abc',
    'abc 5 000',
    'kr5 000 kr 7',
    '1-2-3',
    '-2-300.000', // a negative range
    '300-200', // reversed range
    '-(5 000)',
    '(-5 000)',
    '(5 000',
    '5 000)',
    '1,5,0',
    ',50',
    '.50',
    '5 000,',
    '5 000.',
    '1e5',
    'Infinity',
    'NaN',
    '0x10',
    '+5',
    '5%',
    '99999999999999999999',
  ])('%j -> null', (text) => {
    expect(parseAmountText(text)).toBeNull();
  });

  it('reads 12,345 as English thousands', () => {
    expect(parseAmountText('12,345')).toEqual({ ore: 1234500 });
  });
});

describe('readAmount', () => {
  it.each<[CellValue, AmountReading]>([
    [null, { kind: 'empty' }],
    ['', { kind: 'empty' }],
    ['   ', { kind: 'empty' }],
    [`${NBSP}${NNBSP}`, { kind: 'empty' }],
    [3430000, { kind: 'number', ore: 343000000 }],
    [1234.5, { kind: 'number', ore: 123450 }],
    [0.1 + 0.2, { kind: 'number', ore: 30 }],
    [1.005, { kind: 'number', ore: 100 }], // 1.005 is 1.00499999... as a double
    [-0, { kind: 'number', ore: 0 }],
    [-1234.5, { kind: 'number', ore: -123450 }],
    [NaN, { kind: 'invalid', text: 'NaN' }],
    [Infinity, { kind: 'invalid', text: 'Infinity' }],
    [-Infinity, { kind: 'invalid', text: '-Infinity' }],
    [1e14, { kind: 'invalid', text: '100000000000000' }], // øre would not be a safe integer
    ['1. 500.000', { kind: 'text', ore: 150000000, text: '1. 500.000' }],
    ['kr 250 000', { kind: 'text', ore: 25000000, text: 'kr 250 000' }],
    ['ca kr 2-300.000', { kind: 'range', minOre: 20000000, maxOre: 30000000, text: 'ca kr 2-300.000' }],
    ['abc', { kind: 'invalid', text: 'abc' }],
    ['Se note', { kind: 'invalid', text: 'Se note' }],
    [true, { kind: 'invalid', text: 'TRUE' }],
    [false, { kind: 'invalid', text: 'FALSE' }],
    [{ error: '#REF!' }, { kind: 'error', error: '#REF!' }],
    [{ error: '#DIV/0!' }, { kind: 'error', error: '#DIV/0!' }],
  ])('%j', (value, expected) => {
    expect(readAmount(value)).toEqual(expected);
  });

  it('never returns -0', () => {
    const r = readAmount(-0.001);
    expect(r.kind).toBe('number');
    expect(Object.is((r as { ore: number }).ore, 0)).toBe(true);
  });

  it('never throws and always returns a known kind', () => {
    const cell = fc.oneof(
      fc.constant(null),
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.stringMatching(/^[ \u00A0\u202F(−–-]{0,2}(kr\.? ?)?[0-9 .,]{0,14}(,-)?\)?$/),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.record({ error: fc.string() }),
      fc.anything(),
    );
    fc.assert(
      fc.property(cell, (v) => {
        const r = readAmount(v as CellValue);
        expect(['empty', 'number', 'text', 'range', 'error', 'invalid']).toContain(r.kind);
        if (r.kind === 'number' || r.kind === 'text') expect(Number.isSafeInteger(r.ore)).toBe(true);
        if (r.kind === 'range') {
          expect(Number.isSafeInteger(r.minOre) && Number.isSafeInteger(r.maxOre)).toBe(true);
          expect(r.minOre).toBeLessThanOrEqual(r.maxOre);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('findAmountInText', () => {
  it.each<[string, number | null]>([
    ['Mrk. Finansiering SNP 2009 er kr 1.810.000', 181000000],
    ['Mrk. Finansiering SNP 2009 er kr 1.810.000.', 181000000],
    ['Finansiering i 2009 var 1 810 000 kr', 181000000],
    [`SNRs bidrag 1${NBSP}850${NBSP}000`, 185000000],
    ['Etablerertjenester 980.000', 98000000],
    ['Beløp 1 234,50 i alt', 123450],
    ['først 100 000, så 200 000', 20000000],
    ['underskudd -5 000', -500000],
    ['Budsjett 2010', null],
    ['Handlingsplan 2010-2011', null],
    ['Prosjekt 1.3 og 2.1', null],
    ['Møte 12.03.2010', null],
    ['ingen tall her', null],
    ['', null],
    ['kr 2010', 201000], // a year-like number right after kr is an amount
    ['år 1899 og 2100', 210000], // outside 1900-2099: not a year
  ])('%j -> %p', (text, ore) => {
    expect(findAmountInText(text)).toBe(ore);
  });
});

describe('kroner <-> øre', () => {
  it.each<[number, number]>([
    [0, 0],
    [-0, 0],
    [1234.5, 123450],
    [0.1 + 0.2, 30],
    [1.1 * 3, 330],
    [-12.345, -1235], // halves away from zero, like Excel's ROUND (float: -1234.5 exactly)
    [12.345, 1235],
    [3430000, 343000000],
  ])('kronerToOre(%p) = %p', (kr, ore) => {
    const r = kronerToOre(kr);
    expect(r).toBe(ore);
    expect(Object.is(r, -0)).toBe(false);
  });

  it.each<[number, number]>([
    [123450, 1234.5],
    [0, 0],
    [-1, -0.01],
    [343000000, 3430000],
  ])('oreToKroner(%p) = %p', (ore, kr) => {
    expect(oreToKroner(ore)).toBe(kr);
  });

  it('round-trips integers', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (ore) => {
        expect(kronerToOre(oreToKroner(ore))).toBe(ore);
      }),
    );
  });
});

describe('formatNok', () => {
  it.each<[number, string, string]>([
    [0, '0', '0'],
    [-0, '0', '0'],
    [100, '1', '1'],
    [99, '0,99', '0.99'],
    [5, '0,05', '0.05'],
    [50, '0,50', '0.50'],
    [99900, '999', '999'],
    [100000, `1${NBSP}000`, '1,000'],
    [123450, `1${NBSP}234,50`, '1,234.50'],
    [343000000, `3${NBSP}430${NBSP}000`, '3,430,000'],
    [-500000, `-5${NBSP}000`, '-5,000'],
    [-1, '-0,01', '-0.01'],
    [1e13, `100${NBSP}000${NBSP}000${NBSP}000`, '100,000,000,000'],
  ])('%p -> nb %j, en %j', (ore, nb, en) => {
    expect(formatNok(ore, 'nb')).toBe(nb);
    expect(formatNok(ore, 'en')).toBe(en);
  });

  const oreArb = fc.bigInt({ min: -(BigInt(10) ** BigInt(13)), max: BigInt(10) ** BigInt(13) }).map(Number);

  it.each<['nb' | 'en']>([['nb'], ['en']])('parseAmountText(formatNok(x, %j)) gives back x', (lang) => {
    fc.assert(
      fc.property(oreArb, (ore) => {
        expect(parseAmountText(formatNok(ore, lang))).toEqual({ ore });
      }),
      { numRuns: 2000 },
    );
  });

  it('reads formatted amounts as text cells', () => {
    fc.assert(
      fc.property(oreArb, fc.constantFrom<'nb' | 'en'>('nb', 'en'), (ore, lang) => {
        expect(readAmount(formatNok(ore, lang))).toEqual({ kind: 'text', ore, text: formatNok(ore, lang) });
      }),
    );
  });
});

describe('wholeKronerOre', () => {
  it('agrees with readAmount wherever it answers, and answers for every whole krone that fits', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -(2 ** 53), max: 2 ** 53 }),
          fc.double({ noNaN: false }),
          fc.constantFrom(0, -0, 90_071_992_547_409, 90_071_992_547_410, Infinity, -Infinity, NaN),
        ),
        (v) => {
          const whole = wholeKronerOre(v);
          const reading = readAmount(v);
          if (whole === null) {
            expect(Number.isInteger(v) && Math.abs(v) <= 90_071_992_547_409).toBe(false);
          } else {
            expect(reading).toEqual({ kind: 'number', ore: whole });
            expect(Object.is(whole, -0)).toBe(false);
          }
        },
      ),
    );
  });

  it('leaves text, empty cells and errors to readAmount', () => {
    for (const v of ['100', '', null, true, { error: '#REF!' }]) expect(wholeKronerOre(v)).toBeNull();
  });
});
