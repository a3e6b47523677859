import { where } from '../../ops/elementwise.js';
import type { Tensor } from '../../tensor/tensor.js';
import { checkReduction, reduceLoss, type ReductionMode } from '../reduction.js';
import { checkNumber } from './checks.js';
import { reshapeLike } from './gluon-shared.js';

export interface GluonCosineEmbeddingLossOptions {
  /** Margin of separation for label −1 pairs; default 0. */
  margin?: number;
  /** Default 'none': the (N, 1) per-pair loss; the Gluon facade applies weights, then `{ batchAxis }`. */
  reduction?: ReductionMode;
  name?: string;
}

/**
 * Gluon's `CosineEmbeddingLoss` (MXNet 1.9): with cos = x1·x2 / max(‖x1‖·‖x2‖, 1e-12) over the last
 * axis (input1 reshaped like input2, rows flattened to (N, 1)), the loss is 1 − cos where
 * label = 1 and clip(cos − margin, 0, 1 − margin) elsewhere.
 * NOTE: PyTorch's `cosine_embedding_loss` differs: an eps of 1e-8 added inside each norm, and
 * max(0, cos − margin) without the upper clip (see `cosineEmbeddingLoss`).
 */
export function gluonCosineEmbeddingLoss(input1: Tensor, input2: Tensor, label: Tensor, opts: GluonCosineEmbeddingLossOptions = {}): Tensor {
  const name = opts.name ?? 'CosineEmbeddingLoss';
  const reduction = checkReduction(name, opts.reduction ?? 'none');
  const margin = checkNumber(name, 'margin', opts.margin ?? 0, true);
  const x = reshapeLike(name, input1, input2, 'input1', 'input2');
  const axis = input2.ndim - 1;
  const rows = (t: Tensor): Tensor => t.reshape([-1, 1]);
  const dot = rows(x.mul(input2).sum(axis));
  // ‖x1‖·‖x2‖ as √(‖x1‖²·‖x2‖²): one rounding, so equal vectors give cos = 1 exactly, as MXNet's float32 does.
  const normProduct = rows(x.square().sum(axis)).mul(rows(input2.square().sum(axis))).maximum(1e-24).sqrt();
  const cos = dot.div(normProduct);
  const y = reshapeLike(name, label, cos, 'label', 'the cosine similarities');
  const loss = where(y.eq(1), cos.rsub(1), cos.sub(margin).clamp(0, 1 - margin));
  return reduceLoss(name, loss, reduction);
}
