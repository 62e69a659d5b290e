/**
 * Names in the workbook a change sets: the defined names to remove and the `<definedName>`
 * elements to add (names the caller sets, each sheet's print titles), and the names a table may
 * take.
 */
import { parseCellRef, quoteSheetName } from '../../domain/address';
import type { DefinedNameModel, SheetModel } from '../../domain/model';
import { XlsxModelError } from './errors';
import { escAttr, escText } from './xmlText';

/** The names to remove from the workbook and the `<definedName>` elements to add. */
export function definedNamesEdit(
  changes: {
    readonly sheets: readonly { readonly model: Pick<SheetModel, 'name' | 'print'> }[];
    readonly names?: readonly DefinedNameModel[];
  },
  replacedIndexes: readonly number[],
  sheetIndex: ReadonlyMap<string, number>,
): { remove: (name: string, localSheetId: number | null) => boolean; add: string[] } {
  const setNames = new Set((changes.names ?? []).map((n) => n.name.toLowerCase()));
  const gone = new Set(replacedIndexes);
  const remove = (name: string, localSheetId: number | null) =>
    localSheetId === null ? setNames.has(name.toLowerCase()) : gone.has(localSheetId);
  const add: string[] = [];
  for (const n of changes.names ?? []) {
    if (!parseCellRef(n.ref)) throw new XlsxModelError(`Defined name ${n.name}: ${n.ref} is not one cell.`);
    const ref = n.ref.replace(/^\$?([A-Za-z]+)\$?(\d+)$/, '$$$1$$$2');
    add.push(
      `<definedName name="${escAttr(n.name)}">${escText(`${quoteSheetName(n.sheet)}!${ref}`)}</definedName>`,
    );
  }
  for (const c of changes.sheets) {
    const t = c.model.print?.titleRows;
    if (!t) continue;
    if (t.first < 0 || t.last < t.first)
      throw new XlsxModelError(
        `Sheet ${c.model.name}: print title rows ${t.first}..${t.last} are not a range.`,
      );
    const text = `${quoteSheetName(c.model.name)}!$${t.first + 1}:$${t.last + 1}`;
    add.push(
      `<definedName name="_xlnm.Print_Titles" localSheetId="${sheetIndex.get(c.model.name)}">${escText(text)}</definedName>`,
    );
  }
  return { remove, add };
}

/** A name Excel takes for a table: a letter, `_` or `\` first, no spaces, not a cell reference. */
export function isTableName(name: string): boolean {
  return (
    /^[\p{L}_\\][\p{L}\p{N}_.]{0,254}$/u.test(name) &&
    !parseCellRef(name) &&
    !/^[RrCc]$/.test(name) &&
    !/^[Rr]\d*[Cc]\d*$/.test(name)
  );
}
