/** How the register editor's lists show a row under its name, and whether a row matches the search. */
import { formatNok } from '../../domain/amount';
import type { FundingSource, RegisterEntry } from '../../domain/register/types';
import type { Lang, Strings } from '../strings';

/** `Prosjekt · 200 000 kr per år · budsjettpost «Helsedesign» · alias: …` */
export function entrySummary(e: RegisterEntry, t: Strings, lang: Lang): string {
  const parts = [t.reg.entryKind[e.kind]];
  if (e.contribution !== null) {
    parts.push(
      t.reg.contributionSummary(formatNok(e.contribution, lang), e.basis ? t.reg.basisOption[e.basis] : ''),
    );
  } else if (e.kind === 'project') {
    parts.push(t.reg.workOnly);
  }
  if (e.budgetLine !== '') parts.push(t.reg.budgetLineSummary(e.budgetLine));
  if (e.aliases.length > 0) parts.push(t.reg.aliasesSummary(e.aliases));
  return parts.join(' · ');
}

/** `Ekstern · alias: …` */
export function sourceSummary(s: FundingSource, t: Strings): string {
  return [t.reg.sourceKind[s.kind], ...(s.aliases.length > 0 ? [t.reg.aliasesSummary(s.aliases)] : [])].join(
    ' · ',
  );
}

/** The search's text as it is compared: lower case, the Norwegian way. */
export const searchKey = (s: string) => s.toLocaleLowerCase('nb');

/** Whether one of a row's texts holds the query (a `searchKey`); every row matches an empty query. */
export function matches(query: string, texts: readonly string[]): boolean {
  return query === '' || texts.some((text) => searchKey(text).includes(query));
}

/** The texts the search looks in: id, name, budget line and aliases of an entry. */
export const entrySearchTexts = (e: RegisterEntry) => [e.id, e.name, e.budgetLine, ...e.aliases];
/** The texts the search looks in: name and aliases of a source. */
export const sourceSearchTexts = (s: FundingSource) => [s.name, ...s.aliases];
