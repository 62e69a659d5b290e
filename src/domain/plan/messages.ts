/**
 * What the plan reader could not read, or read with doubt, as one line in
 * bokmål or English: for the CLI's stderr and the pane's list. Each line
 * says where (`linje 100`, `avsnitt 12`, `tabellrad 3`) so the user can look.
 */
import type { Catalog, Lang } from '../messages';
import { shorten } from '../shorten';
import type { Provenance, UnreadCode, UnreadItem } from './types';

/**
 * One unread item's words: `s` its subject and `d` its detail, both shortened; `raw` the detail
 * as the reader gave it (`sumDiffers`: `rows/stated`).
 */
type UnreadLine = (s: string, d: string, raw: string) => string;

interface UnreadText {
  /** Where, before the line: `linje 12: `. */
  readonly line: (line: number) => string;
  readonly paragraph: (paragraph: number) => string;
  readonly paragraphRow: (paragraph: number, row: number) => string;
  readonly items: Readonly<Record<UnreadCode, UnreadLine>>;
}

/** `sumDiffers`' detail: what the rows add up to and what the sum row states. */
const sumParts = (raw: string) => {
  const [rows, stated] = raw.split('/');
  return { rows, stated };
};

const NB: UnreadText = {
  line: (n) => `linje ${n}: `,
  paragraph: (p) => `avsnitt ${p}: `,
  paragraphRow: (p, r) => `avsnitt ${p}, rad ${r}: `,
  items: {
    projectNoFields: (s) => `prosjekt ${s} har ingen eier, rolle, partnere, mål eller bidrag som kunne leses`,
    duplicateId: (s, d) => `prosjekt-id ${s} er brukt flere ganger (${d}); begge er tatt med`,
    basisNotStated: (s) =>
      `prosjekt ${s}: bidraget sier ikke «per år» eller «totalt»; lest som totalt, kontroller`,
    contributionUnclear: (s) => `prosjekt ${s}: bidraget kunne ikke leses`,
    noBudgetTable: () => 'fant ingen budsjettabell',
    noFinancingTable: () => 'fant ingen finansieringstabell',
    tableNoYear: (_, d) =>
      `${d === 'budget' ? 'budsjettabellen' : 'finansieringstabellen'} sier ikke hvilket år (en beløpskolonne uten år)`,
    amountUnreadable: (s, d) => `«${s}»: beløpet «${d}» kunne ikke leses`,
    sumDiffers: (s, _, raw) => {
      const { rows, stated } = sumParts(raw);
      return `«${s}»-raden oppgir ${stated}, men radene over summerer til ${rows}`;
    },
    budgetLineUnmatched: (s) =>
      `budsjettlinjen «${s}» passer ikke til noe prosjekt og er ikke drift; ikke registrert`,
    projectNoBudgetLine: (s) => `prosjekt ${s} lover penger, men har ingen budsjettlinje`,
    sourceKindUndecided: (s) =>
      `kilden «${s}»: kunne ikke avgjøre om den er egen eller ekstern; satt til ekstern, kontroller`,
    memoUnexplained: (s) => `«${s}» etter summen er ikke summen av noen av kildene`,
    unknownLine: (_, d) => `ukjent linje: «${d}»`,
    uncertain: (s, d) => `prosjekt ${s}: ${d === 'phase' ? 'fasen' : d} er usikker`,
  },
};

const EN: UnreadText = {
  line: (n) => `line ${n}: `,
  paragraph: (p) => `paragraph ${p}: `,
  paragraphRow: (p, r) => `paragraph ${p}, row ${r}: `,
  items: {
    projectNoFields: (s) =>
      `project ${s} has no owner, role, partners, goals or contribution that could be read`,
    duplicateId: (s, d) => `project id ${s} is used more than once (${d}); both are kept`,
    basisNotStated: (s) =>
      `project ${s}: the contribution says neither per year nor in total; read as total, please check`,
    contributionUnclear: (s) => `project ${s}: the contribution could not be read`,
    noBudgetTable: () => 'no budget table found',
    noFinancingTable: () => 'no financing table found',
    tableNoYear: (_, d) => `the ${d} table does not say which year (an amount column without a year)`,
    amountUnreadable: (s, d) => `«${s}»: the amount «${d}» could not be read`,
    sumDiffers: (s, _, raw) => {
      const { rows, stated } = sumParts(raw);
      return `the «${s}» row states ${stated}, but the rows above add up to ${rows}`;
    },
    budgetLineUnmatched: (s) => `budget line «${s}» matches no project and is not operations; not registered`,
    projectNoBudgetLine: (s) => `project ${s} promises money but has no budget line`,
    sourceKindUndecided: (s) =>
      `source «${s}»: could not tell whether it is own or external; set to external, please check`,
    memoUnexplained: (s) => `«${s}» after the sum is not the sum of any of the sources`,
    unknownLine: (_, d) => `unknown line: «${d}»`,
    uncertain: (s, d) => `project ${s}: the ${d} is uncertain`,
  },
};

const UNREAD_TEXT: Catalog<UnreadText> = { nb: NB, en: EN };

function where(from: Provenance | null, t: UnreadText): string {
  if (!from) return '';
  if (from.line !== undefined) return t.line(from.line);
  const p = from.paragraph !== undefined ? from.paragraph + 1 : from.block + 1;
  return from.row !== undefined ? t.paragraphRow(p, from.row + 1) : t.paragraph(p);
}

/** One line for an unread item, in the user's language. */
export function unreadMessage(u: UnreadItem, lang: Lang): string {
  const t = UNREAD_TEXT[lang];
  const line = t.items[u.code](shorten(u.subject ?? ''), shorten(u.detail ?? ''), u.detail ?? '');
  return where(u.from, t) + line;
}
