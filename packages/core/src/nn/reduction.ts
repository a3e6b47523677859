import { ValueError, ShapeError, fmtShape } from '../errors.js';
import { broadcastShapes } from '../shape.js';
import type { Tensor } from '../tensor/tensor.js';

/**
 * How a loss is reduced. `'mean'` with `weights` is PyTorch's weighted mean (NLL/CE: Σloss ÷
 * Σweights); `'batchmean'` is KLDivLoss's Σloss ÷ N (N = size of dim 0); `{ batchAxis }` is Gluon's
 * per-sample output (mean over every axis but `batchAxis`).
 */
export type ReductionMode = 'none' | 'mean' | 'sum' | 'batchmean' | { readonly batchAxis: number };

const NAMES = ['none', 'mean', 'sum', 'batchmean'];

/** Checks a reduction option, naming the loss (`L1Loss: reduction must be one of ...`). */
export function checkReduction(op: string, reduction: unknown, allowed: readonly string[] = ['none', 'mean', 'sum']): ReductionMode {
  if (typeof reduction === 'object' && reduction !== null && Number.isInteger((reduction as { batchAxis?: unknown }).batchAxis)) {
    return reduction as ReductionMode;
  }
  if (typeof reduction === 'string' && NAMES.includes(reduction) && allowed.includes(reduction)) return reduction as ReductionMode;
  throw new ValueError(`${op}: reduction must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${JSON.stringify(reduction)}`);
}

/**
 * Reduces an unreduced loss. The one place every dialect's reduction lives:
 * none → as is; sum → Σ; mean → Σ/count, or Σloss/Σweights when `weights` is given;
 * batchmean → Σ/N; { batchAxis } → mean over all other axes (Gluon).
 */
export function reduceLoss(op: string, loss: Tensor, reduction: ReductionMode, weights?: Tensor): Tensor {
  if (typeof reduction === 'object') {
    const axes = loss.shape.map((_, i) => i).filter((i) => i !== normBatchAxis(op, reduction.batchAxis, loss.ndim));
    return axes.length ? loss.mean(axes) : loss;
  }
  switch (reduction) {
    case 'none': return loss;
    case 'sum': return loss.sum();
    case 'mean': return weights ? loss.sum().div(weights.sum()) : loss.mean();
    case 'batchmean': return loss.ndim === 0 ? loss.sum() : loss.sum().div(loss.shape[0]!);
  }
}

function normBatchAxis(op: string, axis: number, ndim: number): number {
  if (ndim === 0) return -1;
  const a = axis < 0 ? axis + ndim : axis;
  if (a < 0 || a >= ndim) throw new ValueError(`${op}: batch_axis ${axis} is out of range for a loss of rank ${ndim}`);
  return a;
}

/**
 * Gluon's `_apply_weighting(F, loss, weight, sample_weight)`: loss · sample_weight (which must
 * broadcast to the loss) · weight (a number).
 */
export function applyWeighting(op: string, loss: Tensor, weight?: number | null, sampleWeight?: Tensor | null): Tensor {
  let out = loss;
  if (sampleWeight !== undefined && sampleWeight !== null) {
    try {
      broadcastShapes(op, loss.shape, sampleWeight.shape);
    } catch {
      throw new ShapeError(`${op}: sample_weight of shape ${fmtShape(sampleWeight.shape)} does not broadcast to the loss of shape ${fmtShape(loss.shape)}`);
    }
    out = out.mul(sampleWeight);
  }
  if (weight !== undefined && weight !== null) {
    if (typeof weight !== 'number') throw new ValueError(`${op}: weight must be a number, got ${typeof weight}`);
    out = out.mul(weight);
  }
  return out;
}

/**
 * MindSpore's `LossBase.get_loss(x, weights=1.0)`: cast to float32, multiply by the weights, then
 * mean or sum over all axes (the mean divides by the element count, not Σweights), cast back.
 */
export function getLoss(x: Tensor, weights: Tensor | number = 1, reduction: 'none' | 'mean' | 'sum' = 'mean'): Tensor {
  const inputDtype = x.dtype;
  let y = x.cast('float32');
  y = typeof weights === 'number' ? (weights === 1 ? y : y.mul(weights)) : y.mul(weights.cast('float32'));
  if (reduction === 'mean') y = y.mean();
  else if (reduction === 'sum') y = y.sum();
  return y.cast(inputDtype);
}
