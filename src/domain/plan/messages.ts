/**
 * What the plan reader could not read, or read with doubt, as one line in
 * bokmål or English: for the CLI's stderr and the pane's list. Each line
 * says where (`linje 100`, `avsnitt 12`, `tabellrad 3`) so the user can look.
 */
import type { Lang } from '../messages';
import { shorten } from '../shorten';
import type { Provenance, UnreadItem } from './types';

function where(from: Provenance | null, lang: Lang): string {
  if (!from) return '';
  const nb = lang === 'nb';
  if (from.line !== undefined) return nb ? `linje ${from.line}: ` : `line ${from.line}: `;
  const p = from.paragraph !== undefined ? from.paragraph + 1 : from.block + 1;
  if (from.row !== undefined)
    return nb ? `avsnitt ${p}, rad ${from.row + 1}: ` : `paragraph ${p}, row ${from.row + 1}: `;
  return nb ? `avsnitt ${p}: ` : `paragraph ${p}: `;
}

/** One line for an unread item, in the user's language. */
export function unreadMessage(u: UnreadItem, lang: Lang): string {
  const s = shorten(u.subject ?? '');
  const d = shorten(u.detail ?? '');
  const nb = lang === 'nb';
  const text = ((): string => {
    switch (u.code) {
      case 'projectNoFields':
        return nb
          ? `prosjekt ${s} har ingen eier, rolle, partnere, mål eller bidrag som kunne leses`
          : `project ${s} has no owner, role, partners, goals or contribution that could be read`;
      case 'duplicateId':
        return nb
          ? `prosjekt-id ${s} er brukt flere ganger (${d}); begge er tatt med`
          : `project id ${s} is used more than once (${d}); both are kept`;
      case 'basisNotStated':
        return nb
          ? `prosjekt ${s}: bidraget sier ikke «per år» eller «totalt»; lest som totalt, kontroller`
          : `project ${s}: the contribution says neither per year nor in total; read as total, please check`;
      case 'contributionUnclear':
        return nb
          ? `prosjekt ${s}: bidraget kunne ikke leses`
          : `project ${s}: the contribution could not be read`;
      case 'noBudgetTable':
        return nb ? 'fant ingen budsjettabell' : 'no budget table found';
      case 'noFinancingTable':
        return nb ? 'fant ingen finansieringstabell' : 'no financing table found';
      case 'tableNoYear':
        return nb
          ? `${d === 'budget' ? 'budsjettabellen' : 'finansieringstabellen'} sier ikke hvilket år (en beløpskolonne uten år)`
          : `the ${d} table does not say which year (an amount column without a year)`;
      case 'amountUnreadable':
        return nb ? `«${s}»: beløpet «${d}» kunne ikke leses` : `«${s}»: the amount «${d}» could not be read`;
      case 'sumDiffers': {
        const [rows, stated] = (u.detail ?? '').split('/');
        return nb
          ? `«${s}»-raden oppgir ${stated}, men radene over summerer til ${rows}`
          : `the «${s}» row states ${stated}, but the rows above add up to ${rows}`;
      }
      case 'budgetLineUnmatched':
        return nb
          ? `budsjettlinjen «${s}» passer ikke til noe prosjekt og er ikke drift; ikke registrert`
          : `budget line «${s}» matches no project and is not operations; not registered`;
      case 'projectNoBudgetLine':
        return nb
          ? `prosjekt ${s} lover penger, men har ingen budsjettlinje`
          : `project ${s} promises money but has no budget line`;
      case 'sourceKindUndecided':
        return nb
          ? `kilden «${s}»: kunne ikke avgjøre om den er egen eller ekstern; satt til ekstern, kontroller`
          : `source «${s}»: could not tell whether it is own or external; set to external, please check`;
      case 'memoUnexplained':
        return nb
          ? `«${s}» etter summen er ikke summen av noen av kildene`
          : `«${s}» after the sum is not the sum of any of the sources`;
      case 'unknownLine':
        return nb ? `ukjent linje: «${d}»` : `unknown line: «${d}»`;
      case 'uncertain':
        return nb
          ? `prosjekt ${s}: ${d === 'phase' ? 'fasen' : d} er usikker`
          : `project ${s}: the ${d} is uncertain`;
    }
  })();
  return where(u.from, lang) + text;
}
