import type { Tensor } from '../../tensor/tensor.js';
import { reduceLoss, type ReductionMode } from '../reduction.js';
import { reshapeLike } from './gluon-shared.js';

export interface SigmoidBinaryCrossEntropyLossOptions {
  /** pred already went through a sigmoid (probabilities); default false (logits). */
  fromSigmoid?: boolean;
  /** Weight of the positive term, broadcast against pred (Gluon's forward argument `pos_weight`). */
  posWeight?: Tensor | null;
  /** Default 'none': the elementwise loss (the Gluon facade applies weighting, then `{ batchAxis }`). */
  reduction?: ReductionMode;
  name?: string;
}

/** The log(1 + e^−|x|) term of the stable forms (Gluon's `softrelu(−|x|)`). */
const softreluNegAbs = (x: Tensor): Tensor => x.abs().neg().exp().log1p();

/**
 * Gluon `SigmoidBinaryCrossEntropyLoss` (`SigmoidBCELoss`), label z reshaped like pred x:
 * - logits, no pos_weight: max(x, 0) − x·z + log(1 + e^−|x|)
 * - logits, pos_weight w: x − x·z + (1 + (w − 1)·z)·(log(1 + e^−|x|) + max(−x, 0))
 * - fromSigmoid (p = x): −(log(p + 1e−12)·z·w + log(1 − p + 1e−12)·(1 − z)), w = 1 without pos_weight.
 * All three are Gluon's formulas verbatim (`gluon/loss.py`), so large |x| stays finite.
 * NOTE: MXNet differentiates these ops with autograd, and so does this composite: from sigmoid, the
 * gradient is −z·w/(p + 1e−12) + (1 − z)/(1 − p + 1e−12), so at p = 0 or 1 a wrong label gets
 * ∓1/1e−12 and a right one ±1/(1 + 1e−12) (±1 in float32), where PyTorch's and MindSpore's BCELoss
 * kernels give (p − z)/max(p(1 − p), 1e−12): ∓1e12 and 0 ({@link binaryCrossEntropyLoss}).
 */
export function sigmoidBinaryCrossEntropyLoss(pred: Tensor, label: Tensor, opts: SigmoidBinaryCrossEntropyLossOptions = {}): Tensor {
  const { fromSigmoid = false, posWeight = null, reduction = 'none', name = 'SigmoidBinaryCrossEntropyLoss' } = opts;
  const z = reshapeLike(name, label, pred);
  let loss: Tensor;
  if (!fromSigmoid) {
    if (posWeight === null) {
      loss = pred.relu().sub(pred.mul(z)).add(softreluNegAbs(pred));
    } else {
      const logWeight = posWeight.sub(1).mul(z).add(1);
      loss = pred.sub(pred.mul(z)).add(logWeight.mul(softreluNegAbs(pred).add(pred.neg().relu())));
    }
  } else {
    const eps = 1e-12;
    let pos = pred.add(eps).log().mul(z);
    if (posWeight !== null) pos = pos.mul(posWeight);
    loss = pos.add(pred.rsub(1).add(eps).log().mul(z.rsub(1))).neg();
  }
  return reduceLoss(name, loss, reduction);
}
