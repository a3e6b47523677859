/** `NDArray`: a plain host array (C order) standing in for `numpy.ndarray`. */
import { arrayToString } from './array-print.js';
import { checkNpDType, dataFromNumbers, dataToNumbers, type NpData, type NpDType } from './dtypes.js';

/** What `tolist()` returns: nested arrays of numbers (ints too) or booleans. */
export type NestedList = number | boolean | NestedList[];

/** A shape given as varargs or as one array (`reshape(2, 3)`, `reshape([2, 3])`). */
export type ShapeArgs = Array<number | readonly number[]>;

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

const STORAGE: Record<NpDType, Function> = {
  float32: Float32Array,
  float64: Float64Array,
  int32: Int32Array,
  int64: BigInt64Array,
  bool: Uint8Array,
};

/** Flattens `reshape`-style arguments into one list of dimensions. */
export function shapeFromArgs(where: string, args: ShapeArgs): number[] {
  const dims = args.length === 1 && Array.isArray(args[0]) ? [...(args[0] as readonly number[])] : (args as number[]);
  for (const d of dims) {
    if (!Number.isInteger(d)) throw new TypeError(`${where}: dimensions must be integers, got ${String(d)}`);
  }
  return [...dims];
}

/** Number of elements of a shape (1 for a 0-d shape). */
export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** A NumPy-style n-dimensional array held in a typed array, row-major. */
export class NDArray {
  readonly data: NpData;
  readonly shape: number[];
  readonly dtype: NpDType;

  /** Wraps `data` (not copied) as an array of `shape`; its storage type must match `dtype`. */
  constructor(data: NpData, shape: readonly number[], dtype: NpDType) {
    checkNpDType('NDArray', dtype);
    if (!(data instanceof STORAGE[dtype])) {
      throw new TypeError(`NDArray: dtype ${dtype} needs a ${STORAGE[dtype].name}, got ${data?.constructor?.name}`);
    }
    for (const d of shape) {
      if (!Number.isInteger(d) || d < 0) throw new RangeError(`NDArray: bad dimension ${d} in shape [${shape.join(', ')}]`);
    }
    if (shapeSize(shape) !== data.length) {
      throw new RangeError(`NDArray: shape [${shape.join(', ')}] needs ${shapeSize(shape)} elements, data has ${data.length}`);
    }
    this.data = data;
    this.shape = [...shape];
    this.dtype = dtype;
  }

  /** Number of elements (`ndarray.size`). */
  get size(): number {
    return this.data.length;
  }

  /** Number of dimensions (`ndarray.ndim`). */
  get ndim(): number {
    return this.shape.length;
  }

  /** Length of the first dimension (Python's `len(a)`). */
  get length(): number {
    if (this.shape.length === 0) throw new TypeError('len() of unsized object');
    return this.shape[0]!;
  }

  /** A copy converted to `dtype` (`ndarray.astype`): C casts — floats truncate toward zero into ints, bool is `x != 0`. */
  astype(dtype: NpDType): NDArray {
    checkNpDType('astype', dtype);
    if (dtype === this.dtype) return this.copy();
    if (this.dtype === 'int64' && dtype !== 'bool') {
      const src = this.data as BigInt64Array;
      if (dtype === 'int32') return new NDArray(Int32Array.from(src, (v) => Number(BigInt.asIntN(32, v))), this.shape, dtype);
    }
    if (dtype === 'int64' && this.dtype === 'int32') {
      return new NDArray(BigInt64Array.from(this.data as Int32Array, (v) => BigInt(v)), this.shape, dtype);
    }
    return new NDArray(dataFromNumbers(dataToNumbers(this.data), dtype), this.shape, dtype);
  }

  /** The same data under a new shape (`ndarray.reshape`); one dimension may be -1. */
  reshape(...shape: ShapeArgs): NDArray {
    const dims = shapeFromArgs('reshape', shape);
    const unknown = dims.filter((d) => d === -1).length;
    if (unknown > 1) throw new RangeError('reshape: can only specify one unknown dimension');
    const known = dims.reduce((p, d) => (d === -1 ? p : p * d), 1);
    if (unknown === 1) {
      if (known === 0 || this.size % known !== 0) {
        throw new RangeError(`reshape: cannot reshape array of size ${this.size} into shape (${dims.join(', ')})`);
      }
      dims[dims.indexOf(-1)] = this.size / known;
    }
    if (dims.some((d) => d < 0) || shapeSize(dims) !== this.size) {
      throw new RangeError(`reshape: cannot reshape array of size ${this.size} into shape (${dims.join(', ')})`);
    }
    return new NDArray(this.data, dims, this.dtype);
  }

  /** A 1-d copy (`ndarray.flatten`). */
  flatten(): NDArray {
    return new NDArray(this.data.slice(), [this.size], this.dtype);
  }

  /** A deep copy (`ndarray.copy`). */
  copy(): NDArray {
    return new NDArray(this.data.slice(), this.shape, this.dtype);
  }

  /** The element of a size-1 array, or at a flat index, as a JS number/boolean (`ndarray.item`). */
  item(index?: number): number | boolean {
    if (index === undefined && this.size !== 1) {
      throw new RangeError('item: can only convert an array of size 1 to a Python scalar');
    }
    const i = index ?? 0;
    if (!Number.isInteger(i) || i < -this.size || i >= this.size) {
      throw new RangeError(`item: index ${i} is out of bounds for size ${this.size}`);
    }
    return this.scalarAt(i < 0 ? i + this.size : i);
  }

  /** Nested JS arrays of the elements (`ndarray.tolist`); int64 comes back as numbers. */
  tolist(): NestedList {
    if (this.ndim === 0) return this.scalarAt(0);
    const build = (axis: number, offset: number, stride: number): NestedList[] => {
      const n = this.shape[axis]!;
      const inner = stride / n;
      const out: NestedList[] = [];
      for (let i = 0; i < n; i++) {
        out.push(axis === this.ndim - 1 ? this.scalarAt(offset + i) : build(axis + 1, offset + i * inner, inner));
      }
      return out;
    };
    return build(0, 0, this.size);
  }

  /** NumPy's `str(a)`: `[[1. 0. 2.]\n [1. 2. 3.]]`, `0.033333335`, `[ True False]`. */
  toString(): string {
    return arrayToString(this.data, this.shape, this.dtype);
  }

  /** `console.log` shows the NumPy string. */
  [INSPECT](): string {
    return this.toString();
  }

  /** Number coercion works for size-1 arrays (Python's `float(a)`); string coercion gives `toString()`. */
  [Symbol.toPrimitive](hint: string): number | string {
    if (hint === 'number') return Number(this.item());
    return this.toString();
  }

  private scalarAt(i: number): number | boolean {
    const v = this.data[i]!;
    if (this.dtype === 'bool') return v !== 0;
    return typeof v === 'bigint' ? Number(v) : v;
  }
}
