/**
 * How a type's member changes a field outside the cells (a chart's title, a table's name, a
 * sheet's frozen panes or page layout): the change, with its undo in the request's journal (a
 * request Excel refuses applies nothing). Defines no type.
 */
import type { Execution } from '../richApi/execution';

/** Records a change to a sheet-level field with its undo. */
export function record<T>(x: Execution, get: () => T, set: (v: T) => void, value: T): void {
  const old = get();
  set(value);
  x.journal.push(() => set(old));
}
