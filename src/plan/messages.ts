/**
 * Why a plan file is refused, in bokmål or English: one line naming the file
 * and what to do. No Node built-ins: the pane shows the same lines.
 */
import type { Lang } from '../domain/messages';
import type { PackageErrorReason } from '../xlsx/package/guard';

export type PlanInputReason = PackageErrorReason | 'not-plan';

export function planInputMessage(reason: PlanInputReason, path: string, lang: Lang, detail?: string): string {
  const nb = lang === 'nb';
  switch (reason) {
    case 'not-plan':
      return nb
        ? `${path} ser ikke ut som en handlingsplan: fant ingen nummererte prosjektoverskrifter (som «1.1 Navn»)`
        : `${path} does not look like an action plan: no numbered project headings (such as "1.1 Name") found`;
    case 'not-zip':
      if (detail === 'ole')
        return nb
          ? `${path} er et passordbeskyttet dokument eller en gammel .doc-fil: lagre det som .docx uten passord først`
          : `${path} is a password-protected document or an old .doc file: save it as .docx without a password first`;
      return nb
        ? `${path} er ikke et Word-dokument (.docx): lagre det som .docx eller ren tekst (.txt) først`
        : `${path} is not a Word document (.docx): save it as .docx or plain text (.txt) first`;
    case 'not-workbook':
      return nb
        ? `${path} er en zip-fil, men ikke et Word-dokument${detail === 'xlsx' ? ' (det er en arbeidsbok)' : ''}`
        : `${path} is a zip file but not a Word document${detail === 'xlsx' ? ' (it is a workbook)' : ''}`;
    case 'encrypted':
      return nb
        ? `${path} er passordbeskyttet eller kryptert: lagre det uten passord først`
        : `${path} is password-protected or encrypted: save it without a password first`;
    case 'damaged':
      return nb ? `${path} er skadet og kan ikke leses` : `${path} is damaged and cannot be read`;
    case 'zip-bomb':
      return nb
        ? `${path} avvises: en del pakker seg ut til langt mer enn den oppgir (en «zip-bombe»)`
        : `${path} is refused: a part unpacks to far more than it declares (a zip bomb)`;
    case 'dtd':
      return nb
        ? `${path} avvises: dokumentet har en dokumenttypedeklarasjon (kan brukes til entitetsutvidelse)`
        : `${path} is refused: the document declares a document type (used for entity expansion)`;
    case 'too-large':
      return nb ? `${path} er for stor til å leses` : `${path} is too large to read`;
    case 'timeout':
      return nb ? `${path} tok for lang tid å lese` : `${path} took too long to read`;
  }
}
