import { ValueError } from '../../errors.js';
import type { Tensor } from '../../tensor/tensor.js';
import { normAxis } from '../../shape.js';
import { reduceLoss, type ReductionMode } from '../reduction.js';
import { checkNumber } from './checks.js';
import { reshapeLike } from './gluon-shared.js';

export interface HingeLossOptions {
  /** Default 1. */
  margin?: number;
  /** Default 'none': the elementwise loss (the Gluon facade applies weighting, then `{ batchAxis }`). */
  reduction?: ReductionMode;
  name?: string;
}

/** Gluon `HingeLoss`: L = max(0, margin − pred·label), label (±1) reshaped like pred. */
export function hingeLoss(pred: Tensor, label: Tensor, opts: HingeLossOptions = {}): Tensor {
  const { reduction = 'none', name = 'HingeLoss' } = opts;
  const margin = checkNumber(name, 'margin', opts.margin ?? 1, true);
  return reduceLoss(name, pred.mul(reshapeLike(name, label, pred)).rsub(margin).relu(), reduction);
}

/** Gluon `SquaredHingeLoss`: L = max(0, margin − pred·label)², label (±1) reshaped like pred. */
export function squaredHingeLoss(pred: Tensor, label: Tensor, opts: HingeLossOptions = {}): Tensor {
  const { reduction = 'none', name = 'SquaredHingeLoss' } = opts;
  const margin = checkNumber(name, 'margin', opts.margin ?? 1, true);
  const h = pred.mul(reshapeLike(name, label, pred)).rsub(margin).relu();
  return reduceLoss(name, h.mul(h), reduction);
}

export interface TripletLossOptions {
  /** Default 1. */
  margin?: number;
  /** The axis that is kept when summing the squared distances (Gluon `batch_axis`); default 0. */
  batchAxis?: number;
  /** Default 'none': the per-sample loss, shape (batch,) (the facade then applies weighting). */
  reduction?: ReductionMode;
  name?: string;
}

/**
 * Gluon `TripletLoss`: L = max(0, Σ‖positive − pred‖² − Σ‖negative − pred‖² + margin), the sums
 * over every axis but `batchAxis` (squared L2 distances, no square root). positive and negative
 * are reshaped like pred. Output shape (batch,).
 * NOTE: unlike PyTorch `TripletMarginLoss` (p-norm distance, eps, swap).
 */
export function tripletLoss(pred: Tensor, positive: Tensor, negative: Tensor, opts: TripletLossOptions = {}): Tensor {
  const { reduction = 'none', name = 'TripletLoss' } = opts;
  const margin = checkNumber(name, 'margin', opts.margin ?? 1, true);
  const pos = reshapeLike(name, positive, pred, 'positive');
  const neg = reshapeLike(name, negative, pred, 'negative');
  if (pred.ndim === 0) throw new ValueError(`${name}: pred must have a batch axis, got a 0-d tensor`);
  const b = normAxis(name, opts.batchAxis ?? 0, pred.ndim);
  const dp = pos.sub(pred);
  const dn = neg.sub(pred);
  const diff = dp.mul(dp).sub(dn.mul(dn));
  const axes = pred.shape.map((_, i) => i).filter((i) => i !== b);
  const summed = axes.length ? diff.sum(axes) : diff;
  return reduceLoss(name, summed.add(margin).relu(), reduction);
}
