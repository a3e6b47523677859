/**
 * Binary cross entropy on probabilities (`torch.nn.functional.binary_cross_entropy`) and on
 * logits (`torch.nn.functional.binary_cross_entropy_with_logits`).
 */
import { ShapeError, ValueError, fmtShape } from '../../errors.js';
import { exp, log, log1p, maximum, where } from '../../ops/elementwise.js';
import type { Tensor } from '../../tensor/tensor.js';
import { checkReduction, reduceLoss, type ReductionMode } from '../reduction.js';
import { checkBroadcastsTo, checkFloat, hostValues } from './checks.js';

export interface BinaryCrossEntropyLossOptions {
  /** Rescaling weight, broadcast to the input's shape. */
  weight?: Tensor | null;
  reduction?: ReductionMode;
  name?: string;
}

export interface BinaryCrossEntropyWithLogitsLossOptions extends BinaryCrossEntropyLossOptions {
  /** Weight of the positive examples, broadcast along the class dim ((C) for (N, C), (C, 1, 1) for (C, H, W)). */
  posWeight?: Tensor | null;
}

/** log(v) clamped to ≥ −100, with a zero (not NaN) gradient where the clamp is active. */
function clampedLog(v: Tensor): Tensor {
  const ok = v.gt(Math.exp(-100));
  return where(ok, log(where(ok, v, 1)), -100);
}

function sameShape(name: string, input: Tensor, target: Tensor): void {
  if (target.shape.join() !== input.shape.join()) {
    throw new ShapeError(`${name}: Using a target size (${fmtShape(target.shape)}) that is different to the input size (${fmtShape(input.shape)}) is deprecated. Please ensure they have the same size.`);
  }
}

/**
 * l = −w·(y·max(log x, −100) + (1 − y)·max(log(1 − x), −100)), x in [0, 1]
 * (`torch.nn.functional.binary_cross_entropy`, `nn.BCELoss`).
 * NOTE: log(1 − x) is computed as log1p(−x). The gradient is the chain rule through the clamped
 * logs (0 where a clamp is active); PyTorch's backward is w·(x − y)/max(x(1 − x), 1e-12), which
 * differs only where x is within 1e-12 of 0 or 1.
 */
export function binaryCrossEntropyLoss(input: Tensor, target: Tensor, opts: BinaryCrossEntropyLossOptions = {}): Tensor {
  const name = opts.name ?? 'binary_cross_entropy';
  const reduction = checkReduction(name, opts.reduction ?? 'mean');
  checkFloat(name, 'input', input);
  sameShape(name, input, target);
  const xs = hostValues(input);
  if (xs) {
    for (let i = 0; i < xs.length; i++) {
      if (!(xs[i]! >= 0 && xs[i]! <= 1)) throw new ValueError(`${name}: all elements of input should be between 0 and 1, got ${xs[i]} (at position ${i})`);
    }
  }
  const y = target.cast(input.dtype);
  let loss = y.mul(clampedLog(input)).add(y.rsub(1).mul(clampedLog(input.rsub(1)))).neg();
  if (opts.weight) {
    checkBroadcastsTo(name, opts.weight, input.shape, 'weight');
    loss = loss.mul(opts.weight);
  }
  return reduceLoss(name, loss, reduction);
}

/**
 * l = −w·(p·y·log σ(x) + (1 − y)·log(1 − σ(x))) in the stable forms
 * max(x, 0) − x·y + log1p(e^−|x|) and, with pos_weight p,
 * (1 − y)·x + (1 + (p − 1)·y)·(log1p(e^−|x|) + max(−x, 0))
 * (`torch.nn.functional.binary_cross_entropy_with_logits`, `nn.BCEWithLogitsLoss`).
 */
export function binaryCrossEntropyWithLogitsLoss(input: Tensor, target: Tensor, opts: BinaryCrossEntropyWithLogitsLossOptions = {}): Tensor {
  const name = opts.name ?? 'binary_cross_entropy_with_logits';
  const reduction = checkReduction(name, opts.reduction ?? 'mean');
  checkFloat(name, 'input', input);
  if (target.shape.join() !== input.shape.join()) {
    throw new ShapeError(`${name}: Target size (${fmtShape(target.shape)}) must be the same as input size (${fmtShape(input.shape)})`);
  }
  const y = target.cast(input.dtype);
  const tail = log1p(exp(input.abs().neg()));
  let loss: Tensor;
  if (opts.posWeight) {
    checkBroadcastsTo(name, opts.posWeight, input.shape, 'pos_weight');
    const p = opts.posWeight;
    loss = y.rsub(1).mul(input).add(p.sub(1).mul(y).add(1).mul(tail.add(maximum(input.neg(), 0))));
  } else {
    loss = maximum(input, 0).sub(input.mul(y)).add(tail);
  }
  if (opts.weight) {
    checkBroadcastsTo(name, opts.weight, input.shape, 'weight');
    loss = loss.mul(opts.weight);
  }
  return reduceLoss(name, loss, reduction);
}
