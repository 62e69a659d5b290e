/**
 * Every text the task pane shows, in Norwegian bokmål and English.
 *
 * One interface, one object per language: a key missing in either language is a type error, so
 * the pane can never show a blank or the other language by accident. Finding messages are not
 * here: they come from the domain (`describe(f, lang)` in src/domain/messages.ts), shared with
 * the CLI.
 */
import type { Severity } from '../domain/findings';
import type { Catalog, Lang } from '../domain/messages';
import { NOT_COMPUTED_NO_REGISTER } from '../domain/messages';
import { REGISTER_FIELD_LABELS, type RegisterField } from '../domain/register/fieldLabels';
import type { EntryKind, SourceKind } from '../domain/register/types';
import type { ExcelFailureKind, LeftOut } from '../excel/gateway';
import type { InsertKind, OfficePlatform, RegisterChange } from '../app/controller';
import { REVIEW_STRINGS, type ReviewStrings } from './review/reviewStrings';

export type { Lang };

/** The register's fields (the stored keys); their labels are the domain's one set (fieldLabels.ts). */
export type { RegisterField };

/**
 * The register's field labels as the editor's forms show them: the domain's labels, some with a
 * note in brackets on what to write (`Bidrag (kroner)`).
 */
function formLabels(
  labels: Readonly<Record<RegisterField, string>>,
  notes: Readonly<Partial<Record<RegisterField, string>>>,
): Readonly<Record<RegisterField, string>> {
  const out = { ...labels };
  for (const [field, note] of Object.entries(notes) as [RegisterField, string][]) {
    out[field] = `${labels[field]} (${note})`;
  }
  return out;
}

/** The lists of a register row that the editor edits item by item. */
export type RegisterList = 'partners' | 'goals' | 'aliases';

/** Why the proposal guessed a kind (proposeRegister's `reason`). */
export type EntryGuessReason = 'operationsLabel' | 'project';
export type SourceGuessReason = 'groupHeader' | 'topLevel' | 'memoRow';

/** The project register: creating it, editing it, learning aliases, import and export. */
export interface RegisterStrings {
  /** The pane's button that opens the register (aria-expanded says whether it is open). */
  readonly toggle: string;
  readonly heading: string;
  readonly loading: string;
  readonly viewFailed: string;
  readonly readingFirst: string;
  readonly needsRun: string;
  readonly noRegisterTitle: string;
  readonly noRegisterBody: string;
  readonly create: string;
  readonly unusable: string;
  readonly unreadableRows: (n: number) => string;
  /** Showing and hiding the (very hidden) register sheet in Excel. */
  readonly showSheet: string;
  readonly hideSheet: string;
  readonly sheetHiddenNote: string;
  readonly sheetShownNote: string;
  readonly sheetShown: (sheet: string) => string;
  readonly sheetHidden: (sheet: string) => string;
  readonly sheetFailed: string;

  /** The proposal of a new register. */
  readonly proposalHeading: string;
  readonly proposalIntro: string;
  readonly proposalEmpty: string;
  readonly proposalNotes: string;
  readonly entriesHeading: string;
  readonly sourcesHeading: string;
  readonly kindFor: (name: string) => string;
  readonly idFor: (name: string) => string;
  /** Above the proposal's lines: the ids P1, P2, … are placeholders. */
  readonly placeholderIds: string;
  readonly entryKind: Readonly<Record<EntryKind, string>>;
  readonly sourceKind: Readonly<Record<SourceKind, string>>;
  readonly entryGuess: (reason: EntryGuessReason, cell: string) => string;
  readonly sourceGuess: (reason: SourceGuessReason, cell: string) => string;
  readonly saveProposal: string;

  /** The lists and search. */
  readonly projectsHeading: string;
  readonly searchLabel: string;
  readonly searchHint: string;
  readonly shown: (shown: number, total: number) => string;
  readonly noMatches: string;
  readonly emptyTable: string;
  readonly addEntry: string;
  readonly addSource: string;
  readonly edit: string;
  readonly editWhat: (name: string) => string;
  readonly remove: string;
  readonly removeWhat: (name: string) => string;
  readonly contributionSummary: (amount: string, basis: string) => string;
  readonly workOnly: string;
  readonly budgetLineSummary: (line: string) => string;
  readonly aliasesSummary: (aliases: readonly string[]) => string;

  /** Deleting. */
  readonly deleteTitle: (name: string) => string;
  readonly deleteBody: string;
  readonly confirmDelete: string;
  readonly cancel: string;

  /** The forms. */
  readonly newEntry: string;
  readonly editEntry: (name: string) => string;
  readonly newSource: string;
  readonly editSource: (name: string) => string;
  readonly field: Readonly<Record<RegisterField, string>>;
  readonly contributionHint: string;
  readonly idHint: string;
  readonly basisNone: string;
  readonly basisOption: Readonly<Record<'per år' | 'totalt', string>>;
  readonly noBudgetLine: string;
  readonly notInBudget: (line: string) => string;
  readonly listItem: Readonly<Record<RegisterList, (n: number) => string>>;
  readonly addItem: Readonly<Record<RegisterList, string>>;
  readonly removeItem: Readonly<Record<RegisterList, (n: number) => string>>;
  readonly emptyList: string;
  readonly removeShort: string;
  readonly save: string;
  readonly saving: string;
  readonly formErrors: (n: number) => string;
  readonly draftKept: string;
  /** A co-author changed the register: a form's draft is kept, to be saved after reading again. */
  readonly changedKept: string;
  /** A co-author changed the register: anything else (a deletion, an import) is to be redone. */
  readonly changedRedo: string;
  readonly reread: string;

  /** Import and export. */
  readonly ioHeading: string;
  readonly exportJson: string;
  readonly exportCsv: string;
  /** The exported file's name without its extension. */
  readonly exportFileName: string;
  readonly exported: (fileName: string) => string;
  readonly importLabel: string;
  readonly importFailed: (fileName: string) => string;
  readonly importNothingWritten: string;
  readonly importUnreadable: string;
  readonly importConfirmTitle: (fileName: string) => string;
  readonly importConfirmBody: (entries: number, sources: number, replaces: boolean) => string;
  readonly importConfirm: string;

  /** Learning an alias from a finding. */
  readonly addAlias: (target: string) => string;

  /** Writing the register: progress and outcome (also in the live region). */
  readonly writing: string;
  readonly written: (change: RegisterChange) => string;
  readonly writeFailed: string;
}

/** Reading the action plan into the register and the budget and financing sheets. */
export interface PlanStrings {
  /** The button on the empty-workbook screen and in the register editor. */
  readonly open: string;
  readonly heading: string;
  readonly loading: string;
  readonly viewFailed: string;
  readonly intro: string;
  readonly fileLabel: string;
  readonly dropHint: string;
  readonly pasteLabel: string;
  readonly readPasted: string;
  /** The name a refusal gives pasted text. */
  readonly pastedName: string;
  readonly reading: string;
  readonly refusedTitle: string;
  readonly readFailed: (fileName: string) => string;
  /** The live region and the review's first line. */
  readonly found: (projects: number, sources: number, uncertain: number) => string;
  readonly projectsHeading: string;
  readonly sourcesHeading: string;
  readonly budgetHeading: string;
  readonly financingHeading: string;
  readonly unreadHeading: string;
  /** The mark on a field the reader is unsure of (said, not only shown). */
  readonly uncertain: string;
  readonly uncertainCount: (n: number) => string;
  /** Where in the document a field came from, as the button next to it says it. */
  readonly where: (from: { line?: number; paragraph?: number; block: number; row?: number }) => string;
  readonly sourceText: (text: string) => string;
  readonly notInDocument: string;
  readonly sourceReason: Readonly<
    Record<'groupHeader' | 'addsUpToMemo' | 'memoRow' | 'councilName' | 'undecided', string>
  >;
  readonly rowRole: Readonly<Record<'line' | 'source' | 'groupHeader' | 'earmark' | 'sum' | 'memo', string>>;
  readonly tiedToProject: (id: string) => string;
  readonly tiedToOperations: string;
  readonly notTied: string;
  readonly labelColumn: string;
  readonly roleColumn: string;
  readonly yearColumn: (year: number | null) => string;
  readonly noTable: string;
  readonly editToggle: string;
  /** Against a register the workbook has. */
  readonly diffHeading: string;
  readonly diffIntro: string;
  readonly diffStatus: Readonly<Record<'new' | 'changed' | 'unchanged' | 'onlyInWorkbook', string>>;
  readonly diffCounts: (
    counts: Readonly<Record<'new' | 'changed' | 'unchanged' | 'onlyInWorkbook', number>>,
  ) => string;
  readonly take: (name: string) => string;
  readonly fieldsChanged: (fields: readonly string[]) => string;
  readonly keptNote: string;
  /** What Write will do, said before the button. */
  readonly writePlan: (sheets: readonly string[], existing: boolean) => string;
  readonly write: string;
  readonly writeTaken: (n: number) => string;
  readonly nothingToTake: string;
  readonly another: string;
  readonly close: string;
}

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
  /** The own-sources badge when there is no register to compute them from. */
  readonly ownNotComputed: string;
  /** In place of a figure that needs the register (own-funded, own sources). */
  readonly notComputedNoRegister: string;
  readonly findingsHeading: string;
  readonly noFindings: string;
  readonly cellsLabel: string;
  readonly goToCell: (ref: string) => string;
  /** A cell on the (very hidden) register sheet: opens the register editor at the row `what` names. */
  readonly openInRegister: (what: string, ref: string) => string;
  /** A cell on the register sheet outside the rows the editor lists (a header, an unreadable row). */
  readonly openRegisterAt: (ref: string) => string;
  readonly nonMoneyHeading: string;

  /** Inserting the outputs into the workbook. */
  readonly insertHeading: string;
  /** Before the first insert: what inserting again does, and the undo history, by Excel. */
  readonly insertNote: Readonly<Record<OfficePlatform, string>>;
  /** The buttons, by what they insert (`card`: the button next to the project list). */
  readonly insertButton: Readonly<Record<InsertKind, string>>;
  readonly insertWhat: Readonly<Record<InsertKind, string>>;
  readonly cardProjectLabel: string;
  /** Under the project list: where the card goes, and that the cards already there stay. */
  readonly cardProjectHint: string;
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

  /** The project register editor. */
  readonly reg: RegisterStrings;
  /** Reading the action plan. */
  readonly plan: PlanStrings;
  /** Explaining findings, signing off, live re-check. */
  readonly review: ReviewStrings;
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

const NB_REGISTER: RegisterStrings = {
  toggle: 'Rediger prosjektregisteret',
  heading: 'Prosjektregister',
  loading: 'Laster prosjektregisteret …',
  viewFailed: 'Kunne ikke laste prosjektregisteret',
  readingFirst: 'Leser arbeidsboken …',
  needsRun: 'Registeret leses inn når arbeidsboken avstemmes. Velg Avstem.',
  noRegisterTitle: 'Arbeidsboken har ikke noe prosjektregister',
  noRegisterBody:
    'Uten registeret kan ikke prosjektene kontrolleres. Tillegget kan foreslå et fra budsjettet og finansieringen; du ser over forslaget før det lagres.',
  create: 'Lag prosjektregister',
  unusable: 'Prosjektregisteret i arbeidsboken kunne ikke leses (se Funn), så det kan ikke redigeres her.',
  showSheet: 'Vis registerarket',
  hideSheet: 'Skjul registerarket igjen',
  sheetHiddenNote:
    'Registerarket er godt skjult i arbeidsboken, så det ikke endres ved et uhell; Excels menyer kan ikke vise det. Vis det her for å se radene: det er fortsatt beskyttet.',
  sheetShownNote:
    'Registerarket vises i arbeidsboken, beskyttet mot endringer. Endre registeret her i ruten.',
  sheetShown: (sheet) => `«${sheet}» vises nå i arbeidsboken.`,
  sheetHidden: (sheet) => `«${sheet}» er skjult igjen.`,
  sheetFailed: 'Kunne ikke vise eller skjule registerarket',
  unreadableRows: (n) =>
    `${n === 1 ? 'Én rad' : `${n} rader`} i registeret kunne ikke leses (se Funn). De blir stående som de er når du lagrer, etter de andre radene. Legg ${n === 1 ? 'den' : 'dem'} inn på nytt her med Legg til prosjekt eller Legg til kilde; for å bli kvitt ${n === 1 ? 'den' : 'dem'}, eksporter registeret og importer filen igjen (importen erstatter hele registeret).`,

  proposalHeading: 'Forslag til prosjektregister',
  proposalIntro:
    'Forslaget er laget fra budsjettet og finansieringen. Se over typen til hver post og kilde, og endre der gjetningen er feil. Resten kan du fylle ut etterpå.',
  proposalEmpty: 'Fant ingen budsjettposter eller kilder å foreslå.',
  proposalNotes: 'Merknader til forslaget',
  entriesHeading: 'Budsjettposter',
  sourcesHeading: 'Finansieringskilder',
  kindFor: (name) => `Type for «${name}»`,
  idFor: (name) => `Id for «${name}»`,
  placeholderIds:
    'Prosjektnumrene P1, P2 … er plassholdere. Bytt dem ut med prosjektnumrene i handlingsplanen (for eksempel 1.1a).',
  entryKind: { project: 'Prosjekt', operations: 'Drift' },
  sourceKind: { own: 'Egen', external: 'Ekstern', memo: 'Memopost (sum av egne kilder)' },
  entryGuess: (reason, cell) =>
    `${reason === 'operationsLabel' ? 'Gjettet drift: navnet ligner en driftspost' : 'Gjettet prosjekt'} (${cell})`,
  sourceGuess: (reason, cell) =>
    `${
      reason === 'groupHeader'
        ? 'Gjettet ekstern: overskrift over øremerkede rader'
        : reason === 'memoRow'
          ? 'Gjettet memopost: står etter sumraden'
          : 'Gjettet egen: egen rad med beløp'
    } (${cell})`,
  saveProposal: 'Lagre prosjektregisteret',

  projectsHeading: 'Prosjekter og budsjettposter',
  searchLabel: 'Søk i registeret',
  searchHint: 'Id, navn, budsjettpost eller alias',
  shown: (shown, total) => (shown === total ? `${total} i alt` : `Viser ${shown} av ${total}`),
  noMatches: 'Ingen treff.',
  emptyTable: 'Ingen ennå.',
  addEntry: 'Legg til prosjekt',
  addSource: 'Legg til kilde',
  edit: 'Rediger',
  editWhat: (name) => `Rediger «${name}»`,
  remove: 'Slett',
  removeWhat: (name) => `Slett «${name}»`,
  contributionSummary: (amount, basis) => `${amount} kr ${basis}`,
  workOnly: 'bidrar med arbeid',
  budgetLineSummary: (line) => `budsjettpost «${line}»`,
  aliasesSummary: (aliases) => `alias: ${aliases.join(', ')}`,

  deleteTitle: (name) => `Slette «${name}»?`,
  deleteBody: 'Raden fjernes fra prosjektregisteret i arbeidsboken, og arbeidsboken avstemmes på nytt.',
  confirmDelete: 'Slett',
  cancel: 'Avbryt',

  newEntry: 'Nytt prosjekt',
  editEntry: (name) => `Rediger «${name}»`,
  newSource: 'Ny finansieringskilde',
  editSource: (name) => `Rediger kilden «${name}»`,
  field: formLabels(REGISTER_FIELD_LABELS.nb, {
    id: 'prosjektnummer',
    contribution: 'kroner',
    aliases: 'andre navn',
  }),
  contributionHint: 'For eksempel 200 000 eller kr 1.500.000. Tomt når rådet bidrar med arbeid, ikke penger.',
  idHint: 'For eksempel 1.1a. Må være unik.',
  basisNone: '(ingen – uten pengebidrag)',
  basisOption: { 'per år': 'per år', totalt: 'totalt (hele perioden)' },
  noBudgetLine: '(ingen budsjettpost)',
  notInBudget: (line) => `${line} (finnes ikke i budsjettet)`,
  listItem: {
    partners: (n) => `Partner ${n}`,
    goals: (n) => `Mål ${n}`,
    aliases: (n) => `Alias ${n}`,
  },
  addItem: { partners: 'Legg til partner', goals: 'Legg til mål', aliases: 'Legg til alias' },
  removeItem: {
    partners: (n) => `Fjern partner ${n}`,
    goals: (n) => `Fjern mål ${n}`,
    aliases: (n) => `Fjern alias ${n}`,
  },
  emptyList: 'Ingen.',
  removeShort: 'Fjern',
  save: 'Lagre',
  saving: 'Lagrer …',
  formErrors: (n) =>
    `Skjemaet har ${n === 1 ? 'én feil' : `${n} feil`}. Rett ${n === 1 ? 'den' : 'dem'}, og lagre igjen.`,
  draftKept: 'Endringene dine er ikke lagret, men beholdt i skjemaet.',
  changedKept:
    'Registeret i arbeidsboken er endret siden du åpnet det (kanskje av en medforfatter), så ingenting ble lagret. Endringene dine er beholdt i skjemaet: les registeret på nytt, og lagre igjen.',
  changedRedo:
    'Registeret i arbeidsboken er endret siden du åpnet det (kanskje av en medforfatter), så ingenting ble lagret. Les registeret på nytt, og gjør endringen igjen.',
  reread: 'Les registeret på nytt',

  ioHeading: 'Importer og eksporter',
  exportJson: 'Eksporter som JSON',
  exportCsv: 'Eksporter som CSV',
  exportFileName: 'prosjektregister',
  exported: (fileName) => `Lastet ned «${fileName}».`,
  importLabel: 'Importer fra fil (.json eller .csv)',
  importFailed: (fileName) => `Kunne ikke importere «${fileName}»`,
  importNothingWritten: 'Ingenting er lagret. Rett feilene i filen, og prøv igjen:',
  importUnreadable: 'Filen kunne ikke leses som tekst.',
  importConfirmTitle: (fileName) => `Importere «${fileName}»?`,
  importConfirmBody: (entries, sources, replaces) =>
    `Filen har ${entries} ${entries === 1 ? 'prosjekt eller budsjettpost' : 'prosjekter og budsjettposter'} og ${sources} ${sources === 1 ? 'kilde' : 'kilder'}. ${replaces ? 'De erstatter hele prosjektregisteret i arbeidsboken.' : 'De blir arbeidsbokens prosjektregister.'}`,
  importConfirm: 'Importer',

  addAlias: (target) => `Legg til som alias for «${target}»`,

  writing: 'Lagrer prosjektregisteret …',
  written: (c) => {
    switch (c.kind) {
      case 'create':
        return `Prosjektregisteret er laget med ${c.entries} ${c.entries === 1 ? 'post' : 'poster'} og ${c.sources} ${c.sources === 1 ? 'kilde' : 'kilder'}.`;
      case 'import':
        return `Importert: ${c.entries} ${c.entries === 1 ? 'post' : 'poster'} og ${c.sources} ${c.sources === 1 ? 'kilde' : 'kilder'} i prosjektregisteret.`;
      case 'save':
        return `«${c.name}» er lagret i prosjektregisteret.`;
      case 'delete':
        return `«${c.name}» er slettet fra prosjektregisteret.`;
      case 'plan':
        return `Handlingsplanen er lest inn: ${c.entries} ${c.entries === 1 ? 'post' : 'poster'} og ${c.sources} ${c.sources === 1 ? 'kilde' : 'kilder'} i prosjektregisteret${c.sheets.length > 0 ? `, og arkene ${quotedList(c.sheets, 'og')}` : ''}.`;
      case 'alias':
        return `«${c.label}» er lagt til som alias for «${c.target}».`;
    }
  },
  writeFailed: 'Kunne ikke lagre prosjektregisteret',
};

const EN_REGISTER: RegisterStrings = {
  toggle: 'Edit the project register',
  heading: 'Project register',
  loading: 'Loading the project register …',
  viewFailed: 'Could not load the project register',
  readingFirst: 'Reading the workbook …',
  needsRun: 'The register is read when the workbook is reconciled. Choose Reconcile.',
  noRegisterTitle: 'The workbook has no project register',
  noRegisterBody:
    'Without the register the projects cannot be checked. The add-in can propose one from the budget and the financing; you review the proposal before it is saved.',
  create: 'Create the project register',
  unusable:
    'The project register in the workbook could not be read (see Findings), so it cannot be edited here.',
  showSheet: 'Show the register sheet',
  hideSheet: 'Hide the register sheet again',
  sheetHiddenNote:
    'The register sheet is very hidden in the workbook, so that it is not changed by accident; Excel’s menus cannot show it. Show it here to look at its rows: it stays protected.',
  sheetShownNote:
    'The register sheet is shown in the workbook, protected against changes. Change the register here in the pane.',
  sheetShown: (sheet) => `“${sheet}” is now shown in the workbook.`,
  sheetHidden: (sheet) => `“${sheet}” is hidden again.`,
  sheetFailed: 'Could not show or hide the register sheet',
  unreadableRows: (n) =>
    `${n === 1 ? 'One row' : `${n} rows`} of the register could not be read (see Findings). ${n === 1 ? 'It is' : 'They are'} kept as ${n === 1 ? 'it is' : 'they are'} when you save, after the other rows. Enter ${n === 1 ? 'it' : 'them'} again here with Add a project or Add a source; to be rid of ${n === 1 ? 'it' : 'them'}, export the register and import the file again (the import replaces the whole register).`,

  proposalHeading: 'Proposed project register',
  proposalIntro:
    'The proposal is made from the budget and the financing. Check the kind of each line and source, and change it where the guess is wrong. The rest can be filled in afterwards.',
  proposalEmpty: 'No budget lines or sources were found to propose.',
  proposalNotes: 'Notes on the proposal',
  entriesHeading: 'Budget lines',
  sourcesHeading: 'Funding sources',
  kindFor: (name) => `Kind of «${name}»`,
  idFor: (name) => `Id of «${name}»`,
  placeholderIds:
    'The project numbers P1, P2 … are placeholders. Replace them with the project numbers of the plan (for example 1.1a).',
  entryKind: { project: 'Project', operations: 'Operations' },
  sourceKind: { own: 'Own', external: 'External', memo: 'Memo row (sum of own sources)' },
  entryGuess: (reason, cell) =>
    `${reason === 'operationsLabel' ? 'Guessed operations: the name looks like an operations line' : 'Guessed project'} (${cell})`,
  sourceGuess: (reason, cell) =>
    `${
      reason === 'groupHeader'
        ? 'Guessed external: a header above earmarked rows'
        : reason === 'memoRow'
          ? 'Guessed memo row: stands after the sum row'
          : 'Guessed own: a row of its own with an amount'
    } (${cell})`,
  saveProposal: 'Save the project register',

  projectsHeading: 'Projects and budget lines',
  searchLabel: 'Search the register',
  searchHint: 'Id, name, budget line or alias',
  shown: (shown, total) => (shown === total ? `${total} in all` : `Showing ${shown} of ${total}`),
  noMatches: 'No matches.',
  emptyTable: 'None yet.',
  addEntry: 'Add a project',
  addSource: 'Add a source',
  edit: 'Edit',
  editWhat: (name) => `Edit «${name}»`,
  remove: 'Delete',
  removeWhat: (name) => `Delete «${name}»`,
  contributionSummary: (amount, basis) => `NOK ${amount} ${basis}`,
  workOnly: 'contributes work',
  budgetLineSummary: (line) => `budget line «${line}»`,
  aliasesSummary: (aliases) => `aliases: ${aliases.join(', ')}`,

  deleteTitle: (name) => `Delete «${name}»?`,
  deleteBody:
    'The row is removed from the project register in the workbook, and the workbook is reconciled again.',
  confirmDelete: 'Delete',
  cancel: 'Cancel',

  newEntry: 'New project',
  editEntry: (name) => `Edit «${name}»`,
  newSource: 'New funding source',
  editSource: (name) => `Edit the source «${name}»`,
  field: formLabels(REGISTER_FIELD_LABELS.en, {
    id: 'project number',
    contribution: 'NOK',
    aliases: 'other names',
  }),
  contributionHint:
    'For example 200 000 or kr 1.500.000. Empty when the council contributes work, not money.',
  idHint: 'For example 1.1a. Must be unique.',
  basisNone: '(none – no money contribution)',
  basisOption: { 'per år': 'per year (per år)', totalt: 'in total (totalt)' },
  noBudgetLine: '(no budget line)',
  notInBudget: (line) => `${line} (not in the budget)`,
  listItem: {
    partners: (n) => `Partner ${n}`,
    goals: (n) => `Goal ${n}`,
    aliases: (n) => `Alias ${n}`,
  },
  addItem: { partners: 'Add a partner', goals: 'Add a goal', aliases: 'Add an alias' },
  removeItem: {
    partners: (n) => `Remove partner ${n}`,
    goals: (n) => `Remove goal ${n}`,
    aliases: (n) => `Remove alias ${n}`,
  },
  emptyList: 'None.',
  removeShort: 'Remove',
  save: 'Save',
  saving: 'Saving …',
  formErrors: (n) =>
    `The form has ${n === 1 ? 'one error' : `${n} errors`}. Correct ${n === 1 ? 'it' : 'them'} and save again.`,
  draftKept: 'Your changes are not saved, but kept in the form.',
  changedKept:
    'The register in the workbook changed after you opened it (perhaps by a co-author), so nothing was saved. Your changes are kept in the form: read the register again, then save again.',
  changedRedo:
    'The register in the workbook changed after you opened it (perhaps by a co-author), so nothing was saved. Read the register again, then make your change again.',
  reread: 'Read the register again',

  ioHeading: 'Import and export',
  exportJson: 'Export as JSON',
  exportCsv: 'Export as CSV',
  exportFileName: 'project-register',
  exported: (fileName) => `Downloaded «${fileName}».`,
  importLabel: 'Import from a file (.json or .csv)',
  importFailed: (fileName) => `Could not import «${fileName}»`,
  importNothingWritten: 'Nothing was saved. Correct these errors in the file and try again:',
  importUnreadable: 'The file could not be read as text.',
  importConfirmTitle: (fileName) => `Import «${fileName}»?`,
  importConfirmBody: (entries, sources, replaces) =>
    `The file has ${entries} ${entries === 1 ? 'project or budget line' : 'projects and budget lines'} and ${sources} ${sources === 1 ? 'source' : 'sources'}. ${replaces ? 'They replace the whole project register in the workbook.' : 'They become the project register of the workbook.'}`,
  importConfirm: 'Import',

  addAlias: (target) => `Add as alias of «${target}»`,

  writing: 'Saving the project register …',
  written: (c) => {
    switch (c.kind) {
      case 'create':
        return `The project register was created with ${c.entries} ${c.entries === 1 ? 'line' : 'lines'} and ${c.sources} ${c.sources === 1 ? 'source' : 'sources'}.`;
      case 'import':
        return `Imported ${c.entries} ${c.entries === 1 ? 'line' : 'lines'} and ${c.sources} ${c.sources === 1 ? 'source' : 'sources'} into the project register.`;
      case 'save':
        return `«${c.name}» was saved in the project register.`;
      case 'delete':
        return `«${c.name}» was deleted from the project register.`;
      case 'plan':
        return `The action plan was read: ${c.entries} ${c.entries === 1 ? 'entry' : 'entries'} and ${c.sources} ${c.sources === 1 ? 'source' : 'sources'} in the project register${c.sheets.length > 0 ? `, and the sheets ${quotedList(c.sheets, 'and')}` : ''}.`;
      case 'alias':
        return `«${c.label}» was added as an alias of «${c.target}».`;
    }
  },
  writeFailed: 'Could not save the project register',
};

const NB_PLAN: PlanStrings = {
  open: 'Les inn handlingsplanen',
  heading: 'Handlingsplanen',
  loading: 'Laster leseren for handlingsplanen …',
  viewFailed: 'Kunne ikke laste leseren for handlingsplanen',
  intro:
    'Velg handlingsplanen som Word-dokument (.docx) eller tekst (.txt), slipp filen her, eller lim inn teksten. Ingenting skrives før du har sett over det som ble lest.',
  fileLabel: 'Handlingsplan (.docx eller .txt)',
  dropHint: 'Slipp handlingsplanen her',
  pasteLabel: 'Eller lim inn teksten fra handlingsplanen',
  readPasted: 'Les teksten',
  pastedName: 'Teksten',
  reading: 'Leser handlingsplanen …',
  refusedTitle: 'Kunne ikke lese handlingsplanen',
  readFailed: (fileName) => `${fileName} kunne ikke leses.`,
  found: (projects, sources, uncertain) =>
    `Fant ${projects} ${projects === 1 ? 'prosjekt' : 'prosjekter'} og ${sources} ${sources === 1 ? 'kilde' : 'kilder'}. ${uncertain === 0 ? 'Ingen felt er usikre.' : `${uncertain} ${uncertain === 1 ? 'felt er usikkert og merket' : 'felt er usikre og merket'} «usikker».`}`,
  projectsHeading: 'Prosjekter',
  sourcesHeading: 'Kilder',
  budgetHeading: 'Budsjett',
  financingHeading: 'Finansiering',
  unreadHeading: 'Dette kunne ikke leses sikkert',
  uncertain: 'usikker',
  uncertainCount: (n) => `${n} usikre felt`,
  where: (f) =>
    f.line !== undefined
      ? `linje ${f.line}`
      : `avsnitt ${(f.paragraph ?? f.block) + 1}${f.row !== undefined ? `, rad ${f.row + 1}` : ''}`,
  sourceText: (text) => `Fra dokumentet: «${text}»`,
  notInDocument: 'Står ikke i dokumentet',
  sourceReason: {
    groupHeader: 'gruppeoverskrift med øremerkede rader',
    addsUpToMemo: 'summerer til memoposten',
    memoRow: 'rad etter summen',
    councilName: 'rådets navn',
    undecided: 'kunne ikke avgjøres: satt til ekstern, kontroller',
  },
  rowRole: {
    line: 'post',
    source: 'kilde',
    groupHeader: 'gruppe',
    earmark: 'øremerket',
    sum: 'sum',
    memo: 'memopost',
  },
  tiedToProject: (id) => `prosjekt ${id}`,
  tiedToOperations: 'drift',
  notTied: 'ikke knyttet',
  labelColumn: 'Rad',
  roleColumn: 'Type',
  yearColumn: (year) => (year === null ? 'Uten år' : String(year)),
  noTable: 'Fant ingen slik tabell.',
  editToggle: 'Rediger registeret før det skrives',
  diffHeading: 'Endringer mot registeret i arbeidsboken',
  diffIntro:
    'Velg hvilke endringer som skal tas med. Det som ikke er valgt, og rader som bare finnes i arbeidsboken, blir stående som de er.',
  diffStatus: { new: 'Ny', changed: 'Endret', unchanged: 'Uendret', onlyInWorkbook: 'Bare i arbeidsboken' },
  diffCounts: (c) =>
    `${c.new} nye, ${c.changed} endrede, ${c.unchanged} uendrede, ${c.onlyInWorkbook} bare i arbeidsboken.`,
  take: (name) => `Ta med ${name}`,
  fieldsChanged: (fields) => `Endret: ${fields.join(', ')}`,
  keptNote: 'Blir stående.',
  writePlan: (sheets, existing) =>
    `${existing ? 'Skriver de valgte endringene i prosjektregisteret' : 'Skriver prosjektregisteret (skjult)'}${sheets.length > 0 ? ` og arkene ${quotedList(sheets, 'og')}` : ''}, og avstemmer arbeidsboken.`,
  write: 'Skriv registeret og arkene, og avstem',
  writeTaken: (n) => `Ta med ${n} ${n === 1 ? 'endring' : 'endringer'}, og avstem`,
  nothingToTake: 'Ingen endringer er valgt.',
  another: 'Les en annen handlingsplan',
  close: 'Lukk',
};

const EN_PLAN: PlanStrings = {
  open: 'Read the action plan',
  heading: 'The action plan',
  loading: 'Loading the action plan reader …',
  viewFailed: 'Could not load the action plan reader',
  intro:
    'Choose the action plan as a Word document (.docx) or text (.txt), drop the file here, or paste its text. Nothing is written before you have looked over what was read.',
  fileLabel: 'Action plan (.docx or .txt)',
  dropHint: 'Drop the action plan here',
  pasteLabel: 'Or paste the text of the action plan',
  readPasted: 'Read the text',
  pastedName: 'The text',
  reading: 'Reading the action plan …',
  refusedTitle: 'Could not read the action plan',
  readFailed: (fileName) => `${fileName} could not be read.`,
  found: (projects, sources, uncertain) =>
    `Found ${projects} ${projects === 1 ? 'project' : 'projects'} and ${sources} ${sources === 1 ? 'source' : 'sources'}. ${uncertain === 0 ? 'No field is uncertain.' : `${uncertain} ${uncertain === 1 ? 'field is' : 'fields are'} uncertain, marked «uncertain».`}`,
  projectsHeading: 'Projects',
  sourcesHeading: 'Sources',
  budgetHeading: 'Budget',
  financingHeading: 'Financing',
  unreadHeading: 'What could not be read with certainty',
  uncertain: 'uncertain',
  uncertainCount: (n) => `${n} uncertain ${n === 1 ? 'field' : 'fields'}`,
  where: (f) =>
    f.line !== undefined
      ? `line ${f.line}`
      : `paragraph ${(f.paragraph ?? f.block) + 1}${f.row !== undefined ? `, row ${f.row + 1}` : ''}`,
  sourceText: (text) => `From the document: «${text}»`,
  notInDocument: 'Not in the document',
  sourceReason: {
    groupHeader: 'group header with earmarked rows',
    addsUpToMemo: 'adds up to the memo row',
    memoRow: 'row after the sum',
    councilName: "the council's name",
    undecided: 'could not be decided: set to external, please check',
  },
  rowRole: {
    line: 'line',
    source: 'source',
    groupHeader: 'group',
    earmark: 'earmarked',
    sum: 'sum',
    memo: 'memo row',
  },
  tiedToProject: (id) => `project ${id}`,
  tiedToOperations: 'operations',
  notTied: 'not tied',
  labelColumn: 'Row',
  roleColumn: 'Kind',
  yearColumn: (year) => (year === null ? 'No year' : String(year)),
  noTable: 'No such table found.',
  editToggle: 'Edit the register before it is written',
  diffHeading: "Changes against the workbook's register",
  diffIntro:
    'Choose the changes to take. What is not chosen, and rows only in the workbook, stay as they are.',
  diffStatus: {
    new: 'New',
    changed: 'Changed',
    unchanged: 'Unchanged',
    onlyInWorkbook: 'Only in the workbook',
  },
  diffCounts: (c) =>
    `${c.new} new, ${c.changed} changed, ${c.unchanged} unchanged, ${c.onlyInWorkbook} only in the workbook.`,
  take: (name) => `Take ${name}`,
  fieldsChanged: (fields) => `Changed: ${fields.join(', ')}`,
  keptNote: 'Stays as it is.',
  writePlan: (sheets, existing) =>
    `${existing ? 'Writes the chosen changes into the project register' : 'Writes the project register (hidden)'}${sheets.length > 0 ? ` and the sheets ${quotedList(sheets, 'and')}` : ''}, then reconciles the workbook.`,
  write: 'Write the register and the sheets, and reconcile',
  writeTaken: (n) => `Take ${n} ${n === 1 ? 'change' : 'changes'}, and reconcile`,
  nothingToTake: 'No change is chosen.',
  another: 'Read another action plan',
  close: 'Close',
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
    password: 'Arket er beskyttet med passord',
    conflict: 'En tabell ville dekke sammenslåtte celler',
    changed: 'Prosjektregisteret er endret av noen andre',
    readOnly: 'Avstemmingsloggen kan ikke skrives',
    logChanged: 'Avstemmingsloggen ble endret samtidig',
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
      'Excel viser ikke celler på et skjult ark. Vis arket i Excel (høyreklikk på en arkfane → Vis), og velg cellen igjen. (Celler i prosjektregisteret åpnes i registeret her i ruten.)',
    accessDenied: 'Arket eller arbeidsboken er beskyttet. Opphev beskyttelsen, og prøv igjen.',
    password:
      'Noen har beskyttet arket med et passord, så tillegget kan ikke endre det. Opphev beskyttelsen i Excel (Se gjennom → Opphev arkbeskyttelse), og prøv igjen.',
    conflict:
      'Excel kan ikke legge en tabell over sammenslåtte celler eller en annen tabell. Ingenting ble endret. Avstem på nytt, og prøv igjen.',
    changed:
      'Registeret i arbeidsboken er endret siden du åpnet det (kanskje av en medforfatter). Ingenting ble lagret. Avstem på nytt for å lese det inn, og gjør endringen igjen.',
    logChanged:
      'Noen andre skrev i avstemmingsloggen samtidig med deg (en medforfatter). Ingenting gikk tapt, men det du lagret kom kanskje ikke med. Prøv igjen.',
    readOnly:
      'Avstemmingsloggen (arket Avstemmingslogg) er laget av en nyere versjon av tillegget, eller inneholder noe denne versjonen ikke forstår. Den leses, men skrives ikke, så ingenting går tapt. Ingenting ble lagret. Oppdater tillegget.',
    busy: 'Excel er opptatt, forbindelsen ble brutt, eller Excel meldte en intern feil. Vent litt, og prøv igjen.',
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
  ownNotComputed: 'Egne kilder ikke beregnet',
  notComputedNoRegister: NOT_COMPUTED_NO_REGISTER.nb,
  findingsHeading: 'Funn',
  noFindings: 'Ingen funn.',
  cellsLabel: 'Celler',
  goToCell: (ref) => `Vis ${ref} i arbeidsboken`,
  openInRegister: (what, ref) => `Åpne «${what}» i prosjektregisteret (${ref})`,
  openRegisterAt: (ref) => `Åpne prosjektregisteret (${ref})`,
  nonMoneyHeading: 'Prosjekter uten pengebidrag (bidrar med arbeid)',

  insertHeading: 'Sett inn i arbeidsboken',
  insertNote: {
    desktop:
      'Når tillegget setter inn ark, tømmes angreloggen i Excel: det du gjorde før, kan ikke angres etterpå. Setter du inn på nytt, erstattes arket som ble satt inn tidligere.',
    web: 'Setter du inn på nytt, erstattes arket som ble satt inn tidligere, og da tømmes angreloggen i Excel: det du gjorde før, kan ikke angres etterpå. Vil du fjerne et innsatt ark, slett det (Ctrl+Z angrer bare siste steg av en innsetting).',
  },
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
  cardProjectHint:
    'Kortet legges til på arket med prosjektkort, og kortene som alt er der, blir stående. Prosjektkort setter inn kort for alle prosjektene.',
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

  reg: NB_REGISTER,
  plan: NB_PLAN,
  review: REVIEW_STRINGS.nb,
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
    password: 'The sheet is protected with a password',
    conflict: 'A table would cover merged cells',
    changed: 'Someone else changed the project register',
    readOnly: 'The review log cannot be written',
    logChanged: 'The review log was changed at the same time',
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
      'Excel does not show cells on a hidden sheet. Unhide the sheet in Excel (right-click a sheet tab → Unhide), then choose the cell again. (Cells in the project register open in the register, here in the pane.)',
    accessDenied: 'The sheet or workbook is protected. Unprotect it and try again.',
    password:
      'Someone protected the sheet with a password, so the add-in cannot change it. Unprotect it in Excel (Review → Unprotect Sheet) and try again.',
    conflict:
      'Excel cannot put a table over merged cells or another table. Nothing was changed. Reconcile again and try again.',
    changed:
      'The register in the workbook changed after you opened it (perhaps by a co-author). Nothing was saved. Reconcile again to read it, then make your change again.',
    logChanged:
      'Someone else wrote to the review log at the same moment (a co-author). Nothing was lost, but what you saved may not be in it. Try again.',
    readOnly:
      'The review log (the sheet Avstemmingslogg) was made by a newer version of the add-in, or holds something this version does not understand. It is read but not written, so nothing is lost. Nothing was saved. Update the add-in.',
    busy: 'Excel is busy, the connection dropped, or Excel reported an internal error. Wait a moment and try again.',
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
  ownNotComputed: 'Own sources not computed',
  notComputedNoRegister: NOT_COMPUTED_NO_REGISTER.en,
  findingsHeading: 'Findings',
  noFindings: 'No findings.',
  cellsLabel: 'Cells',
  goToCell: (ref) => `Show ${ref} in the workbook`,
  openInRegister: (what, ref) => `Open «${what}» in the project register (${ref})`,
  openRegisterAt: (ref) => `Open the project register (${ref})`,
  nonMoneyHeading: 'Projects without a money contribution (work only)',

  insertHeading: 'Insert into the workbook',
  insertNote: {
    desktop:
      'Inserting sheets clears Excel’s undo history: what you did before cannot be undone afterwards. Inserting again replaces the sheet inserted earlier.',
    web: 'Inserting again replaces the sheet inserted earlier, and that clears Excel’s undo history: what you did before cannot be undone afterwards. To remove an inserted sheet, delete it (Ctrl+Z undoes only the last step of an insert).',
  },
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
  cardProjectHint:
    'The card is added to the project cards sheet; the cards already there stay. Project cards inserts every project’s card.',
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

  reg: EN_REGISTER,
  plan: EN_PLAN,
  review: REVIEW_STRINGS.en,
};

/** «a», «b» or «c» */
function orList(names: readonly string[], or: string): string {
  return quotedList(names, or);
}

export const STRINGS: Catalog<Strings> = { nb: NB, en: EN };
