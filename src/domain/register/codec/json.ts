/**
 * The register as JSON, for export, import and editing outside Excel: exactly what the register
 * sheet holds, so that `registerFromJson(registerToJson(r))` gives `r` back. Importing never
 * gives a partial register: every bad value is reported with its line. docs/REGISTER.md
 * describes the format.
 */
import { oreToKroner, type Ore } from '../../amount';
import { PROJECT_KEYS, SOURCE_KEYS, type ExtraValue, type Register } from '../types';
import { ImportErrors, type ImportResult, type ImportTable } from './importErrors';
import { jsonText, parseJson, type JNode, type JProp } from './jsonTree';
import { checkExtraColumns, checkVersion, registerOfTables } from './rows';
import type { Row, Value } from './rowValues';

const TOP_KEYS = new Set([
  'formatVersion',
  'extraProjectColumns',
  'extraSourceColumns',
  'projects',
  'sources',
]);
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

/** An object's properties by key; unknown and repeated keys are errors. */
function props(
  obj: JNode & { t: 'obj' },
  errors: ImportErrors,
  allowed: ReadonlySet<string>,
  table?: ImportTable,
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

/** A list of extra column headers (`extraProjectColumns`); null when absent (then derived from the rows). */
function listedColumns(prop: JProp | undefined, table: ImportTable, errors: ImportErrors): string[] | null {
  if (!prop || prop.value.t === 'null') return null;
  const field = table === 'projects' ? 'extraProjectColumns' : 'extraSourceColumns';
  if (prop.value.t !== 'arr') {
    errors.add({ line: prop.line, field, code: 'shape', reason: 'notArray' });
    return [];
  }
  const names: { name: string; line: number }[] = [];
  for (const item of prop.value.items) {
    if (item.t !== 'str') errors.add({ line: item.line, field, code: 'shape', reason: 'notString' });
    else names.push({ name: item.v, line: item.line });
  }
  checkExtraColumns(names, table, errors);
  return names.map((n) => n.name);
}

/**
 * A row's `extra` object into `extras`: each key once, and a listed column unless the columns
 * are derived from the rows (`derive`: then a new key adds a column).
 */
function readExtras(
  prop: JProp | undefined,
  table: ImportTable,
  columns: string[],
  derive: boolean,
  errors: ImportErrors,
): Map<string, Value> {
  const extras = new Map<string, Value>();
  if (!prop || prop.value.t === 'null') return extras;
  if (prop.value.t !== 'obj') {
    errors.add({ line: prop.line, field: 'extra', code: 'shape', reason: 'notObject', table });
    return extras;
  }
  const seen = new Set<string>();
  for (const x of prop.value.props) {
    if (seen.has(x.key)) {
      errors.add({ line: x.line, field: 'extra', code: 'shape', reason: 'duplicateKey', text: x.key, table });
      continue;
    }
    seen.add(x.key);
    if (!columns.includes(x.key)) {
      if (!derive) {
        errors.add({ line: x.line, field: 'extra', code: 'shape', reason: 'unknownKey', text: x.key, table });
        continue;
      }
      columns.push(x.key);
    }
    extras.set(x.key, { line: x.value.line, csv: false, node: x.value });
  }
  return extras;
}

/** The rows of `projects` or `sources`, and the table's extra columns (listed, or derived from the rows). */
function readTable(
  doc: JNode,
  prop: JProp | undefined,
  table: ImportTable,
  listed: string[] | null,
  errors: ImportErrors,
): { rows: Row[]; extraColumns: string[] } {
  const rows: Row[] = [];
  const derive = listed === null;
  const extraColumns = listed ?? [];
  if (!prop) {
    errors.add({ line: doc.line, field: table, code: 'required' });
    return { rows, extraColumns };
  }
  if (prop.value.t !== 'arr') {
    errors.add({ line: prop.line, field: table, code: 'shape', reason: 'notArray' });
    return { rows, extraColumns };
  }
  const allowed = table === 'projects' ? PROJECT_JSON_KEYS : SOURCE_JSON_KEYS;
  for (const item of prop.value.items) {
    if (item.t !== 'obj') {
      errors.add({ line: item.line, code: 'shape', reason: 'notObject', table });
      continue;
    }
    const fields = props(item, errors, allowed, table);
    const values = new Map<string, Value>();
    for (const [k, p] of fields)
      if (k !== 'extra') values.set(k, { line: p.value.line, csv: false, node: p.value });
    const extras = readExtras(fields.get('extra'), table, extraColumns, derive, errors);
    rows.push({ line: item.line, table, values, extras });
  }
  if (derive)
    checkExtraColumns(
      extraColumns.map((name) => ({ name, line: prop.line })),
      table,
      errors,
    );
  return { rows, extraColumns };
}

/** Reads a register written by `registerToJson` (or by hand); every bad value is reported with its line. */
export function registerFromJson(text: string): ImportResult {
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };
  const doc = parsed.doc;
  if (doc.t !== 'obj') return { ok: false, errors: [{ line: doc.line, code: 'shape', reason: 'notObject' }] };
  const errors = new ImportErrors();
  const top = props(doc, errors, TOP_KEYS);

  const versionProp = top.get('formatVersion');
  const version = versionProp?.value.t === 'num' ? versionProp.value.v : null;
  const versionText = versionProp && versionProp.value.t !== 'null' ? jsonText(versionProp.value) : '';
  if (!checkVersion(version, versionText, versionProp?.line ?? doc.line, errors)) {
    // A newer format is read no further: its rows may mean something else.
    if (errors.list.some((e) => e.reason === 'newer')) return errors.refused();
  }

  const projectColumns = listedColumns(top.get('extraProjectColumns'), 'projects', errors);
  const sourceColumns = listedColumns(top.get('extraSourceColumns'), 'sources', errors);
  const projects = readTable(doc, top.get('projects'), 'projects', projectColumns, errors);
  const sources = readTable(doc, top.get('sources'), 'sources', sourceColumns, errors);
  return registerOfTables(version, projects, sources, errors);
}
