import { ShapeError, fmtShape } from '../../errors.js';
import { normAxis } from '../../shape.js';
import { checkIndices } from '../../ops/index-ops.js';
import type { Tensor } from '../../tensor/tensor.js';
import { reduceLoss, type ReductionMode } from '../reduction.js';
import { reshapeLike } from './gluon-shared.js';

export interface SoftmaxCrossEntropyLossOptions {
  /** The class axis; default −1. */
  axis?: number;
  /** Labels are class indices (default true) rather than distributions shaped like pred. */
  sparseLabel?: boolean;
  /** pred already holds log-probabilities (Gluon's `from_logits`); default false. */
  fromLogits?: boolean;
  /** Default 'none': the elementwise loss, pred's shape with the class axis kept as 1. */
  reduction?: ReductionMode;
  name?: string;
}

/**
 * Gluon `SoftmaxCrossEntropyLoss` (`SoftmaxCELoss`): with p = log_softmax(pred, axis) (or pred
 * itself when `fromLogits`), sparse: L = −p[label] (Gluon's `pick(..., keepdims=True)`), dense:
 * L = −Σ_axis label·p (label reshaped like pred, keepdims). The class axis stays as size 1.
 * A sparse label may have any shape with pred's element count divided by the class count.
 * NOTE: Gluon's `pick` clips out-of-range class indices (mode 'clip'); here they are an error.
 */
export function softmaxCrossEntropyLoss(pred: Tensor, label: Tensor, opts: SoftmaxCrossEntropyLossOptions = {}): Tensor {
  const { sparseLabel = true, fromLogits = false, reduction = 'none', name = 'SoftmaxCrossEntropyLoss' } = opts;
  if (pred.ndim === 0) throw new ShapeError(`${name}: pred must have a class axis, got a 0-d tensor`);
  const axis = normAxis(name, opts.axis ?? -1, pred.ndim);
  const logp = fromLogits ? pred : pred.logSoftmax(axis);
  let loss: Tensor;
  if (sparseLabel) {
    const keptShape = pred.shape.map((n, i) => (i === axis ? 1 : n));
    const count = keptShape.reduce((a, b) => a * b, 1);
    if (label.size !== count) {
      throw new ShapeError(
        `${name}: a sparse label must have pred's shape without axis ${axis} (${count} elements, e.g. ${fmtShape(pred.shape.filter((_, i) => i !== axis))}), got label of shape ${fmtShape(label.shape)}`,
      );
    }
    checkIndices(name, 'label', label, pred.shape[axis]!);
    loss = logp.gather(axis, label.reshape(keptShape)).neg();
  } else {
    loss = logp.mul(reshapeLike(name, label, pred)).sum(axis, true).neg();
  }
  return reduceLoss(name, loss, reduction);
}
