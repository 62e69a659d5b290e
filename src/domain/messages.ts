import { formatNok, type Ore } from './amount';
import type { Finding, FindingCode, FindingParams, Severity } from './findings';
import { QUOTE_MAX, nameList, quote, shorten } from './shorten';

export type Lang = 'nb' | 'en';

/** What every output says for a figure that needs the project register when there is none (reconcile/notComputed.ts). */
export const NOT_COMPUTED_NO_REGISTER: Readonly<Record<Lang, string>> = {
  nb: 'ikke beregnet: ingen prosjektregister',
  en: 'not computed: no project register',
};

/** Bokmål for Norwegian (nb, nn, no), English otherwise. */
export function langFromLocale(locale: string | undefined | null): Lang {
  const l = (locale ?? '').toLowerCase();
  return /^(nb|nn|no)([-_.@]|$)/.test(l) ? 'nb' : 'en';
}

type Text = (f: Finding, kr: (o: Ore | undefined) => string) => string;

const q = quote;
/**
 * SHEET_MISSING's list of the sheets that do exist: a bounded number of names; none when another
 * finding of the run lists them already (both sheets missing).
 */
const sheetList = (f: Finding, lang: Lang) => {
  const sheets = f.params.sheets;
  if (sheets === undefined) return '';
  const more = (n: number) => (lang === 'nb' ? `… og ${n} til` : `… and ${n} more`);
  const list = sheets.length === 0 ? (lang === 'nb' ? 'ingen' : 'none') : nameList(sheets, more);
  return lang === 'nb' ? ` Arkene i boken: ${list}.` : ` Sheets in the workbook: ${list}.`;
};
const yearPart = (f: Finding, lang: Lang) =>
  f.year === undefined ? '' : lang === 'nb' ? ` i ${f.year}` : ` in ${f.year}`;
const suggestion = (f: Finding, lang: Lang) =>
  f.suggestion ? (lang === 'nb' ? ` Mente du ${q(f.suggestion)}?` : ` Did you mean ${q(f.suggestion)}?`) : '';

const REASONS: Record<Lang, Record<string, string>> = {
  nb: {
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
  en: {
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

const reason = (f: Finding, lang: Lang) => REASONS[lang][f.params.reason ?? ''] ?? f.params.reason ?? '';

const NB: Record<FindingCode, Text> = {
  SHEET_MISSING: (f) =>
    `Finner ikke ${f.params.role === 'financing' ? 'finansieringsarket' : 'budsjettarket'} ${
      f.params.name !== undefined
        ? q(f.params.name)
        : f.params.role === 'financing'
          ? '(et ark som heter «Finansiering», «Finansieringsplan», «Financing» eller «Funding», eller begynner med et av dem)'
          : '(et ark som heter «Budsjett» eller «Budget», eller begynner med et av dem)'
    }.${sheetList(f, 'nb')}`,
  TABLE_NOT_FOUND: (f) =>
    f.params.reason === 'noYear'
      ? `Året ${f.year} finnes ikke i planen (år: ${(f.params.sheets ?? []).join(', ') || 'ingen'}).`
      : f.params.reason === 'amountWithoutYear'
        ? `Arket ${q(f.params.sheet)} har en beløpskolonne (${q(f.params.label)}), men ikke noe år: skriv året i en tittel over tabellen (f.eks. «Budsjett 2014»), i overskriften til tekstkolonnen eller i arkets navn.`
        : f.params.reason === 'otherYear'
          ? `Arket ${q(f.params.sheet)} er for ${f.year ?? '?'}, men tabellen der har ${f.params.text ?? '?'}, som leses fra ${q(f.params.name)}: ingen beløp er lest fra arket.`
          : f.params.reason === 'noLabelColumn'
            ? `Arket ${q(f.params.sheet)} har årskolonner, men ingen kolonne med tekster til venstre for dem.`
            : `Arket ${q(f.params.sheet)} har ingen tabell med en tekstkolonne og en beløpskolonne per år (f.eks. «Budsjett 2010»).`,
  REGISTER_MISSING: () =>
    `Arbeidsboken har ikke noe prosjektregister (skjult ark «Prosjektregister»). Kontroller mot registeret er ikke gjort.`,
  REGISTER_INVALID: (f) =>
    f.params.reason === 'newerVersion'
      ? `Prosjektregisteret har formatversjon ${f.params.text}, nyere enn dette tillegget kan lese. Registeret er ikke brukt og ikke endret.`
      : f.params.reason === 'noTable'
        ? `Prosjektregisteret mangler tabellen ${q(f.params.name)}.`
        : f.params.reason === 'missingColumn'
          ? `Tabellen ${q(f.params.name)} i prosjektregisteret mangler kolonnen ${q(f.params.field)}.`
          : `Ugyldig rad i ${q(f.params.name)}${f.projectId ? ` (prosjekt ${f.projectId})` : ''}: ${q(f.params.field)} – ${reason(f, 'nb')}${f.params.text ? ` (${q(f.params.text)})` : ''}.`,
  DUPLICATE_ID: (f) =>
    `Prosjekt-id ${f.projectId ?? ''} er brukt flere ganger: ${q(f.params.name)} og ${q(f.params.other)}.`,
  AMOUNT_AS_TEXT: (f) =>
    `Beløpet ${q(f.params.text)}${f.params.label ? ` for ${q(f.params.label)}` : ''} er lagret som tekst; lest som et tall.`,
  AMOUNT_INVALID: (f) =>
    `Beløpet ${q(f.params.text)}${f.params.label ? ` for ${q(f.params.label)}` : ''} kan ikke leses: ${reason(f, 'nb')}. Regnet som 0.`,
  SUM_MISMATCH: (f, kr) =>
    `Summen i ${q(f.params.sheet)}${yearPart(f, 'nb')} er oppgitt til ${kr(f.actual)}, men radene summerer til ${kr(f.expected)} (avvik ${kr(f.difference)}).`,
  UNBALANCED: (f, kr) =>
    `Budsjett og finansiering går ikke i balanse${yearPart(f, 'nb')}: budsjett ${kr(f.expected)}, finansiering ${kr(f.actual)} (avvik ${kr(f.difference)}).`,
  UNKNOWN_LINE: (f) =>
    f.params.reason === 'afterSum'
      ? `Raden ${q(f.params.label)} står etter sumraden og er ikke en kjent memopost.${suggestion(f, 'nb')}`
      : `Budsjettposten ${q(f.params.label)} finnes ikke i prosjektregisteret.${suggestion(f, 'nb')}`,
  UNKNOWN_EARMARK: (f) =>
    f.params.reason === 'noBudgetLine'
      ? `Øremerket finansiering ${q(f.params.label)} fra ${q(f.params.source)} gjelder prosjekt ${f.projectId ?? ''} som ikke har noen budsjettpost.`
      : `Øremerket finansiering ${q(f.params.label)} fra ${q(f.params.source)} peker ikke på noen budsjettpost.${suggestion(f, 'nb')}`,
  UNKNOWN_SOURCE: (f) =>
    f.params.reason === 'afterSum'
      ? `Raden ${q(f.params.label)} står etter sumraden og er ikke en kjent memopost.${suggestion(f, 'nb')}`
      : `Finansieringskilden ${q(f.params.label)} finnes ikke i prosjektregisteret.${suggestion(f, 'nb')}`,
  OVERFINANCED: (f, kr) =>
    `${q(f.params.label)} er overfinansiert${yearPart(f, 'nb')}: øremerket ${kr(f.actual)}, budsjett ${kr(f.expected)} (for mye ${kr(f.difference)}).`,
  CONTRIBUTION_MISMATCH: (f, kr) =>
    `Prosjekt ${f.projectId ?? ''} ${q(f.params.name)}: egenfinansiert ${kr(f.actual)}${yearPart(f, 'nb')}, men lovet ${kr(f.expected)}${f.params.reason === 'total' ? ' totalt' : ' per år'} (avvik ${kr(f.difference)}).`,
  NO_BUDGET_LINE: (f, kr) =>
    `Prosjekt ${f.projectId ?? ''} ${q(f.params.name)} er lovet ${kr(f.expected)}, men har ingen budsjettpost.`,
  OWN_FUNDING_MISMATCH: (f, kr) =>
    `Egenfinansiert sum${yearPart(f, 'nb')} er ${kr(f.actual)}, men egne kilder gir ${kr(f.expected)} (avvik ${kr(f.difference)}).`,
  MEMO_MISMATCH: (f, kr) =>
    `Memoposten ${q(f.params.label)}${yearPart(f, 'nb')} er ${kr(f.actual)}, men egne kilder summerer til ${kr(f.expected)} (avvik ${kr(f.difference)}).`,
  YEAR_OVER_YEAR: (f, kr) =>
    f.params.reason === 'noRegister'
      ? `Eget bidrag ${f.year}: ${NOT_COMPUTED_NO_REGISTER.nb} (mot ${kr(f.expected)} i ${f.params.earlierYear ?? '?'}).`
      : `${f.params.role === 'budget' ? 'Budsjett' : 'Eget bidrag'} ${f.year}: ${kr(f.actual)} mot ${kr(f.expected)} i ${f.params.earlierYear ?? '?'}: ${signed(f.difference, kr)}${f.params.percent === undefined ? '' : ` (${signedPercent(f.params.percent, 'nb')})`}.`,
};

const EN: Record<FindingCode, Text> = {
  SHEET_MISSING: (f) =>
    `Cannot find the ${f.params.role === 'financing' ? 'financing' : 'budget'} sheet ${
      f.params.name !== undefined
        ? q(f.params.name)
        : f.params.role === 'financing'
          ? '(a sheet named «Financing», «Funding», «Finansiering» or «Finansieringsplan», or starting with one of them)'
          : '(a sheet named «Budget» or «Budsjett», or starting with one of them)'
    }.${sheetList(f, 'en')}`,
  TABLE_NOT_FOUND: (f) =>
    f.params.reason === 'noYear'
      ? `Year ${f.year} is not in the plan (years: ${(f.params.sheets ?? []).join(', ') || 'none'}).`
      : f.params.reason === 'amountWithoutYear'
        ? `Sheet ${q(f.params.sheet)} has an amount column (${q(f.params.label)}) but no year: write the year in a title above the table (e.g. «Budsjett 2014»), in the label column's header, or in the sheet's name.`
        : f.params.reason === 'otherYear'
          ? `Sheet ${q(f.params.sheet)} is for ${f.year ?? '?'}, but its table has ${f.params.text ?? '?'}, which is read from ${q(f.params.name)}: no amount was read from this sheet.`
          : f.params.reason === 'noLabelColumn'
            ? `Sheet ${q(f.params.sheet)} has year columns but no column of labels to their left.`
            : `Sheet ${q(f.params.sheet)} has no table with a label column and an amount column per year (e.g. «Budsjett 2010»).`,
  REGISTER_MISSING: () =>
    `The workbook has no project register (hidden sheet «Prosjektregister»). Checks against the register were not made.`,
  REGISTER_INVALID: (f) =>
    f.params.reason === 'newerVersion'
      ? `The project register has format version ${f.params.text}, newer than this add-in can read. The register was neither used nor changed.`
      : f.params.reason === 'noTable'
        ? `The project register lacks the table ${q(f.params.name)}.`
        : f.params.reason === 'missingColumn'
          ? `Table ${q(f.params.name)} of the project register lacks the column ${q(f.params.field)}.`
          : `Invalid row in ${q(f.params.name)}${f.projectId ? ` (project ${f.projectId})` : ''}: ${q(f.params.field)} – ${reason(f, 'en')}${f.params.text ? ` (${q(f.params.text)})` : ''}.`,
  DUPLICATE_ID: (f) =>
    `Project id ${f.projectId ?? ''} is used more than once: ${q(f.params.name)} and ${q(f.params.other)}.`,
  AMOUNT_AS_TEXT: (f) =>
    `The amount ${q(f.params.text)}${f.params.label ? ` for ${q(f.params.label)}` : ''} is stored as text; read as a number.`,
  AMOUNT_INVALID: (f) =>
    `The amount ${q(f.params.text)}${f.params.label ? ` for ${q(f.params.label)}` : ''} cannot be read: ${reason(f, 'en')}. Counted as 0.`,
  SUM_MISMATCH: (f, kr) =>
    `The sum in ${q(f.params.sheet)}${yearPart(f, 'en')} is stated as ${kr(f.actual)}, but the rows add up to ${kr(f.expected)} (difference ${kr(f.difference)}).`,
  UNBALANCED: (f, kr) =>
    `Budget and financing do not balance${yearPart(f, 'en')}: budget ${kr(f.expected)}, financing ${kr(f.actual)} (difference ${kr(f.difference)}).`,
  UNKNOWN_LINE: (f) =>
    f.params.reason === 'afterSum'
      ? `Row ${q(f.params.label)} stands after the sum row and is not a known memo row.${suggestion(f, 'en')}`
      : `Budget line ${q(f.params.label)} is not in the project register.${suggestion(f, 'en')}`,
  UNKNOWN_EARMARK: (f) =>
    f.params.reason === 'noBudgetLine'
      ? `Earmarked financing ${q(f.params.label)} from ${q(f.params.source)} is for project ${f.projectId ?? ''}, which has no budget line.`
      : `Earmarked financing ${q(f.params.label)} from ${q(f.params.source)} names no budget line.${suggestion(f, 'en')}`,
  UNKNOWN_SOURCE: (f) =>
    f.params.reason === 'afterSum'
      ? `Row ${q(f.params.label)} stands after the sum row and is not a known memo row.${suggestion(f, 'en')}`
      : `Funding source ${q(f.params.label)} is not in the project register.${suggestion(f, 'en')}`,
  OVERFINANCED: (f, kr) =>
    `${q(f.params.label)} is over-financed${yearPart(f, 'en')}: earmarked ${kr(f.actual)}, budget ${kr(f.expected)} (excess ${kr(f.difference)}).`,
  CONTRIBUTION_MISMATCH: (f, kr) =>
    `Project ${f.projectId ?? ''} ${q(f.params.name)}: own-funded ${kr(f.actual)}${yearPart(f, 'en')}, but promised ${kr(f.expected)}${f.params.reason === 'total' ? ' in total' : ' per year'} (difference ${kr(f.difference)}).`,
  NO_BUDGET_LINE: (f, kr) =>
    `Project ${f.projectId ?? ''} ${q(f.params.name)} is promised ${kr(f.expected)} but has no budget line.`,
  OWN_FUNDING_MISMATCH: (f, kr) =>
    `Own-funded total${yearPart(f, 'en')} is ${kr(f.actual)}, but own sources bring ${kr(f.expected)} (difference ${kr(f.difference)}).`,
  MEMO_MISMATCH: (f, kr) =>
    `Memo row ${q(f.params.label)}${yearPart(f, 'en')} is ${kr(f.actual)}, but own sources add up to ${kr(f.expected)} (difference ${kr(f.difference)}).`,
  YEAR_OVER_YEAR: (f, kr) =>
    f.params.reason === 'noRegister'
      ? `Own contribution ${f.year}: ${NOT_COMPUTED_NO_REGISTER.en} (against ${kr(f.expected)} in ${f.params.earlierYear ?? '?'}).`
      : `${f.params.role === 'budget' ? 'Budget' : 'Own contribution'} ${f.year}: ${kr(f.actual)} against ${kr(f.expected)} in ${f.params.earlierYear ?? '?'}: ${signed(f.difference, kr)}${f.params.percent === undefined ? '' : ` (${signedPercent(f.params.percent, 'en')})`}.`,
};

function signed(o: Ore | undefined, kr: (o: Ore | undefined) => string): string {
  return o !== undefined && o > 0 ? `+${kr(o)}` : kr(o);
}

function signedPercent(p: number, lang: Lang): string {
  const s = (p > 0 ? '+' : '') + (lang === 'nb' ? String(p).replace('.', ',') : String(p));
  return `${s} %`;
}

/** The finding's message in the UI language; text from the workbook or register is quoted shortened. */
export function describe(f: Finding, lang: Lang): string {
  const kr = (o: Ore | undefined) => (o === undefined ? '?' : `${formatNok(o, lang)} kr`);
  return (lang === 'nb' ? NB : EN)[f.code](quotable(f), kr);
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

export const SEVERITY_LABEL: Record<Lang, Record<Severity, string>> = {
  nb: { error: 'Feil', warning: 'Advarsler', info: 'Til informasjon' },
  en: { error: 'Errors', warning: 'Warnings', info: 'For information' },
};
