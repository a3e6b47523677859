import { ShapeError, ValueError, fmtShape } from '../../errors.js';
import { shapesEqual } from '../../shape.js';
import type { Tensor } from '../../tensor/tensor.js';
import { reduceLoss, type ReductionMode } from '../reduction.js';

export interface DiceLossOptions {
  /** Added to the denominator; must be > 0. Default 1e−5. */
  smooth?: number;
  /** The loss is already 0-d; default 'none' (MindSpore's DiceLoss applies no reduction). */
  reduction?: ReductionMode;
  name?: string;
}

/**
 * MindSpore `nn.DiceLoss(smooth=1e-5)`: everything flattened,
 * L = 1 − 2·Σ(p·q) / (Σp² + Σq² + smooth). 0-d output.
 * NOTE: MindSpore's docstring says "per-example", but its code returns this one scalar.
 */
export function diceLoss(pred: Tensor, label: Tensor, opts: DiceLossOptions = {}): Tensor {
  const { smooth = 1e-5, reduction = 'none', name = 'DiceLoss' } = opts;
  if (typeof smooth !== 'number' || !(smooth > 0) || !Number.isFinite(smooth)) throw new ValueError(`${name}: smooth must be a positive float, got ${String(smooth)}`);
  if (!shapesEqual(pred.shape, label.shape)) {
    throw new ShapeError(`${name}: logits and labels must have the same shape, got ${fmtShape(pred.shape)} and ${fmtShape(label.shape)}`);
  }
  return reduceLoss(name, diceOf(pred, label, smooth), reduction);
}

function diceOf(p: Tensor, q: Tensor, smooth: number): Tensor {
  const inter = p.mul(q).sum();
  const union = p.mul(p).sum().add(q.mul(q).sum());
  return inter.mul(2).div(union.add(smooth)).rsub(1);
}

/** MindSpore's activation names for `MultiClassDiceLoss` (`get_activation`). */
export type DiceActivation = 'softmax' | 'logsoftmax' | 'relu' | 'relu6' | 'tanh' | 'sigmoid';

export interface MultiClassDiceLossOptions {
  /** Per-class weights, 2-D (num_classes, dim): class i's dice loss is multiplied by row i. */
  weights?: Tensor | null;
  /** A channel left out of the sum (MindSpore's kwarg is spelled `ignore_indiex`). */
  ignoreIndex?: number | null;
  /** Applied to pred first; default 'softmax'; null for none, or your own function. */
  activation?: DiceActivation | ((x: Tensor) => Tensor) | null;
  /**
   * Default 'none': MindSpore applies no reduction, so the result is 0-d, or (dim,) with `weights`.
   */
  reduction?: ReductionMode;
  name?: string;
}

const ACTIVATIONS: Record<DiceActivation, (x: Tensor) => Tensor> = {
  softmax: (x) => x.softmax(-1),
  logsoftmax: (x) => x.logSoftmax(-1),
  relu: (x) => x.relu(),
  relu6: (x) => x.clamp(0, 6),
  tanh: (x) => x.tanh(),
  sigmoid: (x) => x.sigmoid(),
};

/**
 * MindSpore `nn.MultiClassDiceLoss(weights=None, ignore_indiex=None, activation='softmax')` for
 * pred and label of shape (N, C, ...): after the activation,
 * L = Σ_{i ≠ ignore} w_i·DiceLoss(pred[:, i], label[:, i]) / C.
 * NOTE (MindSpore's own behaviour, kept): the activations use their default axis −1, so 'softmax'
 * normalizes over the *last* axis, which is the class axis only for 2-D input; the sum is divided
 * by C even when a channel is ignored; with `weights` (num_classes, dim) the result has shape (dim,).
 */
export function multiClassDiceLoss(pred: Tensor, label: Tensor, opts: MultiClassDiceLossOptions = {}): Tensor {
  const { weights = null, ignoreIndex = null, activation = 'softmax', reduction = 'none', name = 'MultiClassDiceLoss' } = opts;
  if (!shapesEqual(pred.shape, label.shape)) {
    throw new ShapeError(`${name}: logits and labels must have the same shape, got ${fmtShape(pred.shape)} and ${fmtShape(label.shape)}`);
  }
  if (pred.ndim < 2) throw new ShapeError(`${name}: logits and labels must have at least 2 dimensions, got ${pred.ndim}`);
  if (ignoreIndex !== null && !Number.isInteger(ignoreIndex)) throw new ValueError(`${name}: ignore_indiex must be an int or None, got ${String(ignoreIndex)}`);
  const C = label.shape[1]!;
  if (weights !== null) {
    if (weights.ndim !== 2) throw new ValueError(`${name}: the dimension of 'weights' must be 2, but got ${weights.ndim}.`);
    if (weights.shape[0] !== C) throw new ValueError(`${name}: weights.shape[0] must be equal to labels.shape[1] (${C}), got ${weights.shape[0]}`);
  }
  let act: ((x: Tensor) => Tensor) | null;
  if (typeof activation === 'string') {
    if (!(activation in ACTIVATIONS)) throw new ValueError(`${name}: the 'activation' must be in ${JSON.stringify(Object.keys(ACTIVATIONS))}, but got ${activation}.`);
    act = ACTIVATIONS[activation];
  } else {
    act = activation;
  }
  const p = act ? act(pred) : pred;
  let total: Tensor | null = null;
  for (let i = 0; i < C; i++) {
    if (i === ignoreIndex) continue;
    let d = diceOf(p.narrow(1, i, 1), label.narrow(1, i, 1), 1e-5);
    if (weights !== null) d = d.mul(weights.narrow(0, i, 1).reshape([weights.shape[1]!]));
    total = total ? total.add(d) : d;
  }
  const loss = total ? total.div(C) : p.sum().mul(0);
  return reduceLoss(name, loss, reduction);
}
