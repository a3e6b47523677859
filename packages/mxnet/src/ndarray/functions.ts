/** `mx.nd` operators in function form (`nd.softmax(x)`, `nd.dot(a, b)`, …). */
import { concat as coreConcat, matmul, maximum as coreMax, minimum as coreMin, oneHot, stack as coreStack, where as coreWhere } from '@rosetta/core';
import { unwrap, wrap, type Operand } from './convert.js';
import type { Axis, NDArray } from './ndarray.js';

/** `nd.softmax(data, axis=-1)`. */
export const softmax = (data: NDArray, axis = -1): NDArray => data.softmax(axis);
/** `nd.log_softmax(data, axis=-1)`. */
export const log_softmax = (data: NDArray, axis = -1): NDArray => data.log_softmax(axis);
/** `nd.sum(data, axis=None, keepdims=False)`. */
export const sum = (data: NDArray, axis?: Axis, keepdims = false): NDArray => data.sum(axis, keepdims);
/** `nd.mean(data, axis=None, keepdims=False)`. */
export const mean = (data: NDArray, axis?: Axis, keepdims = false): NDArray => data.mean(axis, keepdims);
/** `nd.max(data, axis=None, keepdims=False)`. */
export const max = (data: NDArray, axis?: Axis, keepdims = false): NDArray => data.max(axis, keepdims);
/** `nd.min(data, axis=None, keepdims=False)`. */
export const min = (data: NDArray, axis?: Axis, keepdims = false): NDArray => data.min(axis, keepdims);
export const abs = (x: NDArray): NDArray => x.abs();
export const square = (x: NDArray): NDArray => x.square();
export const sqrt = (x: NDArray): NDArray => x.sqrt();
export const exp = (x: NDArray): NDArray => x.exp();
export const log = (x: NDArray): NDArray => x.log();
export const relu = (x: NDArray): NDArray => x.relu();
export const sigmoid = (x: NDArray): NDArray => x.sigmoid();
export const tanh = (x: NDArray): NDArray => x.tanh();
export const clip = (x: NDArray, a_min: number, a_max: number): NDArray => x.clip(a_min, a_max);
export const reshape = (x: NDArray, shape: readonly number[]): NDArray => x.reshape(shape);
export const transpose = (x: NDArray, axes?: readonly number[]): NDArray => x.transpose(...(axes ?? []));
export const flatten = (x: NDArray): NDArray => x.flatten();
export const expand_dims = (x: NDArray, axis: number): NDArray => x.expand_dims(axis);

/** `nd.add` (`broadcast_add`) and friends. */
export const add = (a: NDArray, b: Operand): NDArray => a.add(b);
export const subtract = (a: NDArray, b: Operand): NDArray => a.sub(b);
export const multiply = (a: NDArray, b: Operand): NDArray => a.mul(b);
export const divide = (a: NDArray, b: Operand): NDArray => a.div(b);
export const power = (a: NDArray, b: Operand): NDArray => a.pow(b);
export const broadcast_add = add;
export const broadcast_sub = subtract;
export const broadcast_mul = multiply;
export const broadcast_div = divide;
/** `nd.maximum(a, b)` / `nd.minimum(a, b)`. */
export const maximum = (a: NDArray, b: Operand): NDArray => wrap(coreMax(a.tensor, unwrap(b)));
export const minimum = (a: NDArray, b: Operand): NDArray => wrap(coreMin(a.tensor, unwrap(b)));

/** `nd.dot(lhs, rhs, transpose_a=False, transpose_b=False)`. */
export function dot(lhs: NDArray, rhs: NDArray, opts: { transpose_a?: boolean; transpose_b?: boolean } = {}): NDArray {
  const a = opts.transpose_a ? lhs.T : lhs;
  const b = opts.transpose_b ? rhs.T : rhs;
  return wrap(matmul(a.tensor, b.tensor));
}

/** `nd.concat(*data, dim=1)`. */
export function concat(...args: (NDArray | { dim?: number })[]): NDArray {
  const last = args[args.length - 1];
  const dim = last && !('tensor' in last) ? (last.dim ?? 1) : 1;
  const arrays = args.filter((a): a is NDArray => 'tensor' in a);
  return wrap(coreConcat(arrays.map((a) => a.tensor), dim));
}

/** `nd.stack(*data, axis=0)`. */
export function stack(...args: (NDArray | { axis?: number })[]): NDArray {
  const last = args[args.length - 1];
  const axis = last && !('tensor' in last) ? (last.axis ?? 0) : 0;
  const arrays = args.filter((a): a is NDArray => 'tensor' in a);
  return wrap(coreStack(arrays.map((a) => a.tensor), axis));
}

/** `nd.where(condition, x, y)`: x where condition is non-zero. */
export const where = (condition: NDArray, x: NDArray, y: NDArray): NDArray =>
  wrap(coreWhere(condition.tensor.ne(0), x.tensor, y.tensor));

/** `nd.one_hot(indices, depth, on_value=1, off_value=0)` (float32). */
export function one_hot(indices: NDArray, depth: number, opts: { on_value?: number; off_value?: number } = {}): NDArray {
  const { on_value = 1, off_value = 0 } = opts;
  const h = oneHot(indices.tensor, depth).cast('float32');
  return wrap(on_value === 1 && off_value === 0 ? h : h.mul(on_value - off_value).add(off_value));
}

/** `nd.pick(data, index, axis=-1, keepdims=False)`: data[..., index[...], ...] along `axis`. */
export function pick(data: NDArray, index: NDArray, axis = -1, keepdims = false): NDArray {
  const ax = axis < 0 ? axis + data.ndim : axis;
  const picked = data.tensor.gather(ax, index.tensor.unsqueeze(ax));
  return wrap(keepdims ? picked : picked.squeeze(ax));
}
