/** Array constructors: `np.zeros/ones/full/arange/linspace/eye` and the `*_like` variants. */
import { allocData, dtypeOfPyScalar, type NpDType } from './dtypes.js';
import { dtypeArg, fromValues, type DTypeArg, type Scalar } from './convert.js';
import { NDArray, shapeSize } from './ndarray.js';

/** A shape: one integer or a list (Python's int or tuple). */
export type Size = number | readonly number[];

/** Checks a shape argument and returns it as a list. */
export function sizeToShape(where: string, size: Size): number[] {
  const dims = typeof size === 'number' ? [size] : [...size];
  for (const d of dims) {
    if (!Number.isInteger(d) || d < 0) throw new RangeError(`${where}: negative or non-integer dimension ${d} in size`);
  }
  return dims;
}

function filled(where: string, shape: Size, value: Scalar, dtype: NpDType): NDArray {
  const dims = sizeToShape(where, shape);
  return fromValues(new Array<number | bigint>(shapeSize(dims)).fill(typeof value === 'boolean' ? +value : value), dims, dtype);
}

/** `np.zeros(shape, dtype=float64)`. */
export function zeros(shape: Size, dtype?: DTypeArg): NDArray {
  const d = dtypeArg('zeros', dtype) ?? 'float64';
  const dims = sizeToShape('zeros', shape);
  return new NDArray(allocData(d, shapeSize(dims)), dims, d);
}

/** `np.ones(shape, dtype=float64)`. */
export function ones(shape: Size, dtype?: DTypeArg): NDArray {
  return filled('ones', shape, 1, dtypeArg('ones', dtype) ?? 'float64');
}

/** `np.full(shape, fill_value, dtype=None)`: dtype inferred from the value (int64, float64, bool). */
export function full(shape: Size, fillValue: Scalar, dtype?: DTypeArg): NDArray {
  return filled('full', shape, fillValue, dtypeArg('full', dtype) ?? dtypeOfPyScalar(fillValue));
}

/** `np.zeros_like(a, dtype=None)`. */
export function zeros_like(a: NDArray, dtype?: DTypeArg): NDArray {
  return zeros(a.shape, dtypeArg('zeros_like', dtype) ?? a.dtype);
}

/** `np.ones_like(a, dtype=None)`. */
export function ones_like(a: NDArray, dtype?: DTypeArg): NDArray {
  return ones(a.shape, dtypeArg('ones_like', dtype) ?? a.dtype);
}

/** `np.full_like(a, fill_value, dtype=None)`. */
export function full_like(a: NDArray, fillValue: Scalar, dtype?: DTypeArg): NDArray {
  return full(a.shape, fillValue, dtypeArg('full_like', dtype) ?? a.dtype);
}

/**
 * `np.arange([start,] stop[, step], dtype=None)`: length ceil((stop − start)/step); values as
 * NumPy fills them, `start + i*delta` with `delta = (start + step) − start`. int64 when all
 * arguments are whole numbers, else float64.
 */
export function arange(start: number, stop?: number | DTypeArg, step?: number | DTypeArg, dtype?: DTypeArg): NDArray {
  const args: number[] = [start];
  let dt: DTypeArg = dtype;
  for (const a of [stop, step]) {
    if (typeof a === 'number') args.push(a);
    else if (a !== undefined && a !== null) dt = a;
  }
  const [lo, hi, st] = args.length === 1 ? [0, args[0]!, 1] : [args[0]!, args[1]!, args[2] ?? 1];
  if (st === 0) throw new RangeError('arange: Maximum allowed size exceeded (step is 0)');
  const d = dtypeArg('arange', dt) ?? (Number.isInteger(lo) && Number.isInteger(hi) && Number.isInteger(st) ? 'int64' : 'float64');
  const n = Math.max(0, Math.ceil((hi - lo) / st));
  const values = new Float64Array(n);
  const r = d === 'float32' ? Math.fround : (x: number) => x;
  const first = r(lo);
  const delta = r(r(lo + st) - first);
  for (let i = 0; i < n; i++) values[i] = i === 0 ? first : i === 1 ? r(lo + st) : r(first + r(i * delta));
  return fromValues(values, [n], d);
}

/** Options of `np.linspace` in Python's keyword spelling. */
export interface LinspaceOptions {
  num?: number;
  endpoint?: boolean;
  dtype?: NpDType;
}

/**
 * `np.linspace(start, stop, num=50, endpoint=True, dtype=None)`: `i*step + start` with
 * `step = (stop − start)/div`, the last value set to `stop` exactly when `endpoint`.
 */
export function linspace(start: number, stop: number, num: number | LinspaceOptions = 50, options: LinspaceOptions = {}): NDArray {
  const o = typeof num === 'object' ? num : { ...options, num };
  const n = o.num ?? 50;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`linspace: Number of samples, ${n}, must be non-negative.`);
  const endpoint = o.endpoint ?? true;
  const div = endpoint ? n - 1 : n;
  const delta = stop - start;
  const values = new Float64Array(n);
  const step = div > 0 ? delta / div : NaN;
  for (let i = 0; i < n; i++) {
    if (div <= 0) values[i] = i * delta + start;
    else values[i] = step === 0 ? (i / div) * delta + start : i * step + start;
  }
  if (endpoint && n > 1) values[n - 1] = stop;
  const d = dtypeArg('linspace', o.dtype) ?? 'float64';
  if (d === 'int32' || d === 'int64') for (let i = 0; i < n; i++) values[i] = Math.floor(values[i]!);
  return fromValues(values, [n], d);
}

/** `np.eye(N, M=None, k=0, dtype=float64)`: ones on the k-th diagonal. */
export function eye(N: number, M?: number | null, k = 0, dtype?: DTypeArg): NDArray {
  const cols = M ?? N;
  const out = zeros([N, cols], dtypeArg('eye', dtype) ?? 'float64');
  for (let i = 0; i < N; i++) {
    const j = i + k;
    if (j >= 0 && j < cols) {
      if (out.data instanceof BigInt64Array) out.data[i * cols + j] = 1n;
      else out.data[i * cols + j] = 1;
    }
  }
  return out;
}
