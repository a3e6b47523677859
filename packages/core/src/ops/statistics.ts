import { DTypeError, ValueError } from '../errors.js';
import { isFloat } from '../dtype.js';
import { normAxes, sizeOf } from '../shape.js';
import type { Tensor } from '../tensor/tensor.js';
import { abs, pow, sqrt, sub, where } from './elementwise.js';
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
 * s^(1/p) for s = Σ|x|^p ≥ 0, with a zero gradient where s = 0 (PyTorch's norm backward) rather
 * than 0·∞ = NaN: the root is taken of a stand-in 1 there (the "double where"), so no infinity
 * reaches the chain rule. A NaN s stays NaN (value and gradient), as in PyTorch.
 */
function root(s: Tensor, p: number): Tensor {
  const zero = s.eq(0);
  const safe = where(zero, 1, s);
  return where(zero, 0, p === 2 ? sqrt(safe) : pow(safe, 1 / p));
}

/**
 * The p-norm (Σ|x|^p)^(1/p) over `axis` (`torch.linalg.vector_norm`): p = 2, 1, ±Infinity and 0
 * (count of non-zeros) take their direct forms. The norm of a zero vector has gradient 0.
 */
export function norm(x: Tensor, p = 2, axis?: number | number[] | null, keepdims = false): Tensor {
  if (!isFloat(x.dtype)) throw new DTypeError(`norm: expected a floating tensor, got ${x.dtype}`);
  if (typeof p !== 'number' || Number.isNaN(p)) throw new ValueError(`norm: p must be a number, got ${String(p)}`);
  if (p === 2) return root(sum(x.mul(x), axis, keepdims), 2);
  if (p === 1) return sum(abs(x), axis, keepdims);
  if (p === Infinity) return max(abs(x), axis, keepdims);
  if (p === -Infinity) return min(abs(x), axis, keepdims);
  if (p === 0) return sum(x.ne(0).cast(x.dtype), axis, keepdims);
  return root(sum(pow(abs(x), p), axis, keepdims), p);
}
