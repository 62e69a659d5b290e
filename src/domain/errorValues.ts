/**
 * Excel's error values, as `Range.values` returns them (strings) when a
 * read comes without `valueTypes`. One list for the Office.js adapter and the
 * in-memory Excel host.
 */
export const EXCEL_ERROR_VALUES: ReadonlySet<string> = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
  '#EXTERNAL!',
  '#PYTHON!',
]);
