/**
 * Numbers as Excel's display sees them: 15 significant decimal digits, rounded half away from
 * zero on those decimal digits (2.675 and 1.005 show as 2.68 and 1.01 with two decimals, where
 * binary rounding gives 2.67 and 1.00), and Excel's General format. numfmt rounds in binary and
 * its General differs at the edges (`1E-05`, `1E+11`), so the cell's value is rounded here first
 * and numfmt draws the rounded value (its own rounding then changes nothing).
 */

/**
 * |x| as decimal digits at Excel's 15 significant digits: x = 0.digits × 10^point (so `point`
 * digits stand before the decimal point). `0` for zero.
 */
export function decimalDigits(x: number): { digits: string; point: number } {
  if (x === 0) return { digits: '0', point: 1 };
  const [mantissa, exp] = Math.abs(x).toExponential(14).split('e');
  const digits = mantissa.replace('.', '').replace(/0+$/, '') || '0';
  return { digits, point: Number(exp) + 1 };
}

/**
 * Rounds 0.digits × 10^point half away from zero to `decimals` places, on the decimal digits.
 * `int` has no leading zeros ('' for zero); `frac` has exactly `decimals` digits.
 */
export function roundDigits(digits: string, point: number, decimals: number): { int: string; frac: string } {
  const keep = point + decimals;
  let kept: string;
  let p = point;
  if (keep < 0) {
    kept = '';
  } else if (keep >= digits.length) {
    kept = digits.padEnd(keep, '0');
  } else {
    kept = digits.slice(0, keep);
    if (digits[keep] >= '5') {
      const chars = kept.split('');
      let i = chars.length - 1;
      while (i >= 0 && chars[i] === '9') chars[i--] = '0';
      if (i >= 0) chars[i] = String(Number(chars[i]) + 1);
      else {
        chars.unshift('1');
        p++;
      }
      kept = chars.join('');
    }
  }
  const int = p > 0 ? kept.slice(0, p).padEnd(p, '0') : '';
  const fracDigits = p >= 0 ? kept.slice(p) : '0'.repeat(-p) + kept;
  return { int: int.replace(/^0+/, ''), frac: fracDigits.padEnd(decimals, '0').slice(0, decimals) };
}

/**
 * |x| rounded as Excel shows it with `places` decimals (negative: to tens, thousands…), then
 * times 10^shift, exactly: a decimal shift for a `%` or `,` numfmt does not scale by itself.
 */
export function roundedTo(x: number, places: number, shift = 0): number {
  const { digits, point } = decimalDigits(x);
  const { int, frac } = roundDigits(digits, point + Math.min(places, 0), Math.max(places, 0));
  return Number(`${int || '0'}.${frac}e${shift - Math.min(places, 0)}`);
}

/**
 * |x| rounded as Excel shows it in a scientific format with `intPlaces` integer and `fracPlaces`
 * decimal placeholders: with more than one integer digit the exponent is a multiple of their
 * count (`##0.0E+0`, engineering).
 */
export function roundedScientific(x: number, intPlaces: number, fracPlaces: number): number {
  const { digits, point } = decimalDigits(x);
  if (digits === '0') return 0;
  const step = Math.max(1, intPlaces);
  let e = Math.floor((point - 1) / step) * step;
  let rounded = roundDigits(digits, point - e, fracPlaces);
  if (rounded.int.length > step) {
    e += step;
    rounded = roundDigits(digits, point - e, fracPlaces);
  }
  return Number(`${rounded.int || '0'}.${rounded.frac}e${e}`);
}

/** Excel's General for |x|: up to 11 characters, else scientific with up to 6 significant digits. */
export function general(x: number, decimal: string): string {
  if (x === 0) return '0';
  const { digits, point } = decimalDigits(x);
  const e = point - 1;
  if (e < 11 && e > -5) {
    const { int, frac } = roundDigits(digits, point, e >= 0 ? Math.max(0, 9 - e) : 9);
    if (int.length <= 11) {
      const f = frac.replace(/0+$/, '');
      return (int || '0') + (f ? decimal + f : '');
    }
  }
  const m = roundDigits(digits, 1, 5);
  const exp = m.int.length > 1 ? e + 1 : e;
  const mantissa = m.int.length > 1 ? '1' : m.int;
  const f = m.int.length > 1 ? '' : m.frac.replace(/0+$/, '');
  return `${mantissa}${f ? decimal + f : ''}E${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}
