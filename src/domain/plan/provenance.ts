/**
 * Where the plan reader read something: the block (and table row) with its line or paragraph and
 * its text, and a read value with that place and how sure the reader is of it.
 */
import type { PlanBlock } from './blocks';
import type { Confidence, Field, Provenance } from './types';

/** Where block `i` (row `row` of a table) is in the document, with its text. */
export function provenance(blocks: readonly PlanBlock[], i: number, row?: number): Provenance {
  const b = blocks[i];
  const origin = b.kind === 'table' && row !== undefined ? (b.rowOrigins?.[row] ?? b.origin) : b.origin;
  const text =
    b.kind === 'table'
      ? row === undefined
        ? b.rows.map((r) => r.join('\t')).join('\n')
        : b.rows[row].join('\t')
      : b.text;
  return {
    block: i,
    ...(row !== undefined ? { row } : {}),
    ...(origin?.line !== undefined ? { line: origin.line } : {}),
    ...(origin?.paragraph !== undefined ? { paragraph: origin.paragraph } : {}),
    text,
  };
}

/** A value read from `from` (null: the document does not say). */
export function field<T>(value: T, from: Provenance | null, confidence: Confidence = 'high'): Field<T> {
  return { value, from, confidence };
}
