/**
 * A plan document as the reader sees it: a list of blocks, whatever the file
 * was. The .txt adapter (`textToBlocks`) and the .docx adapter
 * (`src/plan/docx.ts`) both produce these, so the reader never knows, and the
 * pane can hand it pasted text or a dropped Word file alike.
 */

/** Where a block came from, for provenance: a 1-based line of a text, or a paragraph/table of a Word body. */
export interface BlockOrigin {
  /** 1-based line in the text (text input). */
  readonly line?: number;
  /** 0-based index among the document body's paragraphs and tables (.docx input). */
  readonly paragraph?: number;
}

export type PlanBlock =
  | { readonly kind: 'heading'; readonly level: number; readonly text: string; readonly origin?: BlockOrigin }
  | { readonly kind: 'paragraph'; readonly text: string; readonly origin?: BlockOrigin }
  | {
      readonly kind: 'listItem';
      readonly text: string;
      readonly level: number;
      readonly origin?: BlockOrigin;
    }
  | {
      readonly kind: 'table';
      readonly rows: readonly (readonly string[])[];
      /** Per row, where it came from (a text line each; a Word table has one origin). */
      readonly rowOrigins?: readonly BlockOrigin[];
      readonly origin?: BlockOrigin;
    };
