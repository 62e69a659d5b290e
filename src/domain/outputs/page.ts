/**
 * The printed page every output sheet is laid out for: A4, its margins, and the footer (the
 * workbook's file name, the date, `Side x av y`). The layouts size their columns and place their
 * page breaks against the room this leaves.
 */
import type { MarginsModel, PrintSettings } from '../model';
import type { OutputText } from './text';

/** A4 in points. */
const A4 = { short: 595.3, long: 841.9 } as const;

/** Half an inch at the sides, three quarters at top and bottom (with the footer inside). */
export const MARGINS: MarginsModel = { left: 36, right: 36, top: 54, bottom: 54, header: 22, footer: 22 };

export type Orientation = PrintSettings['orientation'];

/** Points across the page between the margins. */
export function printableWidth(orientation: Orientation): number {
  return (orientation === 'portrait' ? A4.short : A4.long) - MARGINS.left - MARGINS.right;
}

/** Points down the page between the margins. */
export function printableHeight(orientation: Orientation): number {
  return (orientation === 'portrait' ? A4.long : A4.short) - MARGINS.top - MARGINS.bottom;
}

/** The print settings of an output sheet: A4, one page wide, its margins and footer. */
export function printSettings(
  text: OutputText,
  orientation: Orientation,
  more: Pick<PrintSettings, 'titleRows' | 'rowBreaks'> = {},
): PrintSettings {
  return {
    paperSize: 'A4',
    orientation,
    fitToWidth: true,
    ...more,
    margins: MARGINS,
    footer: { left: '{file}', center: '{date}', right: text.pageOf },
  };
}
