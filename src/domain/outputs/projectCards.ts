/**
 * The project cards (`Prosjektkort`): one card per register project, for paper, from the result
 * contract: the project's register fields, its lines' amounts per year as formulas on their
 * cells, and its findings as the card's status.
 */
import { cellRef } from '../address';
import type { Lang } from '../messages';
import type { CellStyle, SheetModel } from '../model';
import type { EntryResult, ReconciliationResult } from '../reconcile/result';
import type { RegisterEntry } from '../register/types';
import { oreToKroner } from '../amount';
import { sumContent, termOf, type Term } from './amounts';
import type { Finding } from '../findings';
import type { ReviewedFinding } from '../review';
import { cardStatus, SEVERITY_COLORS } from './cardStatus';
import { EXPLAINED, reviewByFinding } from './review';
import { projectLabel, type LayoutOptions } from './layout';
import { rowHeightFor } from './measure';
import { printableHeight, printSettings } from './page';
import { SheetBuilder, type RowCell } from './sheetBuilder';
import { projectCardKeys, SELECTION_LABEL, SELECTION_ROW, selectionText } from './cardSelection';
import { AMOUNT_OR_DASH_FORMAT, BOX, COLORS, HEADER, areaFill } from './style';
import { outputText, type OutputText } from './text';

/**
 * A card is four columns: a label column and three value columns, 92 characters across in all.
 * On A4 portrait between half-inch margins that prints at 100 % (Excel: 483 pt of 523; LibreOffice,
 * whose character is Carlito's digit, 6 % wider: 513 pt), so the body text prints at 11 pt.
 */
export const CARD_COLS = 4;
const LABEL_WIDTH = 20;
const VALUE_WIDTH = 24;
const LAST = CARD_COLS - 1;
const FIRST_ROW = 2;
/** Empty rows between two cards on a page. */
const SPACING = 1;
/** Cards on one printed page at most (fewer when they do not fit). */
const CARDS_PER_PAGE = 2;
const TITLE_ROW = 0;

/**
 * Register projects that get a card, as register entry indices: every entry of kind `project`, in
 * register order (duplicate ids too).
 */
export function cardProjects(result: ReconciliationResult): number[] {
  return result.projects.map((p) => p.entry);
}

/** Focus areas in the order they first appear among the projects: the card title's colour. */
function areaIndex(result: ReconciliationResult): Map<string, number> {
  const areas = new Map<string, number>();
  for (const p of result.projects) {
    if (!areas.has(p.fields.area)) areas.set(p.fields.area, areas.size);
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
 * The project cards, for paper: one card under the other, each as wide as an A4 page in portrait
 * at 100 %, two to a page (one when they do not fit together), never cut by a page break unless a
 * card is taller than a page. Every field of a card is a row of its own, as tall as its text
 * (measure.ts); an empty field shows a dash. The year table's amounts are formulas on the
 * project's budget and financing cells; the card's status is the reconciliation's findings about
 * the project, or OK. The sheet's title repeats on every page, and the footer names the file, the
 * date and the page.
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
  s.width(0, LABEL_WIDTH);
  for (let c = 1; c < CARD_COLS; c++) s.width(c, VALUE_WIDTH);
  s.row(TITLE_ROW, [
    {
      col: 0,
      lastCol: LAST,
      content: text.cardsTitle,
      style: { bold: true, fontSize: 14, fontColor: COLORS.title },
    },
  ]);
  const all = result.projects;
  const chosen = options.projects === undefined ? null : new Set(options.projects);
  const projects = chosen === null ? all : all.filter((p) => chosen.has(p.entry));
  let row = FIRST_ROW;
  if (projects.length < all.length) {
    const keys = projectCardKeys(result);
    const record = selectionText(projects.map((p) => keys[p.entry]));
    // The record stays whole in B2, where the next insert reads it (cardSelection.ts): its row is
    // fitted to it, and a record too long for one row is cut off on screen, never in the cell.
    const style: CellStyle = { wrapText: true, verticalAlignment: 'top' };
    s.text(SELECTION_ROW, 0, SELECTION_LABEL[lang], { ...style, bold: true });
    s.text(SELECTION_ROW, 1, record, style);
    s.merge(SELECTION_ROW, 1, LAST);
    const lines = Math.max(
      s.linesOf(SELECTION_LABEL[lang], 0, 0, { bold: true }),
      s.linesOf(record, 1, LAST),
    );
    s.height(SELECTION_ROW, rowHeightFor(lines));
    row = SELECTION_ROW + 2;
  }
  const areas = areaIndex(result);
  const breaks: number[] = [];
  const room = printableHeight('portrait') - s.heightOf(TITLE_ROW);
  let used = s.heightOf(TITLE_ROW, row - 1);
  let onPage = 0;
  // Each finding's review (explained, stale or open), found by the finding the card lists.
  const reviewed = projects.some((p) => p.findings.length > 0)
    ? reviewByFinding(result.review)
    : new Map<Finding, ReviewedFinding>();
  for (const project of projects) {
    const start = row;
    row = card(s, result, project, text, lang, areas, reviewed, row);
    const height = s.heightOf(start, row - 1);
    const gap = onPage > 0 ? s.heightOf(start - SPACING, start - 1) : 0;
    if (onPage > 0 && (onPage >= CARDS_PER_PAGE || used + gap + height > room)) {
      breaks.push(start);
      used = height;
      onPage = 1;
    } else {
      used += gap + height;
      onPage++;
    }
    row += SPACING;
  }
  if (projects.length === 0) s.text(row, 0, text.noProjects, { italic: true });
  s.printing(
    printSettings(text, 'portrait', { titleRows: { first: TITLE_ROW, last: TITLE_ROW }, rowBreaks: breaks }),
  );
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

const LABEL: CellStyle = { bold: true, fill: COLORS.labelFill, border: BOX, verticalAlignment: 'top' };
const VALUE: CellStyle = { border: BOX, verticalAlignment: 'top' };

/**
 * A label and its values: one row per value (goals: one each), the label's cell merged down
 * beside them all. Returns the next free row.
 */
function field(s: SheetBuilder, row: number, label: string, values: readonly RowCell[][]): number {
  const start = row;
  for (const cells of values) row += s.row(row, cells);
  s.text(start, 0, label, LABEL);
  for (let r = start + 1; r < row; r++) s.blank(r, 0, { fill: LABEL.fill, border: LABEL.border });
  s.merge(start, 0, 0, row - 1);
  return row;
}

const across = (content: string, style: CellStyle = VALUE): RowCell[] => [
  { col: 1, lastCol: LAST, content, style },
];

/** One project's card from `row`; returns the row after it. */
function card(
  s: SheetBuilder,
  result: ReconciliationResult,
  project: EntryResult,
  text: OutputText,
  lang: Lang,
  areas: ReadonlyMap<string, number>,
  reviewed: ReadonlyMap<Finding, ReviewedFinding>,
  startRow: number,
): number {
  const e = project.fields;
  let row = startRow;
  const fill = areaFill(areas.get(e.area) ?? 0);
  row += s.row(row, [
    {
      col: 0,
      lastCol: LAST,
      content: projectLabel(e),
      style: {
        bold: true,
        fontSize: 12,
        fontColor: COLORS.white,
        fill,
        border: BOX,
        verticalAlignment: 'top',
      },
    },
  ]);
  const value = (v: string) => (v.trim() === '' ? text.emptyField : v);
  for (const [label, v] of [
    [text.area, e.area],
    [text.phase, e.phase],
    [text.owner, e.owner],
    [text.role, e.role],
    [text.partners, e.partners.join(', ')],
  ]) {
    row = field(s, row, label, [across(value(v))]);
  }
  const goals = e.goals.filter((g) => g.trim() !== '');
  row = field(
    s,
    row,
    text.goals,
    (goals.length > 0 ? goals : [text.emptyField]).map((g) => across(g)),
  );
  row = field(s, row, text.contribution, [contribution(e, text)]);
  if (e.contributionNote.trim() !== '')
    row = field(s, row, text.contributionNote, [across(e.contributionNote)]);
  row = yearRows(s, result, project, text, row);
  const status = cardStatus(project, lang, reviewed);
  const statusRows: RowCell[][] =
    status.length === 0
      ? [across(text.ok, { ...VALUE, bold: true, fill: COLORS.goodFill, fontColor: COLORS.goodFont })]
      : status.flatMap((line) => {
          const colors = SEVERITY_COLORS[line.severity];
          // An explained finding is settled: listed, with its reason, not in its severity's colour.
          const style: CellStyle =
            line.status === 'explained' ? VALUE : { ...VALUE, fill: colors.fill, fontColor: colors.font };
          const rows = [across(`${text.severityName[line.severity]}: ${line.text}`, style)];
          if (line.explanation !== null)
            rows.push(
              across(
                line.explanation,
                line.status === 'explained' ? { ...VALUE, ...EXPLAINED } : { ...VALUE, italic: true },
              ),
            );
          return rows;
        });
  row = field(s, row, text.status, statusRows);
  return row;
}

function contribution(e: RegisterEntry, text: OutputText): RowCell[] {
  if (e.contribution === null) return across(text.noMoney, { ...VALUE, italic: true });
  return [
    {
      col: 1,
      content: { value: oreToKroner(e.contribution) },
      style: { ...VALUE, numberFormat: '#,##0', horizontalAlignment: 'right' },
    },
    { col: 2, lastCol: LAST, content: e.basis ? text.basis[e.basis] : null, style: VALUE },
  ];
}

/** Header and one row per year: budget, earmarked (external sources) and own-funded, as formulas. */
function yearRows(
  s: SheetBuilder,
  result: ReconciliationResult,
  project: EntryResult,
  text: OutputText,
  startRow: number,
): number {
  const lines = project.lines;
  let row = startRow;
  row += s.row(
    row,
    [text.yearColumn, text.budget, text.earmarked, text.ownFunded].map((h, c) => ({
      col: c,
      content: h,
      style: { ...HEADER, horizontalAlignment: c > 0 ? 'right' : 'left' },
    })),
  );
  const amount: CellStyle = { numberFormat: AMOUNT_OR_DASH_FORMAT, border: BOX, verticalAlignment: 'top' };
  for (let y = 0; y < result.years.length; y++) {
    const year: RowCell = {
      col: 0,
      content: String(result.years[y]),
      style: { bold: true, border: BOX, horizontalAlignment: 'left', verticalAlignment: 'top' },
    };
    if (lines.length === 0) {
      row += s.row(row, [year, ...across(text.noBudgetLine, { ...VALUE, italic: true })]);
      continue;
    }
    const budgetTerms: (Term | null)[] = [];
    const earmarkTerms: (Term | null)[] = [];
    let budgetOre = 0;
    let earmarkOre = 0;
    for (const i of lines) {
      const ly = result.lines[i].years[y];
      budgetTerms.push(termOf(ly.budgetCell));
      budgetOre += ly.budget;
      for (const em of ly.earmarks) {
        earmarkTerms.push(termOf(em.cell));
        earmarkOre += em.cell.ore;
      }
    }
    row += s.row(row, [
      year,
      { col: 1, content: sumContent(budgetTerms, budgetOre) ?? { value: 0 }, style: amount },
      { col: 2, content: sumContent(earmarkTerms, earmarkOre) ?? { value: 0 }, style: amount },
      { col: 3, content: { formula: `=${cellRef(row, 1)}-${cellRef(row, 2)}` }, style: amount },
    ]);
  }
  return row;
}
