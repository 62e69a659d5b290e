/**
 * The CSV parser: RFC 4180 records (quoted fields may hold separators, quotes and line breaks),
 * each field with the line it starts on, for import errors that name the line.
 */
import type { ImportError } from './importErrors';

export interface CsvCell {
  readonly raw: string;
  readonly line: number;
}

export interface CsvRecord {
  readonly line: number;
  readonly cells: readonly CsvCell[];
}

/** The records of `text`, CRLF, LF or CR between them; or the error where quoting breaks. */
export function parseCsv(text: string, sep: string): { records: CsvRecord[] } | { error: ImportError } {
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
 * The separator a file uses, by its first line: `;` (what the register writes), else tab or `,`
 * (other spreadsheet settings), else `;`.
 */
export function detectSeparator(text: string): string {
  const firstLine = /^[^\r\n]*/.exec(text)![0];
  for (const sep of [';', '\t', ',']) if (firstLine.includes(sep)) return sep;
  return ';';
}

/** The cells that are not empty, for telling blank lines and section markers apart. */
export function filled(r: CsvRecord): CsvCell[] {
  return r.cells.filter((c) => c.raw.trim() !== '');
}
