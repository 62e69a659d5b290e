/**
 * The display languages as a cell's text is drawn in them: the separators Excel draws a
 * locale-neutral format code with (`,` → a no-break space U+00A0 in bokmål, `.` → a decimal
 * comma; `/` in a date → `.`), the names of months and days, TRUE/FALSE and the error values. And
 * the locale each combination is registered as in numfmt, the library that renders the codes.
 *
 * U+00A0 is what Windows, CLDR and LibreOffice use for nb-NO (not the narrow U+202F of French).
 * The month and day names are CLDR's and LibreOffice's (numfmt's own bokmål names differ:
 * `fre.` for `fr.`, `mar.` for `mars`), so that the preview shows what the LibreOffice test
 * compares it with.
 */
import { addLocale } from 'numfmt';
import type { Lang } from '../messages';
import { DATE_NAMES, type DateNames } from './dateNames';

export type { DateNames } from './dateNames';

export interface DisplayLocale {
  readonly decimal: string;
  readonly group: string;
  /** What `/` in a date format shows. */
  readonly dateSeparator: string;
  readonly trueText: string;
  readonly falseText: string;
  /** Excel's error values as this language writes them (`#NAME?` → `#NAVN?`); others as they are. */
  readonly errors: Readonly<Record<string, string>>;
  readonly names: DateNames;
}

export const DISPLAY_LOCALES: Readonly<Record<Lang, DisplayLocale>> = {
  nb: {
    decimal: ',',
    group: '\u00A0',
    dateSeparator: '.',
    trueText: 'SANN',
    falseText: 'USANN',
    errors: { '#NAME?': '#NAVN?', '#VALUE!': '#VERDI!', '#N/A': '#I/T', '#NUM!': '#TALL!' },
    names: DATE_NAMES.nb,
  },
  en: {
    decimal: '.',
    group: ',',
    dateSeparator: '/',
    trueText: 'TRUE',
    falseText: 'FALSE',
    errors: {},
    names: DATE_NAMES.en,
  },
};

/** Names for a `[$-414]`-style locale tag (Windows LCID, hex): bokmål, nynorsk and Norwegian use bokmål's. */
export function namesForLcid(lcid: number): DateNames | null {
  const language = lcid & 0x3ff;
  if (language === 0x14) return DATE_NAMES.nb;
  if (language === 0x09) return DATE_NAMES.en;
  return null;
}

/**
 * How a format's AM/PM shows: the language's words (`AM/PM`: `AM`, `a.m.`), or Excel's one
 * letter for `A/P` (`A`, `P`) and `a/p` (`a`, `p`), whatever the language.
 */
export type AmPm = 'words' | 'letter' | 'lowerLetter';

const registered = new Map<DisplayLocale, Map<DateNames, Partial<Record<AmPm, string>>>>();
let count = 0;

/**
 * The numfmt locale that draws with `locale`'s separators, `names`' months and days and `ampm`:
 * registered on first use under a tag of this module's own (`planreconciler_1`…), so numfmt's
 * own locales are left as they are. A handful exist: languages × names × AM/PM styles.
 */
export function numfmtLocale(locale: DisplayLocale, names: DateNames, ampm: AmPm): string {
  let byNames = registered.get(locale);
  if (byNames === undefined) registered.set(locale, (byNames = new Map()));
  let tags = byNames.get(names);
  if (tags === undefined) byNames.set(names, (tags = {}));
  const known = tags[ampm];
  if (known !== undefined) return known;
  const tag = `planreconciler_${++count}`;
  addLocale(
    {
      decimal: locale.decimal,
      group: locale.group,
      negative: '-',
      positive: '+',
      percent: '%',
      exponent: 'E',
      mmmm: [...names.months],
      mmm: [...names.monthsShort],
      dddd: [...names.days],
      ddd: [...names.daysShort],
      ampm: ampm === 'words' ? [names.am, names.pm] : ampm === 'letter' ? ['A', 'P'] : ['a', 'p'],
      bool: [locale.trueText, locale.falseText],
    },
    tag,
  );
  tags[ampm] = tag;
  return tag;
}
