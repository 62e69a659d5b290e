/**
 * The project register's data: its entries (projects and operations lines) and funding sources,
 * and the names and keys of its stored format (docs/REGISTER.md).
 */
import type { Ore } from '../amount';

/** The register's stored format version; see docs/REGISTER.md. */
export const REGISTER_FORMAT_VERSION = 1;
export const REGISTER_SHEET = 'Prosjektregister';
export const PROJECTS_TABLE = 'Prosjekter';
export const SOURCES_TABLE = 'Kilder';
/** The label of the cell whose right-hand neighbour holds the format version. */
export const FORMAT_VERSION_KEY = 'formatVersion';

/** Column keys of table `Prosjekter`, in stored order (DOMAIN.md "Stable formats"). */
export const PROJECT_KEYS = [
  'id',
  'name',
  'area',
  'phase',
  'owner',
  'role',
  'partners',
  'goals',
  'contribution',
  'basis',
  'contributionNote',
  'budgetLine',
  'aliases',
  'kind',
] as const;
export type ProjectKey = (typeof PROJECT_KEYS)[number];

/**
 * Separates the items of a list cell (partners, goals, aliases) on the sheet and in CSV and
 * JSON text alike; an item can therefore never contain it.
 */
export const LIST_SEPARATOR = ';';

/** Column keys of table `Kilder`. */
export const SOURCE_KEYS = ['name', 'kind', 'aliases'] as const;
export type SourceKey = (typeof SOURCE_KEYS)[number];

export type Basis = 'per år' | 'totalt';
export type EntryKind = 'project' | 'operations';
export type SourceKind = 'own' | 'external' | 'memo';

/** A value of a column the add-in does not know; kept as it was. */
export type ExtraValue = string | number | boolean | null;

/** A register row: a project, or an operations budget line. */
export interface RegisterEntry {
  readonly id: string;
  readonly name: string;
  readonly area: string;
  readonly phase: string;
  readonly owner: string;
  readonly role: string;
  readonly partners: readonly string[];
  readonly goals: readonly string[];
  /** The council's promised money in øre; null when it gives work, not money. */
  readonly contribution: Ore | null;
  /** Set when the contribution is stated as a range (`ca kr 2-300.000`). */
  readonly contributionRange?: { readonly min: Ore; readonly max: Ore };
  readonly basis: Basis | null;
  readonly contributionNote: string;
  readonly budgetLine: string;
  readonly aliases: readonly string[];
  readonly kind: EntryKind;
  /** Columns the add-in does not know, by header. */
  readonly extra?: Readonly<Record<string, ExtraValue>>;
}

export interface FundingSource {
  readonly name: string;
  readonly kind: SourceKind;
  readonly aliases: readonly string[];
  readonly extra?: Readonly<Record<string, ExtraValue>>;
}

/** A register row the reader could not use (a REGISTER_INVALID finding): its cells by header, as they were. */
export type UnreadRow = Readonly<Record<string, ExtraValue>>;

export interface Register {
  readonly formatVersion: number;
  readonly entries: readonly RegisterEntry[];
  readonly sources: readonly FundingSource[];
  /**
   * Rows of each table the reader could not use, kept so that rewriting the
   * register never loses what someone typed: written back after the rows it
   * could read. Absent or empty in a register made by the add-in.
   */
  readonly unreadEntries?: readonly UnreadRow[];
  readonly unreadSources?: readonly UnreadRow[];
  /** Headers of unknown columns, in their order, per table. */
  readonly extraProjectColumns?: readonly string[];
  readonly extraSourceColumns?: readonly string[];
}

/** Where the register was read from, for findings (`Prosjektregister!I5`). */
export interface RegisterLocation {
  readonly sheet: string;
  /** 0-based sheet row of each entry / source, by index. */
  readonly entryRows: ArrayLike<number>;
  readonly sourceRows: readonly number[];
  /** 0-based column of each header, per table. */
  readonly projectColumns: ReadonlyMap<string, number>;
  readonly sourceColumns: ReadonlyMap<string, number>;
}
