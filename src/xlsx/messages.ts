/**
 * Why a workbook file is refused, in the user's language: one line naming
 * the file and what to do. Shared by the CLI and the preview page (no Node
 * built-ins here). The reader's details (a part's name, a figure, a phrase)
 * are put in the same language; a library's own English words never reach
 * a bokmål line.
 */
import type { Catalog, Lang } from '../domain/messages';
import type { PackageErrorReason } from './package/guard';

export type XlsxInputErrorReason = 'not-found' | 'unreadable' | 'not-xlsx' | PackageErrorReason;

/**
 * The phrases the reader puts in a detail (`guard.ts`, `zip.ts`, `sheet.ts`, `readPackage.ts`), in
 * the order they are tried. Each language words them in `InputErrorText.details`: `$1`… are the
 * parts kept as they are (a part's name, a cell), `#1`… figures shown grouped.
 */
const DETAIL_PATTERNS = {
  folder: /^a folder$/,
  noPermission: /^no permission$/,
  noDirectory: /^no central directory$/,
  directory: /^central directory$/,
  noSheets: /^no sheets$/,
  bytes: /^(\d+) bytes$/,
  parts: /^(\d+) parts$/,
  ms: /^(\d+) ms$/,
  compression: /^(.+): compression method (\d+)$/,
  row: /^(.+): row (\d+)$/,
  cellReference: /^(.+): cell reference (.+)$/,
  columns: /^(.+): more than (\d+) columns$/,
  size: /^(.+): (\d+) rows × (\d+) columns$/,
  cells: /^(.+): more than (\d+) cells$/,
} as const;

type DetailPhrase = keyof typeof DETAIL_PATTERNS;

/**
 * Per reason: the line for `path`; `said` is the detail in this language, in parentheses after a
 * space (or nothing), `detail` the reader's own (`ole`, `xlsb`).
 */
type Refusal = (path: string, said: string, detail: string | undefined) => string;

interface InputErrorText {
  readonly refusals: Readonly<Record<XlsxInputErrorReason, Refusal>>;
  readonly details: Readonly<Record<DetailPhrase, string>>;
  /** Between thousands in a figure of a detail: `60 000 000`, `60,000,000`. */
  readonly thousands: string;
  /** A detail in words no phrase matches (a library's, a browser's): what of it this language shows. */
  readonly otherDetail: (detail: string) => string;
}

/** A name that reads the same in any language: a part (`xl/worksheets/sheet1.xml`), a cell, a code. */
const NEUTRAL = /^[^\s]+$/;

/**
 * Of a detail in other words, the names only: a part's name followed by a library's message
 * (`xl/styles.xml: 3:7: unclosed tag`) keeps the part's name; a name alone is kept whole.
 */
function namesOnly(detail: string): string {
  if (NEUTRAL.test(detail)) return detail;
  const colon = detail.indexOf(': ');
  const head = colon > 0 ? detail.slice(0, colon) : '';
  return NEUTRAL.test(head) ? head : '';
}

const NB_NOT_XLSX: Refusal = (path, _, detail) =>
  detail === 'ole'
    ? `${path} er en passordbeskyttet arbeidsbok eller en gammel .xls-fil: lagre den som .xlsx uten passord først`
    : `${path} er ikke en .xlsx-arbeidsbok (en annen filtype eller en tom fil)`;

const NB: InputErrorText = {
  refusals: {
    'not-found': (path) => `Finner ikke filen: ${path}`,
    unreadable: (path, said) => `Kan ikke lese filen: ${path}${said}`,
    'not-xlsx': NB_NOT_XLSX,
    'not-zip': NB_NOT_XLSX,
    'not-workbook': (path, said, detail) =>
      detail === 'xlsb'
        ? `${path} er en binær arbeidsbok (.xlsb): lagre den som .xlsx først`
        : `${path} er en zip-fil, men ingen arbeidsbok med ark${said}`,
    damaged: (path, said) => `${path} er skadet og kan ikke leses${said}`,
    encrypted: (path) => `${path} har krypterte deler og kan ikke leses`,
    'zip-bomb': (path, said) =>
      `${path} avvises: en del pakker seg ut til langt mer enn den oppgir (en «zip-bombe»)${said}`,
    dtd: (path, said) =>
      `${path} avvises: en XML-del har en dokumenttypedeklarasjon (kan brukes til entitetsutvidelse)${said}`,
    'too-large': (path, said) => `${path} er for stor til å leses${said}`,
    timeout: (path, said) => `${path}: lesingen tok for lang tid og ble avbrutt${said}`,
  },
  details: {
    folder: 'en mappe',
    noPermission: 'ingen tilgang',
    noDirectory: 'zip-katalogen mangler',
    directory: 'zip-katalogen er skadet',
    noSheets: 'ingen ark',
    bytes: 'mer enn #1 byte',
    parts: '#1 deler',
    ms: 'etter #1 ms',
    compression: '$1: ukjent komprimeringsmetode $2',
    row: '$1: rad $2',
    cellReference: '$1: cellereferanse $2',
    columns: '$1: mer enn #2 kolonner',
    size: '$1: #2 rader × #3 kolonner',
    cells: '$1: mer enn #2 celler',
  },
  thousands: '\u00a0',
  otherDetail: namesOnly,
};

const EN_NOT_XLSX: Refusal = (path, _, detail) =>
  detail === 'ole'
    ? `${path} is a password-protected workbook or an old .xls file: save it as .xlsx without a password first`
    : `${path} is not an .xlsx workbook (another kind of file, or an empty one)`;

const EN: InputErrorText = {
  refusals: {
    'not-found': (path) => `File not found: ${path}`,
    unreadable: (path, said) => `Cannot read the file: ${path}${said}`,
    'not-xlsx': EN_NOT_XLSX,
    'not-zip': EN_NOT_XLSX,
    'not-workbook': (path, said, detail) =>
      detail === 'xlsb'
        ? `${path} is a binary workbook (.xlsb): save it as .xlsx first`
        : `${path} is a zip file but not a workbook with sheets${said}`,
    damaged: (path, said) => `${path} is damaged and cannot be read${said}`,
    encrypted: (path) => `${path} has encrypted parts and cannot be read`,
    'zip-bomb': (path, said) =>
      `${path} is refused: a part unpacks to far more than it declares (a zip bomb)${said}`,
    dtd: (path, said) =>
      `${path} is refused: an XML part declares a document type (used for entity expansion)${said}`,
    'too-large': (path, said) => `${path} is too large to read${said}`,
    timeout: (path, said) => `${path}: reading took too long and was stopped${said}`,
  },
  details: {
    folder: 'a folder',
    noPermission: 'no permission',
    noDirectory: 'the zip directory is missing',
    directory: 'the zip directory is damaged',
    noSheets: 'no sheets',
    bytes: 'more than #1 bytes',
    parts: '#1 parts',
    ms: 'after #1 ms',
    compression: '$1: unknown compression method $2',
    row: '$1: row $2',
    cellReference: '$1: cell reference $2',
    columns: '$1: more than #2 columns',
    size: '$1: #2 rows × #3 columns',
    cells: '$1: more than #2 cells',
  },
  thousands: ',',
  otherDetail: (detail) => detail,
};

const INPUT_ERROR_TEXT: Catalog<InputErrorText> = { nb: NB, en: EN };

/** Why a file is refused, in words a finance officer can act on. */
export function inputErrorMessage(
  reason: XlsxInputErrorReason,
  path: string,
  lang: Lang,
  detail?: string,
): string {
  const t = INPUT_ERROR_TEXT[lang];
  const said = detail ? detailIn(oneLine(detail), t) : '';
  return t.refusals[reason](path, said ? ` (${said})` : '', detail);
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The detail in the catalog's language: a known phrase in its words, else what `otherDetail` keeps. */
function detailIn(detail: string, t: InputErrorText): string {
  for (const [phrase, pattern] of Object.entries(DETAIL_PATTERNS) as [DetailPhrase, RegExp][]) {
    const m = pattern.exec(detail);
    if (!m) continue;
    return t.details[phrase]
      .replace(/\$(\d)/g, (_, i: string) => m[Number(i)] ?? '')
      .replace(/#(\d)/g, (_, i: string) =>
        (m[Number(i)] ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, t.thousands),
      );
  }
  return t.otherDetail(detail);
}
