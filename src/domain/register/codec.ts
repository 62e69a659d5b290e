/**
 * The register as a file: JSON and CSV, for export, import and editing
 * outside Excel. Both carry exactly what the register sheet holds (format
 * version, both tables, unknown extra columns), so that
 * `registerFromJson(registerToJson(r))` and `registerFromCsv(registerToCsv(r))`
 * give `r` back. The formats are described in docs/REGISTER.md.
 *
 * Importing never gives a partial register: a file with any bad line is
 * refused with every bad line and field reported.
 */
import { kronerToOre, oreToKroner, parseAmountText, type Ore } from '../amount';
import type { Lang } from '../messages';
import { parseBasis, parseEntryKind, parseSourceKind } from './spellings';
import {
  FORMAT_VERSION_KEY,
  PROJECT_KEYS,
  PROJECTS_TABLE,
  REGISTER_FORMAT_VERSION,
  SOURCE_KEYS,
  SOURCES_TABLE,
  type Basis,
  type ExtraValue,
  type FundingSource,
  type Register,
  type RegisterEntry,
} from './types';
import { quote } from '../shorten';

export type ImportErrorCode =
  | 'notJson'
  | 'notCsv'
  | 'formatVersion'
  | 'missingColumn'
  | 'unknownKind'
  | 'amount'
  | 'basis'
  | 'required'
  | 'duplicateId'
  | 'badList'
  | 'shape';

export interface ImportError {
  /** 1-based line in the file. */
  readonly line: number;
  readonly field?: string;
  readonly code: ImportErrorCode;
  /** The offending text, as found. */
  readonly text?: string;
  /** What exactly is wrong, where a code covers several cases (see `importErrorMessage`). */
  readonly reason?: ImportErrorReason;
  /** The table the line belongs to. */
  readonly table?: 'projects' | 'sources';
}

export type ImportErrorReason =
  | 'missing'
  | 'newer'
  | 'invalid'
  | 'negative'
  | 'rangeConflict'
  | 'notString'
  | 'notObject'
  | 'notArray'
  | 'notNumber'
  | 'notValue'
  | 'unknownKey'
  | 'duplicateKey'
  | 'emptyItem'
  | 'separator'
  | 'extraCell'
  | 'emptyHeader'
  | 'duplicateHeader'
  | 'reservedHeader'
  | 'missingSection'
  | 'duplicateSection'
  | 'outsideSection'
  | 'unclosedQuote'
  | 'afterQuote'
  | 'syntax';

export type ImportResult =
  | { readonly ok: true; readonly register: Register }
  | { readonly ok: false; readonly errors: readonly ImportError[] };

const LIST_SEPARATOR = ';';
/** The CSV's field separator; `;` so that Norwegian Excel opens it in columns. */
const CSV_SEPARATOR = ';';
/**
 * Marks a CSV cell as literal text; stripped on import. A zero-width space:
 * Excel and LibreOffice open a cell that starts with it as text (it is neither
 * a formula sign nor white space, so no number, date or formula is read from
 * it) and show nothing of it. An apostrophe, Excel's prefix when typing, is
 * shown as part of the cell by both when they open a CSV. docs/REGISTER.md
 * has the reasons.
 */
const TEXT_MARK = '\u200B';
/** The mark earlier versions wrote (and what a person typing in a text editor may use): still read. */
const APOSTROPHE_MARK = "'";
/**
 * What Excel's plain "CSV" (Windows-1252, no byte order mark) writes for the
 * mark, which that encoding cannot hold.
 */
const LOST_MARK = '?';
/** A range in CSV: both ends written in full, never abbreviated. */
const RANGE_WORD = 'til';

const KNOWN_KEYS = new Set<string>([...PROJECT_KEYS, ...SOURCE_KEYS]);

// ---------------------------------------------------------------------------
// Messages

const q = quote;

function body(e: ImportError, lang: Lang): string {
  const nb = lang === 'nb';
  const kinds = e.table === 'sources' ? 'own, external, memo' : 'project, operations';
  switch (e.code) {
    case 'notJson':
      return nb
        ? `filen er ikke gyldig JSON${e.text ? ` (${e.text})` : ''}.`
        : `the file is not valid JSON${e.text ? ` (${e.text})` : ''}.`;
    case 'notCsv':
      if (e.reason === 'unclosedQuote')
        return nb
          ? 'et felt i anførselstegn avsluttes aldri (manglende «"»).'
          : 'a quoted field is never closed (missing «"»).';
      return nb
        ? `filen kan ikke leses som CSV: tegn etter et avsluttende «"»${e.text ? ` (${q(e.text)})` : ''}.`
        : `the file cannot be read as CSV: characters after a closing «"»${e.text ? ` (${q(e.text)})` : ''}.`;
    case 'formatVersion':
      if (e.reason === 'newer')
        return nb
          ? `formatversjon ${e.text ?? ''} er nyere enn dette tillegget kan lese (${REGISTER_FORMAT_VERSION}). Ingenting er importert.`
          : `format version ${e.text ?? ''} is newer than this add-in can read (${REGISTER_FORMAT_VERSION}). Nothing was imported.`;
      if (e.reason === 'missing')
        return nb
          ? `formatversjon mangler; filen må begynne med «${FORMAT_VERSION_KEY}».`
          : `the format version is missing; the file must start with «${FORMAT_VERSION_KEY}».`;
      return nb
        ? `${q(e.text)} er ikke en formatversjon (et helt tall fra 1).`
        : `${q(e.text)} is not a format version (a whole number from 1).`;
    case 'missingColumn':
      return nb
        ? `tabellen ${q(tableName(e))} mangler kolonnen ${q(e.field)}.`
        : `table ${q(tableName(e))} lacks the column ${q(e.field)}.`;
    case 'unknownKind':
      return nb
        ? `${q(e.text)} er ikke en gyldig type (${kinds}).`
        : `${q(e.text)} is not a valid kind (${kinds}).`;
    case 'amount':
      if (e.reason === 'rangeConflict')
        return nb
          ? `beløpet ${q(e.text)} stemmer ikke med intervallet i contributionRange.`
          : `the amount ${q(e.text)} does not agree with the range in contributionRange.`;
      if (e.reason === 'negative')
        return nb
          ? `${q(e.text)}: et intervall kan ikke ha negative beløp, og min må være høyst max.`
          : `${q(e.text)}: a range cannot have negative amounts, and min must be at most max.`;
      return nb ? `${q(e.text)} er ikke et beløp.` : `${q(e.text)} is not an amount.`;
    case 'basis':
      if (e.reason === 'missing')
        return nb
          ? 'grunnlag («per år» eller «totalt») mangler, men et beløp er oppgitt.'
          : 'basis («per år» or «totalt») is missing, but an amount is given.';
      return nb
        ? `${q(e.text)} er ikke et gyldig grunnlag («per år» eller «totalt»).`
        : `${q(e.text)} is not a valid basis («per år» or «totalt»).`;
    case 'required':
      return nb ? 'feltet må fylles ut.' : 'the field must be filled in.';
    case 'duplicateId':
      return nb ? `${q(e.text)} er brukt før.` : `${q(e.text)} is used before.`;
    case 'badList':
      return e.reason === 'separator'
        ? nb
          ? `listeelementet ${q(e.text)} inneholder «;», som skiller elementene.`
          : `the list item ${q(e.text)} contains «;», which separates the items.`
        : nb
          ? 'listen har et tomt element.'
          : 'the list has an empty item.';
    case 'shape':
      return shapeBody(e, nb);
  }
}

function tableName(e: ImportError): string {
  return e.table === 'sources' ? SOURCES_TABLE : PROJECTS_TABLE;
}

function shapeBody(e: ImportError, nb: boolean): string {
  const t = e.text;
  switch (e.reason) {
    case 'notString':
      return nb ? 'verdien må være en tekst.' : 'the value must be a string.';
    case 'notObject':
      return nb ? 'her må det stå et objekt ({ … }).' : 'an object ({ … }) is expected here.';
    case 'notArray':
      return nb ? 'her må det stå en liste ([ … ]).' : 'a list ([ … ]) is expected here.';
    case 'notNumber':
      return nb ? 'verdien må være et tall.' : 'the value must be a number.';
    case 'notValue':
      return nb
        ? 'en ekstra kolonne kan bare ha tekst, tall, sann/usann eller null.'
        : 'an extra column can only hold text, a number, true/false or null.';
    case 'unknownKey':
      return nb ? `ukjent nøkkel ${q(t)}.` : `unknown key ${q(t)}.`;
    case 'duplicateKey':
      return nb ? `nøkkelen ${q(t)} står to ganger.` : `the key ${q(t)} is given twice.`;
    case 'extraCell':
      return nb
        ? `cellen ${q(t)} står utenfor tabellens kolonner.`
        : `the cell ${q(t)} stands outside the table's columns.`;
    case 'emptyHeader':
      return nb ? 'en kolonneoverskrift er tom.' : 'a column header is empty.';
    case 'duplicateHeader':
      return nb ? `kolonnen ${q(t)} står to ganger.` : `the column ${q(t)} is given twice.`;
    case 'reservedHeader':
      return nb
        ? `${q(t)} kan ikke brukes som navn på en ekstra kolonne i ${q(tableName(e))}.`
        : `${q(t)} cannot name an extra column of ${q(tableName(e))}.`;
    case 'missingSection':
      return nb
        ? `tabellen ${q(t)} mangler (en linje med bare ${q(t)}, så overskriftene).`
        : `the table ${q(t)} is missing (a line with just ${q(t)}, then the headers).`;
    case 'duplicateSection':
      return nb ? `tabellen ${q(t)} står to ganger.` : `the table ${q(t)} is given twice.`;
    case 'outsideSection':
      return nb
        ? `linjen står før tabellene ${q(PROJECTS_TABLE)} og ${q(SOURCES_TABLE)}.`
        : `the line stands before the tables ${q(PROJECTS_TABLE)} and ${q(SOURCES_TABLE)}.`;
    default:
      return nb ? `uventet innhold${t ? ` ${q(t)}` : ''}.` : `unexpected content${t ? ` ${q(t)}` : ''}.`;
  }
}

/** The error without its line: `felt contribution: «abc» er ikke et beløp.` (for `FILE:LINE: …`). */
export function importErrorDetail(e: ImportError, lang: Lang): string {
  const field = e.field ? (lang === 'nb' ? `felt ${e.field}: ` : `field ${e.field}: `) : '';
  return field + body(e, lang);
}

/** E.g. `Linje 7, felt contribution: «abc» er ikke et beløp.` */
export function importErrorMessage(e: ImportError, lang: Lang): string {
  const line = lang === 'nb' ? `Linje ${e.line}` : `Line ${e.line}`;
  return e.field ? `${line}, ${importErrorDetail(e, lang)}` : `${line}: ${importErrorDetail(e, lang)}`;
}

// ---------------------------------------------------------------------------
// Detecting the format

/** By the file's extension (`.json`, `.csv`/`.txt`), else by its content. */
export function detectFormat(fileName: string, text: string): 'json' | 'csv' {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'json') return 'json';
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return 'csv';
  return /^\uFEFF?\s*[{[]/.test(text) ? 'json' : 'csv';
}

// ---------------------------------------------------------------------------
// Amounts

/** Kroner as the CSV writes them: `200000`, `1234,50`, `-5` (a decimal comma, no grouping). */
function kronerText(ore: Ore): string {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  const kr = Math.floor(abs / 100);
  const rest = abs - kr * 100;
  return `${sign}${kr}${rest === 0 ? '' : `,${String(rest).padStart(2, '0')}`}`;
}

type Contribution = { ore: Ore } | { min: Ore; max: Ore };

/**
 * A contribution as text: an amount the Norwegian way (`200 000`, `kr 1.500.000`,
 * `1234,50`), a range as the register sheet reads it (`ca kr 2-300.000`), or a
 * range with both ends in full (`20000 til 300000`, what the CSV writes).
 */
export function parseContribution(text: string): Contribution | null {
  const t = text.trim();
  const m = /^(.*\S)\s+(?:til|to)\s+(\S.*)$/i.exec(t);
  if (m) {
    const a = parseAmountText(m[1]);
    const b = parseAmountText(m[2]);
    if (a === null || b === null || !('ore' in a) || !('ore' in b)) return null;
    if (a.ore < 0 || a.ore > b.ore) return null;
    return { min: a.ore, max: b.ore };
  }
  const r = parseAmountText(t);
  if (r === null) return null;
  return 'ore' in r ? { ore: r.ore } : { min: r.minOre, max: r.maxOre };
}

/** Øre of a JSON number of kroner, or null when it is not one (more than two decimals, too large). */
function oreOfKroner(kr: number): Ore | null {
  if (!Number.isFinite(kr)) return null;
  const ore = kronerToOre(kr);
  return Number.isSafeInteger(ore) && oreToKroner(ore) === kr ? ore : null;
}

// ---------------------------------------------------------------------------
// Reading rows (shared by JSON and CSV)

/** One value of a row as found in the file. */
type Value =
  | { readonly line: number; readonly csv: true; readonly text: string; readonly marked: boolean }
  | { readonly line: number; readonly csv: false; readonly node: JNode };

interface Row {
  readonly line: number;
  readonly table: 'projects' | 'sources';
  /** Known keys and extra columns; absent keys are missing. */
  readonly values: ReadonlyMap<string, Value>;
  /** Extra columns' values, by header. */
  readonly extras: ReadonlyMap<string, Value>;
}

class Errors {
  readonly list: ImportError[] = [];

  add(e: ImportError): void {
    this.list.push(e);
  }
}

function textOf(row: Row, key: string, errors: Errors): string {
  const v = row.values.get(key);
  if (!v) return '';
  if (v.csv) return v.text.trim();
  const n = v.node;
  if (n.t === 'null') return '';
  if (n.t === 'str') return n.v.trim();
  errors.add({ line: v.line, field: key, code: 'shape', reason: 'notString', table: row.table });
  return '';
}

const NO_ITEMS: readonly string[] = Object.freeze([]);

function splitList(text: string): readonly string[] {
  const items = text
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return items.length === 0 ? NO_ITEMS : items;
}

function listOf(row: Row, key: string, errors: Errors): readonly string[] {
  const v = row.values.get(key);
  if (!v) return NO_ITEMS;
  if (v.csv) return splitList(v.text);
  const n = v.node;
  if (n.t === 'null') return NO_ITEMS;
  if (n.t === 'str') return splitList(n.v);
  if (n.t !== 'arr') {
    errors.add({ line: v.line, field: key, code: 'shape', reason: 'notArray', table: row.table });
    return NO_ITEMS;
  }
  const items: string[] = [];
  for (const item of n.items) {
    if (item.t !== 'str') {
      errors.add({ line: item.line, field: key, code: 'shape', reason: 'notString', table: row.table });
      continue;
    }
    const s = item.v.trim();
    if (s === '')
      errors.add({ line: item.line, field: key, code: 'badList', reason: 'emptyItem', table: row.table });
    else if (s.includes(LIST_SEPARATOR))
      errors.add({
        line: item.line,
        field: key,
        code: 'badList',
        reason: 'separator',
        text: s,
        table: row.table,
      });
    else items.push(s);
  }
  return items.length === 0 ? NO_ITEMS : items;
}

function extraOf(v: Value | undefined, key: string, row: Row, errors: Errors): ExtraValue {
  if (!v) return null;
  if (v.csv) return v.marked ? v.text : decodeCsvValue(v.text);
  const n = v.node;
  switch (n.t) {
    case 'null':
      return null;
    case 'str':
    case 'num':
    case 'bool':
      return n.v;
    default:
      errors.add({ line: v.line, field: key, code: 'shape', reason: 'notValue', table: row.table });
      return null;
  }
}

function extrasOf(row: Row, columns: readonly string[], errors: Errors): Record<string, ExtraValue> {
  return Object.fromEntries(columns.map((h) => [h, extraOf(row.extras.get(h), h, row, errors)]));
}

function contributionOf(row: Row, errors: Errors): { ore: Ore | null; range?: { min: Ore; max: Ore } } {
  const v = row.values.get('contribution');
  let found: { ore: Ore | null; range?: { min: Ore; max: Ore } } = { ore: null };
  const bad = (text: string) =>
    errors.add({ line: v!.line, field: 'contribution', code: 'amount', text, table: row.table });
  if (v) {
    const text = v.csv ? v.text : v.node.t === 'str' ? v.node.v : null;
    if (text !== null) {
      if (text.trim() !== '') {
        const c = parseContribution(text);
        if (c === null) bad(text);
        else found = 'ore' in c ? { ore: c.ore } : { ore: c.min, range: { min: c.min, max: c.max } };
      }
    } else if (!v.csv && v.node.t === 'num') {
      const ore = oreOfKroner(v.node.v);
      if (ore === null) bad(v.node.raw);
      else found = { ore };
    } else if (!v.csv && v.node.t !== 'null') {
      errors.add({
        line: v.line,
        field: 'contribution',
        code: 'shape',
        reason: 'notNumber',
        table: row.table,
      });
    }
  }
  const r = row.values.get('contributionRange');
  if (r && !r.csv && r.node.t !== 'null') {
    const range = rangeOf(r, row, errors);
    if (range) {
      if (found.range && (found.range.min !== range.min || found.range.max !== range.max)) {
        errors.add({
          line: v!.line,
          field: 'contribution',
          code: 'amount',
          reason: 'rangeConflict',
          text: v && !v.csv && v.node.t === 'str' ? v.node.v : '',
          table: row.table,
        });
      } else if (!found.range && found.ore !== null && found.ore !== range.min) {
        errors.add({
          line: v!.line,
          field: 'contribution',
          code: 'amount',
          reason: 'rangeConflict',
          text: kronerText(found.ore),
          table: row.table,
        });
      }
      found = { ore: range.min, range };
    }
  }
  return found;
}

function rangeOf(r: Value & { csv: false }, row: Row, errors: Errors): { min: Ore; max: Ore } | null {
  const n = r.node;
  const field = 'contributionRange';
  if (n.t !== 'obj') {
    errors.add({ line: r.line, field, code: 'shape', reason: 'notObject', table: row.table });
    return null;
  }
  const ends: Partial<Record<'min' | 'max', Ore>> = {};
  let ok = true;
  for (const p of n.props) {
    if (p.key !== 'min' && p.key !== 'max') {
      errors.add({ line: p.line, field, code: 'shape', reason: 'unknownKey', text: p.key, table: row.table });
      ok = false;
      continue;
    }
    const ore = p.value.t === 'num' ? oreOfKroner(p.value.v) : null;
    if (ore === null) {
      errors.add({
        line: p.value.line,
        field: `${field}.${p.key}`,
        code: 'amount',
        text: p.value.t === 'num' ? p.value.raw : jsonText(p.value),
        table: row.table,
      });
      ok = false;
    } else ends[p.key] = ore;
  }
  if (!ok) return null;
  if (ends.min === undefined || ends.max === undefined) {
    errors.add({
      line: r.line,
      field: `${field}.${ends.min === undefined ? 'min' : 'max'}`,
      code: 'required',
      table: row.table,
    });
    return null;
  }
  if (ends.min < 0 || ends.min > ends.max) {
    errors.add({
      line: r.line,
      field,
      code: 'amount',
      reason: 'negative',
      text: `${kronerText(ends.min)}–${kronerText(ends.max)}`,
      table: row.table,
    });
    return null;
  }
  return { min: ends.min, max: ends.max };
}

function jsonText(n: JNode): string {
  switch (n.t) {
    case 'str':
      return n.v;
    case 'num':
      return n.raw;
    case 'bool':
      return String(n.v);
    case 'null':
      return 'null';
    case 'arr':
      return '[…]';
    case 'obj':
      return '{…}';
  }
}

function basisOf(row: Row, hasAmount: boolean, errors: Errors): Basis | null {
  const v = row.values.get('basis');
  const text = textOf(row, 'basis', errors);
  if (text === '') {
    if (hasAmount)
      errors.add({
        line: v?.line ?? row.line,
        field: 'basis',
        code: 'basis',
        reason: 'missing',
        table: row.table,
      });
    return null;
  }
  const basis = parseBasis(text);
  if (!basis) errors.add({ line: v!.line, field: 'basis', code: 'basis', text, table: row.table });
  return basis ?? null;
}

function readEntry(row: Row, extraColumns: readonly string[], errors: Errors): RegisterEntry {
  const id = textOf(row, 'id', errors);
  const name = textOf(row, 'name', errors);
  const kindText = textOf(row, 'kind', errors);
  const kind = parseEntryKind(kindText);
  const lineOf = (key: string) => row.values.get(key)?.line ?? row.line;
  if (!kind)
    errors.add({
      line: lineOf('kind'),
      field: 'kind',
      code: 'unknownKind',
      text: kindText,
      table: row.table,
    });
  if (name === '') errors.add({ line: lineOf('name'), field: 'name', code: 'required', table: row.table });
  if (id === '' && (kind ?? 'project') === 'project')
    errors.add({ line: lineOf('id'), field: 'id', code: 'required', table: row.table });
  const contribution = contributionOf(row, errors);
  const entry: RegisterEntry = {
    id,
    name,
    area: textOf(row, 'area', errors),
    phase: textOf(row, 'phase', errors),
    owner: textOf(row, 'owner', errors),
    role: textOf(row, 'role', errors),
    partners: listOf(row, 'partners', errors),
    goals: listOf(row, 'goals', errors),
    contribution: contribution.ore,
    ...(contribution.range ? { contributionRange: contribution.range } : {}),
    basis: basisOf(row, contribution.ore !== null, errors),
    contributionNote: textOf(row, 'contributionNote', errors),
    budgetLine: textOf(row, 'budgetLine', errors),
    aliases: listOf(row, 'aliases', errors),
    kind: kind ?? 'project',
    ...(extraColumns.length > 0 ? { extra: extrasOf(row, extraColumns, errors) } : {}),
  };
  return entry;
}

function readSource(row: Row, extraColumns: readonly string[], errors: Errors): FundingSource {
  const name = textOf(row, 'name', errors);
  const kindText = textOf(row, 'kind', errors);
  const lineOf = (key: string) => row.values.get(key)?.line ?? row.line;
  if (name === '') errors.add({ line: lineOf('name'), field: 'name', code: 'required', table: row.table });
  let kind = parseSourceKind(kindText);
  if (kindText === '')
    errors.add({ line: lineOf('kind'), field: 'kind', code: 'required', table: row.table });
  else if (!kind)
    errors.add({
      line: lineOf('kind'),
      field: 'kind',
      code: 'unknownKind',
      text: kindText,
      table: row.table,
    });
  kind ??= 'own';
  return {
    name,
    kind,
    aliases: listOf(row, 'aliases', errors),
    ...(extraColumns.length > 0 ? { extra: extrasOf(row, extraColumns, errors) } : {}),
  };
}

function result(errors: Errors, make: () => Register): ImportResult {
  if (errors.list.length > 0) {
    const sorted = errors.list.map((e, i) => ({ e, i })).sort((a, b) => a.e.line - b.e.line || a.i - b.i);
    return { ok: false, errors: sorted.map((x) => x.e) };
  }
  return { ok: true, register: make() };
}

function checkVersion(version: number | null, text: string, line: number, errors: Errors): boolean {
  if (version === null || !Number.isInteger(version) || version < 1) {
    errors.add({ line, code: 'formatVersion', reason: text === '' ? 'missing' : 'invalid', text });
    return false;
  }
  if (version > REGISTER_FORMAT_VERSION) {
    errors.add({ line, code: 'formatVersion', reason: 'newer', text });
    return false;
  }
  return true;
}

/** Checks extra column headers: non-empty, unique (case-insensitively, as Excel wants), not a known key. */
function checkExtraColumns(
  headers: readonly { name: string; line: number }[],
  table: 'projects' | 'sources',
  errors: Errors,
): void {
  const seen = new Set<string>();
  for (const h of headers) {
    const lower = h.name.toLowerCase();
    if (h.name.trim() === '') errors.add({ line: h.line, code: 'shape', reason: 'emptyHeader', table });
    else if (KNOWN_KEYS.has(h.name) || h.name === FORMAT_VERSION_KEY)
      errors.add({ line: h.line, code: 'shape', reason: 'reservedHeader', text: h.name, table });
    else if (seen.has(lower))
      errors.add({ line: h.line, code: 'shape', reason: 'duplicateHeader', text: h.name, table });
    seen.add(lower);
  }
}

// ---------------------------------------------------------------------------
// JSON

interface JProp {
  readonly key: string;
  readonly line: number;
  readonly value: JNode;
}

type JNode =
  | { readonly t: 'obj'; readonly line: number; readonly props: readonly JProp[] }
  | { readonly t: 'arr'; readonly line: number; readonly items: readonly JNode[] }
  | { readonly t: 'str'; readonly line: number; readonly v: string }
  | { readonly t: 'num'; readonly line: number; readonly v: number; readonly raw: string }
  | { readonly t: 'bool'; readonly line: number; readonly v: boolean }
  | { readonly t: 'null'; readonly line: number };

class JsonSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** A JSON parser that remembers the line of every value, for error messages. */
class JsonParser {
  private i = 0;
  private line = 1;

  constructor(private readonly s: string) {}

  parseDocument(): JNode {
    this.ws();
    const v = this.value();
    this.ws();
    if (this.i < this.s.length) this.fail(`unexpected ${JSON.stringify(this.s[this.i])}`);
    return v;
  }

  private fail(message: string): never {
    throw new JsonSyntaxError(this.line, message);
  }

  private ws(): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c === 10) this.line++;
      else if (c === 13) {
        if (s.charCodeAt(this.i + 1) !== 10) this.line++;
      } else if (c !== 32 && c !== 9) return;
      this.i++;
    }
  }

  private value(): JNode {
    const s = this.s;
    const line = this.line;
    const c = s[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return { t: 'str', line, v: this.string() };
    if (s.startsWith('true', this.i)) {
      this.i += 4;
      return { t: 'bool', line, v: true };
    }
    if (s.startsWith('false', this.i)) {
      this.i += 5;
      return { t: 'bool', line, v: false };
    }
    if (s.startsWith('null', this.i)) {
      this.i += 4;
      return { t: 'null', line };
    }
    const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    m.lastIndex = this.i;
    const hit = m.exec(s);
    if (hit && hit[0] !== '' && hit[0] !== '-') {
      this.i += hit[0].length;
      return { t: 'num', line, v: Number(hit[0]), raw: hit[0] };
    }
    if (this.i >= s.length) this.fail('unexpected end of file');
    return this.fail(`unexpected ${JSON.stringify(c)}`);
  }

  private object(): JNode {
    const line = this.line;
    this.i++;
    const props: JProp[] = [];
    this.ws();
    if (this.s[this.i] === '}') {
      this.i++;
      return { t: 'obj', line, props };
    }
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') this.fail('a key in double quotes expected');
      const keyLine = this.line;
      const key = this.string();
      this.ws();
      if (this.s[this.i] !== ':') this.fail('«:» expected');
      this.i++;
      this.ws();
      props.push({ key, line: keyLine, value: this.value() });
      this.ws();
      const c = this.s[this.i];
      this.i++;
      if (c === '}') return { t: 'obj', line, props };
      if (c !== ',') {
        this.i--;
        this.fail(c === undefined ? 'unexpected end of file' : '«,» or «}» expected');
      }
    }
  }

  private array(): JNode {
    const line = this.line;
    this.i++;
    const items: JNode[] = [];
    this.ws();
    if (this.s[this.i] === ']') {
      this.i++;
      return { t: 'arr', line, items };
    }
    for (;;) {
      this.ws();
      items.push(this.value());
      this.ws();
      const c = this.s[this.i];
      this.i++;
      if (c === ']') return { t: 'arr', line, items };
      if (c !== ',') {
        this.i--;
        this.fail(c === undefined ? 'unexpected end of file' : '«,» or «]» expected');
      }
    }
  }

  private string(): string {
    const s = this.s;
    this.i++;
    let out = '';
    let from = this.i;
    for (;;) {
      if (this.i >= s.length) this.fail('a string is never closed');
      const c = s.charCodeAt(this.i);
      if (c === 34) {
        out += s.slice(from, this.i);
        this.i++;
        return out;
      }
      if (c < 32) this.fail('a line break or control character inside a string');
      if (c === 92) {
        out += s.slice(from, this.i);
        const e = s[this.i + 1];
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (e !== undefined && simple[e] !== undefined) {
          out += simple[e];
          this.i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(this.i + 2, this.i + 6))) {
          out += String.fromCharCode(parseInt(s.slice(this.i + 2, this.i + 6), 16));
          this.i += 6;
        } else {
          this.fail('a bad escape in a string');
        }
        from = this.i;
        continue;
      }
      this.i++;
    }
  }
}

const PROJECT_JSON_KEYS = new Set<string>([...PROJECT_KEYS, 'contributionRange', 'extra']);
const SOURCE_JSON_KEYS = new Set<string>([...SOURCE_KEYS, 'extra']);

/**
 * The register as JSON: `formatVersion`, the extra column lists when there
 * are any, then `projects` and `sources` with the stored keys of
 * docs/REGISTER.md. Contributions are kroner (a number) or null; a range adds
 * `contributionRange: { min, max }` (kroner) with `contribution` = min.
 */
export function registerToJson(register: Register): string {
  const projectCols = register.extraProjectColumns ?? [];
  const sourceCols = register.extraSourceColumns ?? [];
  const kr = (o: Ore) => oreToKroner(o);
  const extra = (cols: readonly string[], e: Readonly<Record<string, ExtraValue>> | undefined) =>
    Object.fromEntries(
      cols.map((h) => [h, e && Object.prototype.hasOwnProperty.call(e, h) ? (e[h] ?? null) : null]),
    );
  const doc = {
    formatVersion: register.formatVersion,
    ...(projectCols.length > 0 ? { extraProjectColumns: projectCols } : {}),
    ...(sourceCols.length > 0 ? { extraSourceColumns: sourceCols } : {}),
    projects: register.entries.map((e) => ({
      id: e.id,
      name: e.name,
      area: e.area,
      phase: e.phase,
      owner: e.owner,
      role: e.role,
      partners: e.partners,
      goals: e.goals,
      contribution: e.contribution === null ? null : kr(e.contribution),
      ...(e.contributionRange
        ? { contributionRange: { min: kr(e.contributionRange.min), max: kr(e.contributionRange.max) } }
        : {}),
      basis: e.basis,
      contributionNote: e.contributionNote,
      budgetLine: e.budgetLine,
      aliases: e.aliases,
      kind: e.kind,
      ...(projectCols.length > 0 ? { extra: extra(projectCols, e.extra) } : {}),
    })),
    sources: register.sources.map((s) => ({
      name: s.name,
      kind: s.kind,
      aliases: s.aliases,
      ...(sourceCols.length > 0 ? { extra: extra(sourceCols, s.extra) } : {}),
    })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

/** Reads a register written by `registerToJson` (or by hand); every bad value is reported with its line. */
export function registerFromJson(text: string): ImportResult {
  let doc: JNode;
  try {
    doc = new JsonParser(text.replace(/^\uFEFF/, '')).parseDocument();
  } catch (e) {
    if (e instanceof JsonSyntaxError)
      return { ok: false, errors: [{ line: e.line, code: 'notJson', text: e.message }] };
    throw e;
  }
  const errors = new Errors();
  if (doc.t !== 'obj') {
    return { ok: false, errors: [{ line: doc.line, code: 'shape', reason: 'notObject' }] };
  }
  const top = props(
    doc,
    errors,
    new Set(['formatVersion', 'extraProjectColumns', 'extraSourceColumns', 'projects', 'sources']),
  );
  const versionNode = top.get('formatVersion');
  const version = versionNode?.value.t === 'num' ? versionNode.value.v : null;
  const versionText = versionNode ? jsonText(versionNode.value) : '';
  if (
    !checkVersion(
      version,
      versionNode?.value.t === 'null' ? '' : versionText,
      versionNode?.line ?? doc.line,
      errors,
    )
  ) {
    if (errors.list.some((e) => e.reason === 'newer')) return result(errors, () => emptyResult());
  }

  const columns = (key: string, table: 'projects' | 'sources'): string[] | null => {
    const p = top.get(key);
    if (!p || p.value.t === 'null') return null;
    if (p.value.t !== 'arr') {
      errors.add({ line: p.line, field: key, code: 'shape', reason: 'notArray' });
      return [];
    }
    const names: { name: string; line: number }[] = [];
    for (const item of p.value.items) {
      if (item.t !== 'str') errors.add({ line: item.line, field: key, code: 'shape', reason: 'notString' });
      else names.push({ name: item.v, line: item.line });
    }
    checkExtraColumns(names, table, errors);
    return names.map((n) => n.name);
  };
  const listed = {
    projects: columns('extraProjectColumns', 'projects'),
    sources: columns('extraSourceColumns', 'sources'),
  };

  const rowsOf = (key: 'projects' | 'sources'): { rows: Row[]; extraColumns: string[] } => {
    const p = top.get(key);
    const rows: Row[] = [];
    let extraColumns = listed[key];
    const derive = extraColumns === null;
    extraColumns ??= [];
    if (!p) {
      errors.add({ line: doc.line, field: key, code: 'required' });
      return { rows, extraColumns };
    }
    if (p.value.t !== 'arr') {
      errors.add({ line: p.line, field: key, code: 'shape', reason: 'notArray' });
      return { rows, extraColumns };
    }
    const allowed = key === 'projects' ? PROJECT_JSON_KEYS : SOURCE_JSON_KEYS;
    const table = key;
    for (const item of p.value.items) {
      if (item.t !== 'obj') {
        errors.add({ line: item.line, code: 'shape', reason: 'notObject', table });
        continue;
      }
      const fields = props(item, errors, allowed, table);
      const values = new Map<string, Value>();
      for (const [k, prop] of fields)
        if (k !== 'extra') values.set(k, { line: prop.value.line, csv: false, node: prop.value });
      const extras = new Map<string, Value>();
      const extraProp = fields.get('extra');
      if (extraProp && extraProp.value.t !== 'null') {
        if (extraProp.value.t !== 'obj') {
          errors.add({ line: extraProp.line, field: 'extra', code: 'shape', reason: 'notObject', table });
        } else {
          const seen = new Set<string>();
          for (const x of extraProp.value.props) {
            if (seen.has(x.key)) {
              errors.add({
                line: x.line,
                field: 'extra',
                code: 'shape',
                reason: 'duplicateKey',
                text: x.key,
                table,
              });
              continue;
            }
            seen.add(x.key);
            if (!extraColumns.includes(x.key)) {
              if (derive) extraColumns.push(x.key);
              else {
                errors.add({
                  line: x.line,
                  field: 'extra',
                  code: 'shape',
                  reason: 'unknownKey',
                  text: x.key,
                  table,
                });
                continue;
              }
            }
            extras.set(x.key, { line: x.value.line, csv: false, node: x.value });
          }
        }
      }
      rows.push({ line: item.line, table, values, extras });
    }
    if (derive)
      checkExtraColumns(
        extraColumns.map((name) => ({ name, line: p.line })),
        table,
        errors,
      );
    return { rows, extraColumns };
  };
  const projects = rowsOf('projects');
  const sources = rowsOf('sources');
  const entries = projects.rows.map((r) => readEntry(r, projects.extraColumns, errors));
  const fundingSources = sources.rows.map((r) => readSource(r, sources.extraColumns, errors));
  return result(errors, () => ({
    formatVersion: version ?? REGISTER_FORMAT_VERSION,
    entries,
    sources: fundingSources,
    extraProjectColumns: projects.extraColumns,
    extraSourceColumns: sources.extraColumns,
  }));
}

function emptyResult(): Register {
  return { formatVersion: REGISTER_FORMAT_VERSION, entries: [], sources: [] };
}

/** An object's properties by key; unknown and repeated keys are errors. */
function props(
  obj: JNode & { t: 'obj' },
  errors: Errors,
  allowed: ReadonlySet<string>,
  table?: 'projects' | 'sources',
): Map<string, JProp> {
  const out = new Map<string, JProp>();
  for (const p of obj.props) {
    if (!allowed.has(p.key))
      errors.add({ line: p.line, code: 'shape', reason: 'unknownKey', text: p.key, table });
    else if (out.has(p.key))
      errors.add({ line: p.line, code: 'shape', reason: 'duplicateKey', text: p.key, table });
    else out.set(p.key, p);
  }
  return out;
}

// ---------------------------------------------------------------------------
// CSV

/**
 * Text that Norwegian Excel or LibreOffice would not keep as text when it
 * opens the file: a formula (`=`, `+`, `-`, `@`, and tab, CR or LF before
 * one), a number, date, time or percentage (`2.1` becomes 2 January),
 * TRUE/FALSE; and text that import would otherwise read as marked (starting
 * with a mark, a byte order mark, or `?` alone or before text that needs the
 * mark).
 */
function needsMark(s: string): boolean {
  if (s === '') return false;
  if (/^[=+\-@'\t\r\n\u200B\uFEFF\uFF1D\uFF0B\uFF0D\uFF20]/.test(s)) return true;
  if (mayBeLostMark(s)) return true;
  const t = s.trim();
  if (t === '') return true;
  if (/^[\d\s.,:/%()\u00A0-]*\d[\d\s.,:/%()\u00A0-]*$/.test(t)) return true;
  if (/^(true|false|sann|usann)$/i.test(t)) return true;
  return decodeCsvValue(s) !== s;
}

/** An unmarked CSV cell of an extra column, typed: empty = null, TRUE/FALSE, a number, else text. */
function decodeCsvValue(s: string): ExtraValue {
  if (s === '') return null;
  if (s === 'TRUE') return true;
  if (s === 'FALSE') return false;
  if (/^-?\d+(?:,\d+)?(?:[eE][+-]?\d+)?$/.test(s)) return Number(s.replace(',', '.'));
  return s;
}

function textCell(s: string): string {
  return needsMark(s) ? TEXT_MARK + s : s;
}

function extraCell(v: ExtraValue): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v).replace('.', ',') : TEXT_MARK + String(v);
  return v === '' || needsMark(v) ? TEXT_MARK + v : v;
}

function csvField(s: string): string {
  return /[;"\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvLine(cells: readonly string[]): string {
  return cells.map(csvField).join(CSV_SEPARATOR);
}

function projectCell(e: RegisterEntry, key: (typeof PROJECT_KEYS)[number]): string {
  switch (key) {
    case 'partners':
    case 'goals':
    case 'aliases':
      return textCell(e[key].join(`${LIST_SEPARATOR} `));
    case 'contribution':
      if (e.contributionRange)
        return `${kronerText(e.contributionRange.min)} ${RANGE_WORD} ${kronerText(e.contributionRange.max)}`;
      return e.contribution === null ? '' : kronerText(e.contribution);
    case 'basis':
      return e.basis ?? '';
    default:
      return textCell(e[key]);
  }
}

/**
 * The register as CSV for Norwegian Excel: UTF-8 with a BOM, `;` between
 * fields, CRLF, RFC 4180 quoting. A line `formatVersion;1`, then a section
 * per table: a line with the table's name (`Prosjekter`, `Kilder`), its
 * header row (stored keys, then extra columns) and its rows. See
 * docs/REGISTER.md for how amounts, ranges, lists and text are written.
 */
export function registerToCsv(register: Register): string {
  const projectCols = register.extraProjectColumns ?? [];
  const sourceCols = register.extraSourceColumns ?? [];
  const lines: string[] = [
    csvLine([FORMAT_VERSION_KEY, String(register.formatVersion)]),
    '',
    csvLine([PROJECTS_TABLE]),
    csvLine([...PROJECT_KEYS, ...projectCols.map(textCell)]),
  ];
  for (const e of register.entries) {
    lines.push(
      csvLine([
        ...PROJECT_KEYS.map((k) => projectCell(e, k)),
        ...projectCols.map((h) => extraCell(e.extra?.[h] ?? null)),
      ]),
    );
  }
  lines.push('', csvLine([SOURCES_TABLE]), csvLine([...SOURCE_KEYS, ...sourceCols.map(textCell)]));
  for (const s of register.sources) {
    lines.push(
      csvLine([
        textCell(s.name),
        s.kind,
        textCell(s.aliases.join(`${LIST_SEPARATOR} `)),
        ...sourceCols.map((h) => extraCell(s.extra?.[h] ?? null)),
      ]),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

interface CsvCell {
  readonly raw: string;
  readonly line: number;
}

interface CsvRecord {
  readonly line: number;
  readonly cells: readonly CsvCell[];
}

/** RFC 4180 records with the line each field starts on; CRLF, LF or CR between records. */
function parseCsv(text: string, sep: string): { records: CsvRecord[] } | { error: ImportError } {
  const records: CsvRecord[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const recordLine = line;
    const cells: CsvCell[] = [];
    for (;;) {
      const fieldLine = line;
      let value = '';
      if (text[i] === '"') {
        i++;
        let from = i;
        for (;;) {
          if (i >= n) return { error: { line: fieldLine, code: 'notCsv', reason: 'unclosedQuote' } };
          const c = text[i];
          if (c === '"') {
            if (text[i + 1] === '"') {
              value += text.slice(from, i + 1);
              i += 2;
              from = i;
              continue;
            }
            value += text.slice(from, i);
            i++;
            break;
          }
          if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
          i++;
        }
        if (i < n && text[i] !== sep && text[i] !== '\r' && text[i] !== '\n') {
          const rest = /^[^\r\n]*/.exec(text.slice(i, i + 40))![0];
          return { error: { line, code: 'notCsv', reason: 'afterQuote', text: rest } };
        }
      } else {
        const from = i;
        while (i < n && text[i] !== sep && text[i] !== '\r' && text[i] !== '\n') i++;
        value = text.slice(from, i);
      }
      cells.push({ raw: value, line: fieldLine });
      if (i < n && text[i] === sep) {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    records.push({ line: recordLine, cells });
  }
  return { records };
}

/**
 * `?` before text that needs the mark, or alone (an extra column's empty
 * text is a lone mark): what a mark becomes in Excel's plain CSV.
 */
function mayBeLostMark(s: string): boolean {
  return s.startsWith(LOST_MARK) && (s.length === 1 || needsMark(s.slice(1)));
}

/**
 * A field without its mark: the zero-width space, or the apostrophe of
 * earlier versions; in a file without a byte order mark (`lostMarks`), also a
 * `?` before text that would need the mark, which is what Excel's plain CSV
 * writes in its place (`needsMark` marks text that really starts so).
 */
function unmarked(raw: string, lostMarks: boolean): { text: string; marked: boolean } {
  if (raw.startsWith(TEXT_MARK) || raw.startsWith(APOSTROPHE_MARK))
    return { text: raw.slice(1), marked: true };
  // A lone `?` is a lost mark only in an extra column (`cellValue`): nowhere else is a lone mark written.
  if (lostMarks && raw.length > 1 && mayBeLostMark(raw)) return { text: raw.slice(1), marked: true };
  return { text: raw, marked: false };
}

/** The cells that are not empty, for telling blank lines and section markers apart. */
function filled(r: CsvRecord): CsvCell[] {
  return r.cells.filter((c) => c.raw.trim() !== '');
}

/**
 * Reads a register written by `registerToCsv`, or saved from Excel after
 * editing: with or without a BOM, CRLF or LF, `;` (or `,` / tab when the
 * first line uses that) between fields, quoted fields with separators and
 * line breaks. Every bad field is reported with its line.
 */
export function registerFromCsv(text: string): ImportResult {
  const content = text.replace(/^\uFEFF/, '');
  const lostMarks = content === text;
  const unmark = (raw: string) => unmarked(raw, lostMarks);
  const firstLine = /^[^\r\n]*/.exec(content)![0];
  const sep = firstLine.includes(';')
    ? ';'
    : firstLine.includes('\t')
      ? '\t'
      : firstLine.includes(',')
        ? ','
        : ';';
  const parsed = parseCsv(content, sep);
  if ('error' in parsed) return { ok: false, errors: [parsed.error] };
  const records = parsed.records.filter((r) => filled(r).length > 0);
  const errors = new Errors();

  const first = records[0];
  const firstCell = first ? unmark(first.cells[0]?.raw ?? '').text.trim() : '';
  let version: number | null = null;
  if (!first || firstCell !== FORMAT_VERSION_KEY) {
    errors.add({ line: first?.line ?? 1, code: 'formatVersion', reason: 'missing' });
    return result(errors, emptyResult);
  }
  const versionText = unmark(first.cells[1]?.raw ?? '').text.trim();
  version = /^\d+$/.test(versionText) ? Number(versionText) : null;
  if (!checkVersion(version, versionText, first.cells[1]?.line ?? first.line, errors))
    return result(errors, emptyResult);

  type Section = {
    table: 'projects' | 'sources';
    marker: CsvRecord;
    header: CsvRecord | null;
    rows: CsvRecord[];
  };
  const sections = new Map<'projects' | 'sources', Section>();
  let current: Section | null = null;
  for (const r of records.slice(1)) {
    const cells = filled(r);
    // A section starts with a line holding only the table's name, in its first cell.
    const only =
      cells.length === 1 && cells[0] === r.cells[0] ? unmark(cells[0].raw).text.trim().toLowerCase() : '';
    const table =
      only === PROJECTS_TABLE.toLowerCase()
        ? 'projects'
        : only === SOURCES_TABLE.toLowerCase()
          ? 'sources'
          : null;
    if (table) {
      if (sections.has(table)) {
        errors.add({ line: r.line, code: 'shape', reason: 'duplicateSection', text: tableNameOf(table) });
        current = null;
        continue;
      }
      current = { table, marker: r, header: null, rows: [] };
      sections.set(table, current);
      continue;
    }
    if (!current) {
      errors.add({ line: r.line, code: 'shape', reason: 'outsideSection', text: unmark(cells[0].raw).text });
      continue;
    }
    if (current.header === null) current.header = r;
    else current.rows.push(r);
  }

  const lastLine = records.length > 0 ? records[records.length - 1].line : 1;
  const read = (table: 'projects' | 'sources') => {
    const section = sections.get(table);
    const keys = table === 'projects' ? PROJECT_KEYS : SOURCE_KEYS;
    if (!section) {
      errors.add({ line: lastLine, code: 'shape', reason: 'missingSection', text: tableNameOf(table) });
      return { rows: [] as Row[], extraColumns: [] as string[] };
    }
    const headerRecord = section.header;
    const headerCells = headerRecord ? [...headerRecord.cells] : [];
    while (headerCells.length > 0 && headerCells[headerCells.length - 1].raw.trim() === '') headerCells.pop();
    const headers = headerCells.map((c) => ({ name: unmark(c.raw).text.trim(), line: c.line }));
    const headerLine = headerRecord?.line ?? section.marker.line;
    const position = new Map<string, number>();
    const extras: { name: string; line: number; col: number }[] = [];
    headers.forEach((h, col) => {
      if ((keys as readonly string[]).includes(h.name)) {
        if (position.has(h.name))
          errors.add({ line: h.line, code: 'shape', reason: 'duplicateHeader', text: h.name, table });
        else position.set(h.name, col);
      } else extras.push({ ...h, col });
    });
    checkExtraColumns(extras, table, errors);
    for (const key of keys) {
      if (!position.has(key)) errors.add({ line: headerLine, field: key, code: 'missingColumn', table });
    }
    const rows: Row[] = section.rows.map((r) => {
      const values = new Map<string, Value>();
      const extraValues = new Map<string, Value>();
      const cellValue = (col: number, extra = false): Value => {
        const c = r.cells[col];
        const line = c?.line ?? r.line;
        // An extra column's empty text is a lone mark, which Excel's plain CSV writes as a lone `?`.
        if (extra && lostMarks && c?.raw === LOST_MARK) return { line, csv: true, text: '', marked: true };
        const { text, marked } = unmark(c?.raw ?? '');
        return { line, csv: true, text, marked };
      };
      for (const [key, col] of position) values.set(key, cellValue(col));
      for (const x of extras) extraValues.set(x.name, cellValue(x.col, true));
      for (let col = headers.length; col < r.cells.length; col++) {
        const c = r.cells[col];
        if (c.raw.trim() !== '')
          errors.add({ line: c.line, code: 'shape', reason: 'extraCell', text: c.raw, table });
      }
      return { line: r.line, table, values, extras: extraValues };
    });
    return { rows, extraColumns: extras.map((x) => x.name) };
  };
  const projects = read('projects');
  const sources = read('sources');
  const entries = projects.rows.map((r) => readEntry(r, projects.extraColumns, errors));
  const fundingSources = sources.rows.map((r) => readSource(r, sources.extraColumns, errors));
  return result(errors, () => ({
    formatVersion: version ?? REGISTER_FORMAT_VERSION,
    entries,
    sources: fundingSources,
    extraProjectColumns: projects.extraColumns,
    extraSourceColumns: sources.extraColumns,
  }));
}

function tableNameOf(table: 'projects' | 'sources'): string {
  return table === 'projects' ? PROJECTS_TABLE : SOURCES_TABLE;
}

/**
 * The text of an import file: UTF-8 (with or without BOM), or Windows-1252 when the bytes are not
 * UTF-8: what Norwegian Excel's plain "CSV (semikolonseparert)" writes, so that `år` and `ø`
 * come through instead of replacement characters.
 */
export function decodeImportBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('windows-1252').decode(bytes);
    } catch {
      // A runtime without the legacy encodings: Latin-1, which Windows-1252 extends.
      let out = '';
      for (const b of bytes) out += String.fromCharCode(b);
      return out;
    }
  }
}
