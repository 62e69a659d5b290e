import fc from 'fast-check';
import { bestMatch, labelWords, MatchCandidate, normalizeLabel, similarity } from '../../src/domain/match';

describe('normalizeLabel', () => {
  it.each<[string, string]>([
    ['Helsedesign , Arena', 'helsedesign arena'],
    ['Akershus Fylkeskommune:', 'akershus fylkeskommune'],
    ['Energi- og miljøklyngen', 'energi og miljoklyngen'],
    ['Ærlig Åpen Øst', 'aerlig apen ost'],
    ['Næringsmiddel', 'naeringsmiddel'],
    ['Bärum Köln café', 'barum koln cafe'],
    ['A\u0308', 'a'], // decomposed ä
    ['  Koordinering,\u00A0drift  ', 'koordinering drift'],
    ['Innovasjon Norge,', 'innovasjon norge'],
    ['"SNRs" (bidrag) / fond & drift!?;', 'snrs bidrag fond drift'],
    ['1.1a', '1 1a'],
    ['', ''],
    [' .:; ', ''],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeLabel(input)).toBe(expected);
  });
});

const SAME: [string, string][] = [
  ['Helsedesign , Arena', 'Helse design , Arena'],
  ['Helsedesign , Arena', 'Helsesdesign Arena'],
  ['Helsedesign , Arena', 'Helsesdesign'],
  ['Helse design , Arena', 'Helsesdesign Arena'],
  ['Helse design , Arena', 'Helsesdesign'],
  ['Helsesdesign Arena', 'Helsesdesign'],
  ['Etablerertjenesten', 'Etablerertjenester'],
  ['Regional Innovasjon', 'Regional Innovasjonsprosjekt'],
  ['Energi og miljø', 'Energi- og miljøklyngen'],
  ['Akershus fylkeskommune', 'Akershus Fylkeskommune:'],
];

const DIFFERENT: [string, string][] = [
  ['Diverse', 'Akkvisisjon'],
  ['Reiselivet', 'Regional Innovasjonsprosjekt'],
  ['SNR', 'Innovasjon Norge'],
  ['Koordinering, drift', 'Energi og miljø'],
  ['SNR', 'Bruk fond SNR'],
  ['SNR', 'SNRs bidrag'],
  ['Interreg prosjekt FEM', 'Regional Innovasjonsprosjekt'],
];

describe('similarity', () => {
  it.each(SAME)('%j ~ %j (>= 0.6)', (a, b) => {
    expect(similarity(a, b)).toBeGreaterThanOrEqual(0.6);
    expect(similarity(b, a)).toBeGreaterThanOrEqual(0.6);
  });

  it.each(DIFFERENT)('%j !~ %j (< 0.6)', (a, b) => {
    expect(similarity(a, b)).toBeLessThan(0.6);
    expect(similarity(b, a)).toBeLessThan(0.6);
  });

  it('is 1 for labels equal after normalizing, below 1 otherwise', () => {
    expect(similarity('Akershus fylkeskommune', 'AKERSHUS  Fylkeskommune:')).toBe(1);
    expect(similarity('helse design', 'helsedesign')).toBeLessThan(1);
    expect(similarity('Helsesdesign', 'Helsesdesign Arena')).toBeLessThan(1);
  });

  it('is 0 against an empty label', () => {
    expect(similarity('', 'SNR')).toBe(0);
    expect(similarity('SNR', '  ')).toBe(0);
    expect(similarity('', '')).toBe(1);
  });

  it('prefers the closer spelling', () => {
    expect(similarity('Helsesdesign', 'Helsesdesign Arena')).toBeGreaterThan(
      similarity('Helsesdesign', 'Energi og miljø'),
    );
    expect(similarity('Etablerertjenester', 'Etablerertjenesten')).toBeGreaterThan(
      similarity('Etablerertjenester', 'Regional Innovasjonsprosjekt'),
    );
  });

  const label = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.constantFrom(...SAME.flat(), ...DIFFERENT.flat()),
    fc
      .array(fc.constantFrom('helse', 'design', 'arena', 'og', 'miljø', 'SNR', 'Æ', ',', ' ', '-'), {
        maxLength: 6,
      })
      .map((w) => w.join(' ')),
  );

  it('is symmetric and within 0..1', () => {
    fc.assert(
      fc.property(label, label, (a, b) => {
        const s = similarity(a, b);
        expect(s).toBe(similarity(b, a));
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        if (normalizeLabel(a) !== normalizeLabel(b)) expect(s).toBeLessThan(1);
      }),
      { numRuns: 1000 },
    );
  });

  it('similarity(x, x) = 1', () => {
    fc.assert(
      fc.property(label, (a) => {
        expect(similarity(a, a)).toBe(1);
      }),
    );
  });
});

describe('bestMatch', () => {
  const budgetLines: MatchCandidate<string>[] = [
    { key: 'drift', text: 'Koordinering, drift' },
    { key: '1.1a', text: 'Energi og miljø' },
    { key: '1.1b', text: 'Interreg prosjekt FEM' },
    { key: '1.2', text: 'Helsesdesign Arena' },
    { key: 'reiseliv', text: 'Reiselivet' },
    { key: '2.1', text: 'Etablerertjenesten' },
    { key: '2.2', text: 'Regional Innovasjonsprosjekt' },
    { key: '3.1', text: 'Akkvisisjon' },
    { key: 'diverse', text: 'Diverse' },
  ];

  it.each<[string, string]>([
    ['Etablerertjenester', '2.1'],
    ['Regional Innovasjon', '2.2'],
    ['Helsesdesign', '1.2'],
    ['Helsedesign , Arena', '1.2'],
    ['Helse design , Arena', '1.2'],
    ['Energi- og miljøklyngen', '1.1a'],
    ['DIVERSE', 'diverse'],
  ])('%j -> %j', (label, key) => {
    const m = bestMatch(label, budgetLines);
    expect(m).not.toBeNull();
    expect(m!.key).toBe(key);
    expect(m!.text).toBe(budgetLines.find((c) => c.key === key)!.text);
    expect(m!.score).toBe(similarity(label, m!.text));
  });

  it('returns null when nothing is close enough', () => {
    expect(bestMatch('Innovasjon Norge', budgetLines)).toBeNull();
    expect(bestMatch('SNR', budgetLines)).toBeNull();
    expect(bestMatch('', budgetLines)).toBeNull();
    expect(bestMatch('Diverse', [])).toBeNull();
  });

  it('honours the threshold', () => {
    expect(bestMatch('Helsesdesign', budgetLines, 0.99)).toBeNull();
    expect(bestMatch('Helsesdesign', budgetLines, 0.1)!.key).toBe('1.2');
    expect(bestMatch('Diverse', budgetLines, 1)!.key).toBe('diverse');
  });

  it('breaks ties by the earlier candidate', () => {
    const c = [
      { key: 1, text: 'Helse design' },
      { key: 2, text: 'helse-design' },
      { key: 3, text: 'Helse design' },
    ];
    expect(bestMatch('HELSE DESIGN', c)!.key).toBe(1);
    expect(bestMatch('helse designs', c)!.key).toBe(1);
    expect(bestMatch('helse designs', [c[1], c[0]])!.key).toBe(2);
  });

  it('prefers an exact match over an earlier near one', () => {
    const c = [
      { key: 'near', text: 'Helsedesign' },
      { key: 'exact', text: 'Helse design' },
    ];
    expect(bestMatch('helse design', c)!.key).toBe('exact');
  });

  it('sees changes to a reused candidates array', () => {
    const c: MatchCandidate<string>[] = [{ key: 'a', text: 'Diverse' }];
    expect(bestMatch('Diverse', c)!.key).toBe('a');
    c[0] = { key: 'b', text: 'Akkvisisjon' };
    expect(bestMatch('Diverse', c)).toBeNull();
    c.push({ key: 'c', text: 'Diverse' });
    expect(bestMatch('Diverse', c)!.key).toBe('c');
  });

  it('agrees with a brute-force scan over similarity()', () => {
    const words = [
      'helse',
      'design',
      'arena',
      'energi',
      'og',
      'miljø',
      'regional',
      'innovasjon',
      'snr',
      'fond',
      'reiseliv',
    ];
    const text = fc
      .array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 })
      .chain((w) => fc.tuple(fc.constant(w), fc.integer({ min: 0, max: 3 })))
      .map(([w, typo]) => {
        const s = w.join(' ');
        return typo === 0 ? s : s.slice(0, typo) + s.slice(typo + 1);
      });
    fc.assert(
      fc.property(
        text,
        fc.array(text, { maxLength: 12 }),
        fc.double({ min: 0.3, max: 1, noNaN: true }),
        (label, texts, t) => {
          const cands = texts.map((x, i) => ({ key: i, text: x }));
          let expected: { key: number; score: number } | null = null;
          for (const c of cands) {
            const s = similarity(label, c.text);
            if (s >= t && (expected === null || s > expected.score)) expected = { key: c.key, score: s };
          }
          const got = bestMatch(label, cands, t);
          if (expected === null) expect(got).toBeNull();
          else expect(got && { key: got.key, score: got.score }).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('handles 1 000 labels x 1 000 candidates (smoke test, not timed)', () => {
    const syll = [
      'hel',
      'se',
      'de',
      'sign',
      'are',
      'na',
      'ener',
      'gi',
      'mil',
      'jø',
      'regi',
      'onal',
      'inno',
      'vasjon',
      'pro',
      'sjekt',
      'rei',
      'se',
      'liv',
      'et',
      'akk',
      'vi',
      'sis',
      'jon',
      'dri',
      'ft',
    ];
    let seed = 42;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const word = () => Array.from({ length: 2 + rnd(3) }, () => syll[rnd(syll.length)]).join('');
    const phrase = () => Array.from({ length: 1 + rnd(3) }, word).join(rnd(2) ? ' ' : ', ');
    const candidates = Array.from({ length: 1000 }, (_, i) => ({ key: i, text: phrase() }));
    const labels = Array.from({ length: 1000 }, (_, i) => (i % 2 ? candidates[i].text + 'x' : phrase()));
    let found = 0;
    for (const l of labels) if (bestMatch(l, candidates)) found++;
    expect(found).toBeGreaterThanOrEqual(500);
  });
});

describe('labels as long as Excel allows', () => {
  // 32 767 characters of words: pairing every word of one with every word of the other took
  // seconds for one pair of labels, minutes for a register of them.
  const long = (seed: string) =>
    Array.from({ length: 5000 }, (_, i) => `${seed}${i}`)
      .join(' ')
      .slice(0, 32_767);

  it('compares at most the first 64 words of a label', () => {
    const words = labelWords(normalizeLabel(long('ord')));
    expect(words).toHaveLength(64);
    expect(words.slice(0, 2)).toEqual(['ord0', 'ord1']);
  });

  it('still matches two long labels that begin alike, and tells apart two that do not', () => {
    expect(similarity(long('prosjekt'), long('prosjekt') + ' tillegg')).toBeGreaterThan(0.9);
    expect(similarity(long('klynge'), long('vei'))).toBeLessThan(0.6);
  });
});
