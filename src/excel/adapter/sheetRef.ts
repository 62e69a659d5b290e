/**
 * The cell references findings carry (`Budsjett!B9`, `'Finansiering 2012'!C4`,
 * `Budsjett!B2:C9`), split into sheet and address for `select()`.
 */

export interface SheetRef {
  /** Null when the reference names no sheet: the active sheet is meant. */
  readonly sheet: string | null;
  /** `B9` or `B2:C9`, without `$`. */
  readonly address: string;
}

const ADDRESS = /^\$?[A-Za-z]{1,3}\$?\d{1,7}(:\$?[A-Za-z]{1,3}\$?\d{1,7})?$/;

/** Null when the text is not a cell or range reference. */
export function parseSheetRef(ref: string): SheetRef | null {
  const text = ref.trim();
  let sheet: string | null = null;
  let address = text;
  const quoted = /^'((?:[^']|'')+)'!(.*)$/.exec(text);
  if (quoted) {
    sheet = quoted[1].replace(/''/g, "'");
    address = quoted[2];
  } else {
    const bang = text.lastIndexOf('!');
    if (bang >= 0) {
      sheet = text.slice(0, bang);
      address = text.slice(bang + 1);
      if (sheet === '' || sheet.includes("'")) return null;
    }
  }
  if (!ADDRESS.test(address)) return null;
  return { sheet, address: address.replace(/\$/g, '').toUpperCase() };
}
