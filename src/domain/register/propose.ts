/**
 * A register proposed for a workbook that has none, read off its budget and
 * financing sheets: an entry per budget line, a source per funding source,
 * and the financing sheet's spellings of budget lines as aliases where the
 * match is sure. Every guess says why it was made and which cell it came
 * from, so the user can review it before the register is written.
 */
import { appendFindings, type Finding } from '../findings';
import { bestMatch, normalizeLabel, type MatchCandidate } from '../match';
import type { WorkbookSnapshot } from '../snapshot';
import { readAmountTable, type AmountTable, type TableRow } from '../tables/amountTable';
import { findSheet, type SheetRole } from '../tables/findSheet';
import { registerEntry } from './entry';
import {
  REGISTER_FORMAT_VERSION,
  type EntryKind,
  type FundingSource,
  type Register,
  type RegisterEntry,
  type SourceKind,
} from './types';

export interface EntryGuess {
  readonly kind: EntryKind;
  readonly reason: 'operationsLabel' | 'project';
  /** The budget line's label cell, e.g. `Budsjett!A5`. */
  readonly cell: string;
  /** Labels of the financing sheet added to the entry's aliases, with their cells. */
  readonly aliasCells?: readonly string[];
}

export interface SourceGuess {
  readonly kind: SourceKind;
  readonly reason: 'groupHeader' | 'topLevel' | 'memoRow';
  readonly cell: string;
}

export interface RegisterProposal {
  /** formatVersion = REGISTER_FORMAT_VERSION; entries in budget-line order. */
  readonly register: Register;
  /** One per register.entries[i]. */
  readonly entryGuesses: readonly EntryGuess[];
  /** One per register.sources[i]. */
  readonly sourceGuesses: readonly SourceGuess[];
  /** Why the proposal is thin: SHEET_MISSING, TABLE_NOT_FOUND. Never thrown. */
  readonly findings: readonly Finding[];
}

export interface ProposeOptions {
  readonly budgetSheet?: string;
  readonly financingSheet?: string;
  /**
   * Ids for project entries: `numbered` (default) gives `P1`, `P2`, ... in
   * budget-line order, placeholders the user replaces with the plan's own
   * numbers; `empty` leaves them '' (the register then reports each as
   * missing its id until filled in).
   */
  readonly ids?: 'numbered' | 'empty';
}

/** Words (normalised) that mark a budget line as operations, not a project. */
const OPERATIONS_WORDS = new Set([
  'drift',
  'koordinering',
  'administrasjon',
  'adm',
  'diverse',
  'felles',
  'fellesutgifter',
  'felleskostnader',
  'sekretariat',
  'sekretariatet',
  'lonn',
  'lonninger',
  'husleie',
  'operations',
  'operating',
  'administration',
  'admin',
  'misc',
  'miscellaneous',
  'overhead',
  'secretariat',
  'salaries',
  'rent',
]);
/** Beginnings of Norwegian compounds that are operations: `Driftsutgifter`, `Lønnskostnader`. */
const OPERATIONS_PREFIXES = ['drifts', 'administrasjons', 'lonns', 'husleie', 'sekretariat', 'koordinerings'];

/** A group header's trailing `:` or `,` (as the reconciliation reads it). */
const GROUP_HEADER = /[:,]\s*$/;
/** A fuzzy match this good, and clearly better than the next, ties an earmark to a line. */
const CONFIDENT = 0.75;
const MARGIN = 0.1;
/** Below this, a row under a header without indentation is taken for a source of its own. */
const RELATED = 0.6;

export function isOperationsLabel(label: string): boolean {
  const words = normalizeLabel(label).split(' ');
  return words.some((w) => OPERATIONS_WORDS.has(w) || OPERATIONS_PREFIXES.some((p) => w.startsWith(p)));
}

function sourceName(label: string): string {
  return label.replace(/[\s:,]+$/, '').trim();
}

/**
 * Proposes a register for the workbook's budget and financing sheets.
 * Reconciling the workbook against it (once written) finds every budget
 * line and source; earmarks whose label matches no line closely enough are
 * left for the user (UNKNOWN_EARMARK, where the alias can be learned).
 */
export function proposeRegister(workbook: WorkbookSnapshot, options: ProposeOptions = {}): RegisterProposal {
  const findings: Finding[] = [];
  const read = (role: SheetRole, name: string | undefined): AmountTable | null => {
    const found = findSheet(workbook, role, name);
    if ('finding' in found) {
      findings.push(found.finding);
      return null;
    }
    const r = readAmountTable(found.sheet, role);
    appendFindings(
      findings,
      r.findings.filter((f) => f.code === 'TABLE_NOT_FOUND'),
    );
    return r.table;
  };
  const budget = read('budget', options.budgetSheet);
  const financing = read('financing', options.financingSheet);

  // Entries: one per budget line (a row with an amount above the sum row), first of each label.
  const entries: RegisterEntry[] = [];
  const entryGuesses: {
    kind: EntryKind;
    reason: EntryGuess['reason'];
    cell: string;
    aliasCells: string[];
  }[] = [];
  const entryByKey = new Map<string, number>();
  let projects = 0;
  for (const row of budget?.rows ?? []) {
    if (row.amounts.size === 0) continue;
    const label = row.label.trim();
    const key = normalizeLabel(label);
    if (key === '' || entryByKey.has(key)) continue;
    const operations = isOperationsLabel(label);
    const kind: EntryKind = operations ? 'operations' : 'project';
    const id = operations || options.ids === 'empty' ? '' : `P${++projects}`;
    entryByKey.set(key, entries.length);
    entries.push(registerEntry({ id, name: label, budgetLine: label, kind }));
    entryGuesses.push({
      kind,
      reason: operations ? 'operationsLabel' : 'project',
      cell: row.labelRef,
      aliasCells: [],
    });
  }

  const aliases: string[][] = entries.map(() => []);
  const candidates: MatchCandidate<number>[] = entries.map((e, i) => ({ key: i, text: e.name }));
  const sources: FundingSource[] = [];
  const sourceGuesses: SourceGuess[] = [];
  const sourceKeys = new Set<string>();
  const addSource = (label: string, kind: SourceKind, reason: SourceGuess['reason'], cell: string) => {
    const name = sourceName(label);
    const key = normalizeLabel(name);
    if (key === '' || sourceKeys.has(key)) return;
    sourceKeys.add(key);
    sources.push({ name, kind, aliases: [] });
    sourceGuesses.push({ kind, reason, cell });
  };

  /** The entry an earmark names: exactly, or by a sure fuzzy match (then an alias); and how close it came. */
  const matchEarmark = (row: TableRow): { entry: number | null; score: number } => {
    const key = normalizeLabel(row.label);
    const exact = entryByKey.get(key);
    if (exact !== undefined) return { entry: exact, score: 1 };
    const best = bestMatch(row.label, candidates, RELATED);
    if (!best) return { entry: null, score: 0 };
    if (best.score < CONFIDENT) return { entry: null, score: best.score };
    const rest = candidates.filter((c) => c.key !== best.key);
    const second = bestMatch(row.label, rest, best.score - MARGIN);
    if (second) return { entry: null, score: best.score };
    const alias = row.label.trim();
    if (!alias.includes(';') && !aliases[best.key].some((a) => normalizeLabel(a) === key)) {
      aliases[best.key].push(alias);
      entryGuesses[best.key].aliasCells.push(row.labelRef);
    }
    return { entry: best.key, score: best.score };
  };

  if (financing) {
    const rows = financing.rows;
    // The financing sheet as the reconciliation walks it: group headers (no amount) and their rows.
    let group: { indent: number; childIndent: number | null } | null = null;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      const hasAmount = row.amounts.size > 0;
      const outdented =
        group !== null &&
        group.childIndent !== null &&
        group.childIndent > group.indent &&
        row.indent <= group.indent;
      if (group && !outdented && (hasAmount || !GROUP_HEADER.test(row.label))) {
        if (!hasAmount) continue;
        group.childIndent ??= row.indent;
        const indented = group.childIndent > group.indent;
        const { score } = matchEarmark(row);
        // Without indentation, a row unlike any budget line ends the group: a source of its own.
        if (!indented && score < RELATED) {
          group = null;
          addSource(row.label, 'own', 'topLevel', row.labelRef);
        }
        continue;
      }
      if (!hasAmount) {
        const next = rows[r + 1];
        const heads = GROUP_HEADER.test(row.label) || (next !== undefined && next.indent > row.indent);
        if (heads) addSource(row.label, 'external', 'groupHeader', row.labelRef);
        // Taken as a group either way, as the reconciliation does.
        group = { indent: row.indent, childIndent: null };
        continue;
      }
      group = null;
      addSource(row.label, 'own', 'topLevel', row.labelRef);
    }
  }
  // Rows after a sum row that restate a figure (`SNRs bidrag`).
  for (const table of [financing, budget]) {
    for (const row of table?.after ?? []) {
      if (row.amounts.size > 0) addSource(row.label, 'memo', 'memoRow', row.labelRef);
    }
  }

  const register: Register = {
    formatVersion: REGISTER_FORMAT_VERSION,
    entries: entries.map((e, i) => (aliases[i].length > 0 ? { ...e, aliases: aliases[i] } : e)),
    sources,
    extraProjectColumns: [],
    extraSourceColumns: [],
  };
  return {
    register,
    entryGuesses: entryGuesses.map((g) =>
      g.aliasCells.length > 0
        ? { kind: g.kind, reason: g.reason, cell: g.cell, aliasCells: g.aliasCells }
        : { kind: g.kind, reason: g.reason, cell: g.cell },
    ),
    sourceGuesses,
    findings,
  };
}
