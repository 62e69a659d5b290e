/**
 * Who the plan's council is and which language its labels are in: the name the possessive labels
 * use most often (`SNRs rolle`), its full name where the text gives it (`Samarbeidsrådet for Nedre
 * Romerike (SNR)`), and English labels (`Project owner:`) against bokmål ones.
 */
import type { PlanBlock } from './blocks';

/** The council named most often by the projects' labels (`whoCounts`), and its full name. */
export function councilOf(
  blocks: readonly PlanBlock[],
  whoCounts: ReadonlyMap<string, number>,
): { short: string | null; full: string | null } {
  let short: string | null = null;
  let bestCount = 0;
  for (const [who, n] of whoCounts) {
    if (n > bestCount) {
      short = who;
      bestCount = n;
    }
  }
  return { short, full: short ? fullNameOf(blocks, short) : null };
}

function fullNameOf(blocks: readonly PlanBlock[], short: string): string | null {
  const esc = short.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(
    `(\\p{Lu}[\\p{L}\\-]+(?:\\s+(?:for|i|og|på|of|the|and|\\p{Lu}[\\p{L}\\-]+))*)\\s*\\(${esc}\\)`,
    'u',
  );
  for (const b of blocks) {
    if (b.kind !== 'paragraph') continue;
    const m = re.exec(b.text);
    if (m) return m[1].replace(/\s+/g, ' ').trim();
  }
  return null;
}

/** Whether the plan's labels are English rather than bokmål. */
export function englishLabels(blocks: readonly PlanBlock[]): boolean {
  let en = 0;
  let nb = 0;
  for (const b of blocks) {
    if (b.kind !== 'paragraph') continue;
    if (
      /^(?:project owner|owner|partners|other partners|goals|objectives|the [\p{L} ]+'s (?:role|contribution)|contribution)\s*:/iu.test(
        b.text,
      )
    )
      en++;
    if (
      /^(?:prosjekt\s?eier|eier|andre samarbeidspartnere|partnere|prosjekt\s?mål|målsetting|\S+\s?s (?:rolle|bidrag))/iu.test(
        b.text,
      )
    )
      nb++;
  }
  return en > nb;
}
