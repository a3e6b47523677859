/** Moving between MXNet NDArrays and core tensors, and MXNet's dtype rules. */
import { ArgTypeError, Tensor, pyTypeName, type DType } from '@rosetta/core';
import { NDArray } from './ndarray.js';

/** An NDArray or a number (MXNet's scalar operand). */
export type Operand = NDArray | number;

/** MXNet dtype names Rosetta stores (`'float32'`, `np.float32`, …). */
export type MxDType = 'float32' | 'float64' | 'int32' | 'int64' | 'bool';

const DTYPES: readonly string[] = ['float32', 'float64', 'int32', 'int64', 'bool'];

/** Checks a dtype argument, naming the caller. */
export function checkDType(where: string, dtype: unknown): MxDType {
  if (typeof dtype === 'string' && DTYPES.includes(dtype)) return dtype as MxDType;
  throw new TypeError(`${where}: unsupported dtype ${String(dtype)}; expected one of ${DTYPES.join(', ')}`);
}

/**
 * The NDArray of a core tensor. NOTE: MXNet 1.x (legacy, non-NumPy mode) has no 0-d arrays; a
 * 0-d result (a full reduction, `nd.array(1)`) has shape (1,), as in MXNet.
 */
export function wrap(t: Tensor): NDArray {
  return new NDArray(t.ndim === 0 ? t.reshape([1]) : t);
}

/** The core tensor behind an operand (numbers stay numbers). */
export function unwrap(x: Operand): Tensor | number {
  return typeof x === 'number' ? x : x.tensor;
}

/** The core tensor of an NDArray argument, with an error naming the function and argument. */
export function tensorArg(where: string, arg: string, x: unknown): Tensor {
  if (x instanceof NDArray) return x.tensor;
  throw new ArgTypeError(`${where}: ${arg} must be an NDArray, got ${pyTypeName(x)}`);
}

export type { DType };
