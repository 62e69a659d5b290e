/**
 * Fixture builders for reconciliation tests: sheets, register rows and a
 * whole consistent plan (budget, financing and register that agree).
 *
 * Amounts given to the builders are kroner (as a finance officer types them
 * into a cell); what the engine returns is øre (`kronerToOre`).
 */
import { registerEntry } from '../../src/domain/register/entry';
import { kronerToOre } from '../../src/domain/amount';
import { sheetModelToSnapshot } from '../../src/domain/modelToSnapshot';
import { registerSheetModel } from '../../src/domain/register/registerSheet';
import {
  REGISTER_FORMAT_VERSION,
  type Basis,
  type FundingSource,
  type Register,
  type RegisterEntry,
  type SourceKind,
} from '../../src/domain/register/types';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/domain/snapshot';

export { kronerToOre };

export interface SheetOptions {
  /** 0-based sheet position of rows[0][0]. */
  readonly origin?: { readonly row: number; readonly col: number };
  readonly indents?: number[][];
  readonly formulas?: (string | null)[][];
}

/** A sheet snapshot; rows are padded to a rectangle with null. */
export function sheet(
  name: string,
  rows: readonly (readonly CellValue[])[],
  opts: SheetOptions = {},
): SheetSnapshot {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const values = rows.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)]);
  const pad = <T>(grid: T[][] | undefined, fill: T): T[][] | undefined =>
    grid &&
    values.map((_, i) => [
      ...(grid[i] ?? []),
      ...new Array<T>(Math.max(0, width - (grid[i]?.length ?? 0))).fill(fill),
    ]);
  return {
    name,
    origin: opts.origin ?? { row: 0, col: 0 },
    values,
    ...(opts.indents ? { indents: pad(opts.indents, 0) } : {}),
    ...(opts.formulas ? { formulas: pad(opts.formulas, null) } : {}),
  };
}

/** The hidden register sheet, exactly as the add-in writes it. */
export function registerSheet(register: Register): SheetSnapshot {
  return sheetModelToSnapshot(registerSheetModel(register));
}

export type EntryInput = Partial<Omit<RegisterEntry, 'contribution'>> & {
  readonly name: string;
  /** Promised contribution in kroner; null/undefined = no money promised. */
  readonly contributionKr?: number | null;
};

/** A register entry with defaults: a project whose budget line is its name. */
export function entry(e: EntryInput): RegisterEntry {
  const { contributionKr, ...rest } = e;
  const contribution =
    contributionKr === undefined || contributionKr === null ? null : kronerToOre(contributionKr);
  return registerEntry({
    contribution,
    basis: contribution === null ? null : 'per år',
    budgetLine: e.name,
    ...rest,
  });
}

export function source(name: string, kind: SourceKind = 'external', aliases: string[] = []): FundingSource {
  return { name, kind, aliases };
}

export function register(entries: RegisterEntry[], sources: FundingSource[]): Register {
  return { formatVersion: REGISTER_FORMAT_VERSION, entries, sources };
}

export const MEMO = 'SNRs bidrag';

export interface PlanLine {
  readonly label: string;
  /** Kroner per year. */
  readonly amounts: readonly number[];
  /**
   * Overrides for this line's register entry. `null`: the line is not in the
   * register. Default: project `${i + 1}`, name = budget line = label, and a
   * contribution equal to what the council pays for the line (`per år` when
   * that is the same every year, else `totalt`).
   */
  readonly entry?: Partial<EntryInput> | null;
}

export interface PlanSpec {
  readonly years: readonly number[];
  readonly lines: readonly PlanLine[];
  /** Own sources, kroner per year. Default: one `SNR` row paying what is left. */
  readonly own?: readonly { readonly name: string; readonly amounts: readonly number[] }[];
  /** Earmarked money from an external source for a budget line (by label), kroner per year. */
  readonly earmarks?: readonly {
    readonly source: string;
    readonly line: string;
    readonly amounts: readonly number[];
  }[];
  readonly budgetSheetName?: string;
  readonly financingSheetName?: string;
  readonly budgetHeader?: (year: number) => CellValue;
  readonly financingHeader?: (year: number) => CellValue;
  /** Indent earmarked rows by 1 (default true). */
  readonly indentEarmarks?: boolean;
  /** Add the `SNRs bidrag` memo row (default true). */
  readonly memo?: boolean;
  /** Include the register sheet (default true). */
  readonly withRegister?: boolean;
  /** Extra register entries (e.g. non-money projects). */
  readonly extraEntries?: readonly RegisterEntry[];
}

export interface BuiltPlan {
  readonly workbook: WorkbookSnapshot;
  readonly budget: SheetSnapshot;
  readonly financing: SheetSnapshot;
  readonly register: Register;
  /** Kroner, [line][year]. */
  readonly earmarked: number[][];
  readonly ownFunded: number[][];
  /** Kroner per year. */
  readonly budgetTotal: number[];
  readonly ownTotal: number[];
}

const sumAt = (rows: readonly (readonly number[])[], y: number) => rows.reduce((s, r) => s + (r[y] ?? 0), 0);

/** Splits `total` kroner into parts by integer weights, exactly. */
export function split(total: number, weights: readonly number[]): number[] {
  const w = weights.map((x) => Math.max(0, x));
  const sum = w.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map((_, i) => (i === 0 ? total : 0));
  let used = 0;
  return w.map((x, i) => {
    if (i === w.length - 1) return total - used;
    const part = Math.trunc((total * x) / sum);
    used += part;
    return part;
  });
}

/**
 * A budget sheet, a financing sheet and a register that agree: budget rows
 * and a `Sum` row; own source rows, then one group header per external source
 * (`Innovasjon Norge,`) with its earmarked rows, a `SUM` row and the
 * `SNRs bidrag` memo; every line registered.
 */
export function planWorkbook(spec: PlanSpec): BuiltPlan {
  const { years, lines } = spec;
  const ny = years.length;
  const earmarks = spec.earmarks ?? [];
  const earmarked = lines.map((l) =>
    years.map((_, y) =>
      earmarks.filter((e) => e.line === l.label).reduce((s, e) => s + (e.amounts[y] ?? 0), 0),
    ),
  );
  const ownFunded = lines.map((l, i) => years.map((_, y) => (l.amounts[y] ?? 0) - earmarked[i][y]));
  const budgetTotal = years.map((_, y) =>
    sumAt(
      lines.map((l) => l.amounts),
      y,
    ),
  );
  const ownTotal = years.map((_, y) => sumAt(ownFunded, y));
  const own = spec.own ?? [{ name: 'SNR', amounts: ownTotal }];

  // Budget sheet.
  const bHeader = spec.budgetHeader ?? ((y: number) => `Budsjett ${y}`);
  const budgetRows: CellValue[][] = [
    ['Post', ...years.map(bHeader)],
    ...lines.map((l) => [l.label, ...years.map((_, y) => l.amounts[y] ?? 0)]),
    ['Sum', ...budgetTotal],
  ];
  const budget = sheet(spec.budgetSheetName ?? 'Budsjett', budgetRows);

  // Financing sheet.
  const fHeader = spec.financingHeader ?? ((y: number) => `Finansiering ${y}`);
  const finRows: CellValue[][] = [['Kilde', ...years.map(fHeader)]];
  const finIndents: number[][] = [[0]];
  for (const o of own) {
    finRows.push([o.name, ...years.map((_, y) => o.amounts[y] ?? 0)]);
    finIndents.push([0]);
  }
  const external = [...new Set(earmarks.map((e) => e.source))];
  for (const s of external) {
    finRows.push([`${s},`, ...new Array<CellValue>(ny).fill(null)]);
    finIndents.push([0]);
    for (const e of earmarks.filter((x) => x.source === s)) {
      finRows.push([e.line, ...years.map((_, y) => e.amounts[y] ?? 0)]);
      finIndents.push([spec.indentEarmarks === false ? 0 : 1]);
    }
  }
  const ownSources = years.map((_, y) =>
    sumAt(
      own.map((o) => o.amounts),
      y,
    ),
  );
  const financingTotal = years.map(
    (_, y) =>
      ownSources[y] +
      sumAt(
        earmarks.map((e) => e.amounts),
        y,
      ),
  );
  finRows.push(['SUM', ...financingTotal]);
  finIndents.push([0]);
  if (spec.memo !== false) {
    finRows.push([MEMO, ...ownSources]);
    finIndents.push([0]);
  }
  const financing = sheet(spec.financingSheetName ?? 'Finansiering', finRows, { indents: finIndents });

  // Register.
  const entries: RegisterEntry[] = [];
  lines.forEach((l, i) => {
    if (l.entry === null) return;
    const own = ownFunded[i];
    const constant = own.every((x) => x === own[0]);
    const basis: Basis = constant ? 'per år' : 'totalt';
    const contributionKr = constant ? own[0] : own.reduce((a, b) => a + b, 0);
    const merged: EntryInput = {
      id: String(i + 1),
      name: l.label,
      budgetLine: l.label,
      contributionKr,
      basis,
      ...(l.entry ?? {}),
    };
    const noMoney = merged.contributionKr === null || merged.contributionKr === undefined;
    entries.push(entry(noMoney && l.entry?.basis === undefined ? { ...merged, basis: null } : merged));
  });
  entries.push(...(spec.extraEntries ?? []));
  const sources: FundingSource[] = [
    ...own.map((o) => source(o.name, 'own')),
    ...external.map((s) => source(s, 'external')),
    source(MEMO, 'memo'),
  ];
  const reg = register(entries, sources);

  const sheets = [budget, financing, ...(spec.withRegister === false ? [] : [registerSheet(reg)])];
  return {
    workbook: { sheets },
    budget,
    financing,
    register: reg,
    earmarked,
    ownFunded,
    budgetTotal,
    ownTotal,
  };
}

/** Replaces one sheet of a workbook (by name). */
export function withSheet(
  wb: WorkbookSnapshot,
  name: string,
  replacement: SheetSnapshot | null,
): WorkbookSnapshot {
  return { sheets: wb.sheets.flatMap((s) => (s.name === name ? (replacement ? [replacement] : []) : [s])) };
}
