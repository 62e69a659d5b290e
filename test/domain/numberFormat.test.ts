/**
 * displayText (src/domain/numberFormat.ts): what a cell shows, as Excel draws its value through its
 * locale-neutral number format for a user of bokmål (nb-NO) or English (en-US). Expectations are
 * Excel's documented behaviour; test/libreoffice/previewNumbers.test.ts checks the same formatter
 * against LibreOffice, a second engine, where the two agree.
 */
import { DISPLAY_LOCALES, displayText } from '../../src/domain/numberFormat';
import { AMOUNT_FORMAT, AMOUNT_OR_DASH_FORMAT } from '../../src/domain/outputs/style';
import type { CellValue } from '../../src/domain/snapshot';

const NBSP = '\u00A0';
const nb = (value: CellValue, format?: string) => displayText(value, format, DISPLAY_LOCALES.nb);
const en = (value: CellValue, format?: string) => displayText(value, format, DISPLAY_LOCALES.en);

describe('displayText: separators of the display language', () => {
  it('groups thousands with a no-break space and writes a decimal comma in bokmål; comma and point in English', () => {
    expect(nb(700_000, '#,##0')).toBe(`700${NBSP}000`);
    expect(en(700_000, '#,##0')).toBe('700,000');
    expect(nb(-1_234_567.891, '#,##0.00')).toBe(`-1${NBSP}234${NBSP}567,89`);
    expect(en(-1_234_567.891, '#,##0.00')).toBe('-1,234,567.89');
    expect(nb(999, '#,##0')).toBe('999');
    expect(nb(0, '#,##0')).toBe('0');
  });

  it('shows the formats the outputs write', () => {
    expect(nb(100_000, AMOUNT_FORMAT)).toBe(`100${NBSP}000`);
    expect(nb(100_000, AMOUNT_OR_DASH_FORMAT)).toBe(`100${NBSP}000`);
    expect(nb(-200_000, AMOUNT_OR_DASH_FORMAT)).toBe(`-200${NBSP}000`);
    expect(nb(0, AMOUNT_OR_DASH_FORMAT)).toBe('-');
    expect(en(0, AMOUNT_OR_DASH_FORMAT)).toBe('-');
    expect(nb(11, '0')).toBe('11');
  });

  it('rounds half away from zero on the decimal digits, as Excel (2.675 → 2.68, not 2.67)', () => {
    expect(nb(1234.5, '0')).toBe('1235');
    expect(nb(-1234.5, '0')).toBe('-1235');
    expect(en(2.675, '0.00')).toBe('2.68');
    expect(en(1.005, '0.00')).toBe('1.01');
    expect(en(0.995, '0.00')).toBe('1.00');
    expect(en(9.999, '#,##0.00')).toBe('10.00');
    expect(en(999_999.5, '#,##0')).toBe('1,000,000');
  });

  it('keeps the minus of a negative number that rounds to zero (Excel shows -0)', () => {
    expect(en(-0.4, '0')).toBe('-0');
    expect(en(-0.001, '0.00')).toBe('-0.00');
  });

  it('shows 15 significant digits and zeros after them', () => {
    expect(en(1234567890123456789, '0')).toBe('1234567890123460000');
  });
});

describe('displayText: General', () => {
  it('shows a number as it is in up to 11 characters', () => {
    expect(nb(1234.5)).toBe('1234,5');
    expect(en(1234.5, 'General')).toBe('1234.5');
    expect(nb(-0.5)).toBe('-0,5');
    expect(nb(0)).toBe('0');
    expect(nb(12_345_678_901)).toBe('12345678901');
    expect(nb(1234567.891234)).toBe('1234567,891');
    expect(en(0.123456789123)).toBe('0.123456789');
    expect(en(0.0001234)).toBe('0.0001234');
    expect(en(0.1 + 0.2)).toBe('0.3');
  });

  it('goes scientific past 11 digits and below 0.0001, with up to 6 significant digits', () => {
    expect(nb(123_456_789_012)).toBe('1,23457E+11');
    expect(en(123_456_789_012)).toBe('1.23457E+11');
    expect(en(1e15)).toBe('1E+15');
    expect(en(99_999_999_999.6)).toBe('1E+11');
    expect(en(0.00001)).toBe('1E-05');
    expect(en(-0.0000123456789)).toBe('-1.23457E-05');
  });

  it('shows a number in a text format (@) as General', () => {
    expect(nb(1234.5, '@')).toBe('1234,5');
  });
});

describe('displayText: percentages, scaling, scientific', () => {
  it('multiplies by 100 for %', () => {
    expect(nb(0.5, '0%')).toBe('50%');
    expect(nb(0.022, '0.0%')).toBe('2,2%');
    expect(en(0.022, '0.0%')).toBe('2.2%');
    expect(nb(-0.125, '0.00 %')).toBe('-12,50 %');
  });

  it('divides by 1000 for each comma after the last digit', () => {
    expect(nb(1_234_567, '#,##0,')).toBe(`1${NBSP}235`);
    expect(en(1_234_567, '0.0,,')).toBe('1.2');
    expect(en(1_234_567, '#,##0,"k"')).toBe('1,235k');
  });

  it('writes mantissa and exponent, in steps of the integer digits for engineering formats', () => {
    expect(nb(12_345, '0.00E+00')).toBe('1,23E+04');
    expect(en(0.04, '0.00E+00')).toBe('4.00E-02');
    expect(en(9.999, '0.00E+00')).toBe('1.00E+01');
    expect(en(0.04, '##0.0E+0')).toBe('40.0E-3');
    expect(en(0, '0.0E+00')).toBe('0.0E+00');
  });
});

describe('displayText: sections, literals and placeholders', () => {
  it('uses the negative section without a minus, the zero section, and the text section', () => {
    expect(en(-5, '#,##0;(#,##0)')).toBe('(5)');
    expect(en(5, '#,##0;(#,##0)')).toBe('5');
    expect(en(0, '0;-0;"zero"')).toBe('zero');
    expect(en(0, '0;-0;;@')).toBe('');
    expect(en('abc', '0;-0;;"text: "@')).toBe('text: abc');
    expect(en('abc', '"Sum: "@')).toBe('Sum: abc');
    expect(en('abc', '#,##0')).toBe('abc');
  });

  it('picks the section whose condition holds', () => {
    expect(en(1_500, '[>=1000]#,##0,"k";0')).toBe('2k');
    expect(en(999, '[>=1000]#,##0,"k";0')).toBe('999');
  });

  it('puts the minus before literals, and keeps quoted, escaped and currency text', () => {
    expect(nb(-1234.567, '"kr "#,##0.00')).toBe(`-kr 1${NBSP}234,57`);
    expect(nb(1234.5, '#,##0 "kr"')).toBe(`1${NBSP}235 kr`);
    expect(nb(1234.5, '[$kr-414] #,##0')).toBe(`kr 1${NBSP}235`);
    expect(en(5, '0\\x')).toBe('5x');
    expect(en(5, '[Red]0;[Blue]-0')).toBe('5');
  });

  it('pads with spaces for _ and ?, and leaves out what # does not need', () => {
    expect(en(5, '#,##0_);(#,##0)')).toBe('5 ');
    expect(en(1.5, '0.0?')).toBe('1.5 ');
    expect(en(1.25, '0.0#')).toBe('1.25');
    expect(en(1.5, '0.0#')).toBe('1.5');
    expect(en(0.5, '#.00')).toBe('.50');
    expect(en(12.5, '.00')).toBe('12.50');
    // Excel keeps the point of `0.#` when no decimal is left.
    expect(en(1, '0.#')).toBe('1.');
  });

  it('fills placeholders right to left, the first taking every digit left over', () => {
    expect(en(123456789, '000-00-0000')).toBe('123-45-6789');
    expect(en(5, '000')).toBe('005');
    expect(en(1_234_568, '# ##0')).toBe('1234 568');
  });

  it('shows a format of literals only as those literals', () => {
    expect(en(42, '"n/a"')).toBe('n/a');
  });

  it('shows a fraction format, which it does not draw, as General', () => {
    expect(en(1.5, '# ?/?')).toBe('1.5');
    // numfmt would draw 2.001 as `0/1`.
    expect(en(2.001, '?/?')).toBe('2.001');
  });

  it('keeps the display language’s separators under a [$-409] or [$kr-414] tag, as Excel does', () => {
    expect(nb(1.5, '[$-409]0.00')).toBe('1,50');
    expect(en(1234.5, '[$kr-414] #,##0')).toBe('kr 1,235');
  });

  it('scales by 100 for each % and by 1000 for each comma, together', () => {
    expect(en(7, '0 %%')).toBe('70000 %%');
    expect(en(1_234_567, '0.0,%')).toBe('123456.7%');
  });

  it('shows a number of 10^21 or more, which numfmt cannot draw in digits, as General', () => {
    expect(en(1e21, '#,##0')).toBe('1E+21');
    expect(nb(-2.5e22, '0.00')).toBe('-2,5E+22');
    expect(en(1e21, '"Total: "General')).toBe('Total: 1E+21');
  });
});

describe('displayText: dates and times (Excel’s 1900 date system)', () => {
  const NEW_YEAR_2010 = 40179; // Friday 1 January 2010

  it('writes dates with the language’s month and day names and date separator', () => {
    expect(nb(NEW_YEAR_2010, 'dd.mm.yyyy')).toBe('01.01.2010');
    expect(nb(NEW_YEAR_2010, 'm/d/yyyy')).toBe('1.1.2010');
    expect(en(NEW_YEAR_2010, 'm/d/yyyy')).toBe('1/1/2010');
    expect(nb(NEW_YEAR_2010 + 340, 'd. mmmm yyyy')).toBe('7. desember 2010');
    expect(en(NEW_YEAR_2010 + 340, 'd. mmmm yyyy')).toBe('7. December 2010');
    expect(nb(NEW_YEAR_2010 + 340, 'mmm yy')).toBe('des. 10');
    expect(en(NEW_YEAR_2010 + 340, 'mmm yy')).toBe('Dec 10');
    expect(nb(NEW_YEAR_2010, 'dddd ddd mmmmm')).toBe('fredag fr. j');
    expect(en(NEW_YEAR_2010, 'dddd ddd mmmmm')).toBe('Friday Fri J');
    expect(en(NEW_YEAR_2010, 'yyyy-mm-dd')).toBe('2010-01-01');
  });

  it('uses the names of a [$-414] or [$-409] tag whatever the display language', () => {
    expect(en(NEW_YEAR_2010, '[$-414]d. mmm yyyy')).toBe('1. jan. 2010');
    expect(nb(NEW_YEAR_2010, '[$-409]mmmm')).toBe('January');
  });

  it('counts 29 February 1900, as Excel does', () => {
    expect(en(59, 'yyyy-mm-dd')).toBe('1900-02-28');
    expect(en(60, 'yyyy-mm-dd')).toBe('1900-02-29');
    expect(en(61, 'yyyy-mm-dd')).toBe('1900-03-01');
    expect(en(1, 'yyyy-mm-dd dddd')).toBe('1900-01-01 Sunday');
    expect(en(0, 'yyyy-mm-dd')).toBe('1900-01-00');
  });

  it('writes times: minutes after hours, 12-hour clock, elapsed hours, fractions of a second', () => {
    expect(nb(0.75, 'h:mm')).toBe('18:00');
    expect(nb(NEW_YEAR_2010 + 0.5, 'dd.mm.yyyy hh:mm')).toBe('01.01.2010 12:00');
    expect(nb(0.75, 'h:mm AM/PM')).toBe('6:00 p.m.');
    expect(en(0.75, 'h:mm AM/PM')).toBe('6:00 PM');
    expect(en(0.25, 'h:mm a/p')).toBe('6:00 a');
    expect(nb(0.75, 'h:mm A/P')).toBe('6:00 P');
    expect(en(1.5, '[h]:mm')).toBe('36:00');
    expect(en(0.5 + 1.5 / 86400, 'hh:mm:ss.0')).toBe('12:00:01.5');
    expect(nb(0.5 + 1.5 / 86400, 'hh:mm:ss.0')).toBe('12:00:01,5');
    expect(en(0.5 + 90 / 86400, 'mm:ss')).toBe('01:30');
  });

  it('rounds to the second shown, carrying into the next day', () => {
    expect(en(0.5 + 0.6 / 86400, 'h:mm:ss')).toBe('12:00:01');
    expect(en(NEW_YEAR_2010 + 0.999999, 'yyyy-mm-dd h:mm:ss')).toBe('2010-01-02 0:00:00');
  });

  it('shows ######## for a date before 1900 or after 9999', () => {
    expect(en(-1, 'yyyy-mm-dd')).toBe('########');
    expect(en(2_958_466, 'yyyy-mm-dd')).toBe('########');
    expect(en(2_958_465, 'yyyy-mm-dd')).toBe('9999-12-31');
  });
});

describe('displayText: other values', () => {
  it('shows booleans and errors in the display language, whatever the format', () => {
    expect(nb(true, '#,##0')).toBe('SANN');
    expect(nb(false)).toBe('USANN');
    expect(en(true)).toBe('TRUE');
    expect(nb({ error: '#NAME?' })).toBe('#NAVN?');
    expect(nb({ error: '#DIV/0!' })).toBe('#DIV/0!');
    expect(en({ error: '#NAME?' })).toBe('#NAME?');
  });

  it('shows text as it is, an empty cell as nothing', () => {
    expect(nb('1 500 000', '#,##0')).toBe('1 500 000');
    expect(nb(null, '#,##0')).toBe('');
  });
});
