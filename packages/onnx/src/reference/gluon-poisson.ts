/**
 * Reference graph for `gluon.loss.PoissonNLLLoss(from_logits=True, compute_full=False)` (forward
 * `(pred, target, sample_weight=None, epsilon=1e-08)`, MXNet 1.x), written from ONNX ops
 * independently of the engine (nothing traced or exported from Rosetta), from the documented formula:
 * from_logits: exp(pred) − target·pred; else pred − target·log(pred + epsilon); compute_full adds
 * the Stirling term target·log(target) − target + ½·log(2π·target) where target > 1.
 * The mask is an ONNX `Where`, so entries with target ≤ 1 add exactly 0. NOTE: Gluon multiplies by
 * the mask after taking log(target), which gives 0·(−inf) = NaN at target = 0; the engine (and this
 * graph) follow the intended masked-to-0 value, as PyTorch does.
 * Then 'none' or Gluon's per-sample mean over every axis but 0. Inputs `pred`, `target`; output `loss`.
 */
import { GraphBuilder } from '../builder/graph.js';
import { finish, gluonReduce, scalar, type GluonReduction } from './gluon-common.js';
import type { FloatDType } from './torch-common.js';
import type { ReferenceModel } from './types.js';

export interface GluonPoissonOptions {
  /** Float dtype of the graph's inputs, constants and outputs; default float32. */
  dtype?: FloatDType;
  shape: readonly number[];
  fromLogits?: boolean;
  computeFull?: boolean;
  epsilon?: number;
  reduction: GluonReduction;
}

export function gluonPoissonNllReference(opts: GluonPoissonOptions): ReferenceModel {
  const dtype = opts.dtype ?? 'float32';
  const { shape, fromLogits = true, computeFull = false, epsilon = 1e-8, reduction } = opts;
  const g = new GraphBuilder({ name: 'gluon_poisson_nll_reference' });
  const pred = g.input('pred', dtype, shape);
  const t = g.input('target', dtype, shape);
  let l = fromLogits
    ? g.op('Sub', [g.op('Exp', [pred]), g.op('Mul', [t, pred])])
    : g.op('Sub', [pred, g.op('Mul', [t, g.op('Log', [g.op('Add', [pred, scalar(g, epsilon, dtype)])])])]);
  if (computeFull) {
    const stirling = g.op('Add', [
      g.op('Sub', [g.op('Mul', [t, g.op('Log', [t])]), t]),
      g.op('Mul', [scalar(g, 0.5, dtype), g.op('Log', [g.op('Mul', [t, scalar(g, 2 * Math.PI, dtype)])])]),
    ]);
    l = g.op('Add', [l, g.op('Where', [g.op('Greater', [t, scalar(g, 1, dtype)]), stirling, scalar(g, 0, dtype)])]);
  }
  const out = gluonReduce(g, l, shape, reduction);
  return finish(g, [pred, t], [{ name: 'loss', ...out }], dtype);
}
