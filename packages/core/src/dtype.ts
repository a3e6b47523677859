import { DTypeError } from './errors.js';

/**
 * Element types. `int64` is stored in a Float64Array (exact up to 2^53) and crosses the API
 * boundary as BigInt64Array / bigint / whole numbers; `bool` is stored as 0/1 in a Uint8Array.
 */
export type DType = 'float32' | 'float64' | 'int32' | 'int64' | 'bool';

export type TypedArray = Float32Array | Float64Array | Int32Array | Uint8Array;
/** What `dataSync()` returns: int64 comes back as BigInt64Array. */
export type HostArray = TypedArray | BigInt64Array;

export const DTYPES: readonly DType[] = ['float32', 'float64', 'int32', 'int64', 'bool'];

/** Allocates the storage array of a dtype. */
export function allocStorage(dtype: DType, size: number): TypedArray {
  switch (dtype) {
    case 'float32': return new Float32Array(size);
    case 'float64': return new Float64Array(size);
    case 'int32': return new Int32Array(size);
    case 'int64': return new Float64Array(size);
    case 'bool': return new Uint8Array(size);
  }
}

/** A view of `length` elements of a dtype's storage type over `buffer` from `byteOffset`. */
export function storageView(dtype: DType, buffer: ArrayBufferLike, byteOffset: number, length: number): TypedArray {
  switch (dtype) {
    case 'float32': return new Float32Array(buffer, byteOffset, length);
    case 'float64': case 'int64': return new Float64Array(buffer, byteOffset, length);
    case 'int32': return new Int32Array(buffer, byteOffset, length);
    case 'bool': return new Uint8Array(buffer, byteOffset, length);
  }
}

export function isFloat(d: DType): boolean {
  return d === 'float32' || d === 'float64';
}

const RANK: Record<DType, number> = { bool: 0, int32: 1, int64: 2, float32: 3, float64: 4 };

/** PyTorch's promotion of two tensor dtypes: bool < int32 < int64 < float32 < float64. */
export function promoteTypes(a: DType, b: DType): DType {
  return RANK[a] >= RANK[b] ? a : b;
}

/**
 * Promotion of a tensor with a JS number operand (a Python scalar): the tensor's dtype wins
 * unless the scalar is fractional and the tensor is not floating (then float32), or the tensor
 * is bool (then int64 for a whole number, as `torch.tensor([True]) + 1` does).
 */
export function promoteWithScalar(d: DType, value: number): DType {
  if (isFloat(d)) return d;
  if (!Number.isInteger(value)) return 'float32';
  return d === 'bool' ? 'int64' : d;
}

/** Checks a user-supplied dtype string. */
export function checkDType(where: string, d: unknown): DType {
  if (typeof d === 'string' && (DTYPES as readonly string[]).includes(d)) return d as DType;
  throw new DTypeError(`${where}: dtype must be one of ${DTYPES.join(', ')}, got ${String(d)}`);
}

/** The dtype a typed array holds when handed to `tensor()`. */
export function dtypeOfArray(a: ArrayLike<unknown> | BigInt64Array): DType | null {
  if (a instanceof Float32Array) return 'float32';
  if (a instanceof Float64Array) return 'float64';
  if (a instanceof Int32Array || a instanceof Int16Array || a instanceof Int8Array || a instanceof Uint16Array) return 'int32';
  if (a instanceof BigInt64Array) return 'int64';
  if (a instanceof Uint8Array) return 'bool';
  return null;
}
