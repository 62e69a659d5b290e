import { NOT_COMPUTED_NO_REGISTER, type Catalog, type Lang } from '../messages';
import { REGISTER_FIELD_LABELS } from '../register/fieldLabels';
import { nameList, shorten } from '../shorten';

/**
 * Every text the outputs write, in bokmål and English. Sheet names live here
 * too: they are what the user sees on the tabs. User text a sentence or a
 * heading quotes is shortened here (`shorten`), however long the original.
 */
export interface OutputText {
  readonly sheets: { readonly reconciliation: string; readonly cards: string; readonly summary: string };
  readonly reconciliationTitle: string;
  readonly generated: (budget: string | null, financing: string | null) => string;
  readonly line: string;
  readonly project: string;
  readonly budget: string;
  readonly earmarked: string;
  readonly earmarkedBy: (source: string) => string;
  readonly ownFunded: string;
  readonly promised: string;
  readonly difference: string;
  readonly status: string;
  readonly ok: string;
  readonly deviation: string;
  readonly overfinanced: string;
  readonly unknownLine: string;
  readonly operations: string;
  readonly total: string;
  readonly year: (year: number) => string;
  readonly balanceTitle: (year: number) => string;
  readonly check: string;
  readonly amount: string;
  readonly comparedWith: string;
  readonly budgetVsFinancing: string;
  readonly budgetVsStated: string;
  readonly financingVsStated: string;
  readonly ownFundedVsOwnSources: string;
  readonly memoVsOwnSources: (label: string) => string;
  readonly budgetLines: string;
  readonly financingRows: string;
  readonly statedSum: string;
  readonly ownSources: string;
  readonly findingsTitle: string;
  readonly noFindings: string;
  readonly severity: string;
  readonly code: string;
  readonly message: string;
  readonly cell: string;
  readonly severityName: { readonly error: string; readonly warning: string; readonly info: string };
  readonly cardsTitle: string;
  readonly area: string;
  readonly phase: string;
  readonly owner: string;
  readonly role: string;
  readonly partners: string;
  readonly goals: string;
  readonly contribution: string;
  readonly contributionNote: string;
  readonly basis: { readonly 'per år': string; readonly totalt: string };
  readonly noMoney: string;
  readonly yearColumn: string;
  readonly noBudgetLine: string;
  readonly noProjects: string;
  readonly summaryTitle: string;
  readonly byArea: string;
  readonly projects: string;
  readonly operationsAndOther: string;
  readonly bySource: string;
  readonly source: string;
  readonly kind: string;
  readonly own: string;
  readonly external: string;
  readonly unregistered: string;
  readonly ownProjects: string;
  readonly ownProjectsRule: (owners: readonly string[]) => string;
  readonly noOwnProjects: string;
  readonly id: string;
  readonly name: string;
  readonly chartTitle: string;
  /** In place of a figure that needs the project register, when there is none (or it is empty). */
  readonly notComputed: string;
  /** A card's field the register leaves empty: shown, so that no box of a card is blank. */
  readonly emptyField: string;
  /** Column header over the findings' explanations on the reconciliation sheet (the review's). */
  readonly explanation: string;
  /** The printed footer's page number: `{page}` and `{pages}` are filled in by the printout. */
  readonly pageOf: string;
  /** Column header over a finding's cells on the reconciliation sheet. */
  readonly cells: string;
  /** The last link cell of a finding with more cells than the sheet has link columns. */
  readonly moreCells: (count: number) => string;
}

/** The register fields a card shows, named as everywhere else (register/fieldLabels.ts). */
function cardFields(
  lang: Lang,
): Pick<OutputText, 'area' | 'phase' | 'owner' | 'role' | 'partners' | 'goals'> {
  const { area, phase, owner, role, partners, goals } = REGISTER_FIELD_LABELS[lang];
  return { area, phase, owner, role, partners, goals };
}

const NB: OutputText = {
  sheets: { reconciliation: 'Avstemming', cards: 'Prosjektkort', summary: 'Sammendrag' },
  reconciliationTitle: 'Avstemming av handlingsplanen',
  generated: (b, f) =>
    `Laget av Plan Reconciler fra arkene ${b ?? '(budsjett mangler)'} og ${f ?? '(finansiering mangler)'}. Beløpene er formler mot kildearkene; lovet beløp er fra prosjektregisteret.`,
  line: 'Post',
  project: 'Prosjekt',
  budget: 'Budsjett',
  earmarked: 'Øremerket',
  earmarkedBy: (s) => `Øremerket ${shorten(s)}`,
  ownFunded: 'Egenfinansiert',
  promised: 'Lovet',
  difference: 'Differanse',
  status: 'Status',
  ok: 'OK',
  deviation: 'Avvik',
  overfinanced: 'Overfinansiert',
  unknownLine: 'Ukjent post',
  operations: 'Drift',
  total: 'Sum',
  year: (y) => `${y}`,
  balanceTitle: (y) => `Balanse ${y}`,
  check: 'Kontroll',
  amount: 'Beløp',
  comparedWith: 'Mot',
  budgetVsFinancing: 'Budsjett mot finansiering',
  budgetVsStated: 'Budsjett mot oppgitt sum',
  financingVsStated: 'Finansiering mot oppgitt sum',
  ownFundedVsOwnSources: 'Egenfinansiert mot egne kilder',
  memoVsOwnSources: (l) => `${shorten(l)} mot egne kilder`,
  budgetLines: 'Sum budsjettposter',
  financingRows: 'Sum finansieringsrader',
  statedSum: 'Oppgitt sum',
  ownSources: 'Egne kilder',
  findingsTitle: 'Funn',
  noFindings: 'Ingen funn.',
  severity: 'Alvorlighet',
  code: 'Kode',
  message: 'Melding',
  cell: 'Celle',
  severityName: { error: 'Feil', warning: 'Advarsel', info: 'Info' },
  cardsTitle: 'Prosjektkort',
  ...cardFields('nb'),
  contribution: 'Tilsagn',
  contributionNote: 'Merknad',
  basis: { 'per år': 'per år', totalt: 'totalt' },
  noMoney: 'Ingen penger lovet',
  yearColumn: 'År',
  noBudgetLine: 'Ingen budsjettpost',
  noProjects: 'Ingen prosjekter i prosjektregisteret.',
  summaryTitle: 'Sammendrag',
  byArea: 'Etter innsatsområde',
  projects: 'Prosjekter',
  operationsAndOther: 'Drift og ukjente poster',
  bySource: 'Etter finansieringskilde',
  source: 'Kilde',
  kind: 'Type',
  own: 'Egen',
  external: 'Ekstern',
  unregistered: 'Ikke registrert',
  ownProjects: 'Egne prosjekter',
  ownProjectsRule: (o) =>
    `Prosjekter der prosjekteier er en av rådets egne kilder (${nameList(o, (n) => `… og ${n} til`)}).`,
  noOwnProjects: 'Ingen prosjekter eies av rådet.',
  id: 'Nr.',
  name: 'Navn',
  chartTitle: 'Budsjett etter innsatsområde',
  notComputed: NOT_COMPUTED_NO_REGISTER.nb,
  emptyField: '–',
  explanation: 'Forklaring',
  pageOf: 'Side {page} av {pages}',
  cells: 'Celler',
  moreCells: (n) => `og ${n} til`,
};

const EN: OutputText = {
  sheets: { reconciliation: 'Reconciliation', cards: 'Project cards', summary: 'Summary' },
  reconciliationTitle: 'Action plan reconciliation',
  generated: (b, f) =>
    `Made by Plan Reconciler from the sheets ${b ?? '(budget missing)'} and ${f ?? '(financing missing)'}. Amounts are formulas on the source sheets; promised amounts are from the project register.`,
  line: 'Budget line',
  project: 'Project',
  budget: 'Budget',
  earmarked: 'Earmarked',
  earmarkedBy: (s) => `Earmarked ${shorten(s)}`,
  ownFunded: 'Own-funded',
  promised: 'Promised',
  difference: 'Difference',
  status: 'Status',
  ok: 'OK',
  deviation: 'Difference',
  overfinanced: 'Overfinanced',
  unknownLine: 'Unknown line',
  operations: 'Operations',
  total: 'Total',
  year: (y) => `${y}`,
  balanceTitle: (y) => `Balance ${y}`,
  check: 'Check',
  amount: 'Amount',
  comparedWith: 'Against',
  budgetVsFinancing: 'Budget against financing',
  budgetVsStated: 'Budget against stated sum',
  financingVsStated: 'Financing against stated sum',
  ownFundedVsOwnSources: 'Own-funded against own sources',
  memoVsOwnSources: (l) => `${shorten(l)} against own sources`,
  budgetLines: 'Sum of budget lines',
  financingRows: 'Sum of financing rows',
  statedSum: 'Stated sum',
  ownSources: 'Own sources',
  findingsTitle: 'Findings',
  noFindings: 'No findings.',
  severity: 'Severity',
  code: 'Code',
  message: 'Message',
  cell: 'Cell',
  severityName: { error: 'Error', warning: 'Warning', info: 'Info' },
  cardsTitle: 'Project cards',
  ...cardFields('en'),
  contribution: 'Promised',
  contributionNote: 'Note',
  basis: { 'per år': 'per year', totalt: 'in total' },
  noMoney: 'No money promised',
  yearColumn: 'Year',
  noBudgetLine: 'No budget line',
  noProjects: 'No projects in the project register.',
  summaryTitle: 'Summary',
  byArea: 'By focus area',
  projects: 'Projects',
  operationsAndOther: 'Operations and unknown lines',
  bySource: 'By funding source',
  source: 'Source',
  kind: 'Kind',
  own: 'Own',
  external: 'External',
  unregistered: 'Not registered',
  ownProjects: "The council's own projects",
  ownProjectsRule: (o) =>
    `Projects whose owner is one of the council's own sources (${nameList(o, (n) => `… and ${n} more`)}).`,
  noOwnProjects: 'No project is owned by the council.',
  id: 'No.',
  name: 'Name',
  chartTitle: 'Budget by focus area',
  notComputed: NOT_COMPUTED_NO_REGISTER.en,
  emptyField: '–',
  explanation: 'Explanation',
  pageOf: 'Page {page} of {pages}',
  cells: 'Cells',
  moreCells: (n) => `and ${n} more`,
};

const OUTPUT_TEXT: Catalog<OutputText> = { nb: NB, en: EN };

export function outputText(lang: Lang): OutputText {
  return OUTPUT_TEXT[lang];
}
