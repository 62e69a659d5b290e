/**
 * What a cell shows: its value through its number format, in a display language, as Excel draws
 * it. Excel's format codes are locale-neutral (`,` groups thousands, `.` is the decimal point,
 * `/` the date separator); Excel draws them with the separators and names of the user's locale.
 * In bokmål (nb-NO) that is a no-break space (U+00A0) between thousands and a decimal comma —
 * `#,##0` shows 700 000 as `700 000` — and `.` between day, month and year; in English (en-US) a
 * comma and a point (display/locales.ts).
 *
 * numfmt draws the codes: digit placeholders, grouping and scaling, `%`, `E+00`, literals, `_x`
 * spacing, colours (left out: the grid draws no font colour from a format), text sections, dates
 * and times in Excel's 1900 date system. Around it, what numfmt draws otherwise than Excel: the
 * section and the minus sign (display/formatSections.ts); the value rounded first on its 15
 * significant decimal digits, half away from zero, and General (display/excelDigits.ts); a date
 * rounded to the second shown before it is split into day and time (so 23:59:59.9 carries into
 * the next day); a date before 1900 or after 9999 as `########`; booleans and error values in
 * the display language. Drawn as General: fractions (`# ?/?`: numfmt's are wrong near whole
 * numbers) and a number of 10^21 or more under digit placeholders (numfmt writes `1e+21`). The
 * width of the column is not known here, so a number is never shortened to fit or drawn as
 * `####` for being too wide.
 *
 * Pure: no Intl (its nb minus sign is U+2212, Excel's is `-`).
 */
import { format } from 'numfmt';
import { general, roundedScientific, roundedTo } from './display/excelDigits';
import {
  TEXT_ONLY,
  compile,
  sectionFor,
  sectionPattern,
  textSection,
  type Section,
} from './display/formatSections';
import { numfmtLocale, type DisplayLocale } from './display/locales';
import { isCellError, type CellValue } from './snapshot';

export { DISPLAY_LOCALES, type DateNames, type DisplayLocale } from './display/locales';

/** The cell's value as Excel shows it in `locale`: numbers through `numberFormat` (General when absent). */
export function displayText(
  value: CellValue,
  numberFormat: string | undefined,
  locale: DisplayLocale,
): string {
  if (value === null) return '';
  // Excel shows a boolean or an error whatever the cell's format.
  if (typeof value === 'boolean') return value ? locale.trueText : locale.falseText;
  if (isCellError(value)) return locale.errors[value.error] ?? value.error;
  if (typeof value === 'string') return formatText(value, numberFormat, locale);
  return formatNumber(value, numberFormat, locale);
}

/** Excel's last date, 31 December 9999, is serial 2958465. */
const MAX_SERIAL = 2958466;
const SECONDS_A_DAY = 86_400;

const optionsByTag = new Map<string, Parameters<typeof format>[2]>();

/** numfmt draws `pattern` for `value` with `locale`'s separators and the section's names. */
function draw(pattern: string, value: number | string, section: Section, locale: DisplayLocale): string {
  const tag = numfmtLocale(locale, section.names ?? locale.names, section.ampm);
  let options = optionsByTag.get(tag);
  if (options === undefined) optionsByTag.set(tag, (options = { locale: tag, throws: false }));
  return format(pattern, value, options);
}

function formatNumber(v: number, code: string | undefined, locale: DisplayLocale): string {
  if (!Number.isFinite(v)) return locale.errors['#NUM!'] ?? '#NUM!';
  const x = Math.abs(v);
  const generalText = () => (v < 0 ? '-' : '') + general(x, locale.decimal);
  if (code === undefined || code === '' || /^general$/i.test(code)) return generalText();
  const chosen = sectionFor(compile(code), v);
  if (chosen === null) return generalText();
  const { section, signed } = chosen;
  if (!section.valid) return generalText();
  if (section.isDate) {
    if (v < 0 || v >= MAX_SERIAL) return '#'.repeat(8);
    // Rounded to what is shown, whole seconds or the shown fraction of one, before numfmt
    // splits day from time (it rounds the time alone: 23:59:59.9 would stay on its day).
    const steps = SECONDS_A_DAY * 10 ** section.subsecond;
    return draw(
      sectionPattern(section, locale.dateSeparator, ''),
      Math.round(v * steps) / steps,
      section,
      locale,
    );
  }
  // A section of only `@` (the text format) shows a number as General.
  if (section.hasText && !section.hasDigits && !section.hasGeneral) return generalText();
  const minus = signed && v < 0 ? '-' : '';
  if (section.pieces.length === 0) return minus;
  const pattern = sectionPattern(
    section,
    locale.dateSeparator,
    section.hasGeneral ? general(x, locale.decimal) : '',
  );
  if (section.scientific) {
    const { intPlaces, fracPlaces } = section.scientific;
    return minus + draw(pattern, roundedScientific(x, intPlaces, fracPlaces), section, locale);
  }
  // numfmt's fractions are wrong near whole numbers (2.001 as `?/?` is `0/1`, 0.999 as `# ?/?`
  // is `1 1/1`), and it writes a number of 10^21 or more as `1e+21`.
  if (section.hasFraction || (section.hasDigits && x * 10 ** section.shift >= 1e21)) return generalText();
  return (
    minus + draw(pattern, roundedTo(x, section.places, section.shift - section.numfmtShift), section, locale)
  );
}

function formatText(text: string, code: string | undefined, locale: DisplayLocale): string {
  if (code === undefined || code === '' || code === '@') return text;
  const section = textSection(compile(code));
  if (section === null || !section.validForText) return text;
  return draw(TEXT_ONLY + sectionPattern(section, locale.dateSeparator, ''), text, section, locale);
}
