/**
 * Why a workbook file is refused, in the user's language: one line naming
 * the file and what to do. Shared by the CLI and the preview page (no Node
 * built-ins here).
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
  const d = detail ? ` (${oneLine(detail)})` : '';
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
