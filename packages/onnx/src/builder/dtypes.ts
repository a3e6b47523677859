import type { DType, HostArray } from '@rosetta/core';
import { DataType } from '../proto/types.js';

/** Rosetta dtype → ONNX `TensorProto.DataType`. */
export const elemTypeOf: Readonly<Record<DType, number>> = {
  float32: DataType.FLOAT,
  float64: DataType.DOUBLE,
  int32: DataType.INT32,
  int64: DataType.INT64,
  bool: DataType.BOOL,
};

/** ONNX `TensorProto.DataType` → Rosetta dtype (throws for types Rosetta has no counterpart of). */
export function dtypeOfElemType(elemType: number): DType {
  for (const [d, e] of Object.entries(elemTypeOf)) if (e === elemType) return d as DType;
  throw new Error(`onnx: element type ${elemType} has no Rosetta dtype`);
}

/** The values of a host tensor: a typed array of the dtype's kind, or anything array-like. */
export type HostData = HostArray | ArrayLike<number> | ArrayLike<boolean> | ArrayLike<bigint>;

/**
 * Copies `data` into the typed array `dtype` is stored in on the host and in ORT: Float32Array,
 * Float64Array, Int32Array, BigInt64Array (int64) or Uint8Array of 0/1 (bool).
 */
export function toTypedArray(dtype: DType, data: HostData): HostArray {
  const src = data as ArrayLike<number | bigint | boolean>;
  const n = src.length;
  switch (dtype) {
    case 'float32': return Float32Array.from({ length: n }, (_, i) => Number(src[i]));
    case 'float64': return Float64Array.from({ length: n }, (_, i) => Number(src[i]));
    case 'int32': return Int32Array.from({ length: n }, (_, i) => Number(src[i]));
    case 'int64': return BigInt64Array.from({ length: n }, (_, i) => {
      const v = src[i]!;
      return typeof v === 'bigint' ? v : BigInt(Math.trunc(Number(v)));
    });
    case 'bool': return Uint8Array.from({ length: n }, (_, i) => (src[i] ? 1 : 0));
  }
}

/** Little-endian bytes of `data` as `dtype` (TensorProto.raw_data). */
export function rawBytes(dtype: DType, data: HostData): Uint8Array {
  const typed = toTypedArray(dtype, data);
  const out = new Uint8Array(typed.byteLength);
  const view = new DataView(out.buffer);
  for (let i = 0; i < typed.length; i++) {
    switch (dtype) {
      case 'float32': view.setFloat32(i * 4, typed[i] as number, true); break;
      case 'float64': view.setFloat64(i * 8, typed[i] as number, true); break;
      case 'int32': view.setInt32(i * 4, typed[i] as number, true); break;
      case 'int64': view.setBigInt64(i * 8, typed[i] as bigint, true); break;
      case 'bool': out[i] = typed[i] as number; break;
    }
  }
  return out;
}

/** Reads TensorProto.raw_data (little-endian) back into a host array. */
export function fromRawBytes(dtype: DType, bytes: Uint8Array): HostArray {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (dtype) {
    case 'float32': return Float32Array.from({ length: bytes.length / 4 }, (_, i) => view.getFloat32(i * 4, true));
    case 'float64': return Float64Array.from({ length: bytes.length / 8 }, (_, i) => view.getFloat64(i * 8, true));
    case 'int32': return Int32Array.from({ length: bytes.length / 4 }, (_, i) => view.getInt32(i * 4, true));
    case 'int64': return BigInt64Array.from({ length: bytes.length / 8 }, (_, i) => view.getBigInt64(i * 8, true));
    case 'bool': return Uint8Array.from(bytes);
  }
}
