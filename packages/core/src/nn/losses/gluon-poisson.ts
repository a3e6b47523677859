import type { Tensor } from '../../tensor/tensor.js';
import { where } from '../../ops/elementwise.js';
import { reduceLoss, type ReductionMode } from '../reduction.js';
import { checkNumber } from './checks.js';
import { reshapeLike } from './gluon-shared.js';

export interface GluonPoissonNllLossOptions {
  /** pred is log(rate) (default true); otherwise pred is the rate. */
  fromLogits?: boolean;
  /** Add the Stirling approximation of log(target!) (default false). */
  computeFull?: boolean;
  /** Added to the rate before its log when `fromLogits` is false; default 1e−8 (a forward argument in Gluon). */
  epsilon?: number;
  /** Default 'none': the elementwise loss (the Gluon facade applies weighting, then `{ batchAxis }`). */
  reduction?: ReductionMode;
  name?: string;
}

/**
 * Gluon `PoissonNLLLoss`, target reshaped like pred:
 * fromLogits: L = e^pred − target·pred; else L = pred − target·log(pred + epsilon);
 * computeFull adds target·log(target) − target + ½·log(2π·target) where target > 1.
 * NOTE: Gluon multiplies the Stirling term by the mask (target > 1), which gives NaN for a zero
 * target (0·log 0); here the masked entries are exactly 0 (as PyTorch does), value and gradient.
 */
export function gluonPoissonNllLoss(pred: Tensor, target: Tensor, opts: GluonPoissonNllLossOptions = {}): Tensor {
  const { fromLogits = true, computeFull = false, reduction = 'none', name = 'PoissonNLLLoss' } = opts;
  const epsilon = checkNumber(name, 'epsilon', opts.epsilon ?? 1e-8, true);
  const t = reshapeLike(name, target, pred, 'target');
  let loss = fromLogits ? pred.exp().sub(t.mul(pred)) : pred.sub(t.mul(pred.add(epsilon).log()));
  if (computeFull) {
    const big = t.gt(1);
    const safe = where(big, t, 2);
    const stirling = safe.mul(safe.log()).sub(safe).add(safe.mul(2 * Math.PI).log().mul(0.5));
    loss = loss.add(where(big, stirling, 0));
  }
  return reduceLoss(name, loss, reduction);
}
