/**
 * NumPy's Dragon4 float formatting (`np.format_float_positional` / `format_float_scientific`)
 * in unique mode: the shortest digits that round-trip in the value's own precision (float32
 * or float64). When those digits overflow the `precision` cutoff, or fall short of
 * `minDigits`, the exact binary value is rounded half-to-even at that position instead.
 */

/** A decimal `±d0.d1d2... × 10^exp`; `digits` has no trailing zeros; zero is `'0'`, exp 0. */
export interface Decimal {
  neg: boolean;
  digits: string;
  exp: number;
}

/** How trailing zeros are handled, as NumPy's `trim`: 'k' keep, '.' keep the point, '0' leave one zero, '-' drop the point. */
export type TrimMode = 'k' | '.' | '0' | '-';

export interface FloatFormatOptions {
  /** Value is a float32 (shortest digits that round-trip through float32). */
  f32: boolean;
  /** Maximum digits after the point; -1 = no cutoff. */
  precision?: number;
  /** Pad the fraction with zeros to at least this many digits. */
  minDigits?: number;
  trim?: TrimMode;
  /** Left-pad the integer part (with its sign) with spaces to this width. */
  padLeft?: number;
  /** Right-pad the fraction with spaces to this width (positional only). */
  padRight?: number;
  /** Minimum exponent digits (scientific only; NumPy's default 2). */
  expDigits?: number;
}

function isNegative(x: number): boolean {
  return x < 0 || Object.is(x, -0);
}

function stripTrailingZeros(d: Decimal): Decimal {
  const digits = d.digits.replace(/0+$/, '');
  return digits === '' ? { neg: d.neg, digits: '0', exp: 0 } : { neg: d.neg, digits, exp: d.exp };
}

function parseExponential(s: string, neg: boolean): Decimal {
  const [mant, e] = s.split('e') as [string, string];
  return stripTrailingZeros({ neg, digits: mant.replace('.', ''), exp: Number(e) });
}

function roundTrips(d: Decimal, ax: number, f32: boolean): boolean {
  const v = Number(`${d.digits}e${d.exp - d.digits.length + 1}`);
  return (f32 ? Math.fround(v) : v) === ax;
}

/** Shortest round-tripping digits of `ax` > 0 in float32, as an exponential string. */
function shortestF32(ax: number): string {
  for (let p = 1; p <= 9; p++) {
    const s = ax.toExponential(p - 1);
    if (Math.fround(Number(s)) === ax) return s;
    // The closest p-digit decimal can miss while a neighbour still round-trips (at a binade edge).
    const [mant, e] = s.split('e') as [string, string];
    const m = Number(mant.replace('.', ''));
    for (const cand of [m - 1, m + 1]) {
      const str = `${cand}e${Number(e) - (p - 1)}`;
      if (Math.fround(Number(str)) === ax) return Number(str).toExponential();
    }
  }
  return ax.toExponential(8);
}

/**
 * Shortest round-tripping digits of a finite `x` in float64, or in float32 when `f32`; among
 * equally short candidates the closest, a tie going to the even digit (as Dragon4 does).
 */
export function shortestDecimal(x: number, f32: boolean): Decimal {
  const neg = isNegative(x);
  const ax = Math.abs(x);
  if (ax === 0) return { neg, digits: '0', exp: 0 };
  const found = parseExponential(f32 ? shortestF32(ax) : ax.toExponential(), neg);
  const nearest = roundDecimal(exactDecimal(x), found.digits.length);
  return nearest.digits !== found.digits && roundTrips(nearest, ax, f32) ? nearest : found;
}

/** The exact decimal expansion of a finite double (every binary fraction is a finite decimal). */
export function exactDecimal(x: number): Decimal {
  const neg = isNegative(x);
  if (x === 0) return { neg, digits: '0', exp: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const biased = Number(bits >> 52n);
  const frac = bits & ((1n << 52n) - 1n);
  const mant = biased === 0 ? frac : frac | (1n << 52n);
  const e2 = (biased === 0 ? 1 : biased) - 1075;
  if (e2 >= 0) {
    const s = (mant << BigInt(e2)).toString();
    return stripTrailingZeros({ neg, digits: s, exp: s.length - 1 });
  }
  const s = (mant * 5n ** BigInt(-e2)).toString();
  return stripTrailingZeros({ neg, digits: s, exp: s.length - 1 + e2 });
}

/** Rounds to `nSig` significant digits, ties to even (`nSig` ≤ 0 rounds below the first digit). */
export function roundDecimal(d: Decimal, nSig: number): Decimal {
  if (d.digits === '0' || nSig >= d.digits.length) return d;
  if (nSig < 0) return { neg: d.neg, digits: '0', exp: 0 };
  const kept = d.digits.slice(0, nSig);
  const next = d.digits.charCodeAt(nSig) - 48;
  const restNonZero = /[1-9]/.test(d.digits.slice(nSig + 1));
  const lastOdd = nSig > 0 && (d.digits.charCodeAt(nSig - 1) - 48) % 2 === 1;
  const up = next > 5 || (next === 5 && (restNonZero || lastOdd));
  if (!up) return kept === '' ? { neg: d.neg, digits: '0', exp: 0 } : stripTrailingZeros({ ...d, digits: kept });
  if (kept === '') return { neg: d.neg, digits: '1', exp: d.exp + 1 };
  const arr = kept.split('').map(Number);
  let i = arr.length - 1;
  while (i >= 0 && arr[i] === 9) arr[i--] = 0;
  if (i < 0) return { neg: d.neg, digits: '1', exp: d.exp + 1 };
  arr[i]! += 1;
  return stripTrailingZeros({ neg: d.neg, digits: arr.join(''), exp: d.exp });
}

function positionalParts(d: Decimal): [string, string] {
  if (d.digits === '0') return ['0', ''];
  if (d.exp < 0) return ['0', '0'.repeat(-d.exp - 1) + d.digits];
  const intLen = d.exp + 1;
  if (d.digits.length <= intLen) return [d.digits + '0'.repeat(intLen - d.digits.length), ''];
  return [d.digits.slice(0, intLen), d.digits.slice(intLen)];
}

function applyTrim(frac: string, trim: TrimMode, minDigits: number): string {
  let f = frac.padEnd(minDigits, '0');
  if (f === '' && trim === '0') f = '0';
  return f === '' && trim === '-' ? '' : '.' + f;
}

/** `np.format_float_positional(x, unique=True, fractional=True, ...)` for a finite `x`. */
export function formatPositional(x: number, o: FloatFormatOptions): string {
  const precision = o.precision ?? -1;
  let d = shortestDecimal(x, o.f32);
  const fracDigits = d.digits === '0' ? 0 : Math.max(0, d.digits.length - 1 - d.exp);
  const minDigits = o.minDigits ?? 0;
  if (precision >= 0 && fracDigits > precision) d = roundDecimal(exactDecimal(x), d.exp + 1 + precision);
  else if (fracDigits < minDigits) d = roundDecimal(exactDecimal(x), d.exp + 1 + minDigits);
  const [intPart, frac] = positionalParts(d);
  const head = (d.neg ? '-' : '') + intPart;
  let tail = applyTrim(frac, o.trim ?? '.', minDigits);
  if (o.padRight !== undefined) tail = tail.padEnd(o.padRight + 1, ' ');
  return head.padStart(o.padLeft ?? 0, ' ') + tail;
}

/** `np.format_float_scientific(x, unique=True, ...)` for a finite `x`. */
export function formatScientific(x: number, o: FloatFormatOptions): string {
  const precision = o.precision ?? -1;
  let d = shortestDecimal(x, o.f32);
  const minDigits = o.minDigits ?? 0;
  if (precision >= 0 && d.digits.length - 1 > precision) d = roundDecimal(exactDecimal(x), precision + 1);
  else if (d.digits.length - 1 < minDigits) d = roundDecimal(exactDecimal(x), minDigits + 1);
  const head = (d.neg ? '-' : '') + d.digits[0];
  const mant = head.padStart(o.padLeft ?? 0, ' ') + applyTrim(d.digits.slice(1), o.trim ?? '.', minDigits);
  const expAbs = String(Math.abs(d.exp)).padStart(Math.max(o.expDigits ?? 2, 1), '0');
  return `${mant}e${d.exp < 0 ? '-' : '+'}${expAbs}`;
}

/**
 * `str()` of a NumPy float scalar (and of a 0-d float array): positional with one trailing
 * zero (`9.0`, `0.033333335`) when 1e-4 ≤ |x| < 1e16 (1e6 for float32, NumPy ≥ 2.3) or x = 0,
 * else scientific without trailing zeros (`1e-05`, `1.5e+16`); `nan`, `inf`, `-inf`.
 */
export function formatFloatScalar(x: number, f32: boolean): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x < 0 ? '-inf' : 'inf';
  const ax = Math.abs(x);
  const high = f32 ? 1e6 : 1e16;
  if (ax === 0 || (ax >= 1e-4 && ax < high)) return formatPositional(x, { f32, trim: '0' });
  return formatScientific(x, { f32, trim: '-' });
}
