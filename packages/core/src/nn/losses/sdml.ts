import { onBackend } from '../../backend/registry.js';
import { ShapeError, fmtShape } from '../../errors.js';
import { eye } from '../../tensor/create.js';
import type { Tensor } from '../../tensor/tensor.js';
import { reduceLoss, type ReductionMode } from '../reduction.js';
import { checkNumber } from './checks.js';

export interface SdmlLossOptions {
  /** Probability mass spread over the other pairs of the minibatch; default 0.3. */
  smoothingParameter?: number;
  /**
   * Default 'none': the elementwise KL terms, shape (N, N); Gluon's per-sample output (N,) is
   * `{ batchAxis: 0 }` (its inner `KLDivLoss` averages over axis 1).
   */
  reduction?: ReductionMode;
  name?: string;
}

/**
 * Gluon `SDMLLoss` (smoothed deep metric learning) for aligned minibatches x1, x2 of shape (N, D):
 * d_ij = Σ_k (x1_ik − x2_jk)², log p = log_softmax(−d, axis 1), smoothed labels
 * y = I·(1 − s) + (1 − I)·s/(N − 1), and the KL terms y·(log(y + 1e−12) − log p) of Gluon's
 * `KLDivLoss(from_logits=True)`. NOTE: Gluon's SDMLLoss ignores its `weight`; a batch of one divides
 * by N − 1 = 0 and gives NaN, an empty batch an empty loss, as in Gluon.
 */
export function sdmlLoss(x1: Tensor, x2: Tensor, opts: SdmlLossOptions = {}): Tensor {
  return onBackend(x1.backend, () => {
    const { reduction = 'none', name = 'SDMLLoss' } = opts;
    const s = checkNumber(name, 'smoothing_parameter', opts.smoothingParameter ?? 0.3, true);
    if (x1.ndim !== 2 || x1.shape.join() !== x2.shape.join()) {
      throw new ShapeError(`${name}: x1 and x2 must both have shape (batch_size, dim), got ${fmtShape(x1.shape)} and ${fmtShape(x2.shape)}`);
    }
    const n = x1.shape[0]!;
    const diff = x1.unsqueeze(1).sub(x2.unsqueeze(0));
    const logp = diff.mul(diff).sum(2).neg().logSoftmax(1);
    const gold = eye(n, n, { dtype: logp.dtype });
    const labels = gold.mul(1 - s).add(gold.rsub(1).mul(s / (n - 1)));
    return reduceLoss(name, labels.mul(labels.add(1e-12).log().sub(logp)), reduction);
  });
}
