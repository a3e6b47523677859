/**
 * Reference graph for `gluon.loss.CosineEmbeddingLoss(margin=0)` (forward
 * `(input1, input2, label, sample_weight=None)`, MXNet 1.9), written from ONNX ops (ReduceSum,
 * Sqrt, Max, Clip, Where) independently of the engine (nothing traced or exported from Rosetta),
 * from the documented formula: inputs (N, D), label (N,) of ±1,
 * cos = Σ x1·x2 / max(‖x1‖·‖x2‖, 1e−12) over the last axis, as rows (N, 1);
 * loss = 1 − cos where label = 1, else clip(cos − margin, 0, 1 − margin).
 * NOTE: unlike PyTorch's `cosine_embedding_loss`, no eps inside the norms and an upper clip at 1 − margin.
 * Then 'none' ((N, 1)) or Gluon's per-sample mean over every axis but 0 ((N,)).
 * Inputs `input1`, `input2` (N, D), `label` (N,); output `loss`.
 */
import { GraphBuilder } from '../builder/graph.js';
import { finish, gluonReduce, scalar, type GluonReduction } from './gluon-common.js';
import type { FloatDType } from './torch-common.js';
import type { ReferenceModel } from './types.js';

export interface GluonCosineEmbeddingOptions {
  /** Float dtype of the graph's inputs, constants and outputs; default float32. */
  dtype?: FloatDType;
  batch: number;
  dim: number;
  /** Default 0. */
  margin?: number;
  reduction: GluonReduction;
}

export function gluonCosineEmbeddingReference(opts: GluonCosineEmbeddingOptions): ReferenceModel {
  const dtype = opts.dtype ?? 'float32';
  const { batch: n, dim: d, margin = 0, reduction } = opts;
  const g = new GraphBuilder({ name: 'gluon_cosine_embedding_reference' });
  const a = g.input('input1', dtype, [n, d]);
  const b = g.input('input2', dtype, [n, d]);
  const label = g.input('label', dtype, [n]);
  const rowSum = (v: string): string => g.op('ReduceSum', [v, g.int64s([1], 'axes')], { keepdims: 1 }); // (N, 1)
  const norm = (v: string): string => g.op('Sqrt', [rowSum(g.op('Mul', [v, v]))]);
  const denom = g.op('Max', [g.op('Mul', [norm(a), norm(b)]), scalar(g, 1e-12, dtype)]);
  const cos = g.op('Div', [rowSum(g.op('Mul', [a, b])), denom]); // (N, 1)
  const y = g.op('Reshape', [label, g.int64s([n, 1])]);
  const pos = g.op('Sub', [scalar(g, 1, dtype), cos]);
  const neg = g.op('Clip', [g.op('Sub', [cos, scalar(g, margin, dtype)]), scalar(g, 0, dtype), scalar(g, 1 - margin, dtype)]);
  const l = g.op('Where', [g.op('Equal', [y, scalar(g, 1, dtype)]), pos, neg]);
  const out = gluonReduce(g, l, [n, 1], reduction);
  return finish(g, [a, b, label], [{ name: 'loss', ...out }], dtype);
}
