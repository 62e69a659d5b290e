/**
 * The financing's sources and their kinds: the council's own money (the sources adding up to the
 * memo row, or named after the council), external sources (group headers, anything undecided,
 * which the user is asked about) and the memo rows.
 */
import { normalizeLabel } from '../match';
import type { SourceKind } from '../register/types';
import type { PlanSource, PlanTable, PlanTableRow, UnreadItem } from './types';

function sourceName(label: string): string {
  return label.replace(/[\s:,;]+$/, '').trim();
}

/**
 * Each source's kind. Group headers with earmarks are external. The memo row (after the sum)
 * restates the council's own money: the top-level sources adding up to it are own. Failing
 * that, a source named after the council is own; any other is marked undecided for the user.
 */
export function decideSources(
  financing: PlanTable,
  short: string | null,
  full: string | null,
  unread: UnreadItem[],
): PlanSource[] {
  const tops = financing.rows.filter((r) => r.role === 'source');
  const memos = financing.rows.filter((r) => r.role === 'memo');
  const own = new Set<PlanTableRow>();
  const explained = new Set<PlanTableRow>();
  for (const memo of memos) {
    const k = memo.amounts.findIndex((a) => a !== null);
    if (k < 0) continue;
    const subset = subsetSumming(
      tops.map((t) => t.amounts[k] ?? 0),
      memo.amounts[k]!,
    );
    if (subset) {
      subset.forEach((i) => own.add(tops[i]));
      explained.add(memo);
    } else unread.push({ code: 'memoUnexplained', from: memo.from, subject: memo.label });
  }
  const council = [short, full].filter((s): s is string => !!s).map(normalizeLabel);
  const namesCouncil = (label: string) => {
    const n = ` ${normalizeLabel(label)} `;
    return council.some((c) => n.includes(` ${c} `) || n.includes(` ${c}s `));
  };
  const out: PlanSource[] = [];
  const push = (s: PlanSource) => {
    if (!out.some((o) => normalizeLabel(o.name) === normalizeLabel(s.name))) out.push(s);
  };
  for (const t of tops) {
    if (own.has(t))
      push({
        name: sourceName(t.label),
        kind: 'own',
        aliases: [],
        from: t.from,
        confidence: 'high',
        reason: 'addsUpToMemo',
      });
    else if (namesCouncil(t.label))
      push({
        name: sourceName(t.label),
        kind: 'own',
        aliases: [],
        from: t.from,
        confidence: memos.length > 0 ? 'low' : 'medium',
        reason: 'councilName',
      });
    else {
      push({
        name: sourceName(t.label),
        kind: 'external',
        aliases: [],
        from: t.from,
        confidence: 'low',
        reason: 'undecided',
      });
      unread.push({ code: 'sourceKindUndecided', from: t.from, subject: sourceName(t.label) });
    }
  }
  for (const g of financing.rows.filter((r) => r.role === 'groupHeader'))
    push({
      name: sourceName(g.label),
      kind: 'external',
      aliases: [],
      from: g.from,
      confidence: g.confidence,
      reason: 'groupHeader',
    });
  for (const m of memos)
    push({
      name: sourceName(m.label),
      kind: 'memo',
      aliases: [],
      from: m.from,
      confidence: explained.has(m) ? 'high' : 'medium',
      reason: 'memoRow',
    });
  // The council's own source gets its full name as an alias (`Samarbeidsrådet for Nedre Romerike`).
  if (short && full) {
    const i = out.findIndex((s) => s.kind === 'own' && normalizeLabel(s.name) === normalizeLabel(short));
    if (i >= 0) out[i] = { ...out[i], aliases: [full] };
  }
  const order: Record<SourceKind, number> = { own: 0, external: 1, memo: 2 };
  return out
    .map((s, i) => ({ s, i }))
    .sort((a, b) => order[a.s.kind] - order[b.s.kind] || a.i - b.i)
    .map(({ s }) => s);
}

/** Indices of amounts adding up to `target` (the fewest-first search; up to 20 sources). */
function subsetSumming(amounts: readonly number[], target: number): number[] | null {
  const n = Math.min(amounts.length, 20);
  for (let mask = 1; mask < 1 << n; mask++) {
    let s = 0;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) s += amounts[i];
    if (s === target) return Array.from({ length: n }, (_, i) => i).filter((i) => mask & (1 << i));
  }
  return null;
}
