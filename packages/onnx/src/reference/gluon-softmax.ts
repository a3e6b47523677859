/**
 * Reference graphs for Gluon's softmax-family losses, written from ONNX ops independently of the
 * engine (nothing traced or exported from Rosetta), from the documented formulas (MXNet 1.x):
 * - `gluon.loss.SoftmaxCrossEntropyLoss(axis=-1, sparse_label=True, from_logits=False)`: with
 *   p = log_softmax(pred, axis) (pred itself when from_logits — Gluon's from_logits means
 *   log-probabilities), sparse: −pick(p, label, axis, keepdims=True) (ONNX `GatherElements`),
 *   dense: −Σ_axis label·p (keepdims). The class axis stays as size 1.
 * - `gluon.loss.KLDivLoss(from_logits=True, axis=-1)`: label·(log(label + 1e−12) − p), p = pred
 *   (log-probabilities) or log_softmax(pred, axis) when from_logits is False.
 * Then 'none' or Gluon's per-sample mean over every axis but 0.
 */
import { GraphBuilder } from '../builder/graph.js';
import { finish, gluonReduce, scalar, type GluonReduction } from './gluon-common.js';
import type { FloatDType } from './torch-common.js';
import type { ReferenceModel } from './types.js';

export interface GluonSoftmaxCeOptions {
  /** Float dtype of the graph's inputs, constants and outputs; default float32. */
  dtype?: FloatDType;
  /** Shape of pred. */
  shape: readonly number[];
  /** Class axis; default −1. */
  axis?: number;
  /** Sparse labels: int64 of pred's shape without `axis` (default true); else distributions shaped like pred. */
  sparseLabel?: boolean;
  fromLogits?: boolean;
  reduction: GluonReduction;
}

const norm = (axis: number, rank: number): number => (axis < 0 ? axis + rank : axis);

/** Inputs `pred`, `label`; output `loss`, pred's shape with the class axis 1 (or (N,) after the batch mean). */
export function gluonSoftmaxCeReference(opts: GluonSoftmaxCeOptions): ReferenceModel {
  const dtype = opts.dtype ?? 'float32';
  const { shape, sparseLabel = true, fromLogits = false, reduction } = opts;
  const axis = norm(opts.axis ?? -1, shape.length);
  const kept = shape.map((n, i) => (i === axis ? 1 : n));
  const g = new GraphBuilder({ name: 'gluon_softmax_ce_reference' });
  const pred = g.input('pred', dtype, shape);
  const label = sparseLabel ? g.input('label', 'int64', shape.filter((_, i) => i !== axis)) : g.input('label', dtype, shape);
  const logp = fromLogits ? pred : g.op('LogSoftmax', [pred], { axis });
  const l = sparseLabel
    ? g.op('Neg', [g.op('GatherElements', [logp, g.op('Unsqueeze', [label, g.int64s([axis])])], { axis })])
    : g.op('Neg', [g.op('ReduceSum', [g.op('Mul', [logp, label]), g.int64s([axis], 'axes')], { keepdims: 1 })]);
  const out = gluonReduce(g, l, kept, reduction);
  return finish(g, [pred, label], [{ name: 'loss', ...out }], dtype);
}

export interface GluonKlOptions {
  /** Float dtype of the graph's inputs, constants and outputs; default float32. */
  dtype?: FloatDType;
  shape: readonly number[];
  /** pred holds log-probabilities (default true). */
  fromLogits?: boolean;
  axis?: number;
  reduction: GluonReduction;
}

/** Inputs `pred`, `label` (same shape); output `loss`. */
export function gluonKlReference(opts: GluonKlOptions): ReferenceModel {
  const dtype = opts.dtype ?? 'float32';
  const { shape, fromLogits = true, reduction } = opts;
  const g = new GraphBuilder({ name: 'gluon_kl_reference' });
  const pred = g.input('pred', dtype, shape);
  const label = g.input('label', dtype, shape);
  const logp = fromLogits ? pred : g.op('LogSoftmax', [pred], { axis: norm(opts.axis ?? -1, shape.length) });
  const l = g.op('Mul', [label, g.op('Sub', [g.op('Log', [g.op('Add', [label, scalar(g, 1e-12, dtype)])]), logp])]);
  const out = gluonReduce(g, l, shape, reduction);
  return finish(g, [pred, label], [{ name: 'loss', ...out }], dtype);
}
