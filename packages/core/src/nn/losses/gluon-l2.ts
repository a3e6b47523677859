import type { Tensor } from '../../tensor/tensor.js';
import { reduceLoss, type ReductionMode } from '../reduction.js';
import { reshapeLike } from './gluon-shared.js';

export interface L2LossOptions {
  /** Default 'none': the elementwise loss (the Gluon facade applies weighting, then `{ batchAxis }`). */
  reduction?: ReductionMode;
  /** The caller's class name for error messages. */
  name?: string;
}

/**
 * Gluon `L2Loss`: L = ½·(label − pred)², label reshaped like pred (`gluon.loss.L2Loss`).
 * NOTE: Gluon folds the ½ into its `weight / 2`; here the ½ is part of the loss and the facade
 * passes its `weight` (default 1) unchanged to `applyWeighting`.
 */
export function l2Loss(pred: Tensor, label: Tensor, opts: L2LossOptions = {}): Tensor {
  const { reduction = 'none', name = 'L2Loss' } = opts;
  const d = reshapeLike(name, label, pred).sub(pred);
  return reduceLoss(name, d.mul(d).mul(0.5), reduction);
}
