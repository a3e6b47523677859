/**
 * Reference graphs for PyTorch's margin losses, written from ONNX ops (Exp, Log, Relu, Sigmoid,
 * GatherElements, Gather, Equal, CumSum, Where, Reduce*) independently of the engine (nothing
 * traced or exported from Rosetta), from the documented formulas:
 * - `F.soft_margin_loss` / `nn.SoftMarginLoss`: log(1 + exp(−y·x)), elementwise;
 * - `F.multi_margin_loss(p, margin, weight)` / `nn.MultiMarginLoss`: input (N, C), target (N):
 *   l_n = Σ_{i ≠ y_n} max(0, margin − x[y_n] + x[i])^p·w[y_n] / C (the weight after the power, as
 *   PyTorch's kernel computes it), or with `weightInsidePower` the docs page's max(0, w[y_n]·(…))^p;
 * - `F.margin_ranking_loss(margin)` / `nn.MarginRankingLoss`: max(0, −y·(x1 − x2) + margin);
 * - `F.hinge_embedding_loss(margin)` / `nn.HingeEmbeddingLoss`: x where y = 1, max(0, margin − x) where y = −1;
 * - `F.multilabel_margin_loss` / `nn.MultiLabelMarginLoss`: input (N, C), target (N, C) int64 whose
 *   leading run of non-negative entries are the targets y_j: l_n = Σ_j Σ_{i ∉ targets} max(0, 1 − (x[y_j] − x[i])) / C;
 * - `F.multilabel_soft_margin_loss(weight)` / `nn.MultiLabelSoftMarginLoss`: input, target (N, C):
 *   l_n = −Σ_c w_c·(y·log σ(x) + (1 − y)·log σ(−x)) / C;
 * then PyTorch's reduction (none / mean / sum).
 */
import { GraphBuilder } from '../builder/graph.js';
import { finish } from './gluon-common.js';
import { k, sumAxes, toFloat, torchReduce, type TorchReferenceBase } from './torch-common.js';
import type { ReferenceModel } from './types.js';

export interface TorchSoftMarginOptions extends TorchReferenceBase {
  shape: readonly number[];
}

/** Inputs `input`, `target` (±1, same shape); output `loss`. */
export function torchSoftMarginReference(opts: TorchSoftMarginOptions): ReferenceModel {
  const { shape, reduction = 'mean', dtype = 'float32' } = opts;
  const g = new GraphBuilder({ name: 'torch_soft_margin_reference' });
  const x = g.input('input', dtype, shape);
  const y = g.input('target', dtype, shape);
  const l = g.op('Log', [g.op('Add', [k(g, 1, dtype), g.op('Exp', [g.op('Neg', [g.op('Mul', [y, x])])])])]);
  return finish(g, [x, y], [{ name: 'loss', ...torchReduce(g, l, shape, reduction, dtype) }], dtype);
}

export interface TorchMultiMarginOptions extends TorchReferenceBase {
  batch: number;
  classes: number;
  p?: 1 | 2;
  margin?: number;
  /** Adds a `weight` input (C,). */
  weighted?: boolean;
  /** The docs page's max(0, w·(margin − x[y] + x[i]))^p instead of the kernel's w·max(0, …)^p. */
  weightInsidePower?: boolean;
}

/** Inputs `input` (N, C), `target` (N) int64, `weight` (C) when weighted; output `loss`. */
export function torchMultiMarginReference(opts: TorchMultiMarginOptions): ReferenceModel {
  const { batch: n, classes: c, p = 1, margin = 1, reduction = 'mean', dtype = 'float32' } = opts;
  const g = new GraphBuilder({ name: 'torch_multi_margin_reference' });
  const x = g.input('input', dtype, [n, c]);
  const t = g.input('target', 'int64', [n]);
  const inputs = [x, t];
  const w = opts.weighted ? g.input('weight', dtype, [c]) : null;
  if (w) inputs.push(w);
  const t1 = g.op('Unsqueeze', [t, g.int64s([1])]); // (N, 1)
  const xy = g.op('GatherElements', [x, t1], { axis: 1 }); // (N, 1)
  let z = g.op('Add', [g.op('Sub', [k(g, margin, dtype), xy]), x]); // (N, C)
  const wy = w ? g.op('Gather', [w, t1], { axis: 0 }) : null; // (N, 1)
  if (wy && opts.weightInsidePower) z = g.op('Mul', [wy, z]);
  let h = g.op('Relu', [z]);
  if (p === 2) h = g.op('Mul', [h, h]);
  if (wy && !opts.weightInsidePower) h = g.op('Mul', [h, wy]);
  const classIds = g.constant('int64', [1, c], Array.from({ length: c }, (_, i) => i), 'class_ids');
  const notTarget = toFloat(g, g.op('Not', [g.op('Equal', [classIds, t1])]), dtype);
  const l = g.op('Div', [sumAxes(g, g.op('Mul', [h, notTarget]), [1]), k(g, c, dtype)]); // (N)
  return finish(g, inputs, [{ name: 'loss', ...torchReduce(g, l, [n], reduction, dtype) }], dtype);
}

export interface TorchMarginRankingOptions extends TorchReferenceBase {
  shape: readonly number[];
  margin?: number;
}

/** Inputs `input1`, `input2`, `target` (±1); output `loss`. */
export function torchMarginRankingReference(opts: TorchMarginRankingOptions): ReferenceModel {
  const { shape, margin = 0, reduction = 'mean', dtype = 'float32' } = opts;
  const g = new GraphBuilder({ name: 'torch_margin_ranking_reference' });
  const x1 = g.input('input1', dtype, shape);
  const x2 = g.input('input2', dtype, shape);
  const y = g.input('target', dtype, shape);
  const l = g.op('Relu', [g.op('Add', [g.op('Neg', [g.op('Mul', [y, g.op('Sub', [x1, x2])])]), k(g, margin, dtype)])]);
  return finish(g, [x1, x2, y], [{ name: 'loss', ...torchReduce(g, l, shape, reduction, dtype) }], dtype);
}

export interface TorchHingeEmbeddingOptions extends TorchReferenceBase {
  shape: readonly number[];
  margin?: number;
}

/** Inputs `input`, `target` (±1); output `loss`. */
export function torchHingeEmbeddingReference(opts: TorchHingeEmbeddingOptions): ReferenceModel {
  const { shape, margin = 1, reduction = 'mean', dtype = 'float32' } = opts;
  const g = new GraphBuilder({ name: 'torch_hinge_embedding_reference' });
  const x = g.input('input', dtype, shape);
  const y = g.input('target', dtype, shape);
  const l = g.op('Where', [g.op('Equal', [y, k(g, 1, dtype)]), x, g.op('Relu', [g.op('Sub', [k(g, margin, dtype), x])])]);
  return finish(g, [x, y], [{ name: 'loss', ...torchReduce(g, l, shape, reduction, dtype) }], dtype);
}

export interface TorchMultilabelMarginOptions extends TorchReferenceBase {
  batch: number;
  classes: number;
}

/** Inputs `input` (N, C), `target` (N, C) int64 padded with −1; output `loss`. */
export function torchMultilabelMarginReference(opts: TorchMultilabelMarginOptions): ReferenceModel {
  const { batch: n, classes: c, reduction = 'mean', dtype = 'float32' } = opts;
  const g = new GraphBuilder({ name: 'torch_multilabel_margin_reference' });
  const x = g.input('input', dtype, [n, c]);
  const t = g.input('target', 'int64', [n, c]);
  // valid[n, j]: no negative entry at or before j (the leading run of targets).
  const neg = g.op('Cast', [g.op('Less', [t, g.constant('int64', [], [0], 'zero')])], { to: 7 });
  const valid = g.op('Equal', [g.op('CumSum', [neg, g.constant('int64', [], [1], 'axis')]), g.constant('int64', [], [0], 'zero')]); // (N, J)
  const validF = toFloat(g, valid, dtype);
  const safe = g.op('Where', [valid, t, g.constant('int64', [], [0], 'zero')]);
  // isTarget[n, i]: class i is one of row n's targets.
  const classIds = g.constant('int64', [1, 1, c], Array.from({ length: c }, (_, i) => i), 'class_ids');
  const hits = g.op('Mul', [toFloat(g, g.op('Equal', [g.op('Unsqueeze', [safe, g.int64s([2])]), classIds]), dtype), g.op('Unsqueeze', [validF, g.int64s([2])])]); // (N, J, C)
  const isTarget = g.op('ReduceMax', [hits, g.int64s([1], 'axes')], { keepdims: 0 }); // (N, C)
  const xy = g.op('GatherElements', [x, safe], { axis: 1 }); // (N, J)
  const hinge = g.op('Relu', [g.op('Sub', [k(g, 1, dtype), g.op('Sub', [g.op('Unsqueeze', [xy, g.int64s([2])]), g.op('Unsqueeze', [x, g.int64s([1])])])])]); // (N, J, C)
  const mask = g.op('Mul', [g.op('Unsqueeze', [validF, g.int64s([2])]), g.op('Unsqueeze', [g.op('Sub', [k(g, 1, dtype), isTarget]), g.int64s([1])])]);
  const l = g.op('Div', [sumAxes(g, g.op('Mul', [hinge, mask]), [1, 2]), k(g, c, dtype)]); // (N)
  return finish(g, [x, t], [{ name: 'loss', ...torchReduce(g, l, [n], reduction, dtype) }], dtype);
}

export interface TorchMultilabelSoftMarginOptions extends TorchReferenceBase {
  batch: number;
  classes: number;
  /** Adds a `weight` input (C,). */
  weighted?: boolean;
}

/** Inputs `input`, `target` (N, C) in {0, 1}, `weight` (C) when weighted; output `loss`. */
export function torchMultilabelSoftMarginReference(opts: TorchMultilabelSoftMarginOptions): ReferenceModel {
  const { batch: n, classes: c, reduction = 'mean', dtype = 'float32' } = opts;
  const g = new GraphBuilder({ name: 'torch_multilabel_soft_margin_reference' });
  const x = g.input('input', dtype, [n, c]);
  const y = g.input('target', dtype, [n, c]);
  const inputs = [x, y];
  const w = opts.weighted ? g.input('weight', dtype, [c]) : null;
  if (w) inputs.push(w);
  const logSig = (v: string): string => g.op('Log', [g.op('Sigmoid', [v])]);
  let term = g.op('Add', [g.op('Mul', [y, logSig(x)]), g.op('Mul', [g.op('Sub', [k(g, 1, dtype), y]), logSig(g.op('Neg', [x]))])]);
  if (w) term = g.op('Mul', [term, w]);
  const l = g.op('Neg', [g.op('Div', [sumAxes(g, term, [1]), k(g, c, dtype)])]);
  return finish(g, inputs, [{ name: 'loss', ...torchReduce(g, l, [n], reduction, dtype) }], dtype);
}
