/**
 * Reference graph for PyTorch `F.cosine_embedding_loss(margin)` / `nn.CosineEmbeddingLoss`,
 * written from ONNX ops (ReduceSum, Sqrt, Where, Relu) independently of the engine (nothing traced
 * or exported from Rosetta), from the documented formula: inputs (N, D), target (N) ±1,
 * cos = Σ x1·x2 / √((Σ x1² + 1e−12)·(Σ x2² + 1e−12)) over D (PyTorch's EPSILON guard),
 * l = 1 − cos where y = 1, max(0, cos − margin) where y = −1; then none / mean / sum.
 */
import { GraphBuilder } from '../builder/graph.js';
import { finish } from './gluon-common.js';
import { k, sumAxes, torchReduce, type TorchReferenceBase } from './torch-common.js';
import type { ReferenceModel } from './types.js';

export interface TorchCosineEmbeddingOptions extends TorchReferenceBase {
  batch: number;
  dim: number;
  margin?: number;
}

/** Inputs `input1`, `input2` (N, D), `target` (N); output `loss`. */
export function torchCosineEmbeddingReference(opts: TorchCosineEmbeddingOptions): ReferenceModel {
  const { batch: n, dim: d, margin = 0, reduction = 'mean', dtype = 'float32' } = opts;
  const g = new GraphBuilder({ name: 'torch_cosine_embedding_reference' });
  const a = g.input('input1', dtype, [n, d]);
  const b = g.input('input2', dtype, [n, d]);
  const y = g.input('target', dtype, [n]);
  const dot = sumAxes(g, g.op('Mul', [a, b]), [1]);
  const sq = (v: string): string => g.op('Add', [sumAxes(g, g.op('Mul', [v, v]), [1]), k(g, 1e-12, dtype)]);
  const cos = g.op('Div', [dot, g.op('Sqrt', [g.op('Mul', [sq(a), sq(b)])])]);
  const pos = g.op('Sub', [k(g, 1, dtype), cos]);
  const neg = g.op('Relu', [g.op('Sub', [cos, k(g, margin, dtype)])]);
  const zero = k(g, 0, dtype);
  const l = g.op('Where', [g.op('Equal', [y, k(g, 1, dtype)]), pos, g.op('Where', [g.op('Equal', [y, k(g, -1, dtype)]), neg, zero])]);
  return finish(g, [a, b, y], [{ name: 'loss', ...torchReduce(g, l, [n], reduction, dtype) }], dtype);
}
