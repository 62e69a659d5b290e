/**
 * What the plan reader returns: the register it read, both tables, the
 * sources, and for every field where it came from and how sure the reader is.
 * Plain data, so the pane can show it, let the user edit it, and write it.
 */
import type { Ore } from '../amount';
import type { Basis, Register, SourceKind } from '../register/types';

/** How sure the reader is of a field: `low` is shown to the user as uncertain. */
export type Confidence = 'high' | 'medium' | 'low';

/** Where a field came from: the block (and table row) of the document, with its text. */
export interface Provenance {
  /** Index into the blocks the reader was given. */
  readonly block: number;
  /** 0-based row of a table block. */
  readonly row?: number;
  /** 1-based line of a text input. */
  readonly line?: number;
  /** 0-based paragraph/table index of a Word body. */
  readonly paragraph?: number;
  /** The text the field was read from (the paragraph, or the row's cells joined by a tab). */
  readonly text: string;
}

export interface Field<T> {
  readonly value: T;
  /** null when the document does not say (the value is then empty or inherited). */
  readonly from: Provenance | null;
  readonly confidence: Confidence;
}

export interface PlanProject {
  readonly id: Field<string>;
  readonly name: Field<string>;
  readonly area: Field<string>;
  readonly phase: Field<string>;
  readonly owner: Field<string>;
  readonly role: Field<string>;
  readonly partners: Field<readonly string[]>;
  readonly goals: Field<readonly string[]>;
  readonly contribution: Field<Ore | null>;
  readonly contributionRange?: { readonly min: Ore; readonly max: Ore };
  readonly basis: Field<Basis | null>;
  readonly contributionNote: Field<string>;
  /** The budget line tied to the project ('' when none). */
  readonly budgetLine: Field<string>;
  /** Other spellings the document uses for it: heading, contents, financing rows, summary. */
  readonly aliases: readonly string[];
  /** The project's heading. */
  readonly heading: Provenance;
}

export type RowRole =
  /** A budget line. */
  | 'line'
  /** A financing source with an amount of its own. */
  | 'source'
  /** A financing group header: a source with no amount, whose next rows are earmarked. */
  | 'groupHeader'
  /** Money from the group's source for one budget line. */
  | 'earmark'
  | 'sum'
  /** After the sum: a row restating a subtotal (`SNRs bidrag`). */
  | 'memo';

export interface PlanTableRow {
  readonly label: string;
  /** Per year column: øre, or null when the cell is empty or unreadable. */
  readonly amounts: readonly (Ore | null)[];
  /** The cells as written, per year column. */
  readonly texts: readonly string[];
  readonly role: RowRole;
  readonly from: Provenance;
  /** A budget line or earmark: the project id it is tied to, `operations`, or null when none was found. */
  readonly tiedTo?:
    { readonly kind: 'project'; readonly project: number } | { readonly kind: 'operations' } | null;
  readonly confidence: Confidence;
}

export interface PlanTable {
  /** Per amount column: its year, or null when the table does not say. */
  readonly years: readonly (number | null)[];
  readonly rows: readonly PlanTableRow[];
  readonly from: Provenance;
  /** Lines under the table that belong with it (`Mrk. Finansiering SNP 2009 er kr 1.810.000`). */
  readonly notes: readonly { readonly text: string; readonly from: Provenance }[];
}

export interface PlanSource {
  readonly name: string;
  readonly kind: SourceKind;
  readonly aliases: readonly string[];
  readonly from: Provenance;
  readonly confidence: Confidence;
  /** Why this kind: a group header is external; sources adding up to the memo row are own; ... */
  readonly reason: 'groupHeader' | 'addsUpToMemo' | 'memoRow' | 'councilName' | 'undecided';
}

export type UnreadCode =
  /** A project heading whose section has none of the fields (owner, role, contribution, ...). */
  | 'projectNoFields'
  /** Two projects share an id (both are kept). */
  | 'duplicateId'
  /** A contribution paragraph with an amount whose basis (per year / total) is not said: read as total. */
  | 'basisNotStated'
  /** A contribution paragraph the reader could not make sense of. */
  | 'contributionUnclear'
  /** No budget table / no financing table found. */
  | 'noBudgetTable'
  | 'noFinancingTable'
  /** An amount table whose year is not said. */
  | 'tableNoYear'
  /** A cell that should hold an amount and does not read as one. */
  | 'amountUnreadable'
  /** A stated sum that differs from its rows. */
  | 'sumDiffers'
  /** A budget line tied to no project and not operations. */
  | 'budgetLineUnmatched'
  /** A project promising money with no budget line found for it. */
  | 'projectNoBudgetLine'
  /** A financing source whose kind (own/external) the reader could not decide. */
  | 'sourceKindUndecided'
  /** A memo row that is not the sum of any set of sources. */
  | 'memoUnexplained'
  /** A labelled line in a project section the reader does not know. */
  | 'unknownLine'
  /** A field read with little certainty (e.g. a phase marked `evt.`). */
  | 'uncertain';

/** Something the reader could not read, or read with doubt: shown to the user, never dropped. */
export interface UnreadItem {
  readonly code: UnreadCode;
  readonly from: Provenance | null;
  /** The project id or row label it is about, when there is one. */
  readonly subject?: string;
  /** A figure or field name the message needs. */
  readonly detail?: string;
}

export interface PlanReading {
  /** The council as the document names it (`SNR`, `regionrådet`), and its full name when given. */
  readonly council: { readonly short: string | null; readonly full: string | null };
  /** The language of the plan's labels: the sheets are named in it. */
  readonly lang: 'nb' | 'en';
  /** Focus areas, in order. */
  readonly areas: readonly { readonly id: string; readonly title: string; readonly from: Provenance }[];
  readonly projects: readonly PlanProject[];
  readonly budget: PlanTable | null;
  readonly financing: PlanTable | null;
  readonly sources: readonly PlanSource[];
  /** The register the reading makes: projects, then operations lines; sources own, external, memo. */
  readonly register: Register;
  readonly unread: readonly UnreadItem[];
}
