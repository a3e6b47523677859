/** Embedding losses with ±1 targets (`torch.nn.functional.cosine_embedding_loss`, `hinge_embedding_loss`). */
import { hinge, type LossKernel } from './kernels.js';
import { ShapeError, fmtShape } from '../../errors.js';
import { clamp } from '../../ops/activations.js';
import { where } from '../../ops/elementwise.js';
import type { Tensor } from '../../tensor/tensor.js';
import { checkReduction, reduceLoss, type ReductionMode } from '../reduction.js';
import { checkBroadcast, checkFloat, checkNumber } from './checks.js';

export interface EmbeddingLossOptions {
  /** Default 0 for cosine_embedding_loss, 1 for hinge_embedding_loss. */
  margin?: number;
  reduction?: ReductionMode;
  name?: string;
}

export interface HingeEmbeddingLossOptions extends EmbeddingLossOptions {
  /**
   * 'torch' (default) selects by the label; 'mindspore' multiplies by label masks as MindSpore's
   * `hinge_embedding_loss` does, so an infinite input with the other label is 0·∞ = NaN, and its
   * max(·, 0) turns NaN into 0.
   */
  kernel?: LossKernel;
}

/**
 * cos = Σ x1·x2 / √((Σ x1² + 1e-12)(Σ x2² + 1e-12)) over the feature dim (PyTorch's EPSILON);
 * l = 1 − cos where y = 1, max(0, cos − margin) where y = −1, 0 otherwise; inputs (N, D) with
 * target (N), or (D) with a 0-d target (`torch.nn.functional.cosine_embedding_loss`,
 * `nn.CosineEmbeddingLoss`).
 */
export function cosineEmbeddingLoss(input1: Tensor, input2: Tensor, target: Tensor, opts: EmbeddingLossOptions = {}): Tensor {
  const name = opts.name ?? 'cosine_embedding_loss';
  const reduction = checkReduction(name, opts.reduction ?? 'mean');
  const margin = checkNumber(name, 'margin', opts.margin ?? 0);
  checkFloat(name, 'input1', input1);
  checkFloat(name, 'input2', input2);
  const sizes = `${fmtShape(input1.shape)} and ${fmtShape(input2.shape)}`;
  if (target.ndim > 1) throw new ShapeError(`${name}: 0D or 1D target tensor expected, multi-target not supported`);
  if (target.ndim === 0 && (input1.ndim !== 1 || input2.ndim !== 1)) throw new ShapeError(`${name}: 0D target tensor expects 1D input tensors, but found inputs with sizes ${sizes}.`);
  if (target.ndim === 1 && (input1.ndim !== 2 || input2.ndim !== 2)) throw new ShapeError(`${name}: 1D target tensor expects 2D input tensors, but found inputs with sizes ${sizes}.`);
  const shape = checkBroadcast(name, input1, input2, 'input1', 'input2');
  if (target.ndim === 1 && target.shape[0] !== shape[0] && target.shape[0] !== 1 && shape[0] !== 1) {
    throw new ShapeError(`${name}: target of shape ${fmtShape(target.shape)} does not match inputs with sizes ${sizes}`);
  }
  const dim = target.ndim;
  const prod = input1.mul(input2).sum(dim);
  const m1 = input1.square().sum(dim).add(1e-12);
  const m2 = input2.square().sum(dim).add(1e-12);
  const cos = prod.div(m1.mul(m2).sqrt());
  const loss = where(target.eq(1), cos.rsub(1), 0).add(where(target.eq(-1), clamp(cos.sub(margin), 0), 0));
  return reduceLoss(name, loss, reduction);
}

/**
 * l = x where y ≠ −1 plus max(0, margin − x) where y ≠ 1 (so x for y = 1, max(0, margin − x)
 * for y = −1, as PyTorch computes it) (`torch.nn.functional.hinge_embedding_loss`, `nn.HingeEmbeddingLoss`);
 * with `kernel: 'mindspore'`, [y > 0]·x + max([y < 0]·margin − [y < 0]·x, 0) (MindSpore `nn.HingeEmbeddingLoss`).
 */
export function hingeEmbeddingLoss(input: Tensor, target: Tensor, opts: HingeEmbeddingLossOptions = {}): Tensor {
  const name = opts.name ?? 'hinge_embedding_loss';
  const reduction = checkReduction(name, opts.reduction ?? 'mean');
  const margin = checkNumber(name, 'margin', opts.margin ?? 1);
  checkFloat(name, 'input', input);
  checkBroadcast(name, input, target);
  if (opts.kernel === 'mindspore') {
    const pos = target.gt(0).cast(input.dtype);
    const neg = target.lt(0).cast(input.dtype);
    return reduceLoss(name, pos.mul(input).add(hinge(neg.mul(margin).sub(neg.mul(input)), 'mindspore')), reduction);
  }
  const loss = where(target.ne(1), clamp(input.rsub(margin), 0), 0).add(where(target.ne(-1), input, 0));
  return reduceLoss(name, loss, reduction);
}
