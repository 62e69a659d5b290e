/**
 * Cell text and values as SpreadsheetML stores them, turned into what Excel
 * shows: `_xHHHH_` escapes and ISO dates (`t="d"`).
 */

/**
 * Decodes `_xHHHH_` (Excel's escape for characters XML cannot hold, such as
 * `_x000D_` for a carriage return); `_x005F_` before such a sequence is a
 * literal underscore.
 */
export function decodeXstring(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const MS_PER_DAY = 86_400_000;
/** Days from 1899-12-30 (the 1900 system's day 0) to 1970-01-01. */
const EPOCH_1900 = 25_569;
/** The 1904 date system counts from 1904-01-01, 1462 days later. */
const EPOCH_1904 = EPOCH_1900 - 1_462;

/** Excel serial number of a time in milliseconds since 1970 (UTC, as Excel has no zones). */
function msToSerial(ms: number, date1904 = false): number {
  return (ms + (date1904 ? EPOCH_1904 : EPOCH_1900) * MS_PER_DAY) / MS_PER_DAY;
}

const ISO =
  /^(?:(\d{4,})-(\d{2})-(\d{2}))?(?:[T ]?(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * An ISO 8601 date, date-time or time (`t="d"` cells) as Excel's serial number; a time alone is a
 * fraction of a day. `null` when the text is not such a date.
 */
export function isoToSerial(text: string, date1904 = false): number | null {
  const m = ISO.exec(text.trim());
  if (!m || (m[1] === undefined && m[4] === undefined)) return null;
  const h = Number(m[4] ?? 0);
  const min = Number(m[5] ?? 0);
  const s = Number(m[6] ?? 0);
  const frac = m[7] ? Number(m[7]) : 0;
  const timeMs = ((h * 60 + min) * 60 + s + frac) * 1000;
  if (m[1] === undefined) return timeMs / MS_PER_DAY;
  const dayMs = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (Number.isNaN(dayMs)) return null;
  return msToSerial(dayMs + timeMs, date1904);
}
