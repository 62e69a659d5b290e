/**
 * The preview page's own texts (toolbar, grid, errors), in bokmål and English. The task pane
 * brings its own (src/taskpane/strings.ts); the ribbon label is the manifest's (Reconcile.Label).
 */
import type { Catalog, Lang } from '../domain/messages';
import { inputErrorMessage, type XlsxInputErrorReason } from '../xlsx/messages';

export type LoadErrorReason = XlsxInputErrorReason;

export interface PreviewStrings {
  readonly pageTitle: string;
  readonly ribbon: string;
  readonly ribbonReconcile: string;
  readonly ribbonHint: string;
  readonly workbookGroup: string;
  readonly openFile: string;
  readonly fileInputLabel: string;
  readonly reloadSample: string;
  /** The cell editor's accessible name. */
  readonly editCell: (address: string) => string;
  /** Saves the open workbook as an .xlsx file (a download). */
  readonly saveFile: string;
  /** The file name of a saved sample. */
  readonly savedSampleName: string;
  readonly language: string;
  /** The BCP 47 tag `Intl` formats the chart's axis with (`nb-NO`: `2 000 000`). */
  readonly numberLocale: string;
  readonly languageNames: Readonly<Record<Lang, string>>;
  readonly openWorkbook: (name: string | null) => string;
  readonly reading: (name: string) => string;
  readonly dropHint: string;
  readonly dropHere: string;
  readonly loadError: (name: string, reason: LoadErrorReason, detail?: string) => string;
  readonly loadErrorTitle: string;
  readonly dismiss: string;
  readonly workbookRegion: string;
  readonly paneRegion: string;
  readonly sheetTabs: string;
  readonly hidden: string;
  readonly nameBox: string;
  readonly gridCaption: (sheet: string, hidden: boolean) => string;
  readonly rowsShown: (first: number, last: number, total: number) => string;
  readonly emptyWorkbook: string;
  /** A chart's name for a screen reader. */
  readonly chartLabel: (title: string) => string;
}

const NB: PreviewStrings = {
  pageTitle: 'Plan Reconciler – lokal forhåndsvisning',
  ribbon: 'Båndet (Hjem)',
  ribbonReconcile: 'Avstem',
  ribbonHint: 'Kjører båndknappens kommando, som i Excel',
  workbookGroup: 'Arbeidsbok',
  openFile: 'Åpne .xlsx …',
  fileInputLabel: 'Arbeidsbok (.xlsx)',
  reloadSample: 'Last inn eksempelet',
  saveFile: 'Lagre som .xlsx',
  editCell: (address) => `Rediger ${address}`,
  savedSampleName: 'Handlingsplan.xlsx',
  language: 'Språk',
  numberLocale: 'nb-NO',
  languageNames: { nb: 'Norsk bokmål', en: 'English' },
  openWorkbook: (name) => (name === null ? 'Eksempelet (handlingsplan SNR 2010–2011)' : name),
  reading: (name) => `Leser «${name}» …`,
  dropHint: 'eller slipp en .xlsx-fil hvor som helst på siden',
  dropHere: 'Slipp filen for å åpne den',
  loadError: (name, reason, detail) => `${inputErrorMessage(reason, `«${name}»`, 'nb', detail)}.`,
  loadErrorTitle: 'Filen ble ikke åpnet',
  dismiss: 'Lukk',
  workbookRegion: 'Arbeidsboken',
  paneRegion: 'Oppgaveruten',
  sheetTabs: 'Ark',
  hidden: 'skjult',
  nameBox: 'Merket',
  gridCaption: (sheet, hidden) => `Arket ${sheet}${hidden ? ' (skjult)' : ''}`,
  rowsShown: (first, last, total) => `Viser rad ${first}–${last} av ${total}.`,
  emptyWorkbook: 'Arbeidsboken har ingen ark.',
  chartLabel: (title) => `Diagram: ${title}`,
};

const EN: PreviewStrings = {
  pageTitle: 'Plan Reconciler – local preview',
  ribbon: 'Ribbon (Home)',
  ribbonReconcile: 'Reconcile',
  ribbonHint: "Runs the ribbon button's command, as in Excel",
  workbookGroup: 'Workbook',
  openFile: 'Open .xlsx …',
  fileInputLabel: 'Workbook (.xlsx)',
  reloadSample: 'Load the sample',
  saveFile: 'Save as .xlsx',
  editCell: (address) => `Edit ${address}`,
  savedSampleName: 'Action plan.xlsx',
  language: 'Language',
  numberLocale: 'en-US',
  languageNames: { nb: 'Norsk bokmål', en: 'English' },
  openWorkbook: (name) => (name === null ? 'The sample (SNR action plan 2010–2011)' : name),
  reading: (name) => `Reading «${name}» …`,
  dropHint: 'or drop an .xlsx file anywhere on the page',
  dropHere: 'Drop the file to open it',
  loadError: (name, reason, detail) => `${inputErrorMessage(reason, `«${name}»`, 'en', detail)}.`,
  loadErrorTitle: 'The file was not opened',
  dismiss: 'Dismiss',
  workbookRegion: 'The workbook',
  paneRegion: 'Task pane',
  sheetTabs: 'Sheets',
  hidden: 'hidden',
  nameBox: 'Selection',
  gridCaption: (sheet, hidden) => `Sheet ${sheet}${hidden ? ' (hidden)' : ''}`,
  rowsShown: (first, last, total) => `Showing rows ${first}–${last} of ${total}.`,
  emptyWorkbook: 'The workbook has no sheets.',
  chartLabel: (title) => `Chart: ${title}`,
};

export const PREVIEW_STRINGS: Catalog<PreviewStrings> = { nb: NB, en: EN };
