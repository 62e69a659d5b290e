/**
 * A contribution in a register file: kroner as the CSV writes them, a contribution read from
 * text (an amount, or a range), and øre from a JSON number of kroner.
 */
import { kronerToOre, oreToKroner, parseAmountText, type Ore } from '../../amount';

/** A contribution as read: one amount, or a range. */
export type Contribution = { ore: Ore } | { min: Ore; max: Ore };

/** The word between a range's ends in CSV: both ends written in full, never abbreviated. */
export const RANGE_WORD = 'til';

/** Kroner as the CSV writes them: `200000`, `1234,50`, `-5` (a decimal comma, no grouping). */
export function kronerText(ore: Ore): string {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  const kr = Math.floor(abs / 100);
  const rest = abs - kr * 100;
  return `${sign}${kr}${rest === 0 ? '' : `,${String(rest).padStart(2, '0')}`}`;
}

/**
 * A contribution as text: an amount the Norwegian way (`200 000`, `kr 1.500.000`,
 * `1234,50`), a range as the register sheet reads it (`ca kr 2-300.000`), or a
 * range with both ends in full (`20000 til 300000`, what the CSV writes).
 */
export function parseContribution(text: string): Contribution | null {
  const t = text.trim();
  const m = /^(.*\S)\s+(?:til|to)\s+(\S.*)$/i.exec(t);
  if (m) {
    const a = parseAmountText(m[1]);
    const b = parseAmountText(m[2]);
    if (a === null || b === null || !('ore' in a) || !('ore' in b)) return null;
    if (a.ore < 0 || a.ore > b.ore) return null;
    return { min: a.ore, max: b.ore };
  }
  const r = parseAmountText(t);
  if (r === null) return null;
  return 'ore' in r ? { ore: r.ore } : { min: r.minOre, max: r.maxOre };
}

/** Øre of a JSON number of kroner, or null when it is not one (more than two decimals, too large). */
export function oreOfKroner(kr: number): Ore | null {
  if (!Number.isFinite(kr)) return null;
  const ore = kronerToOre(kr);
  return Number.isSafeInteger(ore) && oreToKroner(ore) === kr ? ore : null;
}
