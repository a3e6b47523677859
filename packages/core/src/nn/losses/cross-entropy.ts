/**
 * Cross entropy of logits (`torch.nn.functional.cross_entropy`, `nn.CrossEntropyLoss`): class
 * indices or class probabilities, per-class weight, ignore_index and label smoothing.
 */
import { DTypeError, ShapeError, ValueError, fmtShape } from '../../errors.js';
import { isFloat } from '../../dtype.js';
import { where } from '../../ops/elementwise.js';
import { logSoftmax, logSoftmaxNormalizer } from '../../ops/softmax.js';
import type { Tensor } from '../../tensor/tensor.js';
import { checkReduction, reduceLoss, type ReductionMode } from '../reduction.js';
import { checkFloat } from './checks.js';
import { pickClass } from './nll.js';

export interface CrossEntropyLossOptions {
  /** Per-class rescaling weight, shape (C). */
  weight?: Tensor | null;
  /** Class-index targets equal to this contribute nothing; not used with probability targets. Default −100. */
  ignoreIndex?: number;
  /** ε in [0, 1]: the target becomes (1 − ε)·target + ε/C. Default 0. */
  labelSmoothing?: number;
  reduction?: ReductionMode;
  name?: string;
}

/**
 * With logp = log_softmax(x) over the class dim (1, or 0 for an unbatched (C) input):
 * - class indices (target shaped like input without the class dim):
 *   l_n = (1 − ε)·(−w_{y_n}·logp_{n,y_n}) + (ε/C)·(−Σ_c w_c·logp_{n,c}), 0 where y_n = ignore_index;
 *   'mean' divides Σ l_n by Σ w_{y_n} over the non-ignored targets (both terms, as PyTorch).
 * - class probabilities (target shaped like input, floating): y' = (1 − ε)·y + ε/C,
 *   l_n = −Σ_c w_c·y'_{n,c}·logp_{n,c}; 'mean' divides by the number of l_n (weights not in it).
 * Mirrors `torch.nn.functional.cross_entropy` / `nn.CrossEntropyLoss`.
 * NOTE: a label_smoothing below 0 is rejected (PyTorch silently treats it as 0).
 */
export function crossEntropyLoss(input: Tensor, target: Tensor, opts: CrossEntropyLossOptions = {}): Tensor {
  const name = opts.name ?? 'cross_entropy';
  const reduction = checkReduction(name, opts.reduction ?? 'mean');
  const eps = opts.labelSmoothing ?? 0;
  if (typeof eps !== 'number' || !(eps >= 0 && eps <= 1)) {
    throw new ValueError(`${name}: label_smoothing must be between 0.0 and 1.0. Got: ${String(eps)}`);
  }
  checkFloat(name, 'input', input);
  const weight = opts.weight ?? null;
  const classDim = input.ndim === 1 ? 0 : 1;
  const C = input.shape[classDim] ?? 0;
  const wShape = input.shape.map((n, d) => (d === classDim ? n : 1));

  if (input.ndim >= 1 && target.shape.join() === input.shape.join()) {
    // Class probabilities.
    if (!isFloat(target.dtype)) throw new DTypeError(`${name}: Expected floating point type for target with class probabilities, got ${target.dtype}`);
    if (weight && (weight.ndim !== 1 || weight.shape[0] !== C)) {
      throw new ShapeError(`${name}: weight tensor should be defined either for all ${C} classes or no classes but got weight tensor of shape: ${fmtShape(weight.shape)}`);
    }
    const logp = logSoftmax(input, classDim);
    let y = target.cast(input.dtype);
    if (eps > 0) y = y.mul(1 - eps).add(eps / C);
    let prod = logp.mul(y);
    if (weight) prod = prod.mul(weight.cast(input.dtype).reshape(wShape));
    return reduceLoss(name, prod.sum(classDim).neg(), reduction);
  }

  // Class indices: logp_{n,y_n} = x_{n,y_n} − log Σ e^{x_n} (log_softmax's normalizer), gathered from
  // the input so the whole log-softmax is not materialized to read one element per row.
  const { picked: pickedX, w, ignored } = pickClass(name, input, target, weight, opts.ignoreIndex ?? -100);
  const picked = pickedX.sub(logSoftmaxNormalizer(input, classDim));
  let loss = picked.mul(w).neg();
  if (eps > 0) {
    const logp = logSoftmax(input, classDim);
    const all = weight ? logp.mul(weight.cast(input.dtype).reshape(wShape)) : logp;
    loss = loss.mul(1 - eps).sub(all.sum(classDim).mul(eps / C));
  }
  return reduceLoss(name, where(ignored, 0, loss), reduction, w);
}
