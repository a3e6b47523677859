import { record } from '../autograd/record.js';
import { DTypeError, ValueError } from '../errors.js';
import { isFloat, type DType } from '../dtype.js';
import { mkReduce, type ReduceOp } from '../ir/lazy.js';
import { normAxes, normAxis, sizeOf } from '../shape.js';
import { Tensor } from '../tensor/tensor.js';
import { mul, where } from './elementwise.js';
import { arangeAlong } from './positions.js';
import { bounded, stored } from './lift.js';
import { gather } from './index-ops.js';

/** The shape after reducing `axes` (kept as size 1 with keepdims). */
export function reducedShape(shape: readonly number[], axes: readonly number[], keepdims: boolean): number[] {
  const out: number[] = [];
  shape.forEach((d, i) => {
    if (!axes.includes(i)) out.push(d);
    else if (keepdims) out.push(1);
  });
  return out;
}

function reduce(prim: 'sum' | 'max' | 'min', op: ReduceOp, x: Tensor, axis: number | readonly number[] | null | undefined, keepdims: boolean, dtype: DType): Tensor {
  const axes = normAxes(prim, axis, x.ndim);
  if (op !== 'sum' && axes.some((a) => x.lazy.shape[a] === 0)) {
    throw new ValueError(`${prim}: cannot reduce over a zero-size dimension (shape [${x.shape.join(', ')}]) without an identity`);
  }
  const shape = reducedShape(x.lazy.shape, axes, keepdims);
  const src = x.lazy.dtype === dtype ? bounded(x.lazy) : bounded(x.cast(dtype).lazy);
  const out = new Tensor(mkReduce(op, src, axes, shape, dtype), x.backend);
  return prim === 'sum' ? record(prim, [x], { axes }, out) : record(prim, [x], { axes, all: axis === undefined || axis === null }, out);
}

/** Σ over `axis` (all axes when omitted); integers sum to int64 (`torch.sum`). */
export function sum(x: Tensor, axis?: number | readonly number[] | null, keepdims = false): Tensor {
  const dtype: DType = isFloat(x.dtype) ? x.dtype : 'int64';
  return reduce('sum', 'sum', x, axis, keepdims, dtype);
}

/** Arithmetic mean over `axis`; floating inputs only, as `torch.mean`. */
export function mean(x: Tensor, axis?: number | readonly number[] | null, keepdims = false): Tensor {
  if (!isFloat(x.dtype)) {
    throw new DTypeError(`mean: could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: ${x.dtype}`);
  }
  const axes = normAxes('mean', axis, x.ndim);
  const n = sizeOf(axes.map((a) => x.lazy.shape[a]!));
  return mul(sum(x, axes, keepdims), 1 / n);
}

/** Maximum over `axis` (`torch.amax`); ties share the gradient evenly. */
export function max(x: Tensor, axis?: number | readonly number[] | null, keepdims = false): Tensor {
  return reduce('max', 'max', x, axis, keepdims, x.dtype);
}

/** Minimum over `axis` (`torch.amin`). */
export function min(x: Tensor, axis?: number | readonly number[] | null, keepdims = false): Tensor {
  return reduce('min', 'min', x, axis, keepdims, x.dtype);
}

/** The first position of the extremum `ext` along `axis` (a NaN counts as the extremum, as PyTorch). */
function argExtremum(name: 'argmax' | 'argmin', ext: typeof max, x: Tensor, axis: number | null | undefined, keepdims: boolean): Tensor {
  if (x.size === 0 && (axis === undefined || axis === null)) {
    throw new ValueError(`${name}: cannot take the ${name} of an empty tensor (shape [${x.shape.join(', ')}]) without an axis`);
  }
  if (axis === undefined || axis === null) return argExtremum(name, ext, x.reshape([x.size]), 0, false);
  const ax = normAxis(name, axis, x.ndim);
  const n = x.lazy.shape[ax]!;
  if (n === 0) throw new ValueError(`${name}: cannot take the ${name} over a zero-size dimension (shape [${x.shape.join(', ')}], axis ${axis})`);
  const pos = arangeAlong(x, ax);
  const v = stored(x);
  const hit = v.eq(ext(v, ax, true)).logicalOr(v.ne(v));
  return min(where(hit, pos, n), ax, keepdims).cast('int64');
}

/**
 * Index of the first maximum along `axis` (over the flattened tensor when omitted), int64
 * (`torch.argmax`). Built from primitives: the smallest position whose value equals the max.
 */
export function argmax(x: Tensor, axis?: number | null, keepdims = false): Tensor {
  return argExtremum('argmax', max, x, axis, keepdims);
}

/** Index of the first minimum along `axis`, int64 (`torch.argmin`). */
export function argmin(x: Tensor, axis?: number | null, keepdims = false): Tensor {
  return argExtremum('argmin', min, x, axis, keepdims);
}

/**
 * The maximum along `axis` and its first index (`torch.max(x, dim)` → `(values, indices)`):
 * values are gathered at the index, so the whole gradient goes to that one position (ties are
 * not shared, unlike `amax`).
 */
export function maxWithIndex(x: Tensor, axis: number, keepdims = false): { values: Tensor; indices: Tensor } {
  return withIndex(argmax(x, axis, true), x, axis, keepdims);
}

/** The minimum along `axis` and its first index (`torch.min(x, dim)`), gradient to that index. */
export function minWithIndex(x: Tensor, axis: number, keepdims = false): { values: Tensor; indices: Tensor } {
  return withIndex(argmin(x, axis, true), x, axis, keepdims);
}

function withIndex(idx: Tensor, x: Tensor, axis: number, keepdims: boolean): { values: Tensor; indices: Tensor } {
  const values = gather(x, axis, idx);
  return keepdims ? { values, indices: idx } : { values: values.squeeze(axis), indices: idx.squeeze(axis) };
}
