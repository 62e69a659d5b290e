/**
 * Why a workbook file is refused, in the user's language: one line naming
 * the file and what to do. Shared by the CLI and the preview page (no Node
 * built-ins here). The reader's details (a part's name, a figure, a phrase)
 * are put in the same language; a library's own English words never reach
 * a bokmål line.
 */
import type { Lang } from '../domain/messages';
import type { PackageErrorReason } from './package/guard';

export type XlsxInputErrorReason = 'not-found' | 'unreadable' | 'not-xlsx' | PackageErrorReason;

/** Why a file is refused, in words a finance officer can act on. */
export function inputErrorMessage(
  reason: XlsxInputErrorReason,
  path: string,
  lang: Lang,
  detail?: string,
): string {
  const said = detail ? detailIn(oneLine(detail), lang) : '';
  const d = said ? ` (${said})` : '';
  const nb = lang === 'nb';
  switch (reason) {
    case 'not-found':
      return nb ? `Finner ikke filen: ${path}` : `File not found: ${path}`;
    case 'unreadable':
      return nb ? `Kan ikke lese filen: ${path}${d}` : `Cannot read the file: ${path}${d}`;
    case 'not-xlsx':
    case 'not-zip':
      if (detail === 'ole')
        return nb
          ? `${path} er en passordbeskyttet arbeidsbok eller en gammel .xls-fil: lagre den som .xlsx uten passord først`
          : `${path} is a password-protected workbook or an old .xls file: save it as .xlsx without a password first`;
      return nb
        ? `${path} er ikke en .xlsx-arbeidsbok (en annen filtype eller en tom fil)`
        : `${path} is not an .xlsx workbook (another kind of file, or an empty one)`;
    case 'not-workbook':
      if (detail === 'xlsb')
        return nb
          ? `${path} er en binær arbeidsbok (.xlsb): lagre den som .xlsx først`
          : `${path} is a binary workbook (.xlsb): save it as .xlsx first`;
      return nb
        ? `${path} er en zip-fil, men ingen arbeidsbok med ark${d}`
        : `${path} is a zip file but not a workbook with sheets${d}`;
    case 'damaged':
      return nb ? `${path} er skadet og kan ikke leses${d}` : `${path} is damaged and cannot be read${d}`;
    case 'encrypted':
      return nb
        ? `${path} har krypterte deler og kan ikke leses`
        : `${path} has encrypted parts and cannot be read`;
    case 'zip-bomb':
      return nb
        ? `${path} avvises: en del pakker seg ut til langt mer enn den oppgir (en «zip-bombe»)${d}`
        : `${path} is refused: a part unpacks to far more than it declares (a zip bomb)${d}`;
    case 'dtd':
      return nb
        ? `${path} avvises: en XML-del har en dokumenttypedeklarasjon (kan brukes til entitetsutvidelse)${d}`
        : `${path} is refused: an XML part declares a document type (used for entity expansion)${d}`;
    case 'too-large':
      return nb ? `${path} er for stor til å leses${d}` : `${path} is too large to read${d}`;
    case 'timeout':
      return nb
        ? `${path}: lesingen tok for lang tid og ble avbrutt${d}`
        : `${path}: reading took too long and was stopped${d}`;
  }
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** `60 000 000` / `60,000,000`. */
function grouped(digits: string, lang: Lang): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'nb' ? '\u00a0' : ',');
}

/**
 * The phrases the reader puts in a detail (`guard.ts`, `zip.ts`, `sheet.ts`, `readPackage.ts`),
 * each with its bokmål and English wording; `$1`… are the parts kept as they are (a part's name,
 * a cell), `#1`… figures shown grouped.
 */
const DETAILS: readonly (readonly [RegExp, string, string])[] = [
  [/^a folder$/, 'en mappe', 'a folder'],
  [/^no permission$/, 'ingen tilgang', 'no permission'],
  [/^no central directory$/, 'zip-katalogen mangler', 'the zip directory is missing'],
  [/^central directory$/, 'zip-katalogen er skadet', 'the zip directory is damaged'],
  [/^no sheets$/, 'ingen ark', 'no sheets'],
  [/^(\d+) bytes$/, 'mer enn #1 byte', 'more than #1 bytes'],
  [/^(\d+) parts$/, '#1 deler', '#1 parts'],
  [/^(\d+) ms$/, 'etter #1 ms', 'after #1 ms'],
  [
    /^(.+): compression method (\d+)$/,
    '$1: ukjent komprimeringsmetode $2',
    '$1: unknown compression method $2',
  ],
  [/^(.+): row (\d+)$/, '$1: rad $2', '$1: row $2'],
  [/^(.+): cell reference (.+)$/, '$1: cellereferanse $2', '$1: cell reference $2'],
  [/^(.+): more than (\d+) columns$/, '$1: mer enn #2 kolonner', '$1: more than #2 columns'],
  [/^(.+): (\d+) rows × (\d+) columns$/, '$1: #2 rader × #3 kolonner', '$1: #2 rows × #3 columns'],
  [/^(.+): more than (\d+) cells$/, '$1: mer enn #2 celler', '$1: more than #2 cells'],
];

/** A name that reads the same in any language: a part (`xl/worksheets/sheet1.xml`), a cell, a code. */
const NEUTRAL = /^[^\s]+$/;

/**
 * The detail in `lang`: a known phrase translated; else a part's name followed by a library's
 * message (`xl/styles.xml: 3:7: unclosed tag`) keeps the part's name in bokmål and all of it in
 * English; else a name is kept, and other words (English, from a library or a browser) only in
 * English.
 */
function detailIn(detail: string, lang: Lang): string {
  for (const [pattern, nb, en] of DETAILS) {
    const m = pattern.exec(detail);
    if (!m) continue;
    return (lang === 'nb' ? nb : en)
      .replace(/\$(\d)/g, (_, i: string) => m[Number(i)] ?? '')
      .replace(/#(\d)/g, (_, i: string) => grouped(m[Number(i)] ?? '', lang));
  }
  if (lang === 'en' || NEUTRAL.test(detail)) return detail;
  const colon = detail.indexOf(': ');
  const head = colon > 0 ? detail.slice(0, colon) : '';
  return NEUTRAL.test(head) ? head : '';
}
