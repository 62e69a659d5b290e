/**
 * The fingerprint of what a sign-off approves: the budget, financing and
 * register values, and the year totals.
 *
 * Order does not matter, names do. Lines are taken by label and register rows
 * by key, so sorting the budget sheet or moving a register row changes
 * nothing the board approved, and the fingerprint stays; a changed amount, a
 * renamed, added or removed line, or a changed register value changes it.
 * A label that repeats is told apart by its order (`Diverse`, `Diverse#2`),
 * so only swapping two lines of the same name with different amounts counts.
 * Labels are compared with their white space collapsed (`keyValue`).
 *
 * The fingerprint starts with its scheme (`f1-`): a later version that
 * computes it differently uses another, and still recognises `f1-` ones.
 */
import type { Ore } from '../amount';
import { keyValue } from './findingKey';
import { hash16, hash8 } from './hash';
import { VALUE_PARTS, type ReviewInput, type ReviewLine, type SignedValue, type ValuePart } from './types';

export const FINGERPRINT_SCHEME = 'f1-';

interface ValueItem {
  readonly part: ValuePart;
  readonly label: string;
  readonly value: string;
}

function lineValue(line: ReviewLine): string {
  return Object.entries(line.amounts)
    .map(([year, ore]) => [Number(year), ore] as const)
    .filter(([year, ore]) => Number.isFinite(year) && Number.isFinite(ore))
    .sort((a, b) => a[0] - b[0])
    .map(([year, ore]: readonly [number, Ore]) => `${year}=${Math.round(ore)}`)
    .join(';');
}

function cellValue(v: string | number | boolean | null): string {
  if (v === null || v === '') return '';
  return `${typeof v === 'number' ? 'n' : typeof v === 'boolean' ? 'b' : 's'}${String(v)}`;
}

/** Every line and register row as (part, label, value), labels made unique by order. */
function valueItems(input: ReviewInput): ValueItem[] {
  const items: ValueItem[] = [];
  const add = (part: ValuePart, entries: readonly { label: string; value: string }[]) => {
    const seen = new Map<string, number>();
    for (const { label, value } of entries) {
      const base = keyValue(label);
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      items.push({ part, label: n === 1 ? base : `${base}#${n}`, value });
    }
  };
  add(
    'budget',
    input.budget.map((l) => ({ label: l.label, value: lineValue(l) })),
  );
  add(
    'financing',
    input.financing.map((l) => ({ label: l.label, value: lineValue(l) })),
  );
  add(
    'register',
    input.register.map((r) => ({ label: r.key, value: r.values.map(cellValue).join('\u0001') })),
  );
  const order = (p: ValuePart) => VALUE_PARTS.indexOf(p);
  return items.sort(
    (a, b) => order(a.part) - order(b.part) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
  );
}

/** The values as a sign-off stores them: label and a short hash of the value, in a stable order. */
export function signedValues(input: ReviewInput): SignedValue[] {
  return valueItems(input).map((i) => ({ part: i.part, label: i.label, hash: hash8(i.value) }));
}

/** Year totals in year order. */
export function yearTotals(input: ReviewInput): { year: number; budget: Ore; financing: Ore }[] {
  return [...input.years]
    .sort((a, b) => a - b)
    .filter((y) => input.totals[y] !== undefined)
    .map((year) => ({ year, budget: input.totals[year].budget, financing: input.totals[year].financing }));
}

/** The fingerprint of the input's budget, financing and register values and year totals. */
export function reviewFingerprint(input: ReviewInput): string {
  const values = valueItems(input).map((i) => `${i.part}\u0001${i.label}\u0001${i.value}`);
  const totals = yearTotals(input).map((t) => `${t.year}\u0001${t.budget}\u0001${t.financing}`);
  return FINGERPRINT_SCHEME + hash16(`${values.join('\u0002')}\u0003${totals.join('\u0002')}`);
}
