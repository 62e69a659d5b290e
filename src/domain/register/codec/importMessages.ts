/**
 * What an import error says, in bokmål and English: one catalog per language, so that a message
 * missing in either is a type error. `importErrorMessage` gives the sentence the pane lists,
 * `importErrorDetail` the part after `FILE:LINE:` that the CLI prints.
 */
import type { Lang } from '../../messages';
import { quote as q } from '../../shorten';
import { FORMAT_VERSION_KEY, PROJECTS_TABLE, REGISTER_FORMAT_VERSION, SOURCES_TABLE } from '../types';
import type { ImportError, ImportErrorReason, JsonSyntaxReason } from './importErrors';

/** The reasons of code `shape`: the file's structure is not the register's. */
type ShapeReason = Extract<
  ImportErrorReason,
  | 'notString'
  | 'notObject'
  | 'notArray'
  | 'notNumber'
  | 'notValue'
  | 'unknownKey'
  | 'duplicateKey'
  | 'extraCell'
  | 'emptyHeader'
  | 'duplicateHeader'
  | 'reservedHeader'
  | 'missingSection'
  | 'duplicateSection'
  | 'outsideSection'
>;

interface ImportTexts {
  readonly line: (line: number) => string;
  readonly field: (key: string) => string;
  /** `problem` from `jsonSyntax`; the column where it is, when known. */
  readonly notJson: (problem: string, column: number | undefined) => string;
  /** `text`: the offending characters, quoted, or ''. */
  readonly jsonSyntax: Readonly<Record<JsonSyntaxReason, (text: string) => string>>;
  readonly unclosedQuote: string;
  readonly afterQuote: (text: string) => string;
  readonly newerVersion: (version: string) => string;
  readonly missingVersion: string;
  readonly invalidVersion: (text: string) => string;
  readonly missingColumn: (table: string, column: string) => string;
  readonly unknownKind: (text: string, kinds: string) => string;
  readonly rangeConflict: (text: string) => string;
  readonly negativeRange: (text: string) => string;
  readonly notAmount: (text: string) => string;
  readonly basisMissing: string;
  readonly basisInvalid: (text: string) => string;
  readonly required: string;
  readonly duplicateId: (text: string) => string;
  readonly listSeparator: (text: string) => string;
  readonly emptyListItem: string;
  /** `text`: the key, header or table, quoted; `table`: the line's table, quoted. */
  readonly shape: Readonly<Record<ShapeReason, (text: string, table: string) => string>>;
  readonly unexpected: (text: string) => string;
}

const NB: ImportTexts = {
  line: (line) => `Linje ${line}`,
  field: (key) => `felt ${key}`,
  notJson: (problem, column) =>
    `filen er ikke gyldig JSON: ${problem}${column === undefined ? '' : ` (tegn ${column} på linjen)`}.`,
  jsonSyntax: {
    empty: () => 'filen er tom',
    unexpectedEnd: () => 'filen slutter for tidlig',
    unexpectedSymbol: (t) => `uventet tegn ${t}`,
    comment: () => 'JSON kan ikke ha kommentarer',
    trailingComma: () => 'et komma står foran en avsluttende parentes',
    keyExpected: (t) => `her må det stå en nøkkel i doble anførselstegn, ikke ${t}`,
    valueExpected: (t) => `her må det stå en verdi, ikke ${t}`,
    colonExpected: (t) => `«:» mangler foran ${t}`,
    commaExpected: (t) => `«,» mangler foran ${t}`,
    afterEnd: (t) => `${t} står etter slutten av dokumentet`,
    badNumber: (t) => `${t} er ikke et gyldig tall`,
    unclosedString: () => 'en tekst avsluttes aldri (manglende «"» før linjeskiftet)',
    badEscape: (t) => `ugyldig escape-sekvens i en tekst ${t}`,
    controlCharacter: () => 'et kontrolltegn (som tabulator) står i en tekst',
  },
  unclosedQuote: 'et felt i anførselstegn avsluttes aldri (manglende «"»).',
  afterQuote: (t) => `filen kan ikke leses som CSV: tegn etter et avsluttende «"»${t ? ` (${t})` : ''}.`,
  newerVersion: (v) =>
    `formatversjon ${v} er nyere enn dette tillegget kan lese (${REGISTER_FORMAT_VERSION}). Ingenting er importert.`,
  missingVersion: `formatversjon mangler; filen må begynne med «${FORMAT_VERSION_KEY}».`,
  invalidVersion: (t) => `${t} er ikke en formatversjon (et helt tall fra 1).`,
  missingColumn: (table, column) => `tabellen ${table} mangler kolonnen ${column}.`,
  unknownKind: (t, kinds) => `${t} er ikke en gyldig type (${kinds}).`,
  rangeConflict: (t) => `beløpet ${t} stemmer ikke med intervallet i contributionRange.`,
  negativeRange: (t) => `${t}: et intervall kan ikke ha negative beløp, og min må være høyst max.`,
  notAmount: (t) => `${t} er ikke et beløp.`,
  basisMissing: 'grunnlag («per år» eller «totalt») mangler, men et beløp er oppgitt.',
  basisInvalid: (t) => `${t} er ikke et gyldig grunnlag («per år» eller «totalt»).`,
  required: 'feltet må fylles ut.',
  duplicateId: (t) => `${t} er brukt før.`,
  listSeparator: (t) => `listeelementet ${t} inneholder «;», som skiller elementene.`,
  emptyListItem: 'listen har et tomt element.',
  shape: {
    notString: () => 'verdien må være en tekst.',
    notObject: () => 'her må det stå et objekt ({ … }).',
    notArray: () => 'her må det stå en liste ([ … ]).',
    notNumber: () => 'verdien må være et tall.',
    notValue: () => 'en ekstra kolonne kan bare ha tekst, tall, sann/usann eller null.',
    unknownKey: (t) => `ukjent nøkkel ${t}.`,
    duplicateKey: (t) => `nøkkelen ${t} står to ganger.`,
    extraCell: (t) => `cellen ${t} står utenfor tabellens kolonner.`,
    emptyHeader: () => 'en kolonneoverskrift er tom.',
    duplicateHeader: (t) => `kolonnen ${t} står to ganger.`,
    reservedHeader: (t, table) => `${t} kan ikke brukes som navn på en ekstra kolonne i ${table}.`,
    missingSection: (t) => `tabellen ${t} mangler (en linje med bare ${t}, så overskriftene).`,
    duplicateSection: (t) => `tabellen ${t} står to ganger.`,
    outsideSection: () => `linjen står før tabellene ${q(PROJECTS_TABLE)} og ${q(SOURCES_TABLE)}.`,
  },
  unexpected: (t) => `uventet innhold${t ? ` ${t}` : ''}.`,
};

const EN: ImportTexts = {
  line: (line) => `Line ${line}`,
  field: (key) => `field ${key}`,
  notJson: (problem, column) =>
    `the file is not valid JSON: ${problem}${column === undefined ? '' : ` (character ${column} of the line)`}.`,
  jsonSyntax: {
    empty: () => 'the file is empty',
    unexpectedEnd: () => 'the file ends too early',
    unexpectedSymbol: (t) => `unexpected character ${t}`,
    comment: () => 'JSON cannot have comments',
    trailingComma: () => 'a comma stands before a closing bracket',
    keyExpected: (t) => `a key in double quotes is expected here, not ${t}`,
    valueExpected: (t) => `a value is expected here, not ${t}`,
    colonExpected: (t) => `«:» is missing before ${t}`,
    commaExpected: (t) => `«,» is missing before ${t}`,
    afterEnd: (t) => `${t} stands after the end of the document`,
    badNumber: (t) => `${t} is not a valid number`,
    unclosedString: () => 'a string is never closed (a «"» is missing before the line break)',
    badEscape: (t) => `a bad escape sequence in a string ${t}`,
    controlCharacter: () => 'a control character (such as a tab) stands inside a string',
  },
  unclosedQuote: 'a quoted field is never closed (missing «"»).',
  afterQuote: (t) => `the file cannot be read as CSV: characters after a closing «"»${t ? ` (${t})` : ''}.`,
  newerVersion: (v) =>
    `format version ${v} is newer than this add-in can read (${REGISTER_FORMAT_VERSION}). Nothing was imported.`,
  missingVersion: `the format version is missing; the file must start with «${FORMAT_VERSION_KEY}».`,
  invalidVersion: (t) => `${t} is not a format version (a whole number from 1).`,
  missingColumn: (table, column) => `table ${table} lacks the column ${column}.`,
  unknownKind: (t, kinds) => `${t} is not a valid kind (${kinds}).`,
  rangeConflict: (t) => `the amount ${t} does not agree with the range in contributionRange.`,
  negativeRange: (t) => `${t}: a range cannot have negative amounts, and min must be at most max.`,
  notAmount: (t) => `${t} is not an amount.`,
  basisMissing: 'basis («per år» or «totalt») is missing, but an amount is given.',
  basisInvalid: (t) => `${t} is not a valid basis («per år» or «totalt»).`,
  required: 'the field must be filled in.',
  duplicateId: (t) => `${t} is used before.`,
  listSeparator: (t) => `the list item ${t} contains «;», which separates the items.`,
  emptyListItem: 'the list has an empty item.',
  shape: {
    notString: () => 'the value must be a string.',
    notObject: () => 'an object ({ … }) is expected here.',
    notArray: () => 'a list ([ … ]) is expected here.',
    notNumber: () => 'the value must be a number.',
    notValue: () => 'an extra column can only hold text, a number, true/false or null.',
    unknownKey: (t) => `unknown key ${t}.`,
    duplicateKey: (t) => `the key ${t} is given twice.`,
    extraCell: (t) => `the cell ${t} stands outside the table's columns.`,
    emptyHeader: () => 'a column header is empty.',
    duplicateHeader: (t) => `the column ${t} is given twice.`,
    reservedHeader: (t, table) => `${t} cannot name an extra column of ${table}.`,
    missingSection: (t) => `the table ${t} is missing (a line with just ${t}, then the headers).`,
    duplicateSection: (t) => `the table ${t} is given twice.`,
    outsideSection: () => `the line stands before the tables ${q(PROJECTS_TABLE)} and ${q(SOURCES_TABLE)}.`,
  },
  unexpected: (t) => `unexpected content${t ? ` ${t}` : ''}.`,
};

const TEXTS: Readonly<Record<Lang, ImportTexts>> = { nb: NB, en: EN };

const SHAPE_REASONS: ReadonlySet<string> = new Set<ShapeReason>(Object.keys(NB.shape) as ShapeReason[]);
const isShapeReason = (r: ImportErrorReason | undefined): r is ShapeReason =>
  r !== undefined && SHAPE_REASONS.has(r);

const JSON_REASONS: ReadonlySet<string> = new Set(Object.keys(NB.jsonSyntax));
const isJsonReason = (r: ImportErrorReason | undefined): r is JsonSyntaxReason =>
  r !== undefined && JSON_REASONS.has(r);

function body(e: ImportError, T: ImportTexts): string {
  const text = q(e.text);
  switch (e.code) {
    case 'notJson': {
      const reason = isJsonReason(e.reason) ? e.reason : 'unexpectedSymbol';
      return T.notJson(T.jsonSyntax[reason](e.text ? text : ''), e.column);
    }
    case 'notCsv':
      return e.reason === 'unclosedQuote' ? T.unclosedQuote : T.afterQuote(e.text ? text : '');
    case 'formatVersion':
      if (e.reason === 'newer') return T.newerVersion(e.text ?? '');
      if (e.reason === 'missing') return T.missingVersion;
      return T.invalidVersion(text);
    case 'missingColumn':
      return T.missingColumn(q(tableName(e)), q(e.field));
    case 'unknownKind':
      return T.unknownKind(text, e.table === 'sources' ? 'own, external, memo' : 'project, operations');
    case 'amount':
      if (e.reason === 'rangeConflict') return T.rangeConflict(text);
      if (e.reason === 'negative') return T.negativeRange(text);
      return T.notAmount(text);
    case 'basis':
      return e.reason === 'missing' ? T.basisMissing : T.basisInvalid(text);
    case 'required':
      return T.required;
    case 'duplicateId':
      return T.duplicateId(text);
    case 'badList':
      return e.reason === 'separator' ? T.listSeparator(text) : T.emptyListItem;
    case 'shape':
      return isShapeReason(e.reason)
        ? T.shape[e.reason](text, q(tableName(e)))
        : T.unexpected(e.text ? text : '');
  }
}

function tableName(e: ImportError): string {
  return e.table === 'sources' ? SOURCES_TABLE : PROJECTS_TABLE;
}

/** The error without its line: `felt contribution: «abc» er ikke et beløp.` (for `FILE:LINE: …`). */
export function importErrorDetail(e: ImportError, lang: Lang): string {
  const T = TEXTS[lang];
  return (e.field ? `${T.field(e.field)}: ` : '') + body(e, T);
}

/** E.g. `Linje 7, felt contribution: «abc» er ikke et beløp.` */
export function importErrorMessage(e: ImportError, lang: Lang): string {
  const line = TEXTS[lang].line(e.line);
  return e.field ? `${line}, ${importErrorDetail(e, lang)}` : `${line}: ${importErrorDetail(e, lang)}`;
}
