/**
 * Reference graphs for PyTorch's distances and triplet losses, written from ONNX ops (ReduceL1,
 * ReduceL2, Pow, Max, Min, Relu) independently of the engine (nothing traced or exported from
 * Rosetta), from the documented formulas:
 * - `F.pairwise_distance(p=2, eps=1e-6)` / `nn.PairwiseDistance`: ‖x1 − x2 + eps‖_p over the last dim;
 * - `F.cosine_similarity(dim=1, eps=1e-8)` / `nn.CosineSimilarity`: x1·x2 / (max(‖x1‖, ε)·max(‖x2‖, ε))
 *   (the F.cosine_similarity page's formula);
 * - `F.triplet_margin_loss(margin, p, eps, swap)` / `nn.TripletMarginLoss`:
 *   max(d(a, p) − d(a, n) + margin, 0), d = pairwise_distance(·, ·, p, eps), with `swap`
 *   d(a, n) → min(d(a, n), d(p, n));
 * - `F.triplet_margin_with_distance_loss(margin, swap)` with the default distance
 *   (`nn.PairwiseDistance()`, p = 2, eps = 1e−6): the same formula;
 * then PyTorch's reduction (none / mean / sum).
 */
import { GraphBuilder } from '../builder/graph.js';
import { finish } from './gluon-common.js';
import { k, sumAxes, torchReduce, type FloatDType, type TorchReferenceBase } from './torch-common.js';
import type { ReferenceModel } from './types.js';

/** ‖a − b + eps‖_p over the last axis of a rank-`rank` value (keepdims 0). */
function pdist(g: GraphBuilder, a: string, b: string, p: number, eps: number, rank: number, dtype: FloatDType): string {
  const d = g.op('Add', [g.op('Sub', [a, b]), k(g, eps, dtype)]);
  const axes = g.int64s([rank - 1], 'axes');
  if (p === 2) return g.op('ReduceL2', [d, axes], { keepdims: 0 });
  if (p === 1) return g.op('ReduceL1', [d, axes], { keepdims: 0 });
  const s = g.op('ReduceSum', [g.op('Pow', [g.op('Abs', [d]), k(g, p, dtype)]), axes], { keepdims: 0 });
  return g.op('Pow', [s, k(g, 1 / p, dtype)]);
}

export interface TorchPairwiseDistanceOptions {
  shape: readonly number[];
  p?: number;
  eps?: number;
  dtype?: FloatDType;
}

/** Inputs `x1`, `x2`; output `distance` (shape without the last dim). */
export function torchPairwiseDistanceReference(opts: TorchPairwiseDistanceOptions): ReferenceModel {
  const { shape, p = 2, eps = 1e-6, dtype = 'float32' } = opts;
  const g = new GraphBuilder({ name: 'torch_pairwise_distance_reference' });
  const a = g.input('x1', dtype, shape);
  const b = g.input('x2', dtype, shape);
  return finish(g, [a, b], [{ name: 'distance', value: pdist(g, a, b, p, eps, shape.length, dtype), shape: shape.slice(0, -1) }], dtype);
}

export interface TorchCosineSimilarityOptions {
  shape: readonly number[];
  /** Default 1. */
  dim?: number;
  eps?: number;
  dtype?: FloatDType;
}

/** Inputs `x1`, `x2`; output `similarity` (shape without `dim`). */
export function torchCosineSimilarityReference(opts: TorchCosineSimilarityOptions): ReferenceModel {
  const { shape, dim = 1, eps = 1e-8, dtype = 'float32' } = opts;
  const g = new GraphBuilder({ name: 'torch_cosine_similarity_reference' });
  const a = g.input('x1', dtype, shape);
  const b = g.input('x2', dtype, shape);
  const norm = (v: string): string => g.op('Max', [g.op('ReduceL2', [v, g.int64s([dim], 'axes')], { keepdims: 0 }), k(g, eps, dtype)]);
  const sim = g.op('Div', [sumAxes(g, g.op('Mul', [a, b]), [dim]), g.op('Mul', [norm(a), norm(b)])]);
  return finish(g, [a, b], [{ name: 'similarity', value: sim, shape: shape.filter((_, i) => i !== dim) }], dtype);
}

export interface TorchTripletMarginOptions extends TorchReferenceBase {
  batch: number;
  dim: number;
  /** Default 1. */
  margin?: number;
  /** Default 2 (triplet_margin_with_distance's default distance is p = 2, eps = 1e−6). */
  p?: number;
  /** Default 1e-6. */
  eps?: number;
  swap?: boolean;
}

/** Inputs `anchor`, `positive`, `negative` (N, D); output `loss`. */
export function torchTripletMarginReference(opts: TorchTripletMarginOptions): ReferenceModel {
  const { batch: n, dim, margin = 1, p = 2, eps = 1e-6, reduction = 'mean', dtype = 'float32' } = opts;
  const g = new GraphBuilder({ name: 'torch_triplet_margin_reference' });
  const a = g.input('anchor', dtype, [n, dim]);
  const pos = g.input('positive', dtype, [n, dim]);
  const neg = g.input('negative', dtype, [n, dim]);
  const dPos = pdist(g, a, pos, p, eps, 2, dtype);
  let dNeg = pdist(g, a, neg, p, eps, 2, dtype);
  if (opts.swap) dNeg = g.op('Min', [dNeg, pdist(g, pos, neg, p, eps, 2, dtype)]);
  const l = g.op('Relu', [g.op('Add', [g.op('Sub', [dPos, dNeg]), k(g, margin, dtype)])]);
  return finish(g, [a, pos, neg], [{ name: 'loss', ...torchReduce(g, l, [n], reduction, dtype) }], dtype);
}
