/**
 * The budget and financing tables read row by row: each budget line tied to its project (or to
 * operations), each financing row a source, a group header with its earmarked rows, the sum, or a
 * memo row after the sum; a stated sum checked against its rows; the notes under the financing.
 */
import { bestMatch, normalizeLabel, type MatchCandidate } from '../match';
import { isOperationsLabel } from '../register/propose';
import type { PlanBlock } from './blocks';
import { addAlias, type Draft } from './draft';
import { field, provenance } from './provenance';
import { readCells, tableFrom, type TablePlace } from './tablePlaces';
import type { Confidence, PlanTable, PlanTableRow, Provenance, RowRole, UnreadItem } from './types';

const SUM_LABEL = /^(?:sum|summ?er|totalt?|i alt|total|sum total)\b/iu;

export function readBudget(
  blocks: readonly PlanBlock[],
  place: TablePlace,
  drafts: Draft[],
  candidates: readonly MatchCandidate<number>[],
  unread: UnreadItem[],
): PlanTable {
  const { rows, cols } = tableFrom(blocks, place, unread, 'budget');
  const out: PlanTableRow[] = [];
  for (let r = cols.start; r < rows.length; r++) {
    const label = (rows[r][0] ?? '').replace(/\s+/g, ' ').trim();
    const cells = readCells(rows[r], cols.width);
    if (label === '' && cells.texts.every((t) => t === '')) continue;
    const from = provenance(blocks, place.block, r);
    for (const k of cells.bad)
      unread.push({ code: 'amountUnreadable', from, subject: label, detail: cells.texts[k] });
    if (SUM_LABEL.test(label)) {
      out.push({ label, ...cells, role: 'sum', from, confidence: 'high' });
      continue;
    }
    let tiedTo: PlanTableRow['tiedTo'] = null;
    let confidence: Confidence = 'high';
    if (isOperationsLabel(label)) tiedTo = { kind: 'operations' };
    else {
      const m = bestMatch(label, candidates, 0.5);
      const d = m ? drafts[m.key] : undefined;
      if (m && d && d.budgetLine.value === '') {
        tiedTo = { kind: 'project', project: m.key };
        confidence = m.score >= 0.75 ? 'high' : m.score >= 0.6 ? 'medium' : 'low';
        d.budgetLine = field(label, from, confidence);
      } else {
        unread.push({ code: 'budgetLineUnmatched', from, subject: label });
        confidence = 'low';
      }
    }
    out.push({ label, ...cells, role: 'line', from, tiedTo, confidence });
  }
  checkSum(out, unread);
  return { years: cols.years, rows: out, from: provenance(blocks, place.block), notes: [] };
}

/** A stated sum that differs from its rows is reported here, and found again by the reconciliation. */
function checkSum(rows: readonly PlanTableRow[], unread: UnreadItem[]): void {
  const sum = rows.find((r) => r.role === 'sum');
  if (!sum) return;
  sum.amounts.forEach((stated, k) => {
    if (stated === null) return;
    const total = rows
      .filter((r) => r.role !== 'sum' && r.role !== 'memo' && r.role !== 'groupHeader')
      .reduce((s, r) => s + (r.amounts[k] ?? 0), 0);
    if (total !== stated)
      unread.push({
        code: 'sumDiffers',
        from: sum.from,
        subject: sum.label,
        detail: `${total / 100}/${stated / 100}`,
      });
  });
}

export function readFinancing(
  blocks: readonly PlanBlock[],
  place: TablePlace,
  budget: PlanTable | null,
  drafts: Draft[],
  candidates: readonly MatchCandidate<number>[],
  unread: UnreadItem[],
): PlanTable {
  const { rows, cols } = tableFrom(blocks, place, unread, 'financing');
  const lines: MatchCandidate<number>[] = (budget?.rows ?? []).flatMap((r, k) =>
    r.role === 'line' ? [{ key: k, text: r.label }] : [],
  );
  const out: PlanTableRow[] = [];
  let inGroup = false;
  let afterSum = false;
  for (let r = cols.start; r < rows.length; r++) {
    const rawLabel = (rows[r][0] ?? '').replace(/\s+/g, ' ').trim();
    const cells = readCells(rows[r], cols.width);
    if (rawLabel === '' && cells.texts.every((t) => t === '')) continue;
    const from = provenance(blocks, place.block, r);
    for (const k of cells.bad)
      unread.push({ code: 'amountUnreadable', from, subject: rawLabel, detail: cells.texts[k] });
    const empty = cells.texts.every((t) => t === '');
    let role: RowRole;
    let tiedTo: PlanTableRow['tiedTo'];
    let confidence: Confidence = 'high';
    if (SUM_LABEL.test(rawLabel)) {
      role = 'sum';
      afterSum = true;
      inGroup = false;
    } else if (afterSum) role = 'memo';
    else if (empty) {
      role = 'groupHeader';
      inGroup = true;
      if (!/[:,]$/.test(rawLabel)) confidence = 'medium';
    } else {
      // Under a group header, a row naming a budget line (or a project) is earmarked money; the
      // first row that names neither is a source of its own again (`Bruk fond SNR`).
      const line = bestMatch(rawLabel, lines, 0.5);
      const project = line ? null : bestMatch(rawLabel, candidates, 0.6);
      if (inGroup && (line || project)) {
        role = 'earmark';
        const score = (line ?? project)!.score;
        confidence = score >= 0.75 ? 'high' : 'medium';
        const budgetRow = line ? budget!.rows[line.key] : null;
        if (budgetRow?.tiedTo?.kind === 'project') {
          tiedTo = budgetRow.tiedTo;
          // The budget line's own spelling is its budgetLine already; another spelling is an alias.
          if (normalizeLabel(rawLabel) !== normalizeLabel(budgetRow.label))
            addAlias(drafts[budgetRow.tiedTo.project], rawLabel);
        } else if (budgetRow?.tiedTo?.kind === 'operations') tiedTo = { kind: 'operations' };
        else if (project) {
          tiedTo = { kind: 'project', project: project.key };
          addAlias(drafts[project.key], rawLabel);
        } else tiedTo = null;
      } else {
        role = 'source';
        inGroup = false;
      }
    }
    out.push({
      label: rawLabel,
      ...cells,
      role,
      from,
      ...(tiedTo !== undefined ? { tiedTo } : {}),
      confidence,
    });
  }
  checkSum(out, unread);
  // Lines under the table that speak of an earlier year's figure belong with it.
  const notes: { text: string; from: Provenance }[] = [];
  for (let j = place.block + 1; j < blocks.length; j++) {
    const b = blocks[j];
    if (b.kind === 'heading' || b.kind === 'table') break;
    if (b.kind !== 'paragraph') continue;
    if (
      /(?:19|20)\d\d/.test(b.text) &&
      /\d{1,3}(?:[. ]\d{3})+|\d{4,}/.test(b.text.replace(/(?:19|20)\d\d/g, ''))
    )
      notes.push({ text: b.text.trim(), from: provenance(blocks, j) });
  }
  return { years: cols.years, rows: out, from: provenance(blocks, place.block), notes };
}
