import { record } from '../autograd/record.js';
import { DTypeError, ValueError } from '../errors.js';
import { isFloat, type DType } from '../dtype.js';
import { mkReduce, type ReduceOp } from '../ir/lazy.js';
import { normAxes, normAxis, sizeOf } from '../shape.js';
import { Tensor } from '../tensor/tensor.js';
import { mul, where } from './elementwise.js';
import { arangeAlong } from './positions.js';
import { bounded } from './lift.js';

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
  return record(prim, [x], { axes }, out);
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

/**
 * Index of the first maximum along `axis` (over the flattened tensor when omitted), int64
 * (`torch.argmax`). Built from primitives: the smallest position whose value equals the max.
 */
export function argmax(x: Tensor, axis?: number | null, keepdims = false): Tensor {
  if (x.size === 0 && (axis === undefined || axis === null)) {
    throw new ValueError(`argmax: cannot take the argmax of an empty tensor (shape [${x.shape.join(', ')}]) without an axis`);
  }
  if (axis === undefined || axis === null) return argmax(x.reshape([x.size]), 0, false);
  const ax = normAxis('argmax', axis, x.ndim);
  const n = x.lazy.shape[ax]!;
  if (n === 0) throw new ValueError(`argmax: cannot take the argmax over a zero-size dimension (shape [${x.shape.join(', ')}], axis ${axis})`);
  const pos = arangeAlong(x, ax);
  const hit = x.eq(max(x, ax, true)).logicalOr(x.ne(x));
  return min(where(hit, pos, n), ax, keepdims).cast('int64');
}
