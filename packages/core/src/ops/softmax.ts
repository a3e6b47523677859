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
 * A row maximum safe to subtract: ±inf maxima (all-−inf rows) become 0, as PyTorch does. An empty
 * axis has no maximum; it shifts by 0, so softmax of nothing is empty and logsumexp is −inf.
 */
function safeMax(x: Tensor, axes: number[]): Tensor {
  if (axes.some((a) => x.lazy.shape[a] === 0)) return scalarTensor(0, x.dtype, reducedShape(x.lazy.shape, axes, true), x);
  const m = max(x.detach(), axes, true);
  return where(m.abs().lt(Infinity), m, 0);
}

/** log Σ e^x over `axis`, shifted by the maximum (`torch.logsumexp`). */
export function logsumexp(x: Tensor, axis?: number | number[] | null, keepdims = false): Tensor {
  const axes = normAxes('logsumexp', axis, x.ndim);
  const m = safeMax(x, axes);
  const out = log(sum(exp(sub(x, m)), axes, true)).add(m);
  return keepdims ? out : squeeze(out, axes);
}

/** e^x / Σ e^x along `axis`, shifted by the maximum (`torch.softmax`). */
export function softmax(x: Tensor, axis: number): Tensor {
  const a = normAxis('softmax', axis, x.ndim);
  const e = exp(sub(x, safeMax(x, [a])));
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
    const shifted = sub(x, safeMax(x, [a]));
    const e = exp(shifted);
    if (recording) realize(e.lazy);
    const s = sum(e, a, true);
    return { out: sub(shifted, log(s)), e, s };
  });
  return recordCustom('logSoftmax', [x], out, (g) => [sub(g, mul(e.div(s), sum(g, a, true)))]);
}
