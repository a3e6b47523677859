/**
 * Reference graph for MindSpore `nn.FocalLoss(weight=None, gamma=2.0, reduction='mean')` (2.3),
 * written from ONNX ops independently of the engine (nothing traced or exported from Rosetta),
 * from the documented formula: logits (N, C, spatial…) flattened to (N, C, M), log p =
 * LogSoftmax over C, p = exp(log p) (unweighted), w_c·log p when a weight is given, and
 * - index labels (N, 1, …): L_n = mean_m −(1 − p_y)^γ·w_y·log p_y (picked with `GatherElements`), (N,);
 * - C-channel labels (N, C, …): L_{n,c} = mean_m −(1 − p_c)^γ·y_c·w_c·log p_c, (N, C);
 * then MindSpore's `get_loss`: none, or mean / sum over every axis.
 * Inputs `logits`, `labels` (int64 indices or float32 targets) and `weight` (C,) when weighted; output `loss`.
 */
import { GraphBuilder } from '../builder/graph.js';
import { finish, mindsporeReduce, scalar, type MindSporeReduction } from './gluon-common.js';
import type { FloatDType } from './torch-common.js';
import type { ReferenceModel } from './types.js';

export interface MindSporeFocalOptions {
  /** Float dtype of the graph's inputs, constants and outputs; default float32. */
  dtype?: FloatDType;
  /** Shape of logits, (N, C) or (N, C, H[, W]). */
  shape: readonly number[];
  gamma: number;
  /** Labels are class indices (N, 1, …) int64; otherwise (N, C, …) float32 targets. */
  indexLabels: boolean;
  weighted: boolean;
  reduction: MindSporeReduction;
}

export function mindsporeFocalReference(opts: MindSporeFocalOptions): ReferenceModel {
  const dtype = opts.dtype ?? 'float32';
  const { shape, gamma, indexLabels, weighted, reduction } = opts;
  const [n, c] = shape as [number, number];
  const m = shape.slice(2).reduce((a, b) => a * b, 1);
  const k = indexLabels ? 1 : c;
  const g = new GraphBuilder({ name: 'mindspore_focal_reference' });
  const logits = g.input('logits', dtype, shape);
  const labels = g.input('labels', indexLabels ? 'int64' : dtype, [n, k, ...shape.slice(2)]);
  const inputs = [logits, labels];
  const weight = weighted ? g.input('weight', dtype, [c]) : null;
  if (weight) inputs.push(weight);
  const x = g.op('Reshape', [logits, g.int64s([n, c, m])]);
  const y = g.op('Reshape', [labels, g.int64s([n, k, m])]);
  let logp = g.op('LogSoftmax', [x], { axis: 1 }); // (N, C, M)
  let w = weight ? g.op('Reshape', [weight, g.int64s([1, c, 1])]) : null; // (1, C, 1)
  if (indexLabels) {
    logp = g.op('GatherElements', [logp, y], { axis: 1 }); // (N, 1, M)
    if (w) w = g.op('Gather', [weight!, y], { axis: 0 }); // (N, 1, M)
  }
  const p = g.op('Exp', [logp]);
  const wlogp = w ? g.op('Mul', [logp, w]) : logp;
  const focus = g.op('Pow', [g.op('Sub', [scalar(g, 1, dtype), p]), scalar(g, gamma, dtype)]);
  let term = g.op('Neg', [g.op('Mul', [focus, wlogp])]);
  if (!indexLabels) term = g.op('Mul', [term, y]);
  // mean over M: (N, 1, M) → (N,), or (N, C, M) → (N, C)
  let per = g.op('ReduceMean', [term, g.int64s([2], 'axes')], { keepdims: 0 });
  if (indexLabels) per = g.op('Squeeze', [per, g.int64s([1])]);
  const out = mindsporeReduce(g, per, indexLabels ? [n] : [n, c], reduction);
  return finish(g, inputs, [{ name: 'loss', ...out }], dtype);
}
