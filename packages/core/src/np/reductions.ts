/**
 * Reductions `np.sum/mean/max/min` over all elements or along axes. Float sums follow NumPy's
 * order: the run of trailing reduced axes (NumPy's contiguous inner loop) is summed pairwise
 * (8 accumulators, blocks of 128) and the runs are added one after another; with the last
 * axis kept, elements are accumulated one by one. All in the array's own precision (float32
 * sums stay float32).
 */
import { asarray, fromValues, type ArrayInput } from './convert.js';
import { dataToNumbers, type NpDType } from './dtypes.js';
import { NDArray } from './ndarray.js';

/** Python's `axis=` / `keepdims=` keywords. */
export interface ReduceOptions {
  axis?: number | readonly number[] | null;
  keepdims?: boolean;
}

type AxisArg = number | readonly number[] | null | undefined | ReduceOptions;

/** NumPy's `pairwise_sum` over `x[start .. start+n)`; `round` rounds each addition (float32). */
export function pairwiseSum(x: ArrayLike<number>, start: number, n: number, round: (v: number) => number): number {
  if (n < 8) {
    let res = -0;
    for (let i = 0; i < n; i++) res = round(res + x[start + i]!);
    return res;
  }
  if (n <= 128) {
    const r = new Array<number>(8);
    for (let j = 0; j < 8; j++) r[j] = x[start + j]!;
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (let j = 0; j < 8; j++) r[j] = round(r[j]! + x[start + i + j]!);
    }
    let res = round(round(round(r[0]! + r[1]!) + round(r[2]! + r[3]!)) + round(round(r[4]! + r[5]!) + round(r[6]! + r[7]!)));
    for (; i < n; i++) res = round(res + x[start + i]!);
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return round(pairwiseSum(x, start, n2, round) + pairwiseSum(x, start + n2, n - n2, round));
}

interface Plan {
  outShape: number[];
  /** For each output element, the flat indices it reduces, in C order. */
  groups: Int32Array[];
  /** Length of the contiguous run NumPy's inner loop sums pairwise (trailing reduced axes). */
  run: number;
}

function planReduction(where: string, a: NDArray, axisArg: AxisArg, keepdimsArg?: boolean): Plan {
  const opts: ReduceOptions = axisArg !== null && typeof axisArg === 'object' && !Array.isArray(axisArg)
    ? (axisArg as ReduceOptions)
    : { axis: axisArg as number | readonly number[] | null | undefined, keepdims: keepdimsArg ?? false };
  const nd = a.ndim;
  const raw = opts.axis === null || opts.axis === undefined ? [...Array(nd).keys()] : typeof opts.axis === 'number' ? [opts.axis] : [...opts.axis];
  const axes = raw.map((ax) => {
    if (!Number.isInteger(ax) || ax < -nd || ax >= nd) throw new RangeError(`${where}: axis ${ax} is out of bounds for array of dimension ${nd}`);
    return ax < 0 ? ax + nd : ax;
  });
  if (new Set(axes).size !== axes.length) throw new RangeError(`${where}: duplicate value in 'axis'`);
  axes.sort((x, y) => x - y);
  const kept = [...Array(nd).keys()].filter((d) => !axes.includes(d));
  const keptShape = kept.map((d) => a.shape[d]!);
  const outShape = opts.keepdims ? a.shape.map((d, i) => (axes.includes(i) ? 1 : d)) : keptShape;
  const strides = new Array<number>(nd);
  for (let i = nd - 1, s = 1; i >= 0; s *= a.shape[i]!, i--) strides[i] = s;
  const offsets = (dims: number[]): Int32Array => {
    const n = dims.reduce((p, d) => p * a.shape[d]!, 1);
    const out = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      let rem = k;
      let off = 0;
      for (let j = dims.length - 1; j >= 0; j--) {
        const d = dims[j]!;
        off += (rem % a.shape[d]!) * strides[d]!;
        rem = Math.floor(rem / a.shape[d]!);
      }
      out[k] = off;
    }
    return out;
  };
  const base = offsets(kept);
  const inner = offsets(axes);
  const groups = Array.from(base, (b) => inner.map((o) => o + b));
  let run = 1;
  for (let d = nd - 1; d >= 0; d--) {
    if (a.shape[d] === 1) continue;
    if (!axes.includes(d)) break;
    run *= a.shape[d]!;
  }
  return { outShape, groups, run };
}

function finish(plan: Plan, values: number[], dtype: NpDType, whole: boolean): NDArray | number {
  if (whole) return values[0]!;
  return fromValues(values, plan.outShape, dtype);
}

function isWhole(axisArg: AxisArg, keepdims?: boolean): boolean {
  if (axisArg !== null && typeof axisArg === 'object' && !Array.isArray(axisArg)) {
    const o = axisArg as ReduceOptions;
    return (o.axis === null || o.axis === undefined) && !o.keepdims;
  }
  return (axisArg === null || axisArg === undefined) && !keepdims;
}

function sumGroups(a: NDArray, plan: Plan, accum: NpDType): number[] {
  const xs = dataToNumbers(a.data);
  const round = accum === 'float32' ? Math.fround : (v: number) => v;
  return plan.groups.map((g) => {
    const vals = Array.from(g, (i) => xs[i]!);
    let acc = 0;
    for (let start = 0; start < vals.length; start += plan.run) acc = round(acc + pairwiseSum(vals, start, plan.run, round));
    return acc;
  });
}

/** Overloads shared by reductions: no axis gives a number, an axis (or keepdims) an array. */
export interface Reduction {
  (a: ArrayInput, axis?: null, keepdims?: false): number;
  (a: ArrayInput, axis: number | readonly number[] | ReduceOptions | null, keepdims?: boolean): NDArray;
}

/** `np.sum(a, axis=None, keepdims=False)`: ints and bools sum to int64, floats keep their dtype. */
export const sum = ((x: ArrayInput, axis?: AxisArg, keepdims?: boolean) => {
  const a = asarray(x);
  const plan = planReduction('sum', a, axis, keepdims);
  const dtype: NpDType = a.dtype === 'float32' || a.dtype === 'float64' ? a.dtype : 'int64';
  return finish(plan, sumGroups(a, plan, dtype), dtype, isWhole(axis, keepdims));
}) as Reduction;

/**
 * `np.mean(a, axis=None, keepdims=False)`: sum (float32 arrays accumulate in float32, others in
 * float64) divided by the count, rounded to the result dtype (float32 for float32, else float64).
 */
export const mean = ((x: ArrayInput, axis?: AxisArg, keepdims?: boolean) => {
  const a = asarray(x);
  const plan = planReduction('mean', a, axis, keepdims);
  const dtype: NpDType = a.dtype === 'float32' ? 'float32' : 'float64';
  const count = plan.groups[0]?.length ?? 0;
  const round = dtype === 'float32' ? Math.fround : (v: number) => v;
  const values = sumGroups(a, plan, dtype).map((s) => round(s / count));
  return finish(plan, values, dtype, isWhole(axis, keepdims));
}) as Reduction;

function extreme(where: string, pick: (x: number, y: number) => boolean) {
  return ((x: ArrayInput, axis?: AxisArg, keepdims?: boolean) => {
    const a = asarray(x);
    const plan = planReduction(where, a, axis, keepdims);
    if (plan.groups.length > 0 && plan.groups[0]!.length === 0) {
      throw new RangeError(`${where}: zero-size array to reduction operation ${where === 'max' ? 'maximum' : 'minimum'} which has no identity`);
    }
    const xs = dataToNumbers(a.data);
    const values = plan.groups.map((g) => {
      let best = xs[g[0]!]!;
      for (const i of g) {
        const v = xs[i]!;
        if (v !== v) return NaN;
        if (pick(v, best)) best = v;
      }
      return best;
    });
    return finish(plan, values, a.dtype, isWhole(axis, keepdims));
  }) as Reduction;
}

/** `np.max(a, axis=None, keepdims=False)` (also `np.amax`); NaN propagates. */
export const max = extreme('max', (v, best) => v > best);
/** `np.min(a, axis=None, keepdims=False)` (also `np.amin`); NaN propagates. */
export const min = extreme('min', (v, best) => v < best);
