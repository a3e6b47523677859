import { ValueError } from '../../errors.js';
import type { Tensor } from '../../tensor/tensor.js';
import { reduceLoss, type ReductionMode } from '../reduction.js';
import { reshapeLike } from './gluon-shared.js';

export type LogisticLabelFormat = 'signed' | 'binary';

export interface LogisticLossOptions {
  /** 'signed' (labels ±1, the default) or 'binary' (labels 0/1). */
  labelFormat?: LogisticLabelFormat;
  /** Default 'none': the elementwise loss (the Gluon facade applies weighting, then `{ batchAxis }`). */
  reduction?: ReductionMode;
  name?: string;
}

/**
 * Gluon `LogisticLoss`: L = log(1 + exp(−pred·label)) for signed labels; binary labels z give the
 * same value through z = (label + 1)/2 for signed ones. Computed stably as
 * max(pred, 0) − pred·z + log(1 + exp(−|pred|)), label reshaped like pred.
 */
export function logisticLoss(pred: Tensor, label: Tensor, opts: LogisticLossOptions = {}): Tensor {
  const { labelFormat = 'signed', reduction = 'none', name = 'LogisticLoss' } = opts;
  if (labelFormat !== 'signed' && labelFormat !== 'binary') {
    throw new ValueError(`${name}: label_format can only be signed or binary, received ${String(labelFormat)}.`);
  }
  let z = reshapeLike(name, label, pred);
  if (labelFormat === 'signed') z = z.add(1).div(2);
  const loss = pred.relu().sub(pred.mul(z)).add(pred.abs().neg().exp().log1p());
  return reduceLoss(name, loss, reduction);
}
