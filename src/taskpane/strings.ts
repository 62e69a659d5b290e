/**
 * Every text the task pane shows, in Norwegian bokmål and English.
 *
 * One interface, one object per language: a key missing in either language is a type error, so
 * the pane can never show a blank or the other language by accident. Finding messages are not
 * here: they come from the domain (`describe(f, lang)` in src/domain/messages.ts), shared with
 * the CLI.
 */
import type { Severity } from '../domain/findings';
import type { Lang } from '../domain/messages';
import type { ExcelFailureKind, LeftOut } from '../excel/gateway';
import type { InsertKind } from './controller';

export type { Lang };

/** How many findings of each severity a run produced. */
export type SeverityCounts = Readonly<Record<Severity, number>>;

export interface Strings {
  readonly title: string;
  readonly subtitle: string;

  /** The primary button and its progress text. */
  readonly reconcile: string;
  readonly reconciling: string;
  readonly retry: string;
  readonly details: (code: string | undefined, detail: string | undefined) => string;

  /** What was found in the workbook. */
  readonly workbookHeading: string;
  readonly readingWorkbook: string;
  readonly budgetSheet: string;
  readonly financingSheet: string;
  readonly register: string;
  readonly years: string;
  readonly notFound: string;
  readonly hiddenSheet: (name: string) => string;
  readonly registerCounts: (sheet: string, projects: number, sources: number) => string;
  readonly yearsAfterRun: string;
  readonly noYears: string;
  readonly sheetsFailed: string;

  /** Empty state: no budget or financing sheet. */
  readonly emptyTitle: string;
  readonly emptyMissing: (missing: readonly ('budget' | 'financing')[]) => string;
  readonly emptyLookedFor: (role: 'budget' | 'financing', names: readonly string[]) => string;
  readonly emptyHint: string;

  /** Errors from Excel, one title and one explanation per kind. */
  readonly failureTitle: Readonly<Record<ExcelFailureKind, string>>;
  readonly failureBody: Readonly<Record<ExcelFailureKind, string>>;
  readonly commandFailed: string;
  readonly selectFailed: (ref: string) => string;
  readonly resultViewFailed: string;
  readonly dismiss: string;

  /** The result. */
  readonly resultHeading: string;
  readonly loadingResult: string;
  readonly yearHeading: (year: number) => string;
  readonly amountColumn: string;
  readonly itemColumn: string;
  readonly budget: string;
  readonly financing: string;
  readonly difference: string;
  readonly ownFunded: string;
  readonly ownSources: string;
  readonly balanced: string;
  readonly unbalanced: string;
  readonly ownMatches: string;
  readonly ownDiffers: string;
  readonly findingsHeading: string;
  readonly noFindings: string;
  readonly cellsLabel: string;
  readonly goToCell: (ref: string) => string;
  readonly nonMoneyHeading: string;

  /** Inserting the outputs into the workbook. */
  readonly insertHeading: string;
  /** Before the first insert: undo history, and what inserting again does. */
  readonly insertNote: string;
  /** The buttons, by what they insert (`card`: the button next to the project list). */
  readonly insertButton: Readonly<Record<InsertKind, string>>;
  readonly insertWhat: Readonly<Record<InsertKind, string>>;
  readonly cardProjectLabel: string;
  readonly projectOption: (id: string, name: string) => string;
  readonly inserting: (what: string) => string;
  readonly insertProgress: (percent: number) => string;
  readonly inserted: (sheets: readonly string[]) => string;
  /** What Excel could not write (`chart`, …), by the gateway's names. */
  readonly leftOut: (items: readonly LeftOut[]) => string;
  readonly insertFailed: (what: string) => string;
  /** Advice for a failed insert where the general advice (written for reading) does not fit. */
  readonly insertFailureBody: Readonly<Partial<Record<ExcelFailureKind, string>>>;

  /** What the live region says. */
  readonly announceRunning: string;
  readonly announceDone: (balanced: boolean, counts: SeverityCounts) => string;
  readonly announceFailed: (title: string) => string;
  readonly announceSelected: (ref: string) => string;
  readonly findingCount: (counts: SeverityCounts) => string;
}

const total = (c: SeverityCounts) => c.error + c.warning + c.info;

/** «Avstemming», «Prosjektkort» og «Sammendrag» */
const quotedList = (names: readonly string[], and: string) =>
  andList(
    names.map((n) => `«${n}»`),
    and,
  );

function andList(items: readonly string[], and: string): string {
  return items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/** What the writer may leave out in an older Excel (`WriteResult.leftOut`), as the user reads it. */
const NB_LEFT_OUT: Readonly<Record<LeftOut, string>> = {
  chart: 'diagrammet',
  conditionalFormat: 'betinget formatering',
  freezePanes: 'frosne overskriftsrader',
  print: 'utskriftsoppsettet',
  indent: 'innrykk',
  protect: 'arkbeskyttelsen',
};
const EN_LEFT_OUT: Readonly<Record<LeftOut, string>> = {
  chart: 'the chart',
  conditionalFormat: 'conditional formatting',
  freezePanes: 'frozen header rows',
  print: 'the print settings',
  indent: 'indents',
  protect: 'sheet protection',
};

const NB: Strings = {
  title: 'Plan Reconciler',
  subtitle: 'Avstemming av budsjett, finansiering og prosjektregister',

  reconcile: 'Avstem',
  reconciling: 'Avstemmer …',
  retry: 'Prøv igjen',
  details: (code, detail) => ['Detaljer:', code, detail].filter(Boolean).join(' '),

  workbookHeading: 'I arbeidsboken',
  readingWorkbook: 'Leser arkene i arbeidsboken …',
  budgetSheet: 'Budsjettark',
  financingSheet: 'Finansieringsark',
  register: 'Prosjektregister',
  years: 'År',
  notFound: 'ikke funnet',
  hiddenSheet: (name) => `${name} (skjult)`,
  registerCounts: (sheet, projects, sources) => `${sheet} (${projects} prosjekter, ${sources} kilder)`,
  yearsAfterRun: 'vises etter avstemming',
  noYears: 'ingen',
  sheetsFailed: 'Kunne ikke lese listen over ark',

  emptyTitle: 'Fant ikke arkene som skal avstemmes',
  emptyMissing: (missing) =>
    `Arbeidsboken mangler ${missing.map((r) => (r === 'budget' ? 'et budsjettark' : 'et finansieringsark')).join(' og ')}.`,
  emptyLookedFor: (role, names) =>
    `${role === 'budget' ? 'Budsjettarket' : 'Finansieringsarket'} må hete ${orList(names, 'eller')} (store eller små bokstaver), eller begynne med et av navnene, f.eks. «${names[0]} 2012».`,
  emptyHint: 'Gi nytt navn til arket, og velg Avstem igjen.',

  failureTitle: {
    cellEditMode: 'Excel redigerer en celle',
    payloadTooLarge: 'Arbeidsboken er for stor til å leses',
    unsupported: 'Denne Excel-versjonen støtter ikke tillegget',
    notFound: 'Finner ikke arket eller cellen',
    hiddenSheet: 'Cellen ligger på et skjult ark',
    accessDenied: 'Arbeidsboken er beskyttet',
    changed: 'Prosjektregisteret er endret av noen andre',
    busy: 'Excel er opptatt',
    office: 'Excel meldte en feil',
    unexpected: 'Noe gikk galt i tillegget',
  },
  failureBody: {
    cellEditMode: 'Fullfør redigeringen av cellen (trykk Enter eller Esc), og prøv igjen.',
    payloadTooLarge:
      'Excel på nettet avviste lesingen fordi den ble for stor. Fjern tomme rader og kolonner langt ned eller til høyre i arkene, eller bruk Excel for skrivebordet.',
    unsupported:
      'Tillegget trenger en nyere versjon av Excel (ExcelApi 1.4). Oppdater Excel, eller bruk Excel på nettet.',
    notFound:
      'Arket eller cellen finnes ikke (lenger) i arbeidsboken. Kanskje har den fått nytt navn eller er slettet. Avstem på nytt.',
    hiddenSheet:
      'Arket er skjult (prosjektregisteret er det, så det ikke endres ved et uhell). Vis det med høyreklikk på en arkfane → Vis, og velg cellen igjen.',
    accessDenied: 'Arket eller arbeidsboken er beskyttet. Opphev beskyttelsen, og prøv igjen.',
    changed:
      'Registeret i arbeidsboken er endret siden du åpnet det (kanskje av en medforfatter). Ingenting ble lagret. Avstem på nytt for å lese det inn, og gjør endringen igjen.',
    busy: 'Excel er opptatt, eller forbindelsen ble brutt. Vent litt, og prøv igjen.',
    office: 'Excel kunne ikke utføre handlingen. Prøv igjen.',
    unexpected:
      'Dette er en feil i tillegget. Prøv igjen; meld fra med detaljene under hvis det gjentar seg.',
  },
  commandFailed: 'Avstem-knappen kunne ikke åpne oppgaveruten',
  selectFailed: (ref) => `Kunne ikke vise ${ref}`,
  resultViewFailed: 'Kunne ikke laste visningen av resultatet',
  dismiss: 'Lukk',

  resultHeading: 'Resultat',
  loadingResult: 'Laster resultatet …',
  yearHeading: (year) => `År ${year}`,
  amountColumn: 'Kroner',
  itemColumn: 'Post',
  budget: 'Budsjett',
  financing: 'Finansiering',
  difference: 'Differanse',
  ownFunded: 'Egenfinansiert',
  ownSources: 'Egne kilder',
  balanced: 'I balanse',
  unbalanced: 'Ikke i balanse',
  ownMatches: 'Egne kilder stemmer',
  ownDiffers: 'Egne kilder stemmer ikke',
  findingsHeading: 'Funn',
  noFindings: 'Ingen funn.',
  cellsLabel: 'Celler',
  goToCell: (ref) => `Vis ${ref} i arbeidsboken`,
  nonMoneyHeading: 'Prosjekter uten pengebidrag (bidrar med arbeid)',

  insertHeading: 'Sett inn i arbeidsboken',
  insertNote:
    'Når tillegget setter inn ark, tømmes angreloggen i Excel: det du gjorde før, kan ikke angres etterpå. Setter du inn på nytt, erstattes arket som ble satt inn tidligere.',
  insertButton: {
    reconciliation: 'Avstemmingsark',
    cards: 'Prosjektkort',
    summary: 'Sammendrag',
    all: 'Alle tre',
    card: 'Sett inn kortet',
  },
  insertWhat: {
    reconciliation: 'avstemmingsarket',
    cards: 'prosjektkortene',
    summary: 'sammendraget',
    all: 'avstemmingsarket, prosjektkortene og sammendraget',
    card: 'prosjektkortet',
  },
  cardProjectLabel: 'Kort for ett prosjekt',
  projectOption: (id, name) => `${id} ${name}`,
  inserting: (what) => `Setter inn ${what} …`,
  insertProgress: (percent) => `${percent} % ferdig`,
  inserted: (sheets) =>
    sheets.length === 1 ? `Satt inn arket «${sheets[0]}».` : `Satt inn arkene ${quotedList(sheets, 'og')}.`,
  leftOut: (items) =>
    `Utelatt fordi denne Excel-versjonen ikke støtter det: ${andList(
      items.map((i) => NB_LEFT_OUT[i]),
      'og',
    )}.`,
  insertFailed: (what) => `Kunne ikke sette inn ${what}`,
  insertFailureBody: {
    payloadTooLarge:
      'Excel på nettet avviste skrivingen fordi den ble for stor. Sett inn ett ark om gangen, eller bruk Excel for skrivebordet.',
    unsupported:
      'Denne Excel-versjonen kan ikke sette inn arkene. Oppdater Excel, eller bruk Excel på nettet.',
    notFound: 'Et ark tillegget skulle erstatte, finnes ikke lenger. Avstem på nytt, og sett inn igjen.',
  },

  announceRunning: 'Avstemmer …',
  announceDone: (balanced, counts) =>
    `Avstemt: ${balanced ? 'i balanse' : 'ikke i balanse'}. ${NB.findingCount(counts)}.`,
  announceFailed: (title) => `Avstemmingen feilet: ${title}.`,
  announceSelected: (ref) => `${ref} er markert i arbeidsboken.`,
  findingCount: (c) =>
    total(c) === 0
      ? 'Ingen funn'
      : `${total(c)} funn: ${[
          c.error > 0 ? `${c.error} feil` : '',
          c.warning > 0 ? `${c.warning} ${c.warning === 1 ? 'advarsel' : 'advarsler'}` : '',
          c.info > 0 ? `${c.info} til informasjon` : '',
        ]
          .filter(Boolean)
          .join(', ')}`,
};

const EN: Strings = {
  title: 'Plan Reconciler',
  subtitle: 'Reconciles the budget, financing and project register',

  reconcile: 'Reconcile',
  reconciling: 'Reconciling …',
  retry: 'Try again',
  details: (code, detail) => ['Details:', code, detail].filter(Boolean).join(' '),

  workbookHeading: 'In the workbook',
  readingWorkbook: 'Reading the sheets of the workbook …',
  budgetSheet: 'Budget sheet',
  financingSheet: 'Financing sheet',
  register: 'Project register',
  years: 'Years',
  notFound: 'not found',
  hiddenSheet: (name) => `${name} (hidden)`,
  registerCounts: (sheet, projects, sources) => `${sheet} (${projects} projects, ${sources} sources)`,
  yearsAfterRun: 'shown after reconciling',
  noYears: 'none',
  sheetsFailed: 'Could not read the list of sheets',

  emptyTitle: 'The sheets to reconcile were not found',
  emptyMissing: (missing) =>
    `The workbook has no ${missing.map((r) => (r === 'budget' ? 'budget sheet' : 'financing sheet')).join(' and no ')}.`,
  emptyLookedFor: (role, names) =>
    `The ${role === 'budget' ? 'budget' : 'financing'} sheet must be named ${orList(names, 'or')} (any case), or start with one of these names, e.g. «${names[0]} 2012».`,
  emptyHint: 'Rename the sheet, then choose Reconcile again.',

  failureTitle: {
    cellEditMode: 'Excel is editing a cell',
    payloadTooLarge: 'The workbook is too large to read',
    unsupported: 'This version of Excel does not support the add-in',
    notFound: 'The sheet or cell was not found',
    hiddenSheet: 'The cell is on a hidden sheet',
    accessDenied: 'The workbook is protected',
    changed: 'Someone else changed the project register',
    busy: 'Excel is busy',
    office: 'Excel reported an error',
    unexpected: 'Something went wrong in the add-in',
  },
  failureBody: {
    cellEditMode: 'Finish editing the cell (press Enter or Esc) and try again.',
    payloadTooLarge:
      'Excel on the web refused the read because it was too large. Remove empty rows and columns far down or to the right in the sheets, or use Excel for desktop.',
    unsupported:
      'The add-in needs a newer version of Excel (ExcelApi 1.4). Update Excel, or use Excel on the web.',
    notFound:
      'The sheet or cell is not in the workbook (any more). It may have been renamed or deleted. Reconcile again.',
    hiddenSheet:
      'The sheet is hidden (the project register is, so that it is not changed by accident). Show it by right-clicking a sheet tab → Unhide, then choose the cell again.',
    accessDenied: 'The sheet or workbook is protected. Unprotect it and try again.',
    changed:
      'The register in the workbook changed after you opened it (perhaps by a co-author). Nothing was saved. Reconcile again to read it, then make your change again.',
    busy: 'Excel is busy, or the connection dropped. Wait a moment and try again.',
    office: 'Excel could not carry out the request. Try again.',
    unexpected:
      'This is a bug in the add-in. Try again; if it happens again, report it with the details below.',
  },
  commandFailed: 'The Reconcile button could not open the task pane',
  selectFailed: (ref) => `Could not show ${ref}`,
  resultViewFailed: 'Could not load the result view',
  dismiss: 'Dismiss',

  resultHeading: 'Result',
  loadingResult: 'Loading the result …',
  yearHeading: (year) => `Year ${year}`,
  amountColumn: 'NOK',
  itemColumn: 'Item',
  budget: 'Budget',
  financing: 'Financing',
  difference: 'Difference',
  ownFunded: 'Own-funded',
  ownSources: 'Own sources',
  balanced: 'Balanced',
  unbalanced: 'Not balanced',
  ownMatches: 'Own sources match',
  ownDiffers: 'Own sources differ',
  findingsHeading: 'Findings',
  noFindings: 'No findings.',
  cellsLabel: 'Cells',
  goToCell: (ref) => `Show ${ref} in the workbook`,
  nonMoneyHeading: 'Projects without a money contribution (work only)',

  insertHeading: 'Insert into the workbook',
  insertNote:
    'Inserting sheets clears Excel’s undo history: what you did before cannot be undone afterwards. Inserting again replaces the sheet inserted earlier.',
  insertButton: {
    reconciliation: 'Reconciliation sheet',
    cards: 'Project cards',
    summary: 'Summary',
    all: 'All three',
    card: 'Insert the card',
  },
  insertWhat: {
    reconciliation: 'the reconciliation sheet',
    cards: 'the project cards',
    summary: 'the summary',
    all: 'the reconciliation sheet, the project cards and the summary',
    card: 'the project card',
  },
  cardProjectLabel: 'Card for one project',
  projectOption: (id, name) => `${id} ${name}`,
  inserting: (what) => `Inserting ${what} …`,
  insertProgress: (percent) => `${percent}% done`,
  inserted: (sheets) =>
    sheets.length === 1
      ? `Inserted the sheet «${sheets[0]}».`
      : `Inserted the sheets ${quotedList(sheets, 'and')}.`,
  leftOut: (items) =>
    `Left out, since this version of Excel does not support it: ${andList(
      items.map((i) => EN_LEFT_OUT[i]),
      'and',
    )}.`,
  insertFailed: (what) => `Could not insert ${what}`,
  insertFailureBody: {
    payloadTooLarge:
      'Excel on the web refused the write because it was too large. Insert one sheet at a time, or use Excel for desktop.',
    unsupported: 'This version of Excel cannot insert the sheets. Update Excel, or use Excel on the web.',
    notFound: 'A sheet the add-in was to replace is no longer there. Reconcile again, then insert again.',
  },

  announceRunning: 'Reconciling …',
  announceDone: (balanced, counts) =>
    `Reconciled: ${balanced ? 'balanced' : 'not balanced'}. ${EN.findingCount(counts)}.`,
  announceFailed: (title) => `Reconciliation failed: ${title}.`,
  announceSelected: (ref) => `${ref} is selected in the workbook.`,
  findingCount: (c) =>
    total(c) === 0
      ? 'No findings'
      : `${total(c)} ${total(c) === 1 ? 'finding' : 'findings'}: ${[
          c.error > 0 ? `${c.error} ${c.error === 1 ? 'error' : 'errors'}` : '',
          c.warning > 0 ? `${c.warning} ${c.warning === 1 ? 'warning' : 'warnings'}` : '',
          c.info > 0 ? `${c.info} for information` : '',
        ]
          .filter(Boolean)
          .join(', ')}`,
};

/** «a», «b» or «c» */
function orList(names: readonly string[], or: string): string {
  return quotedList(names, or);
}

export const STRINGS: Readonly<Record<Lang, Strings>> = { nb: NB, en: EN };
