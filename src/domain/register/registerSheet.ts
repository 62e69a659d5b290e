/** The register written as a sheet model (the adapters render it): both tables, the format version, hidden. */
import { columnLetters, cellRef } from '../address';
import { oreToKroner, parseAmountText, type Ore } from '../amount';
import type { CellModel, SheetModel } from '../model';
import {
  FORMAT_VERSION_KEY,
  LIST_SEPARATOR,
  PROJECT_KEYS,
  PROJECTS_TABLE,
  REGISTER_SHEET,
  SOURCE_KEYS,
  SOURCES_TABLE,
  type ExtraValue,
  type FundingSource,
  type ProjectKey,
  type Register,
  type RegisterEntry,
  type SourceKey,
  type UnreadRow,
} from './types';

/** Row of the two tables' header (0-based): row 3 in Excel. */
export const REGISTER_HEADER_ROW = 2;

const AMOUNT_FORMAT = '#,##0';

function listText(items: readonly string[]): string {
  return items.join(`${LIST_SEPARATOR} `);
}

/** Whole kroner grouped by spaces, øre after a decimal comma: `200 000`, `1 234,50`. */
function groupedKroner(ore: Ore): string {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  const kr = Math.floor(abs / 100);
  const rest = abs - kr * 100;
  const grouped = String(kr).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${sign}${grouped}${rest === 0 ? '' : `,${String(rest).padStart(2, '0')}`}`;
}

/**
 * A range as text the register sheet reads back exactly (`200 000–300 000`),
 * or null when there is none: the sheet reads `A-B` with A abbreviated
 * (`2-300.000` is 200 000–300 000), so a range whose max is ten times its
 * min or more cannot be written as text (the sheet then gets its min).
 */
export function sheetRangeText(min: Ore, max: Ore): string | null {
  const text = `${groupedKroner(min)}–${groupedKroner(max)}`;
  const back = parseAmountText(text);
  return back !== null && 'minOre' in back && back.minOre === min && back.maxOre === max ? text : null;
}

function entryValue(e: RegisterEntry, key: ProjectKey): string | number | null {
  switch (key) {
    case 'partners':
      return listText(e.partners);
    case 'goals':
      return listText(e.goals);
    case 'aliases':
      return listText(e.aliases);
    case 'contribution': {
      // A range (`ca kr 2-300.000`) is kept as text the reader takes back as the same range.
      const range = e.contributionRange && sheetRangeText(e.contributionRange.min, e.contributionRange.max);
      if (range) return range;
      return e.contribution === null ? null : oreToKroner(e.contribution);
    }
    case 'basis':
      return e.basis ?? '';
    default:
      return e[key];
  }
}

function rawValue(raw: UnreadRow, header: string): ExtraValue {
  return Object.prototype.hasOwnProperty.call(raw, header) ? raw[header] : null;
}

function sourceValue(s: FundingSource, key: SourceKey): string {
  return key === 'aliases' ? listText(s.aliases) : s[key];
}

/**
 * The register as a sheet to write: the format version in A1:B1, table
 * `Prosjekter` from A3, table `Kilder` two columns to its right, unknown
 * columns kept after the known ones. Very hidden (Excel's menus cannot unhide it; the pane can)
 * and protected without a password.
 */
export function registerSheetModel(register: Register): SheetModel {
  const cells: CellModel[] = [
    { row: 0, col: 0, value: FORMAT_VERSION_KEY, bold: true },
    { row: 0, col: 1, value: register.formatVersion },
  ];
  const put = (row: number, col: number, value: ExtraValue, extra: Partial<CellModel> = {}) => {
    if (value === null || value === '') return;
    cells.push({ row, col, value, ...extra });
  };
  const top = REGISTER_HEADER_ROW;

  const projectHeaders = [...PROJECT_KEYS, ...(register.extraProjectColumns ?? [])];
  projectHeaders.forEach((h, c) => cells.push({ row: top, col: c, value: h }));
  register.entries.forEach((e, i) => {
    const row = top + 1 + i;
    PROJECT_KEYS.forEach((key, c) => {
      const value = entryValue(e, key);
      put(
        row,
        c,
        value,
        typeof value === 'number' && key === 'contribution' ? { numberFormat: AMOUNT_FORMAT } : {},
      );
    });
    (register.extraProjectColumns ?? []).forEach((h, j) =>
      put(row, PROJECT_KEYS.length + j, e.extra?.[h] ?? null),
    );
  });
  // Rows the reader could not use, after the others, cell for cell as they were.
  const unreadEntries = register.unreadEntries ?? [];
  unreadEntries.forEach((raw, i) => {
    const row = top + 1 + register.entries.length + i;
    projectHeaders.forEach((h, c) => put(row, c, rawValue(raw, h)));
  });
  // A table keeps one data row even when empty, so its range always has a body.
  const projectsEnd = top + Math.max(register.entries.length + unreadEntries.length, 1);

  const sourceCol = projectHeaders.length + 1;
  const sourceHeaders = [...SOURCE_KEYS, ...(register.extraSourceColumns ?? [])];
  sourceHeaders.forEach((h, c) => cells.push({ row: top, col: sourceCol + c, value: h }));
  register.sources.forEach((s, i) => {
    const row = top + 1 + i;
    SOURCE_KEYS.forEach((key, c) => put(row, sourceCol + c, sourceValue(s, key)));
    (register.extraSourceColumns ?? []).forEach((h, j) =>
      put(row, sourceCol + SOURCE_KEYS.length + j, s.extra?.[h] ?? null),
    );
  });
  const unreadSources = register.unreadSources ?? [];
  unreadSources.forEach((raw, i) => {
    const row = top + 1 + register.sources.length + i;
    sourceHeaders.forEach((h, c) => put(row, sourceCol + c, rawValue(raw, h)));
  });
  const sourcesEnd = top + Math.max(register.sources.length + unreadSources.length, 1);

  const range = (fromCol: number, width: number, endRow: number) =>
    `${cellRef(top, fromCol)}:${columnLetters(fromCol + width - 1)}${endRow + 1}`;

  return {
    name: REGISTER_SHEET,
    visibility: 'veryHidden',
    protect: true,
    cells,
    columnWidths: [
      ...projectHeaders.map((h, c) => ({ col: c, width: h === 'name' || h === 'goals' ? 40 : 16 })),
      ...sourceHeaders.map((_, c) => ({ col: sourceCol + c, width: 24 })),
    ],
    tables: [
      {
        name: PROJECTS_TABLE,
        range: range(0, projectHeaders.length, projectsEnd),
        style: 'TableStyleMedium2',
      },
      {
        name: SOURCES_TABLE,
        range: range(sourceCol, sourceHeaders.length, sourcesEnd),
        style: 'TableStyleMedium2',
      },
    ],
  };
}
