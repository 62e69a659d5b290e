/**
 * One amount cell that is not a whole number of kroner, read: an amount written as text, a range,
 * an error value, text, or a formula without a result, each with its finding.
 */
import { readAmount, type AmountReading, type Ore } from '../amount';
import { finding, type Finding } from '../findings';
import type { Grid } from '../grid';

/** The cell's amount (0 when it has none) and how it reads; the finding, if any, into `findings`. */
export function readAmountCell(
  grid: Grid,
  row: number,
  col: number,
  year: number,
  label: string,
  findings: Finding[],
): { readonly ore: Ore; readonly kind: AmountReading['kind'] } {
  const reading = readAmount(grid.value(row, col));
  if (reading.kind === 'number') return reading;
  const ref = grid.ref(row, col);
  // Everything below is rare: build the finding's facts only when needed.
  const params = () => ({ sheet: grid.name, label, text: grid.display(row, col) });
  let ore = 0;
  switch (reading.kind) {
    case 'empty': {
      const formula = grid.formula(row, col);
      if (formula !== null) {
        findings.push(
          finding({
            code: 'AMOUNT_INVALID',
            cells: [ref],
            year,
            params: { ...params(), reason: 'noResult', text: formula },
          }),
        );
      }
      break;
    }
    case 'text':
      findings.push(
        finding({ code: 'AMOUNT_AS_TEXT', cells: [ref], year, actual: reading.ore, params: params() }),
      );
      ore = reading.ore;
      break;
    case 'range':
      findings.push(
        finding({ code: 'AMOUNT_INVALID', cells: [ref], year, params: { ...params(), reason: 'range' } }),
      );
      break;
    case 'error':
      findings.push(
        finding({
          code: 'AMOUNT_INVALID',
          cells: [ref],
          year,
          params: { ...params(), reason: 'error', text: reading.error },
        }),
      );
      break;
    case 'invalid':
      findings.push(
        finding({ code: 'AMOUNT_INVALID', cells: [ref], year, params: { ...params(), reason: 'text' } }),
      );
      break;
  }
  return { ore, kind: reading.kind };
}
