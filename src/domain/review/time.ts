/**
 * When an explanation or a sign-off was made: ISO 8601 text with the
 * writer's own UTC offset, `2024-03-05T10:12:00+01:00`. The offset keeps the
 * wall-clock time the writer saw (what "Godkjent … den 5. mars 2024 kl. 10.12"
 * shows, whoever reads it), and the instant is still exact, so entries from
 * two time zones order correctly. Pure: the caller passes the clock.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * The timestamp of `epochMs` as the writer's clock shows it: `offsetMinutes` east of UTC
 * (in a browser, `-new Date().getTimezoneOffset()`).
 */
export function timestamp(epochMs: number, offsetMinutes: number): string {
  const d = new Date(epochMs + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const off = Math.abs(offsetMinutes);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(off / 60))}:${pad(off % 60)}`
  );
}

/** The instant in ms since 1970, or null when `text` is not such a timestamp. */
export function timeValue(text: string): number | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || Number(m[6] ?? 0) > 59) return null;
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) return null;
  // Date.parse rolls 31 February over into March: refuse instead.
  const wall = new Date(Date.UTC(y, mo - 1, d));
  return wall.getUTCDate() === d ? ms : null;
}

/** The wall-clock date and time written in the timestamp (the writer's own). */
export function wallClock(
  text: string,
): { year: number; month: number; day: number; hour: number; minute: number } | null {
  if (timeValue(text) === null) return null;
  const [, y, mo, d, h, mi] = (ISO.exec(text) ?? []).map(Number);
  return { year: y, month: mo, day: d, hour: h, minute: mi };
}

/** Orders entries by their instant, then by their place in the log (later wins a tie). */
export function byTime<T extends { readonly at: string }>(entries: readonly T[]): T[] {
  return entries
    .map((e, i) => ({ e, i, t: timeValue(e.at) ?? -Infinity }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.e);
}
