/**
 * Every text of the review in bokmål and English: statuses, who explained
 * and signed off and when, what changed after a sign-off, what changed since
 * the last result, refusals, and the review sheet's problems. One object per
 * language under one interface, so the type checker proves both complete.
 */
import { formatNok, type Ore } from '../amount';
import { DATE_NAMES } from '../display/dateNames';
import type { Lang } from '../messages';
import { nameList, quote } from '../shorten';
import type { ResultChanges } from './changes';
import type { ReviewProblem } from './decodeReviewSheet';
import type { FindingStatus, Refusal } from './explanations';
import { displayLabel, parseKey } from './findingKey';
import type { CellIssue } from './records';
import type { SignOffState, YearChange } from './signOff';
import { byTime, wallClock } from './time';
import type { Explanation, ReviewTable, ReviewYearTotals, SignOff, ValuePart } from './types';

type Kr = (o: Ore) => string;
type When = { year: number; month: number; day: number; hour: number; minute: number };

export interface ReviewText {
  readonly status: Readonly<Record<FindingStatus, string>>;
  readonly when: (w: When) => string;
  readonly explainedBy: (by: string, when: string) => string;
  /** Under a stale finding's old reason. */
  readonly staleNote: string;
  /** Heading of the explanations whose finding is gone. */
  readonly orphansTitle: string;
  readonly signedOff: (by: string, when: string) => string;
  readonly notSignedOff: string;
  readonly changedAfterSignOff: string;
  readonly signOffCounts: (open: number, explained: number) => string;
  readonly yearChanged: (year: number, before: ReviewYearTotals, now: ReviewYearTotals, kr: Kr) => string;
  readonly yearAdded: (year: number) => string;
  readonly yearRemoved: (year: number) => string;
  readonly values: Readonly<
    Record<'added' | 'removed' | 'changed', (part: string, labels: string) => string>
  >;
  readonly part: Readonly<Record<ValuePart, string>>;
  readonly valuesNotKept: string;
  readonly more: (n: number) => string;
  readonly changes: (c: { resolved: number; added: number; changed: number }) => string;
  readonly refusal: (r: Refusal) => string;
  readonly table: Readonly<Record<ReviewTable, string>>;
  readonly issue: Readonly<Record<CellIssue, string>>;
  readonly problem: (p: ReviewProblem, table: string, issue: string) => string;
  /** The facts of a finding key (findingKey.ts), and the values of `role`, for `describeKey`. */
  readonly keyField: Readonly<Record<KeyWord, string>>;
}

type KeyWord =
  | 'project'
  | 'name'
  | 'year'
  | 'sheet'
  | 'label'
  | 'source'
  | 'role'
  | 'reason'
  | 'table'
  | 'field'
  | 'earlierYear'
  | 'budget'
  | 'financing'
  | 'number';

/** `n` of a thing: the singular for 1, the plural otherwise. */
const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
const join = (parts: string[], none: string) => (parts.length === 0 ? none : parts.join(', '));

const p2 = (x: number) => String(x).padStart(2, '0');

const NB: ReviewText = {
  status: { open: 'Åpen', explained: 'Forklart', stale: 'Endret etter forklaringen' },
  when: (w) => `${w.day}. ${DATE_NAMES.nb.months[w.month - 1]} ${w.year} kl. ${p2(w.hour)}.${p2(w.minute)}`,
  explainedBy: (by, when) => `Forklart av ${by} den ${when}`,
  staleNote: 'Tallene er endret siden forklaringen: funnet er åpent igjen.',
  orphansTitle: 'Forklaringer uten funn',
  signedOff: (by, when) => `Godkjent av ${by} den ${when}`,
  notSignedOff: 'Ikke godkjent',
  changedAfterSignOff: 'Endret etter godkjenningen',
  signOffCounts: (open, explained) => `${n(open, 'åpent funn', 'åpne funn')}, ${explained} forklart`,
  yearChanged: (year, b, now, kr) =>
    `${year}: ${[
      b.budget !== now.budget ? `budsjett ${kr(b.budget)} → ${kr(now.budget)}` : '',
      b.financing !== now.financing ? `finansiering ${kr(b.financing)} → ${kr(now.financing)}` : '',
    ]
      .filter((s) => s)
      .join(', ')}`,
  yearAdded: (year) => `${year} er kommet til`,
  yearRemoved: (year) => `${year} er fjernet`,
  values: {
    added: (part, labels) => `Lagt til i ${part}: ${labels}`,
    removed: (part, labels) => `Fjernet fra ${part}: ${labels}`,
    changed: (part, labels) => `Endret i ${part}: ${labels}`,
  },
  part: { budget: 'budsjettet', financing: 'finansieringen', register: 'prosjektregisteret' },
  valuesNotKept: 'Hvilke linjer som er endret, er ikke lagret for denne godkjenningen.',
  more: (count) => `… og ${count} til`,
  changes: ({ resolved, added, changed }) => {
    const parts: string[] = [];
    if (resolved > 0) parts.push(`${resolved} funn løst`);
    if (added > 0) parts.push(`${added} ${added === 1 ? 'nytt' : 'nye'}${parts.length === 0 ? ' funn' : ''}`);
    if (changed > 0) parts.push(`${changed}${parts.length === 0 ? ' funn' : ''} endret`);
    return join(parts, 'Ingen endringer');
  },
  refusal: (r) => {
    switch (r.reason) {
      case 'noReason':
        return 'Skriv en begrunnelse.';
      case 'reasonTooLong':
        return `Begrunnelsen er for lang: høyst ${r.max} tegn.`;
      case 'noName':
        return 'Skriv navnet ditt først.';
      case 'badTime':
        return 'Tidspunktet kan ikke leses.';
      case 'openErrors':
        return `Avstemmingen kan ikke godkjennes: ${n(r.count, 'feil er åpen', 'feil er åpne')}. Rett eller forklar ${r.count === 1 ? 'den' : 'dem'} først.`;
    }
  },
  table: { explanations: 'forklaringer', signOffs: 'godkjenninger' },
  issue: {
    missing: 'mangler',
    notText: 'er ikke tekst',
    notATime: 'er ikke et tidspunkt (som 2024-03-05T10:12:00+01:00)',
    notANumber: 'er ikke et heltall',
    badTotals: 'er ikke årssummer som kan leses',
    badValues: 'er ikke godkjente verdier som kan leses',
    unknownAction: 'må være «explained» eller «withdrawn»',
  },
  problem: (p, table, issue) => {
    switch (p.kind) {
      case 'newerVersion':
        return `${p.cell}: Avstemmingsloggen har formatversjon ${p.version}, nyere enn dette tillegget kan lese. Forklaringer og godkjenninger i den er ikke brukt, og loggen endres ikke.`;
      case 'badVersion':
        return `${p.cell}: Avstemmingsloggens formatversjon mangler eller kan ikke leses${p.text ? ` (${quote(p.text)})` : ''}; loggen er lest som versjon 1.`;
      case 'duplicateColumn':
        return `${p.cell}: Kolonnen ${quote(p.column)} finnes to ganger i tabellen ${table}. Loggen er lest, men endres ikke før det er rettet.`;
      case 'missingColumn':
        return `${p.cell}: Tabellen ${table} mangler kolonnen ${quote(p.column)}. Radene er tatt vare på uendret, men ikke brukt.`;
      case 'badCell':
        return `${p.cell}: En rad i ${table} kan ikke leses: ${quote(p.column)} ${issue}. Raden er tatt vare på uendret, men ikke brukt.`;
      case 'strayContent':
        return `${p.cell}: Avstemmingsloggen har innhold utenfor tabellene (${n(p.count, 'celle', 'celler')}). Loggen er lest, men endres ikke før det er fjernet.`;
    }
  },
  keyField: {
    project: 'prosjekt',
    name: 'navn',
    year: 'år',
    sheet: 'ark',
    label: 'post',
    source: 'kilde',
    role: 'del',
    reason: 'art',
    table: 'tabell',
    field: 'felt',
    earlierYear: 'mot',
    budget: 'budsjett',
    financing: 'finansiering',
    number: 'nr.',
  },
};

const EN: ReviewText = {
  status: { open: 'Open', explained: 'Explained', stale: 'Changed since explained' },
  when: (w) => `${w.day} ${DATE_NAMES.en.months[w.month - 1]} ${w.year} at ${p2(w.hour)}:${p2(w.minute)}`,
  explainedBy: (by, when) => `Explained by ${by} on ${when}`,
  staleNote: 'The figures have changed since it was explained: the finding is open again.',
  orphansTitle: 'Explanations without a finding',
  signedOff: (by, when) => `Signed off by ${by} on ${when}`,
  notSignedOff: 'Not signed off',
  changedAfterSignOff: 'Changed after sign-off',
  signOffCounts: (open, explained) => `${n(open, 'open finding', 'open findings')}, ${explained} explained`,
  yearChanged: (year, b, now, kr) =>
    `${year}: ${[
      b.budget !== now.budget ? `budget ${kr(b.budget)} → ${kr(now.budget)}` : '',
      b.financing !== now.financing ? `financing ${kr(b.financing)} → ${kr(now.financing)}` : '',
    ]
      .filter((s) => s)
      .join(', ')}`,
  yearAdded: (year) => `${year} was added`,
  yearRemoved: (year) => `${year} was removed`,
  values: {
    added: (part, labels) => `Added to ${part}: ${labels}`,
    removed: (part, labels) => `Removed from ${part}: ${labels}`,
    changed: (part, labels) => `Changed in ${part}: ${labels}`,
  },
  part: { budget: 'the budget', financing: 'the financing', register: 'the project register' },
  valuesNotKept: 'Which lines changed was not stored with this sign-off.',
  more: (count) => `… and ${count} more`,
  changes: ({ resolved, added, changed }) => {
    const parts: string[] = [];
    const noun = (count: number) => (parts.length === 0 ? (count === 1 ? ' finding' : ' findings') : '');
    if (resolved > 0) parts.push(`${resolved}${noun(resolved)} resolved`);
    if (added > 0) parts.push(`${added} new${noun(added)}`);
    if (changed > 0) parts.push(`${changed}${noun(changed)} changed`);
    return join(parts, 'No changes');
  },
  refusal: (r) => {
    switch (r.reason) {
      case 'noReason':
        return 'Write a reason.';
      case 'reasonTooLong':
        return `The reason is too long: at most ${r.max} characters.`;
      case 'noName':
        return 'Enter your name first.';
      case 'badTime':
        return 'The time cannot be read.';
      case 'openErrors':
        return `The reconciliation cannot be signed off: ${n(r.count, 'error is', 'errors are')} open. Correct or explain ${r.count === 1 ? 'it' : 'them'} first.`;
    }
  },
  table: { explanations: 'explanations', signOffs: 'sign-offs' },
  issue: {
    missing: 'is missing',
    notText: 'is not text',
    notATime: 'is not a time (such as 2024-03-05T10:12:00+01:00)',
    notANumber: 'is not a whole number',
    badTotals: 'are not year totals that can be read',
    badValues: 'are not signed values that can be read',
    unknownAction: 'must be «explained» or «withdrawn»',
  },
  problem: (p, table, issue) => {
    switch (p.kind) {
      case 'newerVersion':
        return `${p.cell}: The review log has format version ${p.version}, newer than this add-in can read. Its explanations and sign-offs are not used, and the log is not changed.`;
      case 'badVersion':
        return `${p.cell}: The review log's format version is missing or cannot be read${p.text ? ` (${quote(p.text)})` : ''}; the log was read as version 1.`;
      case 'duplicateColumn':
        return `${p.cell}: The column ${quote(p.column)} appears twice in the ${table} table. The log was read, but is not changed until that is corrected.`;
      case 'missingColumn':
        return `${p.cell}: The ${table} table lacks the column ${quote(p.column)}. Its rows are kept unchanged, but not used.`;
      case 'badCell':
        return `${p.cell}: A row of ${table} cannot be read: ${quote(p.column)} ${issue}. The row is kept unchanged, but not used.`;
      case 'strayContent':
        return `${p.cell}: The review log has content outside its tables (${n(p.count, 'cell', 'cells')}). It was read, but is not changed until that is removed.`;
    }
  },
  keyField: {
    project: 'project',
    name: 'name',
    year: 'year',
    sheet: 'sheet',
    label: 'line',
    source: 'source',
    role: 'part',
    reason: 'kind',
    table: 'table',
    field: 'field',
    earlierYear: 'against',
    budget: 'budget',
    financing: 'financing',
    number: 'no.',
  },
};

const TEXT: Readonly<Record<Lang, ReviewText>> = { nb: NB, en: EN };

export function reviewText(lang: Lang): ReviewText {
  return TEXT[lang];
}

/** A timestamp as its writer's clock showed it: `5. mars 2024 kl. 10.12`; the text itself if unreadable. */
export function formatWhen(at: string, lang: Lang): string {
  const w = wallClock(at);
  return w ? TEXT[lang].when(w) : at;
}

/** "1 funn løst, 1 nytt" */
export function describeChanges(c: ResultChanges, lang: Lang): string {
  return TEXT[lang].changes({
    resolved: c.resolved.length,
    added: c.added.length,
    changed: c.changed.length,
  });
}

export function describeRefusal(r: Refusal, lang: Lang): string {
  return TEXT[lang].refusal(r);
}

export function describeProblem(p: ReviewProblem, lang: Lang): string {
  const t = TEXT[lang];
  const table = 'table' in p ? t.table[p.table] : '';
  return t.problem(p, table, p.kind === 'badCell' ? t.issue[p.issue] : '');
}

/** Who explained it and when: `Forklart av Kari Nordmann den 5. mars 2024 kl. 10.12`. */
export function describeExplanation(e: Explanation, lang: Lang): string {
  return TEXT[lang].explainedBy(e.by, formatWhen(e.at, lang));
}

/** The sign-offs, oldest first, a line each: who, when, and the findings open and explained then. */
export function describeSignOffHistory(signOffs: readonly SignOff[], lang: Lang): string[] {
  const t = TEXT[lang];
  return byTime(signOffs).map(
    (s) => `${t.signedOff(s.by, formatWhen(s.at, lang))}: ${t.signOffCounts(s.open, s.explained)}`,
  );
}

/** A finding key for people: `CONTRIBUTION_MISMATCH: prosjekt 1.2, år 2010`. */
export function describeKey(key: string, lang: Lang): string {
  const t = TEXT[lang];
  const { code, parts, n: nth } = parseKey(key);
  const word = (w: string) =>
    Object.prototype.hasOwnProperty.call(t.keyField, w) ? t.keyField[w as KeyWord] : w;
  const facts = parts.map(({ name, value }) => `${word(name)} ${name === 'role' ? word(value) : value}`);
  if (nth > 1) facts.push(`${t.keyField.number} ${nth}`);
  return facts.length === 0 ? code : `${code}: ${facts.join(', ')}`;
}

/**
 * The sign-off state as lines for the pane and the reconciliation sheet: `Godkjent av … den …`,
 * and when the figures have changed since, that it changed and what.
 */
export function describeSignOffState(s: SignOffState, lang: Lang): string[] {
  const t = TEXT[lang];
  if (s.state === 'none') return [t.notSignedOff];
  const lines = [t.signedOff(s.signOff.by, formatWhen(s.signOff.at, lang))];
  if (s.state === 'signed') return lines;
  lines.push(t.changedAfterSignOff);
  const kr = (o: Ore) => `${formatNok(o, lang)} kr`;
  for (const y of s.changes.years) lines.push(yearLine(t, y, kr));
  const v = s.changes.values;
  if (v === null) {
    lines.push(t.valuesNotKept);
    return lines;
  }
  for (const kind of ['changed', 'added', 'removed'] as const) {
    for (const part of ['budget', 'financing', 'register'] as const) {
      const labels = v[kind].filter((x) => x.part === part).map((x) => displayLabel(x.label));
      if (labels.length > 0) lines.push(t.values[kind](t.part[part], nameList(labels, t.more)));
    }
  }
  return lines;
}

function yearLine(t: ReviewText, y: YearChange, kr: Kr): string {
  if (y.before === null) return t.yearAdded(y.year);
  if (y.now === null) return t.yearRemoved(y.year);
  return t.yearChanged(y.year, y.before, y.now, kr);
}
