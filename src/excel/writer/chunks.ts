/**
 * Packing write operations into round trips: in order, as many as fit in
 * the budget (a share of the payload limit). The number of round trips
 * grows with total size ÷ limit, never with the number of rows.
 */
import type { WriteOp } from './sheetOps';

export interface Chunk {
  readonly ops: readonly WriteOp[];
  readonly bytes: number;
}

/** Consecutive ops, each chunk at most `budget` bytes (an op larger than the budget goes alone). */
export function packChunks(ops: readonly WriteOp[], budget: number): Chunk[] {
  const chunks: Chunk[] = [];
  let current: WriteOp[] = [];
  let bytes = 0;
  for (const op of ops) {
    if (current.length > 0 && bytes + op.bytes > budget) {
      chunks.push({ ops: current, bytes });
      current = [];
      bytes = 0;
    }
    current.push(op);
    bytes += op.bytes;
  }
  if (current.length > 0) chunks.push({ ops: current, bytes });
  return chunks;
}
