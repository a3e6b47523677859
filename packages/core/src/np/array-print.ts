/**
 * `str(ndarray)` as NumPy ≥ 2.3 prints it with default print options (`numpy/_core/arrayprint.py`):
 * linewidth 75, threshold 1000, edgeitems 3, precision 8, floatmode 'maxprec', sign '-'.
 */
import { contiguousStrides } from '../shape.js';
import type { NpData, NpDType } from './dtypes.js';
import { formatFloatScalar, formatPositional, formatScientific, shortestDecimal, roundDecimal, exactDecimal } from './float-format.js';

const LINE_WIDTH = 75;
const THRESHOLD = 1000;
const EDGE_ITEMS = 3;
const PRECISION = 8;

type ElementFormatter = (flatIndex: number) => string;

/** `str()` of one element as a NumPy scalar of `dtype` (`9.0`, `0.033333335`, `5`, `True`). */
export function formatScalar(data: NpData, i: number, dtype: NpDType): string {
  const v = data[i]!;
  if (dtype === 'bool') return v ? 'True' : 'False';
  if (dtype === 'int32' || dtype === 'int64') return String(v);
  return formatFloatScalar(v as number, dtype === 'float32');
}

/** NumPy's `str()` of an array: a 0-d array prints as its scalar, an empty one as `[]`. */
export function arrayToString(data: NpData, shape: readonly number[], dtype: NpDType): string {
  if (shape.length === 0) return formatScalar(data, 0, dtype);
  if (data.length === 0) return '[]';
  const summarize = data.length > THRESHOLD;
  const shown = summarize ? cornerIndices(shape) : null;
  const fmt = makeFormatter(data, dtype, shown);
  return formatArray(shape, fmt, summarize);
}

/** Flat indices of the leading/trailing `EDGE_ITEMS` corners (`_leading_trailing`). */
function cornerIndices(shape: readonly number[]): number[] {
  const out: number[] = [];
  const strides = contiguousStrides(shape);
  const walk = (axis: number, offset: number): void => {
    if (axis === shape.length) {
      out.push(offset);
      return;
    }
    const n = shape[axis]!;
    const idx = n > 2 * EDGE_ITEMS
      ? [...range(0, EDGE_ITEMS), ...range(n - EDGE_ITEMS, n)]
      : range(0, n);
    for (const i of idx) walk(axis + 1, offset + i * strides[axis]!);
  };
  walk(0, 0);
  return out;
}

function range(a: number, b: number): number[] {
  const r: number[] = [];
  for (let i = a; i < b; i++) r.push(i);
  return r;
}

function makeFormatter(data: NpData, dtype: NpDType, shown: number[] | null): ElementFormatter {
  const indices = shown ?? range(0, data.length);
  if (dtype === 'bool') return (i) => (data[i] ? ' True' : 'False');
  if (dtype === 'int32' || dtype === 'int64') {
    let width = 0;
    for (const i of indices) width = Math.max(width, String(data[i]).length);
    return (i) => String(data[i]).padStart(width, ' ');
  }
  return floatFormatter(data as Float32Array | Float64Array, dtype === 'float32', indices);
}

/** NumPy's `FloatingFormat` (floatmode 'maxprec', precision 8, no suppression). */
function floatFormatter(data: Float32Array | Float64Array, f32: boolean, indices: number[]): ElementFormatter {
  const finite: number[] = [];
  let hasNonFinite = false;
  let negInf = false;
  for (const i of indices) {
    const v = data[i]!;
    if (Number.isFinite(v)) finite.push(v);
    else {
      hasNonFinite = true;
      if (v === -Infinity) negInf = true;
    }
  }
  const expFormat = useExpFormat(finite, f32);
  let padLeft = 0;
  let padRight = 0;
  let precision = PRECISION;
  let expSize = -1;
  if (finite.length > 0 && expFormat) {
    let fracMax = 0;
    for (const v of finite) {
      const d = capSig(v, f32, PRECISION + 1);
      fracMax = Math.max(fracMax, d.digits.length - 1);
      padLeft = Math.max(padLeft, d.neg ? 2 : 1);
      expSize = Math.max(expSize, Math.max(String(Math.abs(d.exp)).length, 2));
    }
    precision = fracMax;
    padRight = expSize + 2 + precision;
  } else if (finite.length > 0) {
    for (const v of finite) {
      const s = formatPositional(v, { f32, precision: PRECISION, trim: '.' });
      const [intPart, frac] = s.split('.') as [string, string];
      padLeft = Math.max(padLeft, intPart.length);
      padRight = Math.max(padRight, frac.length);
    }
  }
  if (hasNonFinite) padLeft = Math.max(padLeft, 3 - (padRight + 1), 3 + (negInf ? 1 : 0) - (padRight + 1));
  return (i) => {
    const v = data[i]!;
    if (!Number.isFinite(v)) {
      const s = Number.isNaN(v) ? 'nan' : v < 0 ? '-inf' : 'inf';
      return s.padStart(padLeft + padRight + 1, ' ');
    }
    if (expFormat) {
      return formatScientific(v, { f32, precision, minDigits: precision, trim: 'k', padLeft, expDigits: expSize });
    }
    return formatPositional(v, { f32, precision: PRECISION, minDigits: 0, trim: '.', padLeft, padRight });
  };
}

/** The digits `format_float_scientific(v, precision=p-1, unique=True)` would print. */
function capSig(v: number, f32: boolean, maxSig: number) {
  const d = shortestDecimal(v, f32);
  return d.digits.length > maxSig ? roundDecimal(exactDecimal(v), maxSig) : d;
}

/**
 * Scientific notation when max|x| ≥ 10**min(8, finfo.precision) (1e6 for float32, 1e8 for
 * float64), min|x| < 1e-4 or max/min > 1000, over non-zero finite values; the comparisons
 * run in the array's own precision (NEP 50).
 */
function useExpFormat(finite: number[], f32: boolean): boolean {
  let max = 0;
  let min = Infinity;
  for (const v of finite) {
    const a = Math.abs(v);
    if (a === 0) continue;
    if (a > max) max = a;
    if (a < min) min = a;
  }
  if (min === Infinity) return false;
  const r = (x: number) => (f32 ? Math.fround(x) : x);
  const cutoff = f32 ? 1e6 : 1e8;
  return max >= cutoff || min < r(0.0001) || r(max / min) > 1000;
}

/** NumPy's `_formatArray` with separator ' ' and the wrapping rules of NumPy > 1.13. */
function formatArray(shape: readonly number[], fmt: ElementFormatter, summarize: boolean): string {
  const strides = contiguousStrides(shape);
  const ndim = shape.length;
  const recurse = (axis: number, offset: number, hangingIndent: string, currWidth: number): string => {
    if (axis === ndim) return fmt(offset);
    const nextIndent = hangingIndent + ' ';
    const nextWidth = currWidth - 1;
    const n = shape[axis]!;
    const showSummary = summarize && 2 * EDGE_ITEMS < n;
    const leading = showSummary ? EDGE_ITEMS : 0;
    const trailing = showSummary ? EDGE_ITEMS : n;
    const child = (i: number) => recurse(axis + 1, offset + i * strides[axis]!, nextIndent, nextWidth);
    let s = '';
    if (axis === ndim - 1) {
      const elemWidth = currWidth - 1;
      let line = hangingIndent;
      const extend = (word: string) => {
        [s, line] = extendLine(s, line, word, elemWidth, hangingIndent);
      };
      for (let i = 0; i < leading; i++) {
        extend(child(i));
        line += ' ';
      }
      if (showSummary) {
        extend('...');
        line += ' ';
      }
      for (let i = trailing; i > 1; i--) {
        extend(child(n - i));
        line += ' ';
      }
      extend(child(n - 1));
      s += line;
    } else {
      const lineSep = '\n'.repeat(ndim - axis - 1);
      for (let i = 0; i < leading; i++) s += hangingIndent + child(i) + lineSep;
      if (showSummary) s += hangingIndent + '...' + lineSep;
      for (let i = trailing; i > 1; i--) s += hangingIndent + child(n - i) + lineSep;
      s += hangingIndent + child(n - 1);
    }
    return '[' + s.slice(hangingIndent.length) + ']';
  };
  return recurse(0, 0, ' ', LINE_WIDTH);
}

function extendLine(s: string, line: string, word: string, width: number, indent: string): [string, string] {
  let needsWrap = line.length + word.length > width;
  if (line.length <= indent.length) needsWrap = false;
  if (needsWrap) {
    s += line.trimEnd() + '\n';
    line = indent;
  }
  return [s, line + word];
}
