import { isFloat } from '../dtype.js';
import { DTypeError } from '../errors.js';
import { noGrad } from '../autograd/grad-mode.js';
import { recordCustom } from '../autograd/record.js';
import { checkOptNumber } from '../arg-types.js';
import type { Tensor } from '../tensor/tensor.js';
import { abs, add, exp, log1p, maximum, neg, reciprocal, where } from './elementwise.js';

/**
 * max(x, 0) with NaN propagated (`torch.relu`, MXNet `relu`, MindSpore `ReLU`): x ≤ 0 → 0, else x.
 * The gradient is 0 where x ≤ 0 and passes elsewhere, NaN included (PyTorch's `threshold_backward`).
 */
export function relu(x: Tensor): Tensor {
  return where(x.le(0), 0, x);
}

/**
 * z where z > 0, else 0 — NaN gives 0: the `if (z > 0) sum += z` of PyTorch's multi-margin kernels,
 * which skip a NaN term. NOTE: unlike `relu`, on purpose (MultiMarginLoss, MultiLabelMarginLoss).
 */
export function positivePart(z: Tensor): Tensor {
  return where(z.gt(0), z, 0);
}

/**
 * 1 / (1 + e^−x), computed from z = e^−|x| so neither the value nor its gradient overflows
 * (`torch.sigmoid`): x ≥ 0 → 1/(1+z), x < 0 → z/(1+z).
 */
export function sigmoid(x: Tensor): Tensor {
  const z = exp(neg(abs(x)));
  const r = reciprocal(add(z, 1));
  return where(x.ge(0), r, z.mul(r));
}

/** log(1 + e^x) = max(x, 0) + log1p(e^−|x|), stable for any x (`F.softplus`, beta 1). */
export function softplus(x: Tensor): Tensor {
  return add(maximum(x, 0), log1p(exp(neg(abs(x)))));
}

/**
 * log σ(x) = −softplus(−x) (`F.logsigmoid`).
 * Custom VJP (numerical stability): g·σ(−x) as one product, as PyTorch's `log_sigmoid_backward`;
 * through softplus's pieces an infinite g met a 0 and a ∞ on two paths (∞ − ∞ = NaN).
 */
export function logSigmoid(x: Tensor): Tensor {
  const out = noGrad(() => neg(softplus(neg(x))));
  return recordCustom('logSigmoid', [x], out, (g) => [g.mul(sigmoid(neg(x)))]);
}

/**
 * Clamps into [min, max]; the gradient passes where min ≤ x ≤ max (`torch.clamp`, `clamp_min`). A
 * NaN stays NaN with a zero gradient, as PyTorch's clamp backward (its mask is false for NaN).
 */
export function clamp(x: Tensor, min?: number | null, max?: number | null): Tensor {
  if ((min === undefined || min === null) && (max === undefined || max === null)) {
    throw new DTypeError("clamp: at least one of 'min' or 'max' must not be None");
  }
  checkOptNumber('clamp', 'min', min, 1);
  checkOptNumber('clamp', 'max', max, 2);
  let y = x;
  if (min !== undefined && min !== null) y = where(y.lt(min), min, y);
  if (max !== undefined && max !== null) y = where(y.gt(max), max, y);
  if (isFloat(x.dtype)) y = where(x.ne(x), x.detach(), y);
  return isFloat(x.dtype) || (Number.isInteger(min ?? 0) && Number.isInteger(max ?? 0)) ? y : y.cast('float32');
}
