import { cellRef } from '../address';
import type { Lang } from '../messages';
import type { SheetModel } from '../model';
import type { ReconciliationResult } from '../reconcile/reconcile';
import type { RegisterEntry } from '../register/types';
import { oreToKroner } from '../amount';
import { sumContent, termOf, type Term } from './amounts';
import { wrappedHeight } from './links';
import type { LayoutOptions } from './reconciliationSheet';
import { projectLabel } from './reconciliationSheet';
import { SheetBuilder } from './sheetBuilder';
import { cardKeys, SELECTION_LABEL, SELECTION_ROW, selectionText } from './cardSelection';
import { AMOUNT_OR_DASH_FORMAT, BOX, COLORS, HEADER, areaFill } from './style';
import { outputText, type OutputText } from './text';

/** A card is four columns: a label column and three value columns. */
const CARD_COLS = 4;
const LABEL_WIDTH = 16;
/** Wide enough for the year table's `Egenfinansiert` header in bold. */
const VALUE_WIDTH = 15;
/** Characters across the three value columns, for row heights of wrapped text. */
const VALUE_CHARS = VALUE_WIDTH * 3;
const GAP = 1;
const FIRST_ROW = 2;
/** Empty rows between two rows of cards. */
const SPACING = 2;

/** One row of a card, drawn at a position: cards are laid out side by side, rows padded to the taller. */
interface CardRow {
  readonly height: number;
  draw(s: SheetBuilder, row: number, col: number): void;
}

/** Register projects that get a card: every entry of kind `project`, in register order (duplicate ids too). */
export function cardProjects(result: ReconciliationResult): number[] {
  const entries = result.plan.index?.register.entries ?? [];
  const out: number[] = [];
  entries.forEach((e, i) => {
    if (e.kind === 'project') out.push(i);
  });
  return out;
}

/** Focus areas in the order they first appear among the projects: the card title's colour. */
function areaIndex(result: ReconciliationResult): Map<string, number> {
  const areas = new Map<string, number>();
  for (const e of result.plan.index?.register.entries ?? []) {
    if (e.kind === 'project' && !areas.has(e.area)) areas.set(e.area, areas.size);
  }
  return areas;
}

/** The cards layout's options: which projects get a card. */
export interface CardsOptions extends LayoutOptions {
  /**
   * Register entry indices of the projects whose cards the sheet holds (a selection, see
   * cardSelection.ts); by default every project's. Laid out in register order whatever the order
   * given, each once; entries that are not projects are left out. A selection of every project is
   * the full sheet.
   */
  readonly projects?: readonly number[];
}

/**
 * The project cards: one formatted block per project, two across, a manual
 * page break above each row of cards, fitted to A4 width. The year table's
 * amounts are formulas on the project's budget and financing cells.
 *
 * With `projects`, only those projects' cards, laid out exactly as on the full sheet, and the row
 * under the title records which they are (`Utvalgte prosjekter: 1.2; 3.1`): inserting one more
 * project's card lays the sheet out again with the cards already on it and the new one.
 */
export function projectCardsSheet(
  result: ReconciliationResult,
  lang: Lang,
  options: CardsOptions = {},
): SheetModel {
  const text = outputText(lang);
  const s = new SheetBuilder(options.sheetName ?? text.sheets.cards);
  setupSheet(s, text);
  const all = cardProjects(result);
  const chosen = options.projects === undefined ? null : new Set(options.projects);
  const projects = chosen === null ? all : all.filter((i) => chosen.has(i));
  let row = FIRST_ROW;
  if (projects.length < all.length) {
    const keys = cardKeys(result.plan.index?.register.entries ?? []);
    const record = selectionText(projects.map((i) => keys[i]));
    s.text(SELECTION_ROW, 0, SELECTION_LABEL[lang], { bold: true, wrapText: true, verticalAlignment: 'top' });
    s.text(SELECTION_ROW, 1, record, { wrapText: true, verticalAlignment: 'top' });
    s.merge(SELECTION_ROW, 1, 2 * CARD_COLS + GAP - 1);
    s.height(
      SELECTION_ROW,
      Math.max(wrappedHeight(SELECTION_LABEL[lang], LABEL_WIDTH), wrappedHeight(record, VALUE_CHARS * 2)),
    );
    row = SELECTION_ROW + 2;
  }
  const areas = areaIndex(result);
  const breaks: number[] = [];
  for (let p = 0; p < projects.length; p += 2) {
    const pair = alignSections(projects.slice(p, p + 2).map((e) => cardSections(result, e, text, areas)));
    if (p > 0) breaks.push(row);
    const height = Math.max(...pair.map((c) => c.length));
    for (let r = 0; r < height; r++) {
      // Both cards share the sheet's row: the taller of their lines sets its height.
      s.height(row + r, Math.max(...pair.map((card) => card[r]?.height ?? 0)));
      pair.forEach((card, k) => card[r]?.draw(s, row + r, k * (CARD_COLS + GAP)));
    }
    row += height + SPACING;
  }
  if (projects.length === 0) s.text(row, 0, text.noProjects, { italic: true });
  s.printing({ paperSize: 'A4', orientation: 'portrait', fitToWidth: true, rowBreaks: breaks });
  return s.build();
}

/** One project's card, laid out as a selection of one (see projectCardsSheet). */
export function projectCardSheet(
  result: ReconciliationResult,
  lang: Lang,
  entry: number,
  options: LayoutOptions = {},
): SheetModel {
  return projectCardsSheet(result, lang, { ...options, projects: [entry] });
}

function setupSheet(s: SheetBuilder, text: OutputText): void {
  s.text(0, 0, text.cardsTitle, { bold: true, fontSize: 14, fontColor: COLORS.title });
  for (const base of [0, CARD_COLS + GAP]) {
    s.width(base, LABEL_WIDTH);
    for (let c = 1; c < CARD_COLS; c++) s.width(base + c, VALUE_WIDTH);
  }
  s.width(CARD_COLS, 3);
}

/**
 * Two cards side by side, section by section: a section with fewer rows on
 * one card (fewer goals, no note) gets empty bordered rows, so that the same
 * section starts on the same sheet row on both cards.
 */
function alignSections(cards: CardRow[][][]): CardRow[][] {
  const sections = Math.max(...cards.map((c) => c.length));
  return cards.map((card) => {
    const rows: CardRow[] = [];
    for (let j = 0; j < sections; j++) {
      const section = card[j] ?? [];
      const size = Math.max(...cards.map((c) => c[j]?.length ?? 0));
      rows.push(...section);
      for (let k = section.length; k < size; k++) rows.push(EMPTY_ROW);
    }
    return rows;
  });
}

/** A bordered row with nothing in it, padding a card's section. */
const EMPTY_ROW: CardRow = {
  height: 15,
  draw: (s, row, col) => {
    s.blank(row, col, { fill: COLORS.labelFill, border: BOX });
    for (let c = 1; c < CARD_COLS; c++) s.blank(row, col + c, { border: BOX });
    s.merge(row, col + 1, col + CARD_COLS - 1);
  },
};

/**
 * The rows of one project's card, in sections that every card has in the
 * same order (title, area, phase, owner, role, partners, goals, promise,
 * note, years), so that cards side by side can be aligned.
 */
function cardSections(
  result: ReconciliationResult,
  entryIndex: number,
  text: OutputText,
  areas: ReadonlyMap<string, number>,
): CardRow[][] {
  const entries = result.plan.index?.register.entries ?? [];
  const e: RegisterEntry | undefined = entries[entryIndex];
  if (!e) return [];
  const sections: CardRow[][] = [];
  const rows: CardRow[] = [];
  const title = projectLabel(e);
  const fill = areaFill(areas.get(e.area) ?? 0);
  rows.push({
    height: wrappedHeight(title, LABEL_WIDTH + VALUE_CHARS, 18),
    draw: (s, row, col) => {
      s.text(row, col, title, {
        bold: true,
        fontSize: 12,
        fontColor: COLORS.white,
        fill,
        wrapText: true,
        border: BOX,
      });
      for (let c = 1; c < CARD_COLS; c++) s.blank(row, col + c, { fill, border: BOX });
      s.merge(row, col, col + CARD_COLS - 1);
    },
  });
  const field = (label: string, value: string): CardRow => ({
    height: wrappedHeight(value, VALUE_CHARS),
    draw: (s, row, col) => {
      s.text(row, col, label || null, {
        bold: true,
        fill: COLORS.labelFill,
        border: BOX,
        verticalAlignment: 'top',
      });
      s.text(row, col + 1, value || null, { wrapText: true, border: BOX, verticalAlignment: 'top' });
      for (let c = 2; c < CARD_COLS; c++) s.blank(row, col + c, { border: BOX });
      s.merge(row, col + 1, col + CARD_COLS - 1);
    },
  });
  sections.push(rows);
  for (const [label, value] of [
    [text.area, e.area],
    [text.phase, e.phase],
    [text.owner, e.owner],
    [text.role, e.role],
    [text.partners, e.partners.join(', ')],
  ]) {
    sections.push([field(label, value)]);
  }
  sections.push(
    e.goals.length === 0
      ? [field(text.goals, '')]
      : e.goals.map((g, i) => field(i === 0 ? text.goals : '', g)),
  );
  sections.push([contributionRow(e, text)]);
  sections.push(e.contributionNote ? [field(text.contributionNote, e.contributionNote)] : []);
  sections.push(yearRows(result, entryIndex, text));
  return sections;
}

function contributionRow(e: RegisterEntry, text: OutputText): CardRow {
  return {
    height: 15,
    draw: (s, row, col) => {
      s.text(row, col, text.contribution, { bold: true, fill: COLORS.labelFill, border: BOX });
      if (e.contribution === null) {
        s.text(row, col + 1, text.noMoney, { italic: true, border: BOX });
        for (let c = 2; c < CARD_COLS; c++) s.blank(row, col + c, { border: BOX });
        s.merge(row, col + 1, col + CARD_COLS - 1);
        return;
      }
      s.set(row, col + 1, { value: oreToKroner(e.contribution) }, { numberFormat: '#,##0', border: BOX });
      s.text(row, col + 2, e.basis ? text.basis[e.basis] : null, { border: BOX });
      s.blank(row, col + 3, { border: BOX });
      s.merge(row, col + 2, col + 3);
    },
  };
}

/** Header and one row per year: budget, earmarked (external sources) and own-funded, as formulas. */
function yearRows(result: ReconciliationResult, entryIndex: number, text: OutputText): CardRow[] {
  const { plan } = result;
  const lines: number[] = [];
  plan.lines.forEach((l, i) => {
    if (l.entry === entryIndex) lines.push(i);
  });
  const rows: CardRow[] = [
    {
      height: 15,
      draw: (s, row, col) => {
        [text.yearColumn, text.budget, text.earmarked, text.ownFunded].forEach((h, c) =>
          s.text(row, col + c, h, { ...HEADER, horizontalAlignment: c > 0 ? 'right' : 'left' }),
        );
      },
    },
  ];
  const amount = { numberFormat: AMOUNT_OR_DASH_FORMAT, border: BOX };
  for (const f of result.figures) {
    const budgetTerms: (Term | null)[] = [];
    const earmarkTerms: (Term | null)[] = [];
    let budgetOre = 0;
    let earmarkOre = 0;
    for (const i of lines) {
      budgetTerms.push(termOf(plan.lines[i].amounts.get(f.year)));
      budgetOre += f.lineBudget(i);
      for (const em of f.line(i).earmarks) {
        earmarkTerms.push(termOf(plan.funding[em.item].amounts.get(f.year)));
        earmarkOre += em.amount;
      }
    }
    rows.push({
      height: 15,
      draw: (s, row, col) => {
        s.text(row, col, String(f.year), { bold: true, border: BOX, horizontalAlignment: 'left' });
        if (lines.length === 0) {
          s.text(row, col + 1, text.noBudgetLine, { italic: true, border: BOX });
          for (let c = 2; c < CARD_COLS; c++) s.blank(row, col + c, { border: BOX });
          s.merge(row, col + 1, col + CARD_COLS - 1);
          return;
        }
        s.set(row, col + 1, sumContent(budgetTerms, budgetOre) ?? { value: 0 }, amount);
        s.set(row, col + 2, sumContent(earmarkTerms, earmarkOre) ?? { value: 0 }, amount);
        s.set(row, col + 3, { formula: `=${cellRef(row, col + 1)}-${cellRef(row, col + 2)}` }, amount);
      },
    });
  }
  return rows;
}
