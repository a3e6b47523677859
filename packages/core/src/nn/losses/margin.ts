/**
 * Margin and soft-margin classification losses (`torch.nn.functional.soft_margin_loss`,
 * `multi_margin_loss`, `margin_ranking_loss`, `multilabel_margin_loss`,
 * `multilabel_soft_margin_loss`).
 */
import { onBackend } from '../../backend/registry.js';
import { DTypeError, ShapeError, ValueError, fmtShape } from '../../errors.js';
import { arange } from '../../tensor/create.js';
import { logSigmoid, positivePart } from '../../ops/activations.js';
import { hinge, type LossKernel } from './kernels.js';
import { where } from '../../ops/elementwise.js';
import { checkIndices } from '../../ops/index-ops.js';
import type { Tensor } from '../../tensor/tensor.js';
import { checkReduction, reduceLoss, type ReductionMode } from '../reduction.js';
import { checkBroadcast, checkBroadcastsTo, checkFloat, checkNumber, hostValues } from './checks.js';

export interface MarginLossOptions {
  reduction?: ReductionMode;
  name?: string;
}

export interface MultiMarginLossOptions extends MarginLossOptions {
  /** 1 or 2. Default 1. */
  p?: number;
  /** Default 1. */
  margin?: number;
  /** Per-class weight, shape (C). */
  weight?: Tensor | null;
}

export interface MarginRankingLossOptions extends MarginLossOptions {
  /** Default 0. */
  margin?: number;
  /** Whose kernel max(·, 0) follows at NaN: 'torch' (default, NaN stays) or 'mindspore' (NaN gives 0). */
  kernel?: LossKernel;
}

export interface MultilabelSoftMarginLossOptions extends MarginLossOptions {
  /** Per-class weight, broadcast to the input (usually (C)). */
  weight?: Tensor | null;
}

/**
 * log(1 + e^(−y·x)) (`torch.nn.functional.soft_margin_loss`, `nn.SoftMarginLoss`), computed as
 * PyTorch's kernel writes it, log1p(exp(−y·x)): like PyTorch it overflows to inf once −y·x > 88
 * (float32) or 709 (float64), and its gradient at x = ±inf is NaN (0·∞), as PyTorch's.
 */
export function softMarginLoss(input: Tensor, target: Tensor, opts: MarginLossOptions = {}): Tensor {
  const name = opts.name ?? 'soft_margin_loss';
  const reduction = checkReduction(name, opts.reduction ?? 'mean');
  checkFloat(name, 'input', input);
  checkBroadcast(name, input, target);
  return reduceLoss(name, input.mul(target).neg().exp().log1p(), reduction);
}

/** (N, C) view of a (C) or (N, C) input, and whether it was unbatched. */
function rows(name: string, input: Tensor): { x: Tensor; unbatched: boolean } {
  if (input.ndim === 1) return { x: input.unsqueeze(0), unbatched: true };
  if (input.ndim === 2 && input.shape[1]! > 0) return { x: input, unbatched: false };
  throw new ShapeError(`${name}: Expected non-empty vector or matrix with optional 0-dim batch size, but got: ${fmtShape(input.shape)}`);
}

/**
 * l_n = Σ_{i ≠ y_n} w_{y_n}·max(0, margin − x_{n,y_n} + x_{n,i})^p / C, p ∈ {1, 2}; input (C) or
 * (N, C), target () or (N) class indices (`torch.nn.functional.multi_margin_loss`, `nn.MultiMarginLoss`).
 * NOTE: the weight multiplies after the power, as PyTorch computes it (its docs write w inside
 * the power; the two agree for p = 1).
 */
export function multiMarginLoss(input: Tensor, target: Tensor, opts: MultiMarginLossOptions = {}): Tensor {
  return onBackend(input.backend, () => {
    const name = opts.name ?? 'multi_margin_loss';
    const reduction = checkReduction(name, opts.reduction ?? 'mean');
    const p = opts.p ?? 1;
    if (p !== 1 && p !== 2) throw new ValueError(`${name}: only p == 1 and p == 2 supported, got ${String(p)}`);
    const margin = checkNumber(name, 'margin', opts.margin ?? 1);
    checkFloat(name, 'input', input);
    const { x, unbatched } = rows(name, input);
    const [N, C] = x.shape as [number, number];
    if (target.ndim > 1 || target.size !== N || (unbatched && target.ndim !== 0)) {
      throw new ShapeError(`${name}: inconsistent target size, expected ${unbatched ? '[]' : fmtShape([N])} but got ${fmtShape(target.shape)}`);
    }
    checkIndices(name, 'target', target, C);
    const t = target.reshape([N, 1]);
    const z = positivePart(x.sub(x.gather(1, t)).add(margin));
    let h = p === 2 ? z.square() : z;
    h = where(arange(C).reshape([1, C]).eq(t), 0, h);
    if (opts.weight) {
      const w = opts.weight;
      if (w.ndim !== 1 || w.shape[0] !== C) throw new ShapeError(`${name}: weight must be a 1-D tensor of ${C} elements, got shape ${fmtShape(w.shape)}`);
      h = h.mul(w.cast(x.dtype).gather(0, t.reshape([N])).reshape([N, 1]));
    }
    const loss = h.sum(1).div(C);
    return reduceLoss(name, unbatched ? loss.reshape([]) : loss, reduction);
  });
}

/**
 * max(0, −y·(x1 − x2) + margin) (`torch.nn.functional.margin_ranking_loss`, `nn.MarginRankingLoss`;
 * MindSpore `nn.MarginRankingLoss` with `kernel: 'mindspore'`).
 */
export function marginRankingLoss(input1: Tensor, input2: Tensor, target: Tensor, opts: MarginRankingLossOptions = {}): Tensor {
  const name = opts.name ?? 'margin_ranking_loss';
  const reduction = checkReduction(name, opts.reduction ?? 'mean');
  const margin = checkNumber(name, 'margin', opts.margin ?? 0);
  checkFloat(name, 'input1', input1);
  if (input1.ndim !== input2.ndim || input1.ndim !== target.ndim) {
    throw new ShapeError(`${name}: All input tensors should have same dimension but got sizes: input1: ${fmtShape(input1.shape)}, input2: ${fmtShape(input2.shape)}, target: ${fmtShape(target.shape)}`);
  }
  checkBroadcast(name, input1, input2, 'input1', 'input2');
  const d = input1.sub(input2);
  checkBroadcast(name, d, target, 'input1 − input2', 'target');
  return reduceLoss(name, hinge(target.mul(d).neg().add(margin), opts.kernel), reduction);
}

/**
 * Every entry of a multilabel target must be a class in [0, C) or the padding −1, even after the
 * first −1 (PyTorch: `argument #2 'target' is out of range`); a −2 is not padding.
 */
function checkLabels(name: string, target: Tensor, C: number): void {
  const v = hostValues(target);
  if (!v) return;
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!;
    if (!Number.isInteger(x)) throw new DTypeError(`${name}: target must hold whole numbers, got ${x} (at position ${i})`);
    if (x < -1 || x >= C) throw new ValueError(`${name}: target ${x} is out of range: entries must be classes in [0, ${C}) or the padding -1 (at position ${i})`);
  }
}

/**
 * l_n = Σ_j Σ_{i ∉ targets} max(0, 1 − (x_{n,y_j} − x_{n,i})) / C over the target classes y_j of
 * row n: the leading run of non-negative entries of target[n] (the first −1 ends it); input and
 * target (C) or (N, C) (`torch.nn.functional.multilabel_margin_loss`, `nn.MultiLabelMarginLoss`).
 */
export function multilabelMarginLoss(input: Tensor, target: Tensor, opts: MarginLossOptions = {}): Tensor {
  return onBackend(input.backend, () => {
    const name = opts.name ?? 'multilabel_margin_loss';
    const reduction = checkReduction(name, opts.reduction ?? 'mean');
    checkFloat(name, 'input', input);
    const { x, unbatched } = rows(name, input);
    if (target.shape.join() !== input.shape.join()) {
      throw new ShapeError(`${name}: inconsistent target size: ${fmtShape(target.shape)} for input of size: ${fmtShape(input.shape)}`);
    }
    const [N, C] = x.shape as [number, number];
    const t = target.reshape([N, C]);
    if (t.dtype === 'bool') checkIndices(name, 'target', t, C);
    checkLabels(name, t, C);
    const ar = arange(C);
    // valid[n, k]: no negative entry at or before k (prefix count via a k ≥ j mask).
    const upTo = ar.reshape([C, 1]).ge(ar.reshape([1, C])).cast(x.dtype);
    const negs = t.lt(0).cast(x.dtype).reshape([N, 1, C]).mul(upTo).sum(2);
    const valid = negs.eq(0);
    const safe = where(valid, t, 0);
    checkIndices(name, 'target', safe, C);
    // isTarget[n, i]: class i is one of row n's targets.
    const isTarget = safe.reshape([N, C, 1]).eq(ar.reshape([1, 1, C])).logicalAnd(valid.reshape([N, C, 1])).cast(x.dtype).sum(1).gt(0);
    const xy = x.gather(1, safe); // [n, k]
    const hinge = positivePart(x.reshape([N, 1, C]).sub(xy.reshape([N, C, 1])).add(1)); // [n, k, i]
    const keep = valid.reshape([N, C, 1]).logicalAnd(isTarget.logicalNot().reshape([N, 1, C]));
    const loss = where(keep, hinge, 0).sum([1, 2]).div(C);
    return reduceLoss(name, unbatched ? loss.reshape([]) : loss, reduction);
  });
}

/**
 * l_n = −Σ_c w_c·(y_{n,c}·log σ(x_{n,c}) + (1 − y_{n,c})·log σ(−x_{n,c})) / C over the last dim
 * (`torch.nn.functional.multilabel_soft_margin_loss`, `nn.MultiLabelSoftMarginLoss`).
 */
export function multilabelSoftMarginLoss(input: Tensor, target: Tensor, opts: MultilabelSoftMarginLossOptions = {}): Tensor {
  const name = opts.name ?? 'multilabel_soft_margin_loss';
  const reduction = checkReduction(name, opts.reduction ?? 'mean');
  checkFloat(name, 'input', input);
  if (input.ndim < 1) throw new ShapeError(`${name}: input must have a class dim, got shape ${fmtShape(input.shape)}`);
  checkBroadcastsTo(name, target, input.shape, 'target');
  const y = target.cast(input.dtype);
  let loss = y.mul(logSigmoid(input)).add(y.rsub(1).mul(logSigmoid(input.neg()))).neg();
  if (opts.weight) {
    checkBroadcastsTo(name, opts.weight, input.shape, 'weight');
    loss = loss.mul(opts.weight);
  }
  return reduceLoss(name, loss.sum(-1).div(input.shape[input.ndim - 1]!), reduction);
}
