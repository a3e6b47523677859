/** Turning JS input (nested lists, typed arrays, scalars) into `NDArray`s, as `np.array` does. */
import { castNumber, checkNpDType, dtypeOfPyScalar, promoteNp, type NpDType } from './dtypes.js';
import { NDArray } from './ndarray.js';

/** A Python scalar: number (int when whole), boolean, or bigint (int64). */
export type Scalar = number | boolean | bigint;

/** Typed arrays accepted as input; each keeps its own dtype (other integer kinds become int64). */
export type TypedInput =
  | Float32Array | Float64Array | Int32Array | BigInt64Array | Uint8Array
  | Int8Array | Int16Array | Uint16Array | Uint32Array;

/** Anything `np.array` accepts. */
export type ArrayInput = Scalar | NDArray | TypedInput | readonly ArrayInput[];

/** A dtype given positionally (`np.float32`) or as Python's keyword (`{ dtype: np.float32 }`). */
export type DTypeArg = NpDType | { dtype?: NpDType | null } | null | undefined;

/** Reads a dtype argument in either spelling; undefined when none was given. */
export function dtypeArg(where: string, arg: DTypeArg): NpDType | undefined {
  if (arg === null || arg === undefined) return undefined;
  if (typeof arg === 'object') return arg.dtype == null ? undefined : checkNpDType(where, arg.dtype);
  return checkNpDType(where, arg);
}

function isTypedInput(x: unknown): x is TypedInput {
  return ArrayBuffer.isView(x) && !(x instanceof DataView);
}

function typedDType(x: TypedInput): NpDType {
  if (x instanceof Float32Array) return 'float32';
  if (x instanceof Float64Array) return 'float64';
  if (x instanceof Int32Array) return 'int32';
  return 'int64';
}

function shapeOf(x: ArrayInput): number[] {
  if (x instanceof NDArray) return [...x.shape];
  if (isTypedInput(x)) return [x.length];
  if (Array.isArray(x)) return x.length === 0 ? [0] : [x.length, ...shapeOf(x[0] as ArrayInput)];
  return [];
}

interface Flat {
  values: Array<number | bigint>;
  dtype: NpDType | null;
}

function inhomogeneous(where: string, shape: number[]): never {
  throw new RangeError(
    `${where}: setting an array element with a sequence. The requested array has an inhomogeneous shape ` +
      `after ${shape.length} dimensions (detected shape (${shape.join(', ')}))`,
  );
}

function collect(where: string, x: ArrayInput, shape: number[], depth: number, out: Flat): void {
  const join = (d: NpDType) => {
    out.dtype = out.dtype === null ? d : promoteNp(out.dtype, d);
  };
  if (x instanceof NDArray) {
    if (x.shape.length !== shape.length - depth || x.shape.some((d, i) => d !== shape[depth + i])) inhomogeneous(where, shape);
    join(x.dtype);
    for (const v of x.data) out.values.push(v);
    return;
  }
  if (isTypedInput(x)) {
    if (depth !== shape.length - 1 || x.length !== shape[depth]) inhomogeneous(where, shape);
    join(typedDType(x));
    for (const v of x) out.values.push(v);
    return;
  }
  if (Array.isArray(x)) {
    if (depth >= shape.length || x.length !== shape[depth]) inhomogeneous(where, shape);
    for (const e of x) collect(where, e as ArrayInput, shape, depth + 1, out);
    return;
  }
  if (depth !== shape.length) inhomogeneous(where, shape);
  if (typeof x === 'boolean') out.values.push(x ? 1 : 0);
  else if (typeof x === 'number' || typeof x === 'bigint') out.values.push(x);
  else throw new TypeError(`${where}: cannot convert ${String(x)} to a number`);
  join(dtypeOfPyScalar(x as Scalar));
}

/** Builds an array of `dtype` from flat values (numbers or bigints), casting each. */
export function fromValues(values: ArrayLike<number | bigint>, shape: readonly number[], dtype: NpDType): NDArray {
  const n = values.length;
  if (dtype === 'int64') {
    const data = new BigInt64Array(n);
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      data[i] = typeof v === 'bigint' ? BigInt.asIntN(64, v) : (castNumber(v, 'int64') as bigint);
    }
    return new NDArray(data, shape, dtype);
  }
  const data =
    dtype === 'float32' ? new Float32Array(n) : dtype === 'float64' ? new Float64Array(n) : dtype === 'int32' ? new Int32Array(n) : new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    data[i] = castNumber(typeof v === 'bigint' ? Number(v) : v, dtype) as number;
  }
  return new NDArray(data, shape, dtype);
}

/**
 * `np.array(obj, dtype=None)`: always a copy. Inferred dtype as NumPy: booleans → bool, whole
 * numbers/bigints → int64, any fraction → float64, typed arrays and NDArrays keep theirs.
 */
export function array(obj: ArrayInput, dtype?: DTypeArg): NDArray {
  const want = dtypeArg('array', dtype);
  const shape = shapeOf(obj);
  const flat: Flat = { values: [], dtype: null };
  collect('array', obj, shape, 0, flat);
  return fromValues(flat.values, shape, want ?? flat.dtype ?? 'float64');
}

/** `np.asarray(obj, dtype=None)`: `obj` itself when it already is an NDArray of that dtype. */
export function asarray(obj: ArrayInput, dtype?: DTypeArg): NDArray {
  const want = dtypeArg('asarray', dtype);
  if (obj instanceof NDArray && (want === undefined || want === obj.dtype)) return obj;
  return array(obj, want);
}
