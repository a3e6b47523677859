import { normAxis } from '../../shape.js';
import type { Tensor } from '../../tensor/tensor.js';
import { reduceLoss, type ReductionMode } from '../reduction.js';
import { checkBroadcast } from './checks.js';

export interface GluonKlDivLossOptions {
  /** pred already holds log-probabilities; default true (Gluon's default). */
  fromLogits?: boolean;
  /** Axis of the log-softmax applied when `fromLogits` is false; default −1. */
  axis?: number;
  /** Default 'none': the elementwise loss (the Gluon facade applies weighting, then `{ batchAxis }`). */
  reduction?: ReductionMode;
  name?: string;
}

/**
 * Gluon `KLDivLoss`: L = label·(log(label + 1e−12) − pred), pred = log_softmax(pred, axis) when
 * `fromLogits` is false. label broadcasts against pred (Gluon does not reshape it here); a zero label
 * contributes 0. NOTE: Gluon then takes a *mean* over the non-batch axes (`{ batchAxis }`), not
 * PyTorch's sum/batchmean; and `from_logits` means log-probabilities, not raw scores.
 */
export function gluonKlDivLoss(pred: Tensor, label: Tensor, opts: GluonKlDivLossOptions = {}): Tensor {
  const { fromLogits = true, reduction = 'none', name = 'KLDivLoss' } = opts;
  // MXNet's broadcast_sub: `operands could not be broadcast together with shapes …`.
  checkBroadcast(name, label, pred, 'label', 'pred');
  const logp = fromLogits ? pred : pred.logSoftmax(normAxis(name, opts.axis ?? -1, pred.ndim));
  return reduceLoss(name, label.mul(label.add(1e-12).log().sub(logp)), reduction);
}
