import { DTypeError, ValueError } from '../errors.js';
import { isFloat } from '../dtype.js';
import { normAxes, sizeOf } from '../shape.js';
import type { Tensor } from '../tensor/tensor.js';
import { abs, pow, sqrt, sub } from './elementwise.js';
import { max, mean, min, sum } from './reduce.js';

/** Σ(x − mean)² / (N − correction) over `axis` (`torch.var`; correction 1 is Bessel's). */
export function variance(x: Tensor, axis?: number | number[] | null, correction = 1, keepdims = false): Tensor {
  if (!isFloat(x.dtype)) throw new DTypeError(`variance: expected a floating tensor, got ${x.dtype}`);
  const axes = normAxes('variance', axis, x.ndim);
  const n = sizeOf(axes.map((a) => x.lazy.shape[a]!));
  const d = sub(x, mean(x, axes, true));
  return sum(d.mul(d), axes, keepdims).div(Math.max(0, n - correction));
}

/** √variance (`torch.std`). */
export function std(x: Tensor, axis?: number | number[] | null, correction = 1, keepdims = false): Tensor {
  return sqrt(variance(x, axis, correction, keepdims));
}

/**
 * The p-norm (Σ|x|^p)^(1/p) over `axis` (`torch.linalg.vector_norm`): p = 2, 1, ±Infinity and 0
 * (count of non-zeros) take their direct forms.
 */
export function norm(x: Tensor, p = 2, axis?: number | number[] | null, keepdims = false): Tensor {
  if (!isFloat(x.dtype)) throw new DTypeError(`norm: expected a floating tensor, got ${x.dtype}`);
  if (typeof p !== 'number' || Number.isNaN(p)) throw new ValueError(`norm: p must be a number, got ${String(p)}`);
  if (p === 2) return sqrt(sum(x.mul(x), axis, keepdims));
  if (p === 1) return sum(abs(x), axis, keepdims);
  if (p === Infinity) return max(abs(x), axis, keepdims);
  if (p === -Infinity) return min(abs(x), axis, keepdims);
  if (p === 0) return sum(x.ne(0).cast(x.dtype), axis, keepdims);
  return pow(sum(pow(abs(x), p), axis, keepdims), 1 / p);
}
