/**
 * The register as CSV for Norwegian Excel, for export, import and editing outside Excel: exactly
 * what the register sheet holds, so that `registerFromCsv(registerToCsv(r))` gives `r` back, also
 * after Excel saved the file again. Importing never gives a partial register: every bad field is
 * reported with its line. docs/REGISTER.md describes the format.
 */
import {
  FORMAT_VERSION_KEY,
  LIST_SEPARATOR,
  PROJECT_KEYS,
  PROJECTS_TABLE,
  SOURCE_KEYS,
  SOURCES_TABLE,
  type ProjectKey,
  type Register,
  type RegisterEntry,
} from '../types';
import { kronerText, RANGE_WORD } from './contribution';
import { csvLine, extraCell, LOST_MARK, textCell, unmarked } from './csvCells';
import { detectSeparator, filled, parseCsv, type CsvRecord } from './csvRecords';
import { ImportErrors, type ImportResult, type ImportTable } from './importErrors';
import { checkExtraColumns, checkVersion, registerOfTables } from './rows';
import type { Row, Value } from './rowValues';

function projectCell(e: RegisterEntry, key: ProjectKey): string {
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

/** A table's part of the file: the line with its name, its header line, its rows. */
interface Section {
  readonly table: ImportTable;
  readonly marker: CsvRecord;
  header: CsvRecord | null;
  readonly rows: CsvRecord[];
}

const tableName = (table: ImportTable) => (table === 'projects' ? PROJECTS_TABLE : SOURCES_TABLE);

/** Text without its mark (see `unmarked`). */
type Unmark = (raw: string) => { text: string; marked: boolean };

/** The records after the version line, by table: a section starts with a line holding only the table's name. */
function findSections(
  records: readonly CsvRecord[],
  unmark: Unmark,
  errors: ImportErrors,
): Map<ImportTable, Section> {
  const sections = new Map<ImportTable, Section>();
  let current: Section | null = null;
  for (const r of records) {
    const cells = filled(r);
    const only =
      cells.length === 1 && cells[0] === r.cells[0] ? unmark(cells[0].raw).text.trim().toLowerCase() : '';
    const table: ImportTable | null =
      only === PROJECTS_TABLE.toLowerCase()
        ? 'projects'
        : only === SOURCES_TABLE.toLowerCase()
          ? 'sources'
          : null;
    if (table) {
      if (sections.has(table)) {
        errors.add({ line: r.line, code: 'shape', reason: 'duplicateSection', text: tableName(table) });
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
  return sections;
}

/** A section's rows by its header: every stored key's column, extra columns, nothing beyond them. */
function readSection(
  section: Section,
  unmark: Unmark,
  lostMarks: boolean,
  errors: ImportErrors,
): { rows: Row[]; extraColumns: string[] } {
  const table = section.table;
  const keys: readonly string[] = table === 'projects' ? PROJECT_KEYS : SOURCE_KEYS;
  const headerCells = section.header ? [...section.header.cells] : [];
  while (headerCells.length > 0 && headerCells[headerCells.length - 1].raw.trim() === '') headerCells.pop();
  const headers = headerCells.map((c) => ({ name: unmark(c.raw).text.trim(), line: c.line }));
  const headerLine = section.header?.line ?? section.marker.line;
  const position = new Map<string, number>();
  const extras: { name: string; line: number; col: number }[] = [];
  headers.forEach((h, col) => {
    if (keys.includes(h.name)) {
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
    const cellValue = (col: number, extra = false): Value => {
      const c = r.cells[col];
      const line = c?.line ?? r.line;
      // An extra column's empty text is a lone mark, which Excel's plain CSV writes as a lone `?`.
      if (extra && lostMarks && c?.raw === LOST_MARK) return { line, csv: true, text: '', marked: true };
      const { text, marked } = unmark(c?.raw ?? '');
      return { line, csv: true, text, marked };
    };
    const values = new Map<string, Value>();
    for (const [key, col] of position) values.set(key, cellValue(col));
    const extraValues = new Map<string, Value>();
    for (const x of extras) extraValues.set(x.name, cellValue(x.col, true));
    for (let col = headers.length; col < r.cells.length; col++) {
      const c = r.cells[col];
      if (c.raw.trim() !== '')
        errors.add({ line: c.line, code: 'shape', reason: 'extraCell', text: c.raw, table });
    }
    return { line: r.line, table, values, extras: extraValues };
  });
  return { rows, extraColumns: extras.map((x) => x.name) };
}

/**
 * Reads a register written by `registerToCsv`, or saved from Excel after
 * editing: with or without a BOM, CRLF or LF, `;` (or `,` / tab when the
 * first line uses that) between fields, quoted fields with separators and
 * line breaks. Every bad field is reported with its line.
 */
export function registerFromCsv(text: string): ImportResult {
  const content = text.replace(/^\uFEFF/, '');
  // Without a byte order mark, Excel may have saved the file as Windows-1252, which loses the mark.
  const lostMarks = content === text;
  const unmark: Unmark = (raw) => unmarked(raw, lostMarks);
  const parsed = parseCsv(content, detectSeparator(content));
  if ('error' in parsed) return { ok: false, errors: [parsed.error] };
  const records = parsed.records.filter((r) => filled(r).length > 0);
  const errors = new ImportErrors();

  const first = records[0];
  const firstCell = first ? unmark(first.cells[0]?.raw ?? '').text.trim() : '';
  if (!first || firstCell !== FORMAT_VERSION_KEY) {
    errors.add({ line: first?.line ?? 1, code: 'formatVersion', reason: 'missing' });
    return errors.refused();
  }
  const versionText = unmark(first.cells[1]?.raw ?? '').text.trim();
  const version = /^\d+$/.test(versionText) ? Number(versionText) : null;
  if (!checkVersion(version, versionText, first.cells[1]?.line ?? first.line, errors))
    return errors.refused();

  const sections = findSections(records.slice(1), unmark, errors);
  const lastLine = records[records.length - 1].line;
  const read = (table: ImportTable) => {
    const section = sections.get(table);
    if (section) return readSection(section, unmark, lostMarks, errors);
    errors.add({ line: lastLine, code: 'shape', reason: 'missingSection', text: tableName(table) });
    return { rows: [], extraColumns: [] };
  };
  const projects = read('projects');
  const sources = read('sources');
  return registerOfTables(version, projects, sources, errors);
}
