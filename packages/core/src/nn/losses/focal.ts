import { DTypeError, ShapeError, ValueError } from '../../errors.js';
import type { Tensor } from '../../tensor/tensor.js';
import { reduceLoss, type ReductionMode } from '../reduction.js';

export interface FocalLossOptions {
  /** Per-class weight, 1-D of length C. */
  weight?: Tensor | null;
  /** Focusing exponent; default 2.0. */
  gamma?: number;
  /** Default 'mean' (MindSpore's `get_loss`). */
  reduction?: ReductionMode;
  name?: string;
}

/**
 * MindSpore `nn.FocalLoss(weight=None, gamma=2.0, reduction='mean')`. pred (N, C) or (N, C, H[, W])
 * (spatial axes flattened to M), log p = log_softmax over C, p = e^{log p}, (w_c·log p when a weight
 * is given; p stays unweighted):
 * - index labels (N, 1, ...): L_n = mean_m −(1 − p_{y})^γ·w_y·log p_{y}, output (N,);
 * - C-channel labels (N, C, ...) (one-hot or soft): L_{n,c} = mean_m −(1 − p_c)^γ·y_c·w_c·log p_c, output (N, C).
 * NOTE: reduced with `reduceLoss` (no float32 round trip as MindSpore's `get_loss` makes).
 */
export function focalLoss(pred: Tensor, label: Tensor, opts: FocalLossOptions = {}): Tensor {
  const { weight = null, gamma = 2.0, reduction = 'mean', name = 'FocalLoss' } = opts;
  if (typeof gamma !== 'number' || !Number.isFinite(gamma)) throw new ValueError(`${name}: gamma must be a float, got ${String(gamma)}`);
  if (pred.ndim < 2 || pred.ndim > 4) throw new ValueError(`${name}: dimensions of 'logits' must be in [2, 4], but got ${pred.ndim}.`);
  if (label.ndim !== pred.ndim) throw new ValueError(`${name}: dimensions of 'logits' and 'labels' must be equal, but got ${pred.ndim} and ${label.ndim}.`);
  const [N, C] = pred.shape as [number, number];
  if (C === 1) throw new ValueError(`${name}: 'logits.shape[1]' cannot be one, but got 1.`);
  const K = label.shape[1]!;
  if (K !== 1 && K !== C) throw new ValueError(`${name}: 'labels.shape[1]' must be one or equal to 'logits.shape[1]': ${C}, but got ${K}.`);
  if (label.dtype === 'bool') throw new DTypeError(`${name}: labels must be int32, int64, float16 or float32, got bool`);
  if (label.shape[0] !== N || label.shape.slice(2).join() !== pred.shape.slice(2).join()) {
    throw new ShapeError(`${name}: labels must have logits' batch and spatial sizes, got [${label.shape.join(', ')}] for logits [${pred.shape.join(', ')}]`);
  }
  if (weight !== null && (weight.ndim !== 1 || weight.shape[0] !== C)) {
    throw new ValueError(`${name}: 'weight' must be a 1-D tensor of length ${C}, got shape [${weight.shape.join(', ')}]`);
  }
  const M = pred.shape.slice(2).reduce((a, b) => a * b, 1);
  const x = pred.reshape([N, C, M]);
  const y = label.reshape([N, K, M]);
  let logp = x.logSoftmax(1);
  let w = weight?.reshape([1, C, 1]) ?? null;
  if (K === 1) {
    logp = logp.gather(1, y).reshape([N, M]);
    if (w) w = w.expand([N, C, M]).gather(1, y).reshape([N, M]);
  }
  const p = logp.exp();
  const wlogp = w ? logp.mul(w) : logp;
  const focus = p.rsub(1).pow(gamma);
  const loss = K === 1 ? focus.mul(wlogp).neg().mean(1) : focus.mul(y).mul(wlogp).neg().mean(-1);
  return reduceLoss(name, loss, reduction);
}
