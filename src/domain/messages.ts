/**
 * The findings' messages in bokmål and English, and what every text catalog of the code base is
 * built on: `Lang`, and `Catalog<T>`, one object per language, so that the type checker proves
 * both languages complete. Code picks a catalog with `CATALOG[lang]` and never compares `lang`
 * to choose between two wordings.
 */
import { formatNok, type Ore } from './amount';
import type { Finding, FindingCode, FindingParams, Severity } from './findings';
import { QUOTE_MAX, nameList, quote, shorten } from './shorten';

export type Lang = 'nb' | 'en';

/** Texts in every language: `T` is the catalog's interface (parametrised texts are functions). */
export type Catalog<T> = Readonly<Record<Lang, T>>;

/** `nb` or `en`, as a command-line option or a URL parameter says it. */
export function isLang(value: unknown): value is Lang {
  return value === 'nb' || value === 'en';
}

/** What every output says for a figure that needs the project register when there is none (reconcile/notComputed.ts). */
export const NOT_COMPUTED_NO_REGISTER: Catalog<string> = {
  nb: 'ikke beregnet: ingen prosjektregister',
  en: 'not computed: no project register',
};

/** What follows a list of names cut short (`nameList` in shorten.ts): `… og 188 til`. */
export const REST_OF_LIST: Catalog<(count: number) => string> = {
  nb: (n) => `… og ${n} til`,
  en: (n) => `… and ${n} more`,
};

/** Bokmål for Norwegian (nb, nn, no), English otherwise. */
export function langFromLocale(locale: string | undefined | null): Lang {
  const l = (locale ?? '').toLowerCase();
  return /^(nb|nn|no)([-_.@]|$)/.test(l) ? 'nb' : 'en';
}

type Text = (f: Finding, kr: (o: Ore | undefined) => string) => string;

/** Why a value or a register row could not be read (`params.reason` of AMOUNT_INVALID, REGISTER_INVALID). */
type ValueReason =
  | 'noResult'
  | 'range'
  | 'error'
  | 'text'
  | 'missingName'
  | 'missingId'
  | 'unknownKind'
  | 'missingKind'
  | 'notANumber'
  | 'unknownBasis'
  | 'missingBasis';

/** The pieces several finding texts of one language share. */
interface Phrases {
  /** ` i 2010`: after a figure, when the finding has a year. */
  readonly inYear: (year: number) => string;
  readonly didYouMean: (suggestion: string) => string;
  /** SHEET_MISSING's list of the sheets that do exist. */
  readonly sheetsInBook: (list: string) => string;
  /** What follows a list cut short: `… og 188 til`. */
  readonly more: (count: number) => string;
  readonly noSheets: string;
  /** In a percentage: `2,2` or `2.2`. */
  readonly decimalSeparator: string;
  readonly reasons: Readonly<Record<ValueReason, string>>;
}

/**
 * SHEET_MISSING's list of the sheets that do exist: a bounded number of names; none when another
 * finding of the run lists them already (both sheets missing).
 */
const sheetList = (f: Finding, w: Phrases) => {
  const sheets = f.params.sheets;
  if (sheets === undefined) return '';
  return w.sheetsInBook(sheets.length === 0 ? w.noSheets : nameList(sheets, w.more));
};
const yearPart = (f: Finding, w: Phrases) => (f.year === undefined ? '' : w.inYear(f.year));
const suggestion = (f: Finding, w: Phrases) => (f.suggestion ? w.didYouMean(quote(f.suggestion)) : '');

const NB_PHRASES: Phrases = {
  inYear: (year) => ` i ${year}`,
  didYouMean: (s) => ` Mente du ${s}?`,
  sheetsInBook: (list) => ` Arkene i boken: ${list}.`,
  more: REST_OF_LIST.nb,
  noSheets: 'ingen',
  decimalSeparator: ',',
  reasons: {
    noResult: 'formelen har ingen beregnet verdi',
    range: 'et intervall er ikke et beløp',
    error: 'cellen har en feilverdi',
    text: 'teksten kan ikke leses som et beløp',
    missingName: 'navn mangler',
    missingId: 'id mangler',
    unknownKind: 'ukjent type',
    missingKind: 'type mangler',
    notANumber: 'ikke et tall',
    unknownBasis: 'grunnlag må være «per år» eller «totalt»',
    missingBasis: 'grunnlag mangler; «per år» er brukt',
  },
};

const EN_PHRASES: Phrases = {
  inYear: (year) => ` in ${year}`,
  didYouMean: (s) => ` Did you mean ${s}?`,
  sheetsInBook: (list) => ` Sheets in the workbook: ${list}.`,
  more: REST_OF_LIST.en,
  noSheets: 'none',
  decimalSeparator: '.',
  reasons: {
    noResult: 'the formula has no calculated value',
    range: 'a range is not an amount',
    error: 'the cell holds an error value',
    text: 'the text cannot be read as an amount',
    missingName: 'name is missing',
    missingId: 'id is missing',
    unknownKind: 'unknown kind',
    missingKind: 'kind is missing',
    notANumber: 'not a number',
    unknownBasis: 'basis must be «per år» or «totalt»',
    missingBasis: 'basis is missing; «per år» was assumed',
  },
};

/** The reason in words; one the catalog does not know is shown as it is. */
const reason = (f: Finding, w: Phrases): string => {
  const r = f.params.reason ?? '';
  return Object.prototype.hasOwnProperty.call(w.reasons, r) ? w.reasons[r as ValueReason] : r;
};

type FindingTexts = Readonly<Record<FindingCode, Text>>;

const NB: FindingTexts = {
  SHEET_MISSING: (f) =>
    `Finner ikke ${f.params.role === 'financing' ? 'finansieringsarket' : 'budsjettarket'} ${
      f.params.name !== undefined
        ? quote(f.params.name)
        : f.params.role === 'financing'
          ? '(et ark som heter «Finansiering», «Finansieringsplan», «Financing» eller «Funding», eller begynner med et av dem)'
          : '(et ark som heter «Budsjett» eller «Budget», eller begynner med et av dem)'
    }.${sheetList(f, NB_PHRASES)}`,
  TABLE_NOT_FOUND: (f) =>
    f.params.reason === 'noYear'
      ? `Året ${f.year} finnes ikke i planen (år: ${(f.params.sheets ?? []).join(', ') || 'ingen'}).`
      : f.params.reason === 'amountWithoutYear'
        ? `Arket ${quote(f.params.sheet)} har en beløpskolonne (${quote(f.params.label)}), men ikke noe år: skriv året i en tittel over tabellen (f.eks. «Budsjett 2014»), i overskriften til tekstkolonnen eller i arkets navn.`
        : f.params.reason === 'otherYear'
          ? `Arket ${quote(f.params.sheet)} er for ${f.year ?? '?'}, men tabellen der har ${f.params.text ?? '?'}, som leses fra ${quote(f.params.name)}: ingen beløp er lest fra arket.`
          : f.params.reason === 'noLabelColumn'
            ? `Arket ${quote(f.params.sheet)} har årskolonner, men ingen kolonne med tekster til venstre for dem.`
            : `Arket ${quote(f.params.sheet)} har ingen tabell med en tekstkolonne og en beløpskolonne per år (f.eks. «Budsjett 2010»).`,
  REGISTER_MISSING: () =>
    `Arbeidsboken har ikke noe prosjektregister (skjult ark «Prosjektregister»). Kontroller mot registeret er ikke gjort.`,
  REGISTER_INVALID: (f) =>
    f.params.reason === 'newerVersion'
      ? `Prosjektregisteret har formatversjon ${f.params.text}, nyere enn dette tillegget kan lese. Registeret er ikke brukt og ikke endret.`
      : f.params.reason === 'noTable'
        ? `Prosjektregisteret mangler tabellen ${quote(f.params.name)}.`
        : f.params.reason === 'missingColumn'
          ? `Tabellen ${quote(f.params.name)} i prosjektregisteret mangler kolonnen ${quote(f.params.field)}.`
          : `Ugyldig rad i ${quote(f.params.name)}${f.projectId ? ` (prosjekt ${f.projectId})` : ''}: ${quote(f.params.field)} – ${reason(f, NB_PHRASES)}${f.params.text ? ` (${quote(f.params.text)})` : ''}.`,
  DUPLICATE_ID: (f) =>
    `Prosjekt-id ${f.projectId ?? ''} er brukt flere ganger: ${quote(f.params.name)} og ${quote(f.params.other)}.`,
  AMOUNT_AS_TEXT: (f) =>
    `Beløpet ${quote(f.params.text)}${f.params.label ? ` for ${quote(f.params.label)}` : ''} er lagret som tekst; lest som et tall.`,
  AMOUNT_INVALID: (f) =>
    `Beløpet ${quote(f.params.text)}${f.params.label ? ` for ${quote(f.params.label)}` : ''} kan ikke leses: ${reason(f, NB_PHRASES)}. Regnet som 0.`,
  SUM_MISMATCH: (f, kr) =>
    `Summen i ${quote(f.params.sheet)}${yearPart(f, NB_PHRASES)} er oppgitt til ${kr(f.actual)}, men radene summerer til ${kr(f.expected)} (avvik ${kr(f.difference)}).`,
  UNBALANCED: (f, kr) =>
    `Budsjett og finansiering går ikke i balanse${yearPart(f, NB_PHRASES)}: budsjett ${kr(f.expected)}, finansiering ${kr(f.actual)} (avvik ${kr(f.difference)}).`,
  UNKNOWN_LINE: (f) =>
    f.params.reason === 'afterSum'
      ? `Raden ${quote(f.params.label)} står etter sumraden og er ikke en kjent memopost.${suggestion(f, NB_PHRASES)}`
      : `Budsjettposten ${quote(f.params.label)} finnes ikke i prosjektregisteret.${suggestion(f, NB_PHRASES)}`,
  UNKNOWN_EARMARK: (f) =>
    f.params.reason === 'noBudgetLine'
      ? `Øremerket finansiering ${quote(f.params.label)} fra ${quote(f.params.source)} gjelder prosjekt ${f.projectId ?? ''} som ikke har noen budsjettpost.`
      : `Øremerket finansiering ${quote(f.params.label)} fra ${quote(f.params.source)} peker ikke på noen budsjettpost.${suggestion(f, NB_PHRASES)}`,
  UNKNOWN_SOURCE: (f) =>
    f.params.reason === 'afterSum'
      ? `Raden ${quote(f.params.label)} står etter sumraden og er ikke en kjent memopost.${suggestion(f, NB_PHRASES)}`
      : `Finansieringskilden ${quote(f.params.label)} finnes ikke i prosjektregisteret.${suggestion(f, NB_PHRASES)}`,
  OVERFINANCED: (f, kr) =>
    `${quote(f.params.label)} er overfinansiert${yearPart(f, NB_PHRASES)}: øremerket ${kr(f.actual)}, budsjett ${kr(f.expected)} (for mye ${kr(f.difference)}).`,
  CONTRIBUTION_MISMATCH: (f, kr) =>
    `Prosjekt ${f.projectId ?? ''} ${quote(f.params.name)}: egenfinansiert ${kr(f.actual)}${yearPart(f, NB_PHRASES)}, men lovet ${kr(f.expected)}${f.params.reason === 'total' ? ' totalt' : ' per år'} (avvik ${kr(f.difference)}).`,
  NO_BUDGET_LINE: (f, kr) =>
    `Prosjekt ${f.projectId ?? ''} ${quote(f.params.name)} er lovet ${kr(f.expected)}, men har ingen budsjettpost.`,
  OWN_FUNDING_MISMATCH: (f, kr) =>
    `Egenfinansiert sum${yearPart(f, NB_PHRASES)} er ${kr(f.actual)}, men egne kilder gir ${kr(f.expected)} (avvik ${kr(f.difference)}).`,
  MEMO_MISMATCH: (f, kr) =>
    `Memoposten ${quote(f.params.label)}${yearPart(f, NB_PHRASES)} er ${kr(f.actual)}, men egne kilder summerer til ${kr(f.expected)} (avvik ${kr(f.difference)}).`,
  YEAR_OVER_YEAR: (f, kr) =>
    f.params.reason === 'noRegister'
      ? `Eget bidrag ${f.year}: ${NOT_COMPUTED_NO_REGISTER.nb} (mot ${kr(f.expected)} i ${f.params.earlierYear ?? '?'}).`
      : `${f.params.role === 'budget' ? 'Budsjett' : 'Eget bidrag'} ${f.year}: ${kr(f.actual)} mot ${kr(f.expected)} i ${f.params.earlierYear ?? '?'}: ${signed(f.difference, kr)}${f.params.percent === undefined ? '' : ` (${signedPercent(f.params.percent, NB_PHRASES)})`}.`,
};

const EN: FindingTexts = {
  SHEET_MISSING: (f) =>
    `Cannot find the ${f.params.role === 'financing' ? 'financing' : 'budget'} sheet ${
      f.params.name !== undefined
        ? quote(f.params.name)
        : f.params.role === 'financing'
          ? '(a sheet named «Financing», «Funding», «Finansiering» or «Finansieringsplan», or starting with one of them)'
          : '(a sheet named «Budget» or «Budsjett», or starting with one of them)'
    }.${sheetList(f, EN_PHRASES)}`,
  TABLE_NOT_FOUND: (f) =>
    f.params.reason === 'noYear'
      ? `Year ${f.year} is not in the plan (years: ${(f.params.sheets ?? []).join(', ') || 'none'}).`
      : f.params.reason === 'amountWithoutYear'
        ? `Sheet ${quote(f.params.sheet)} has an amount column (${quote(f.params.label)}) but no year: write the year in a title above the table (e.g. «Budsjett 2014»), in the label column's header, or in the sheet's name.`
        : f.params.reason === 'otherYear'
          ? `Sheet ${quote(f.params.sheet)} is for ${f.year ?? '?'}, but its table has ${f.params.text ?? '?'}, which is read from ${quote(f.params.name)}: no amount was read from this sheet.`
          : f.params.reason === 'noLabelColumn'
            ? `Sheet ${quote(f.params.sheet)} has year columns but no column of labels to their left.`
            : `Sheet ${quote(f.params.sheet)} has no table with a label column and an amount column per year (e.g. «Budsjett 2010»).`,
  REGISTER_MISSING: () =>
    `The workbook has no project register (hidden sheet «Prosjektregister»). Checks against the register were not made.`,
  REGISTER_INVALID: (f) =>
    f.params.reason === 'newerVersion'
      ? `The project register has format version ${f.params.text}, newer than this add-in can read. The register was neither used nor changed.`
      : f.params.reason === 'noTable'
        ? `The project register lacks the table ${quote(f.params.name)}.`
        : f.params.reason === 'missingColumn'
          ? `Table ${quote(f.params.name)} of the project register lacks the column ${quote(f.params.field)}.`
          : `Invalid row in ${quote(f.params.name)}${f.projectId ? ` (project ${f.projectId})` : ''}: ${quote(f.params.field)} – ${reason(f, EN_PHRASES)}${f.params.text ? ` (${quote(f.params.text)})` : ''}.`,
  DUPLICATE_ID: (f) =>
    `Project id ${f.projectId ?? ''} is used more than once: ${quote(f.params.name)} and ${quote(f.params.other)}.`,
  AMOUNT_AS_TEXT: (f) =>
    `The amount ${quote(f.params.text)}${f.params.label ? ` for ${quote(f.params.label)}` : ''} is stored as text; read as a number.`,
  AMOUNT_INVALID: (f) =>
    `The amount ${quote(f.params.text)}${f.params.label ? ` for ${quote(f.params.label)}` : ''} cannot be read: ${reason(f, EN_PHRASES)}. Counted as 0.`,
  SUM_MISMATCH: (f, kr) =>
    `The sum in ${quote(f.params.sheet)}${yearPart(f, EN_PHRASES)} is stated as ${kr(f.actual)}, but the rows add up to ${kr(f.expected)} (difference ${kr(f.difference)}).`,
  UNBALANCED: (f, kr) =>
    `Budget and financing do not balance${yearPart(f, EN_PHRASES)}: budget ${kr(f.expected)}, financing ${kr(f.actual)} (difference ${kr(f.difference)}).`,
  UNKNOWN_LINE: (f) =>
    f.params.reason === 'afterSum'
      ? `Row ${quote(f.params.label)} stands after the sum row and is not a known memo row.${suggestion(f, EN_PHRASES)}`
      : `Budget line ${quote(f.params.label)} is not in the project register.${suggestion(f, EN_PHRASES)}`,
  UNKNOWN_EARMARK: (f) =>
    f.params.reason === 'noBudgetLine'
      ? `Earmarked financing ${quote(f.params.label)} from ${quote(f.params.source)} is for project ${f.projectId ?? ''}, which has no budget line.`
      : `Earmarked financing ${quote(f.params.label)} from ${quote(f.params.source)} names no budget line.${suggestion(f, EN_PHRASES)}`,
  UNKNOWN_SOURCE: (f) =>
    f.params.reason === 'afterSum'
      ? `Row ${quote(f.params.label)} stands after the sum row and is not a known memo row.${suggestion(f, EN_PHRASES)}`
      : `Funding source ${quote(f.params.label)} is not in the project register.${suggestion(f, EN_PHRASES)}`,
  OVERFINANCED: (f, kr) =>
    `${quote(f.params.label)} is over-financed${yearPart(f, EN_PHRASES)}: earmarked ${kr(f.actual)}, budget ${kr(f.expected)} (excess ${kr(f.difference)}).`,
  CONTRIBUTION_MISMATCH: (f, kr) =>
    `Project ${f.projectId ?? ''} ${quote(f.params.name)}: own-funded ${kr(f.actual)}${yearPart(f, EN_PHRASES)}, but promised ${kr(f.expected)}${f.params.reason === 'total' ? ' in total' : ' per year'} (difference ${kr(f.difference)}).`,
  NO_BUDGET_LINE: (f, kr) =>
    `Project ${f.projectId ?? ''} ${quote(f.params.name)} is promised ${kr(f.expected)} but has no budget line.`,
  OWN_FUNDING_MISMATCH: (f, kr) =>
    `Own-funded total${yearPart(f, EN_PHRASES)} is ${kr(f.actual)}, but own sources bring ${kr(f.expected)} (difference ${kr(f.difference)}).`,
  MEMO_MISMATCH: (f, kr) =>
    `Memo row ${quote(f.params.label)}${yearPart(f, EN_PHRASES)} is ${kr(f.actual)}, but own sources add up to ${kr(f.expected)} (difference ${kr(f.difference)}).`,
  YEAR_OVER_YEAR: (f, kr) =>
    f.params.reason === 'noRegister'
      ? `Own contribution ${f.year}: ${NOT_COMPUTED_NO_REGISTER.en} (against ${kr(f.expected)} in ${f.params.earlierYear ?? '?'}).`
      : `${f.params.role === 'budget' ? 'Budget' : 'Own contribution'} ${f.year}: ${kr(f.actual)} against ${kr(f.expected)} in ${f.params.earlierYear ?? '?'}: ${signed(f.difference, kr)}${f.params.percent === undefined ? '' : ` (${signedPercent(f.params.percent, EN_PHRASES)})`}.`,
};

function signed(o: Ore | undefined, kr: (o: Ore | undefined) => string): string {
  return o !== undefined && o > 0 ? `+${kr(o)}` : kr(o);
}

function signedPercent(p: number, w: Phrases): string {
  return `${p > 0 ? '+' : ''}${String(p).replace('.', w.decimalSeparator)} %`;
}

const FINDING_TEXT: Catalog<FindingTexts> = { nb: NB, en: EN };

/** The finding's message in the UI language; text from the workbook or register is quoted shortened. */
export function describe(f: Finding, lang: Lang): string {
  const kr = (o: Ore | undefined) => (o === undefined ? '?' : `${formatNok(o, lang)} kr`);
  return FINDING_TEXT[lang][f.code](quotable(f), kr);
}

/**
 * The finding with every text it quotes shortened (`shorten`), so that no message repeats a
 * 30 000-character label: the finding itself keeps the full text for whoever needs the data.
 */
function quotable(f: Finding): Finding {
  const long = (v: unknown) => typeof v === 'string' && v.length > QUOTE_MAX;
  const entries = Object.entries(f.params);
  if (!entries.some(([, v]) => long(v)) && !long(f.projectId) && !long(f.suggestion)) return f;
  const short = Object.fromEntries(entries.map(([k, v]) => [k, typeof v === 'string' ? shorten(v) : v]));
  return {
    ...f,
    params: short as FindingParams,
    ...(f.projectId !== undefined ? { projectId: shorten(f.projectId) } : {}),
    ...(f.suggestion !== undefined ? { suggestion: shorten(f.suggestion) } : {}),
  };
}

export const SEVERITY_LABEL: Catalog<Readonly<Record<Severity, string>>> = {
  nb: { error: 'Feil', warning: 'Advarsler', info: 'Til informasjon' },
  en: { error: 'Errors', warning: 'Warnings', info: 'For information' },
};
