/**
 * `Sheet!A1` as every layer reads it (domain/address.ts splitSheetRef): findings' cells, defined
 * names' formulas, chart ranges.
 */
import { splitSheetRef } from '../../src/domain/address';

describe('splitSheetRef', () => {
  it.each([
    ['Budsjett!B9', 'Budsjett', 'B9'],
    ['Budsjett!$B$2:$C$9', 'Budsjett', '$B$2:$C$9'],
    ["'Finansiering 2012'!C4", 'Finansiering 2012', 'C4'],
    ["'Kari''s plan'!A1", "Kari's plan", 'A1'],
    ["'Regnskap!2012'!A1", 'Regnskap!2012', 'A1'],
    ['=Sammendrag!$C$5:$C$9', 'Sammendrag', '$C$5:$C$9'],
    ['  Budsjett!B9  ', 'Budsjett', 'B9'],
    ['Budsjett!#REF!', 'Budsjett', '#REF!'],
  ])('%s → %s and %s', (text, sheet, address) => {
    expect(splitSheetRef(text)).toEqual({ sheet, address });
  });

  it.each([
    ['B9', 'no sheet'],
    ['!B9', 'an empty name'],
    ["Kari's!A1", 'a quote in an unquoted name'],
    ["'Budsjett!B9", 'an unclosed quote'],
    ['==Budsjett!B9', 'a formula that is not a reference'],
  ])('%s: null (%s)', (text) => {
    expect(splitSheetRef(text)).toBeNull();
  });

  it('an unquoted name ends at the first "!", as Excel writes one (a name with "!" is quoted)', () => {
    expect(splitSheetRef('a!b!A1')).toEqual({ sheet: 'a', address: 'b!A1' });
  });
});
