/** Elementwise ufuncs with NumPy dtype rules and broadcasting: `np.add`, `np.exp`, ... */
import { broadcastIndex, broadcastShapes } from './broadcast.js';
import { asarray, fromValues, type ArrayInput } from './convert.js';
import { allocData, dataToNumbers, isFloatDType, promoteNp, promoteWithPyScalar, type NpDType } from './dtypes.js';
import { NDArray } from './ndarray.js';

/** An operand: an array, a Python scalar (JS number/boolean), or anything `np.array` takes. */
export type Operand = ArrayInput;

interface BinarySpec {
  name: string;
  float: (x: number, y: number) => number;
  int: (x: bigint, y: bigint) => bigint;
  /** Result for bool ⊕ bool, or null when NumPy refuses it. */
  bool: ((x: number, y: number) => number) | null;
  trueDivide?: boolean;
}

const isPyScalar = (x: Operand): x is number | boolean => typeof x === 'number' || typeof x === 'boolean';

function intPow(base: bigint, exp: bigint, bits: number): bigint {
  if (exp < 0n) throw new RangeError('power: Integers to negative integer powers are not allowed.');
  let result = 1n;
  let b = BigInt.asIntN(bits, base);
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = BigInt.asIntN(bits, result * b);
    b = BigInt.asIntN(bits, b * b);
    e >>= 1n;
  }
  return result;
}

function resultDType(spec: BinarySpec, a: Operand, b: Operand, A: NDArray, B: NDArray): NpDType {
  let d: NpDType;
  if (isPyScalar(a) && !isPyScalar(b)) d = promoteWithPyScalar(B.dtype, a);
  else if (isPyScalar(b) && !isPyScalar(a)) d = promoteWithPyScalar(A.dtype, b);
  else d = promoteNp(A.dtype, B.dtype);
  if (spec.trueDivide && !isFloatDType(d)) return 'float64';
  if (d === 'bool' && spec.bool === null) {
    if (spec.name === 'subtract') {
      throw new TypeError('subtract: numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.');
    }
    return 'int64';
  }
  return d;
}

function toBig(v: number | bigint): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

function binary(spec: BinarySpec, a: Operand, b: Operand): NDArray | number {
  if (isPyScalar(a) && isPyScalar(b)) return spec.float(+a, +b);
  let A = asarray(a);
  let B = asarray(b);
  const dtype = resultDType(spec, a, b, A, B);
  // NEP 50: a Python scalar is first converted to the result dtype (0.1 → float32(0.1)).
  if (isPyScalar(a)) A = fromValues([+a], [], dtype);
  if (isPyScalar(b)) B = fromValues([+b], [], dtype);
  const shape = broadcastShapes(A.shape, B.shape);
  const ia = broadcastIndex(A.shape, shape);
  const ib = broadcastIndex(B.shape, shape);
  const n = ia.length;
  const out = allocData(dtype, n);
  if (dtype === 'int64' || dtype === 'int32') {
    const bits = dtype === 'int64' ? 64 : 32;
    const da = A.data;
    const db = B.data;
    for (let k = 0; k < n; k++) {
      const r = BigInt.asIntN(bits, spec.int(toBig(da[ia[k]!]!), toBig(db[ib[k]!]!)));
      out[k] = (dtype === 'int64' ? r : Number(r)) as never;
    }
  } else {
    const xa = dataToNumbers(A.data);
    const xb = dataToNumbers(B.data);
    const f = dtype === 'bool' ? spec.bool! : spec.float;
    for (let k = 0; k < n; k++) out[k] = f(xa[ia[k]!]!, xb[ib[k]!]!) as never;
  }
  return new NDArray(out, shape, dtype);
}

const divideSpec: BinarySpec = { name: 'divide', float: (x, y) => x / y, int: (x) => x, bool: null, trueDivide: true };

/** Overloads shared by the binary ufuncs: two scalars give a number, otherwise an array. */
export interface BinaryUfunc {
  (a: number, b: number): number;
  (a: Operand, b: Operand): NDArray;
}

function ufunc2(spec: BinarySpec): BinaryUfunc {
  return ((a: Operand, b: Operand) => binary(spec, a, b)) as BinaryUfunc;
}

/** `np.add(a, b)` (bool + bool is logical or). */
export const add = ufunc2({ name: 'add', float: (x, y) => x + y, int: (x, y) => x + y, bool: (x, y) => +(x || y) });
/** `np.subtract(a, b)` (refused for two bool arrays, as NumPy does). */
export const subtract = ufunc2({ name: 'subtract', float: (x, y) => x - y, int: (x, y) => x - y, bool: null });
/** `np.multiply(a, b)` (bool * bool is logical and). */
export const multiply = ufunc2({ name: 'multiply', float: (x, y) => x * y, int: (x, y) => x * y, bool: (x, y) => +(x && y) });
/** `np.divide(a, b)`: true division; integer inputs give float64. */
export const divide = ufunc2(divideSpec);
/** `np.power(a, b)`; integer powers wrap like C, negative integer exponents are an error. */
export const power = ufunc2({ name: 'power', float: (x, y) => Math.pow(x, y), int: (x, y) => intPow(x, y, 64), bool: null });
/** `np.maximum(a, b)`: elementwise larger value, NaN propagates. */
export const maximum = ufunc2({ name: 'maximum', float: (x, y) => (x !== x || y !== y ? NaN : Math.max(x, y)), int: (x, y) => (x > y ? x : y), bool: (x, y) => +(x || y) });
/** `np.minimum(a, b)`: elementwise smaller value, NaN propagates. */
export const minimum = ufunc2({ name: 'minimum', float: (x, y) => (x !== x || y !== y ? NaN : Math.min(x, y)), int: (x, y) => (x < y ? x : y), bool: (x, y) => +(x && y) });

/** Overloads shared by the unary ufuncs: a scalar gives a number, otherwise an array. */
export interface UnaryUfunc {
  (x: number): number;
  (x: Operand): NDArray;
}

/**
 * Builds a unary ufunc. `float` ufuncs (exp, log, ...) give float64 for integer input and keep
 * float32; the others keep the input dtype (`bool` as given, or int32 when the op needs numbers).
 */
function ufunc1(name: string, f: (x: number) => number, kind: 'float' | 'same', boolF?: (x: number) => number): UnaryUfunc {
  return ((x: Operand) => {
    if (typeof x === 'number') return f(x);
    const A = asarray(x);
    let dtype: NpDType = A.dtype;
    if (kind === 'float' && !isFloatDType(dtype)) dtype = dtype === 'bool' ? 'float32' : 'float64';
    if (dtype === 'bool' && !boolF) {
      if (name === 'negative') throw new TypeError('negative: The numpy boolean negative, the `-` operator, is not supported.');
      dtype = 'int32';
    }
    const xs = dataToNumbers(A.data);
    const op = A.dtype === 'bool' && boolF && dtype === 'bool' ? boolF : f;
    if (dtype === 'int64') {
      const src = A.data instanceof BigInt64Array ? A.data : BigInt64Array.from(xs, (v) => BigInt(v));
      const out = new BigInt64Array(src.length);
      for (let i = 0; i < src.length; i++) out[i] = BigInt.asIntN(64, BigInt(op(Number(src[i]!))));
      return new NDArray(out, A.shape, dtype);
    }
    const out = allocData(dtype, xs.length) as Exclude<ReturnType<typeof allocData>, BigInt64Array>;
    for (let i = 0; i < xs.length; i++) out[i] = dtype === 'int32' ? op(xs[i]!) | 0 : op(xs[i]!);
    return new NDArray(out, A.shape, dtype);
  }) as UnaryUfunc;
}

/** `np.abs(x)` / `np.absolute(x)`. */
export const abs = ufunc1('abs', Math.abs, 'same', (x) => x);
/** `np.negative(x)`. */
export const negative = ufunc1('negative', (x) => -x, 'same');
/** `np.square(x)`. */
export const square = ufunc1('square', (x) => x * x, 'same');
/** `np.exp(x)`. */
export const exp = ufunc1('exp', Math.exp, 'float');
/** `np.log(x)` (natural log). */
export const log = ufunc1('log', Math.log, 'float');
/** `np.sqrt(x)`. */
export const sqrt = ufunc1('sqrt', Math.sqrt, 'float');
/** `np.sin(x)`. */
export const sin = ufunc1('sin', Math.sin, 'float');
/** `np.cos(x)`. */
export const cos = ufunc1('cos', Math.cos, 'float');
/** `np.tanh(x)`. */
export const tanh = ufunc1('tanh', Math.tanh, 'float');
