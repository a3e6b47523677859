/** NumPy dtypes of the host helper, their storage, and NumPy's promotion rules among them. */

/** The dtypes `np` arrays can have. */
export type NpDType = 'float32' | 'float64' | 'int32' | 'int64' | 'bool';

/** Storage of an `NDArray`: int64 is a BigInt64Array, bool a Uint8Array of 0/1. */
export type NpData = Float32Array | Float64Array | Int32Array | BigInt64Array | Uint8Array;

export const NP_DTYPES: readonly NpDType[] = ['float32', 'float64', 'int32', 'int64', 'bool'];

/** Checks a dtype argument (`np.float32`, `'float32'`, ...), naming the calling function. */
export function checkNpDType(where: string, d: unknown): NpDType {
  if (typeof d === 'string' && (NP_DTYPES as readonly string[]).includes(d)) return d as NpDType;
  throw new TypeError(`${where}: dtype must be one of ${NP_DTYPES.join(', ')}, got ${String(d)}`);
}

/** Allocates zeroed storage for `size` elements of `dtype`. */
export function allocData(dtype: NpDType, size: number): NpData {
  switch (dtype) {
    case 'float32': return new Float32Array(size);
    case 'float64': return new Float64Array(size);
    case 'int32': return new Int32Array(size);
    case 'int64': return new BigInt64Array(size);
    case 'bool': return new Uint8Array(size);
  }
}

export function isFloatDType(d: NpDType): boolean {
  return d === 'float32' || d === 'float64';
}

/**
 * Converts one number as a C cast to `dtype` does: floats round (float32) or stay, integers
 * truncate toward zero and wrap, bool is `v != 0` (NaN is True).
 */
export function castNumber(v: number, dtype: NpDType): number | bigint {
  switch (dtype) {
    case 'float32': return Math.fround(v);
    case 'float64': return v;
    case 'int32': return Number.isFinite(v) ? Math.trunc(v) | 0 : -2147483648;
    case 'int64': return Number.isFinite(v) ? BigInt.asIntN(64, BigInt(Math.trunc(v))) : -(2n ** 63n);
    case 'bool': return v !== 0 ? 1 : 0;
  }
}

/** Writes `values` into fresh storage of `dtype`, casting each element with `castNumber`. */
export function dataFromNumbers(values: ArrayLike<number>, dtype: NpDType): NpData {
  const n = values.length;
  if (dtype === 'int64') {
    const out = new BigInt64Array(n);
    for (let i = 0; i < n; i++) out[i] = castNumber(values[i]!, 'int64') as bigint;
    return out;
  }
  const out = allocData(dtype, n) as Exclude<NpData, BigInt64Array>;
  if (dtype === 'float32' || dtype === 'float64') {
    out.set(values as ArrayLike<number>);
    return out;
  }
  for (let i = 0; i < n; i++) out[i] = castNumber(values[i]!, dtype) as number;
  return out;
}

/** Reads storage as plain doubles (int64 beyond 2**53 loses precision). */
export function dataToNumbers(data: NpData): Float64Array {
  if (data instanceof Float64Array) return data;
  if (data instanceof BigInt64Array) {
    const out = new Float64Array(data.length);
    for (let i = 0; i < data.length; i++) out[i] = Number(data[i]!);
    return out;
  }
  return Float64Array.from(data);
}

const KIND_RANK: Record<NpDType, number> = { bool: 0, int32: 1, int64: 2, float32: 3, float64: 4 };

/**
 * NumPy's `result_type` of two array dtypes: bool < int32 < int64, float32 < float64, and an
 * integer with float32 gives float64 (float32 cannot hold every int32/int64 exactly).
 */
export function promoteNp(a: NpDType, b: NpDType): NpDType {
  if (a === b) return a;
  if ((a === 'float32' && (b === 'int32' || b === 'int64')) || (b === 'float32' && (a === 'int32' || a === 'int64'))) {
    return 'float64';
  }
  return KIND_RANK[a] >= KIND_RANK[b] ? a : b;
}

/**
 * NEP 50 promotion of an array dtype with a Python scalar (a JS number: whole → int, else
 * float): the array's kind wins when it is at least the scalar's kind; a float scalar with
 * an integer/bool array gives float64; an int scalar with a bool array gives int64.
 */
export function promoteWithPyScalar(d: NpDType, v: number | boolean): NpDType {
  if (typeof v === 'boolean') return d;
  if (isFloatDType(d)) return d;
  if (!Number.isInteger(v)) return 'float64';
  return d === 'bool' ? 'int64' : d;
}

/** The dtype NumPy infers for a Python scalar: bool, int64 for whole numbers, else float64. */
export function dtypeOfPyScalar(v: number | boolean | bigint): NpDType {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return 'int64';
  return Number.isInteger(v) ? 'int64' : 'float64';
}
