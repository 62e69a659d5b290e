/**
 * An .xlsx (or .xlsm) package read as the domain needs it: every sheet's
 * name and visibility, the workbook's names, and the cells of the sheets
 * reconciling reads (or of all worksheets, for the preview's grid). Works on
 * bytes, with no Node built-in, so the CLI and the preview page share it.
 */
import { splitSheetRef } from '../../domain/address';
import { sheetsToRead, type SheetChoice } from '../../domain/reconcile/sheetsToRead';
import type { DefinedNameSnapshot, SheetSnapshot, WorkbookSnapshot } from '../../domain/snapshot';
import { Guard, PackageError, type Limits } from '../package/guard';
import { PackageReader } from '../package/opc';
import { openZip } from '../package/zip';
import { readIndents, readSharedStrings, readWorkbookPart, type WorkbookEntry } from './parts';
import { readSheet, type SheetContext } from './sheet';
import { decodeXstring } from './text';

export interface ReadOptions extends SheetChoice {
  /** Read every worksheet's cells, not only those reconciling uses (the preview shows them all). */
  readonly allSheets?: boolean;
  readonly limits?: Partial<Limits>;
  /** The clock the time limit is measured with (tests). */
  readonly now?: () => number;
}

export interface WorkbookFile {
  readonly snapshot: WorkbookSnapshot;
  /** The package as read, for a writer that adds to it. */
  readonly pkg: PackageReader;
  readonly workbook: WorkbookEntry;
}

/** An OLE compound file: an encrypted (password-protected) workbook, or an old .xls. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function readWorkbookBytes(bytes: Uint8Array, options: ReadOptions = {}): WorkbookFile {
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) throw new PackageError('not-zip', 'ole');
  const guard = new Guard(options.limits, options.now);
  const pkg = new PackageReader(openZip(bytes, guard), guard);
  const workbookPart = pkg.workbookPart();
  if (workbookPart.toLowerCase().endsWith('.bin')) throw new PackageError('not-workbook', 'xlsb');
  const workbook = readWorkbookPart(pkg, workbookPart);
  if (workbook.sheets.length === 0) throw new PackageError('not-workbook', 'no sheets');

  // The sheets whose cells are read: worksheets (and Excel 4 macro sheets, which hold cells too).
  const wanted = options.allSheets
    ? null
    : new Set(
        sheetsToRead(
          workbook.sheets.map((s) => s.name),
          options,
        ).map((s) => s.name),
      );
  const toRead = new Set(
    workbook.sheets.filter(
      (s) =>
        s.part !== null &&
        (s.kind === 'worksheet' || s.kind === 'macrosheet') &&
        (wanted?.has(s.name) ?? true),
    ),
  );
  // Shared strings and formats only when a sheet is read (a workbook may be read for its names).
  const ctx: SheetContext | null =
    toRead.size === 0
      ? null
      : {
          strings: readSharedStrings(pkg, workbook.part),
          indents: readIndents(pkg, workbook.part),
          date1904: workbook.date1904,
          guard,
        };
  const sheets = workbook.sheets.map((s): SheetSnapshot =>
    ctx !== null && s.part !== null && toRead.has(s)
      ? readSheet(pkg, s.part, s.name, s.state, ctx)
      : { name: s.name, visibility: s.state, origin: { row: 0, col: 0 }, values: [] },
  );
  const definedNames = rangeNames(workbook);
  const snapshot: WorkbookSnapshot = definedNames.length > 0 ? { sheets, names: definedNames } : { sheets };
  return { snapshot, pkg, workbook };
}

const RANGE = /^\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?$/;

/**
 * Workbook-level names that refer to one range of one sheet (the outputs' markers are such
 * names). Excel's own names (`_xlnm.Print_Titles`) and sheet-local names are left out.
 */
function rangeNames(workbook: WorkbookEntry): DefinedNameSnapshot[] {
  const out: DefinedNameSnapshot[] = [];
  for (const n of workbook.names) {
    if (n.localSheetId !== null || n.name.startsWith('_xlnm.')) continue;
    const split = splitSheetRef(n.text);
    if (!split || !RANGE.test(split.address) || split.sheet.includes('#REF!')) continue;
    out.push({ name: decodeXstring(n.name), sheet: split.sheet, ref: split.address });
  }
  return out;
}
