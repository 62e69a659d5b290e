/**
 * Packing write operations into round trips: in order, as many as fit in
 * the budget (a share of the payload limit). The number of round trips
 * grows with total size ÷ limit, never with the number of rows.
 */
import { isPayloadTooLarge } from '../errors';
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

/**
 * The round trip of `chunks[index]`, whose operations are queued. Excel rejects an oversized
 * request before doing any of it: then the chunk is replaced by two halves, in its place, and
 * the answer is 'split' (queue them again from `index`), up to `maxRetries` times in all.
 */
export async function syncOrSplit(
  sync: () => Promise<void>,
  chunks: Chunk[],
  index: number,
  retries: { count: number },
  maxRetries: number,
): Promise<'done' | 'split'> {
  try {
    await sync();
    return 'done';
  } catch (e) {
    const chunk = chunks[index];
    if (!isPayloadTooLarge(e) || chunk.ops.length < 2 || retries.count >= maxRetries) throw e;
    retries.count++;
    chunks.splice(index, 1, ...packChunks(chunk.ops, Math.max(1, chunk.bytes / 2)));
    return 'split';
  }
}
