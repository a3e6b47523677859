/** Kullback–Leibler divergence (`torch.nn.functional.kl_div`, `nn.KLDivLoss`). */
import { exp, log, where } from '../../ops/elementwise.js';
import type { Tensor } from '../../tensor/tensor.js';
import type { LossKernel } from './kernels.js';
import { checkReduction, reduceLoss, type ReductionMode } from '../reduction.js';
import { checkBroadcast, checkFloat } from './checks.js';

export interface KlDivLossOptions {
  /** The target is given as log-probabilities. Default false. */
  logTarget?: boolean;
  /** Also 'batchmean' (Σ/N, the true KL divergence per sample). Default 'mean' (over all elements). */
  reduction?: ReductionMode;
  /**
   * 'torch' (default): y·(log y − x) with 0 where y = 0. 'mindspore': its CPU kernel's
   * (log y − x)·y with every NaN term counted as 0 (y = 0 included, and a NaN input).
   */
  kernel?: LossKernel;
  name?: string;
}

/**
 * Pointwise y·(log y − x) (0 where y = 0, as `xlogy`), or e^y·(y − x) with `logTarget`; the input
 * x is log-probabilities. 'mean' averages over every element; 'batchmean' divides the sum by the
 * size of dim 0 (`torch.nn.functional.kl_div`, `nn.KLDivLoss`).
 */
export function klDivLoss(input: Tensor, target: Tensor, opts: KlDivLossOptions = {}): Tensor {
  const name = opts.name ?? 'kl_div';
  const reduction = checkReduction(name, opts.reduction ?? 'mean', ['none', 'mean', 'sum', 'batchmean']);
  checkFloat(name, 'input', input);
  checkBroadcast(name, input, target);
  const y = target.cast(input.dtype);
  let loss: Tensor;
  if (opts.logTarget) {
    loss = exp(y).mul(y.sub(input));
  } else if (opts.kernel === 'mindspore') {
    const v = log(y).sub(input).mul(y);
    loss = where(v.ne(v), 0, v);
  } else {
    const zero = y.eq(0);
    const xlogy = where(zero, 0, y.mul(log(where(zero, 1, y))));
    loss = xlogy.sub(y.mul(input));
  }
  return reduceLoss(name, loss, reduction);
}
