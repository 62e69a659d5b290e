/**
 * The labelled lines of a project section (`Prosjekteier :`, `SNRs rolle:`,
 * `Contribution: NOK 100,000 per year`) and the contribution's amount and
 * basis, as real plans write them.
 */
import type { Ore } from '../amount';
import type { Basis } from '../register/types';

export type FieldKey = 'owner' | 'role' | 'partners' | 'goals' | 'contribution' | 'phase';

/** `SNRs`, `SNR s`, `The council's`: who the possessive names, then what of theirs. */
const POSSESSIVE =
  /^(?:the\s+)?([\p{L}\p{N}][\p{L}\p{N}.\-]*(?:\s[\p{L}][\p{L}\p{N}.\-]*){0,3}?)\s?(?:'s|’s|s)\s+(rolle|bidrag|role|contribution)\b\s*[:;,.]*\s*/iu;
/** `Rolle for regionrådet:`, `Bidrag fra SNR:`, `Role of the council:`, `Contribution from the council:`. */
const OF_WHOM =
  /^(rolle|bidrag|role|contribution)\s+(?:for|fra|til|of|from)\s+(?:the\s+)?([\p{L}\p{N}][\p{L}\p{N}.\-]*(?:\s[\p{L}][\p{L}\p{N}.\-]*){0,2}?)\s*[:;]+\s*/iu;

const PLAIN: readonly (readonly [FieldKey, RegExp])[] = [
  [
    'owner',
    /^(?:prosjekt\s?eier|prosjektansvarlig|eier|ansvarlig|project\s+owner|owner|project\s+lead)\s*[:;]+\s*/iu,
  ],
  ['partners', /^(?:andre\s+)?(?:samarbeids)?partnere|^(?:other\s+)?partners/iu],
  [
    'goals',
    /^(?:prosjekt\s?mål|målsetting(?:er)?|mål|(?:project\s+)?(?:goals?|objectives?|aims?))(?=\s*[:;]|\s*$)/iu,
  ],
  ['role', /^(?:rolle|role)\s*[:;]+\s*/iu],
  ['contribution', /^(?:bidrag|contribution|funding)\s*[:;]+\s*/iu],
  ['phase', /^(?:fase|phase|status)\s*[:;]+\s*/iu],
];

export interface LabelledLine {
  readonly key: FieldKey;
  /** The text after the label (may be empty: the value follows as a list). */
  readonly value: string;
  /** Whom a possessive label names (`SNR` of `SNRs bidrag`), for learning the council's name. */
  readonly who?: string;
}

const SEP = /^\s*[:;,]*\s*/;

/** The field a paragraph states, or null when it is prose. */
export function labelledLine(text: string): LabelledLine | null {
  const t = text.replace(/\s+/g, ' ').trim();
  const p = POSSESSIVE.exec(t);
  if (p) {
    const what = p[2].toLowerCase();
    const key: FieldKey = what === 'rolle' || what === 'role' ? 'role' : 'contribution';
    return { key, value: t.slice(p[0].length).trim(), who: p[1] };
  }
  const o = OF_WHOM.exec(t);
  if (o) {
    const what = o[1].toLowerCase();
    const key: FieldKey = what === 'rolle' || what === 'role' ? 'role' : 'contribution';
    return { key, value: t.slice(o[0].length).trim(), who: o[2] };
  }
  for (const [key, re] of PLAIN) {
    const m = re.exec(t);
    if (m) return { key, value: t.slice(m[0].length).replace(SEP, '').trim() };
  }
  return null;
}

// `\b` knows ASCII letters only: `(?<!\p{L})` and `(?!\p{L})` bound words with å and ø.
const PER_YEAR =
  /(?<!\p{L})(?:(?:per|pr)\.?\s*år|årlig(?:e|t)?|hvert\s+år|i\s+året|\/\s*år|per\s+year|a\s+year|each\s+year|annual(?:ly)?|per\s+annum|yearly)(?!\p{L})/iu;
const TOTAL =
  /(?<!\p{L})(?:totalt?|i\s+alt|for\s+hele\s+(?:perioden|planperioden|prosjektperioden)|samlet|in\s+total|for\s+the\s+(?:whole|entire)\s+(?:plan\s+)?period|overall|one-off|engangs\p{L}*)(?!\p{L})/iu;

/**
 * An amount of money in prose: needs a currency word before (`kr`, `kr.`, `NOK`) or after
 * (`kroner`, `kr`, `,-`), so a year or a count is never taken for one. A range (`2-300.000`) too.
 */
const MONEY =
  /(?:\b(kr|nok|kroner)\.?\s*)?(\d{1,3}(?:(?:\.\s?|,|\s)\d{3})+|\d+)(?:\s*[-–]\s*(\d{1,3}(?:(?:\.\s?|,|\s)\d{3})+|\d+))?(,-)?(\s*(?:kr\b\.?|kroner\b|nok\b))?/giu;

function digitsToOre(s: string): Ore {
  return Number(s.replace(/[^\d]/g, '')) * 100;
}

export interface Contribution {
  readonly amount: Ore | null;
  readonly range?: { readonly min: Ore; readonly max: Ore };
  readonly basis: Basis | null;
  /** True when an amount was found and no basis word: read as `totalt`, marked uncertain. */
  readonly basisGuessed: boolean;
  readonly note: string;
}

/** The first sentence: a later one (`Ekstern bistand (ca kr 2-300.000) finansieres av ...`) is a remark. */
function firstSentence(s: string): { first: string; rest: string } {
  const m = /(?<=[\p{L}\p{N})])\.\s+(?=\p{Lu})/u.exec(s);
  if (!m || /\b(?:kr|ca|bl\.a|evt|mrk|pr)$/iu.test(s.slice(0, m.index))) return { first: s, rest: '' };
  return { first: s.slice(0, m.index), rest: s.slice(m.index + 1).trim() };
}

/** Reads `kr. 200.000 pr år`, `Arenaprogram kr. 200.000 pr år`, `NOK 100,000 per year`, `Administrativ koordinering`. */
export function readContribution(value: string): Contribution {
  const v = value.replace(/\s+/g, ' ').trim();
  const { first } = firstSentence(v);
  // Money inside brackets is a remark about someone else's money, not the promise.
  const scan = first.replace(/\([^)]*\)/g, (m) => ' '.repeat(m.length));
  let found: RegExpExecArray | null = null;
  for (const m of scan.matchAll(MONEY)) {
    if (m[1] || m[4] || m[5]) {
      found = m;
      break;
    }
  }
  if (!found) return { amount: null, basis: null, basisGuessed: false, note: tidyNote(v) };
  const [whole, , a, b] = found;
  const per = PER_YEAR.exec(first);
  const tot = TOTAL.exec(first);
  const basis: Basis = per && !tot ? 'per år' : 'totalt';
  let note = first.slice(0, found.index) + ' ' + first.slice(found.index! + whole.length);
  if (per) note = note.replace(PER_YEAR, ' ');
  if (tot) note = note.replace(TOTAL, ' ');
  const rest = firstSentence(v).rest;
  note = tidyNote(note) + (rest ? (tidyNote(note) ? '. ' : '') + rest : '');
  if (b !== undefined) {
    let min = digitsToOre(a);
    const max = digitsToOre(b);
    // `2-300.000` means 200 000 to 300 000: the short side takes the long side's magnitude.
    while (min > 0 && min * 10 <= max) min *= 10;
    return { amount: min, range: { min, max }, basis, basisGuessed: !per && !tot, note };
  }
  return { amount: digitsToOre(a), basis, basisGuessed: !per && !tot, note };
}

function tidyNote(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/^[\s:;,.\-–]+|[\s:;,\-–]+$/g, '')
    .trim();
}

/** `Campus Kjeller, HiAk , Ahus, bedrifter og kommunene` -> five partners. */
export function splitList(value: string): string[] {
  return value
    .replace(/\.$/, '')
    .split(/\s*[,;]\s*|\s+(?:og|and|samt|&)\s+/iu)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** A goal as a list item: without its closing full stop. */
export function tidyItem(s: string): string {
  return s.replace(/\s+/g, ' ').trim().replace(/\.$/, '').trim();
}
