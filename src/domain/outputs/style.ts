import type { CellBorders, CellStyle } from '../model';

/** Whole kroner with a thousands separator, as the sample's source sheets show amounts. */
export const AMOUNT_FORMAT = '#,##0';
/** As AMOUNT_FORMAT, with a dash for zero (cards: a project without a budget line shows `-`). */
export const AMOUNT_OR_DASH_FORMAT = '#,##0;-#,##0;"-"';

export const COLORS = {
  title: '#1F3864',
  headerFill: '#D9E1F2',
  sectionFill: '#B4C6E7',
  totalFill: '#EDEDED',
  labelFill: '#F2F2F2',
  badFill: '#FFC7CE',
  badFont: '#9C0006',
  goodFill: '#C6EFCE',
  goodFont: '#006100',
  white: '#FFFFFF',
} as const;

/** Title fills per focus area, in the order the areas first appear (white text on each). */
const AREA_FILLS = ['#2F5597', '#548235', '#BF8F00', '#C55A11', '#7030A0', '#00808A', '#843C0C', '#44546A'];

export function areaFill(areaIndex: number): string {
  return AREA_FILLS[areaIndex % AREA_FILLS.length];
}

export const BOX: CellBorders = { top: 'thin', bottom: 'thin', left: 'thin', right: 'thin' };

export const HEADER: CellStyle = {
  bold: true,
  fill: COLORS.headerFill,
  border: { top: 'thin', bottom: 'medium', left: 'thin', right: 'thin' },
  wrapText: true,
  verticalAlignment: 'bottom',
};

export const TOTAL: CellStyle = {
  bold: true,
  fill: COLORS.totalFill,
  border: { top: 'medium', bottom: 'medium', left: 'thin', right: 'thin' },
};

export const AMOUNT: CellStyle = { numberFormat: AMOUNT_FORMAT, border: BOX };

/**
 * A chart's series colours, in order: the Office theme's accents, which Excel gives a new chart's
 * series. The .xlsx writer names them in the file (so LibreOffice draws them too) and the preview
 * draws with them; the add-in leaves them to Excel.
 */
export const CHART_COLORS = ['#4472C4', '#ED7D31', '#A5A5A5', '#FFC000', '#5B9BD5', '#70AD47'] as const;
