/**
 * Reference graphs for Gluon's metric-learning losses, written from ONNX ops independently of
 * the engine (nothing traced or exported from Rosetta), from the documented formulas:
 * - `gluon.loss.TripletLoss(margin)`: max(0, Σ_{non-batch axes}[(positive − pred)² − (negative − pred)²] + margin)
 *   — squared L2 distances summed, no square root; output (N,).
 * - `gluon.loss.SDMLLoss(smoothing_parameter=s)` on x1, x2 (N, D): d_ij = Σ_k (x1_ik − x2_jk)²,
 *   log p = log_softmax(−d, axis 1), labels y = I·(1 − s) + (1 − I)·s/(N − 1), and the KL terms
 *   y·(log(y + 1e−12) − log p) of Gluon's `KLDivLoss(from_logits=True)`: (N, N) elementwise, and
 *   Gluon's output (N,) is their mean over axis 1 (the `{ batchAxis: 0 }` reduction).
 */
import { GraphBuilder } from '../builder/graph.js';
import { finish, gluonReduce, scalar, type GluonReduction } from './gluon-common.js';
import type { FloatDType } from './torch-common.js';
import type { ReferenceModel } from './types.js';

export interface GluonTripletOptions {
  /** Float dtype of the graph's inputs, constants and outputs; default float32. */
  dtype?: FloatDType;
  /** Shape of pred, positive and negative (batch axis 0). */
  shape: readonly number[];
  margin: number;
  reduction: GluonReduction;
}

/** Inputs `pred`, `positive`, `negative`; output `loss` (N,). */
export function gluonTripletReference(opts: GluonTripletOptions): ReferenceModel {
  const dtype = opts.dtype ?? 'float32';
  const { shape, margin, reduction } = opts;
  const g = new GraphBuilder({ name: 'gluon_triplet_reference' });
  const pred = g.input('pred', dtype, shape);
  const pos = g.input('positive', dtype, shape);
  const neg = g.input('negative', dtype, shape);
  const sq = (a: string): string => g.op('Pow', [g.op('Sub', [a, pred]), scalar(g, 2, dtype)]);
  const axes = shape.map((_, i) => i).slice(1);
  const diff = g.op('Sub', [sq(pos), sq(neg)]);
  const summed = axes.length ? g.op('ReduceSum', [diff, g.int64s(axes, 'axes')], { keepdims: 0 }) : diff;
  const l = g.op('Relu', [g.op('Add', [summed, scalar(g, margin, dtype)])]);
  const out = gluonReduce(g, l, [shape[0]!], reduction);
  return finish(g, [pred, pos, neg], [{ name: 'loss', ...out }], dtype);
}

export interface GluonSdmlOptions {
  /** Float dtype of the graph's inputs, constants and outputs; default float32. */
  dtype?: FloatDType;
  batch: number;
  dim: number;
  smoothingParameter: number;
  reduction: GluonReduction;
}

/** Inputs `x1`, `x2` (N, D); output `loss`, (N, N) for 'none', (N,) for `{ batchAxis: 0 }`. */
export function gluonSdmlReference(opts: GluonSdmlOptions): ReferenceModel {
  const dtype = opts.dtype ?? 'float32';
  const { batch: n, dim, smoothingParameter: s, reduction } = opts;
  const g = new GraphBuilder({ name: 'gluon_sdml_reference' });
  const x1 = g.input('x1', dtype, [n, dim]);
  const x2 = g.input('x2', dtype, [n, dim]);
  const rows = g.op('Unsqueeze', [x1, g.int64s([1])]); // (N, 1, D)
  const cols = g.op('Unsqueeze', [x2, g.int64s([0])]); // (1, N, D)
  const d = g.op('Sub', [rows, cols]);
  const dist = g.op('ReduceSum', [g.op('Mul', [d, d]), g.int64s([2], 'axes')], { keepdims: 0 }); // (N, N)
  const logp = g.op('LogSoftmax', [g.op('Neg', [dist])], { axis: 1 });
  const eye = g.op('EyeLike', [dist]);
  const off = g.op('Sub', [scalar(g, 1, dtype), eye]);
  const labels = g.op('Add', [g.op('Mul', [eye, scalar(g, 1 - s, dtype)]), g.op('Mul', [off, scalar(g, s / (n - 1), dtype)])]);
  const kl = g.op('Mul', [labels, g.op('Sub', [g.op('Log', [g.op('Add', [labels, scalar(g, 1e-12, dtype)])]), logp])]);
  const out = gluonReduce(g, kl, [n, n], reduction);
  return finish(g, [x1, x2], [{ name: 'loss', ...out }], dtype);
}
