/**
 * One output sheet as a list of write operations, each with the request
 * bytes Microsoft's client will send for it (requestBytes.ts), so that the
 * writer can pack them into round trips under the payload limit
 * (stagedWrite.ts). Nothing is queued until an operation is given its round
 * trip's worksheet object.
 *
 * The sheet's font first, then its cells in row bands (cellOps.ts), then its
 * settings: widths, heights, merges, frozen panes, tables, conditional
 * formats, printing, charts (settingsOps.ts).
 */
import { cellRef } from '../../domain/address';
import type { SheetModel } from '../../domain/model';
import { jsonBytes } from '../adapter/blocks';
import type { LeftOut } from '../gateway';
import { bands, fittedBandOps } from './cellOps';
import * as bytes from './requestBytes';
import { settingsOps } from './settingsOps';
import type { BandLimits, Features, OpTarget, SheetPlan, WriteOp } from './writeOp';

/** The sheet's write operations, what this Excel cannot do of it, and its tables' temporary names. */
export function sheetOps(model: SheetModel, features: Features, limits: BandLimits): SheetPlan {
  const leftOut = new Set<LeftOut>();
  const cells = [...model.cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const at = (r: string) => (t: OpTarget) => t.sheet.getRange(r).untrack();
  const ops: WriteOp[] = [];
  // The sheet's font on every cell it writes, first: the cells' own sizes and weights come after.
  const font = model.font;
  if (font && cells.length > 0) {
    let maxRow = 0;
    let maxCol = 0;
    for (const c of cells) {
      maxRow = Math.max(maxRow, c.row);
      maxCol = Math.max(maxCol, c.col);
    }
    const all = `A1:${cellRef(maxRow, maxCol)}`;
    const on = bytes.nav(bytes.range(all), 'Format', 'Font');
    ops.push({
      bytes: bytes.set(on, 'Name', jsonBytes(font.name)) + bytes.set(on, 'Size', jsonBytes(font.size)),
      queue: (t) => {
        const f = at(all)(t).format.font;
        f.name = font.name;
        f.size = font.size;
      },
    });
  }
  ops.push(...bands(cells, limits).flatMap((b) => fittedBandOps(b, features, leftOut, limits)));

  const settings = settingsOps(model, features, limits, leftOut);
  ops.push(...settings.ops);
  return { ops, leftOut: [...leftOut], tableNames: settings.tableNames };
}
