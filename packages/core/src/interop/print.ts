/**
 * Python's `print` for the facades: arguments joined by a space, each as Python's `str()` would
 * show it (tensors and arrays through their own `toString`, which the facades make match their
 * framework's print).
 */

/** Python `str(v)`: strings as they are; lists as `[a, b]` with `repr` items; None/True/False. */
export function pyStr(v: unknown): string {
  if (typeof v === 'string') return v;
  return pyRepr(v);
}

/**
 * Python `repr(v)` for the values a ported tutorial prints. NOTE: JavaScript numbers do not know
 * whether they were written `1` or `1.0`; whole numbers print without a decimal point.
 */
export function pyRepr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return floatRepr(v);
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    return `{${Object.entries(v).map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(', ')}}`;
  }
  return String(v);
}

/** `repr` of a value known to be a Python float: `1.0` for whole numbers, else {@link pyRepr}. */
export function pyFloatRepr(v: number): string {
  return Number.isInteger(v) ? v.toFixed(1) : pyRepr(v);
}

/** `print(*args)`: writes the arguments' `str()` joined by `sep` (default ' ') to the console. */
export function print(...args: unknown[]): void {
  console.log(args.map(pyStr).join(' '));
}

/**
 * Python's `repr(float)`: the shortest round-tripping digits (as JavaScript's), written in exponent
 * form (`1e-05`, `1e+16`) when the exponent is below −4 or at least 16.
 */
function floatRepr(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const [mantissa, e] = v.toExponential().split('e') as [string, string];
  const exp = Number(e);
  if (exp < -4 || exp >= 16) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(v);
}
