/**
 * Why a plan file is refused, in bokmål or English: one line naming the file
 * and what to do. No Node built-ins: the pane shows the same lines.
 */
import type { Catalog, Lang } from '../domain/messages';
import type { PackageErrorReason } from '../xlsx/package/guard';

export type PlanInputReason = PackageErrorReason | 'not-plan';

/** Per reason: the line for `path`; `detail` is the reader's (`ole`, `xlsx`). */
type PlanInputText = Readonly<Record<PlanInputReason, (path: string, detail?: string) => string>>;

const NB: PlanInputText = {
  'not-plan': (path) =>
    `${path} ser ikke ut som en handlingsplan: fant ingen nummererte prosjektoverskrifter (som «1.1 Navn»)`,
  'not-zip': (path, detail) =>
    detail === 'ole'
      ? `${path} er et passordbeskyttet dokument eller en gammel .doc-fil: lagre det som .docx uten passord først`
      : `${path} er ikke et Word-dokument (.docx): lagre det som .docx eller ren tekst (.txt) først`,
  'not-workbook': (path, detail) =>
    `${path} er en zip-fil, men ikke et Word-dokument${detail === 'xlsx' ? ' (det er en arbeidsbok)' : ''}`,
  encrypted: (path) => `${path} er passordbeskyttet eller kryptert: lagre det uten passord først`,
  damaged: (path) => `${path} er skadet og kan ikke leses`,
  'zip-bomb': (path) => `${path} avvises: en del pakker seg ut til langt mer enn den oppgir (en «zip-bombe»)`,
  dtd: (path) =>
    `${path} avvises: dokumentet har en dokumenttypedeklarasjon (kan brukes til entitetsutvidelse)`,
  'too-large': (path) => `${path} er for stor til å leses`,
  timeout: (path) => `${path} tok for lang tid å lese`,
};

const EN: PlanInputText = {
  'not-plan': (path) =>
    `${path} does not look like an action plan: no numbered project headings (such as "1.1 Name") found`,
  'not-zip': (path, detail) =>
    detail === 'ole'
      ? `${path} is a password-protected document or an old .doc file: save it as .docx without a password first`
      : `${path} is not a Word document (.docx): save it as .docx or plain text (.txt) first`,
  'not-workbook': (path, detail) =>
    `${path} is a zip file but not a Word document${detail === 'xlsx' ? ' (it is a workbook)' : ''}`,
  encrypted: (path) => `${path} is password-protected or encrypted: save it without a password first`,
  damaged: (path) => `${path} is damaged and cannot be read`,
  'zip-bomb': (path) => `${path} is refused: a part unpacks to far more than it declares (a zip bomb)`,
  dtd: (path) => `${path} is refused: the document declares a document type (used for entity expansion)`,
  'too-large': (path) => `${path} is too large to read`,
  timeout: (path) => `${path} took too long to read`,
};

const PLAN_INPUT_TEXT: Catalog<PlanInputText> = { nb: NB, en: EN };

export function planInputMessage(reason: PlanInputReason, path: string, lang: Lang, detail?: string): string {
  return PLAN_INPUT_TEXT[lang][reason](path, detail);
}
