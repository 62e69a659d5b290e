/**
 * The names of months and days, and AM/PM, as each display language writes them: the preview's
 * dates (display/locales.ts) and the review log's times (review/text.ts). Bokmål's are CLDR's and
 * LibreOffice's (a short name keeps no period), so the preview shows what the LibreOffice test
 * compares it with.
 */
import type { Catalog } from '../messages';

export interface DateNames {
  readonly months: readonly string[];
  readonly monthsShort: readonly string[];
  /** Sunday first. */
  readonly days: readonly string[];
  readonly daysShort: readonly string[];
  readonly am: string;
  readonly pm: string;
}

const NB_NAMES: DateNames = {
  months: [
    'januar',
    'februar',
    'mars',
    'april',
    'mai',
    'juni',
    'juli',
    'august',
    'september',
    'oktober',
    'november',
    'desember',
  ],
  // CLDR's (and LibreOffice's) abbreviations: a short name keeps no period.
  monthsShort: [
    'jan.',
    'feb.',
    'mars',
    'april',
    'mai',
    'juni',
    'juli',
    'aug.',
    'sep.',
    'okt.',
    'nov.',
    'des.',
  ],
  days: ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'],
  daysShort: ['sø.', 'ma.', 'ti.', 'on.', 'to.', 'fr.', 'lø.'],
  am: 'a.m.',
  pm: 'p.m.',
};

const EN_NAMES: DateNames = {
  months: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  monthsShort: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  daysShort: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  am: 'AM',
  pm: 'PM',
};

export const DATE_NAMES: Catalog<DateNames> = { nb: NB_NAMES, en: EN_NAMES };
