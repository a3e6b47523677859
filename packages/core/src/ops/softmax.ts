import { noGrad } from '../autograd/grad-mode.js';
import { needsGrad, recordCustom } from '../autograd/record.js';
import { realize } from '../ir/schedule.js';
import { normAxes, normAxis } from '../shape.js';
import type { Tensor } from '../tensor/tensor.js';
import { exp, log, mul, sub, where } from './elementwise.js';
import { max, reducedShape, sum } from './reduce.js';
import { scalarTensor } from './lift.js';
import { squeeze } from './movement.js';

/**
 * The shift of softmax and log_softmax: the row maximum itself, as PyTorch's kernels subtract it,
 * so a ±inf maximum makes the row NaN (`log_softmax([0.5, inf])` and `log_softmax([−inf, −inf])`
 * are all NaN). An empty axis has no maximum; it shifts by 0, so softmax of nothing is empty.
 */
function kernelMax(x: Tensor, axes: number[]): Tensor {
  if (axes.some((a) => x.lazy.shape[a] === 0)) return scalarTensor(0, x.dtype, reducedShape(x.lazy.shape, axes, true), x);
  return max(x.detach(), axes, true);
}

/** The shift of `torch.logsumexp`: ±inf maxima become 0, so all-−inf rows give −inf and a +inf gives +inf. */
function safeMax(x: Tensor, axes: number[]): Tensor {
  const m = kernelMax(x, axes);
  return where(m.abs().lt(Infinity), m, 0);
}

/** log Σ e^x over `axis`, shifted by the maximum (`torch.logsumexp`). */
export function logsumexp(x: Tensor, axis?: number | number[] | null, keepdims = false): Tensor {
  const axes = normAxes('logsumexp', axis, x.ndim);
  const m = safeMax(x, axes);
  const out = log(sum(exp(sub(x, m)), axes, true)).add(m);
  return keepdims ? out : squeeze(out, axes);
}

/**
 * log Σ e^x along `axis` as log_softmax computes it (shifted by the plain maximum, so a row holding
 * +inf, or only −inf, gives NaN): the normalizer of `logSoftmax`, for losses that pick one element
 * of x − it without materializing the whole log-softmax.
 */
export function logSoftmaxNormalizer(x: Tensor, axis: number): Tensor {
  const a = normAxis('logSoftmax', axis, x.ndim);
  const m = kernelMax(x, [a]);
  return squeeze(log(sum(exp(sub(x, m)), a, true)).add(m), [a]);
}

/** e^x / Σ e^x along `axis`, shifted by the maximum (`torch.softmax`). */
export function softmax(x: Tensor, axis: number): Tensor {
  const a = normAxis('softmax', axis, x.ndim);
  const e = exp(sub(x, kernelMax(x, [a])));
  return e.div(sum(e, a, true));
}

/**
 * x − logsumexp(x) along `axis` (`torch.log_softmax`).
 * Custom VJP (numerical stability and cost): g − softmax·Σg, with softmax = e/s taken from the
 * forward's e = exp(x − max), which is stored when recording so the backward needs no second exp.
 */
export function logSoftmax(x: Tensor, axis: number): Tensor {
  const a = normAxis('logSoftmax', axis, x.ndim);
  const recording = needsGrad([x]);
  const { out, e, s } = noGrad(() => {
    const shifted = sub(x, kernelMax(x, [a]));
    const e = exp(shifted);
    if (recording) realize(e.lazy);
    const s = sum(e, a, true);
    return { out: sub(shifted, log(s)), e, s };
  });
  return recordCustom('logSoftmax', [x], out, (g) => [sub(g, mul(e.div(s), sum(g, a, true)))]);
}
