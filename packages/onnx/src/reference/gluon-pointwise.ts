/**
 * Reference graphs for Gluon's elementwise losses — `gluon.loss.L2Loss`, `HingeLoss`,
 * `SquaredHingeLoss` and `LogisticLoss` (MXNet 1.x) — written from ONNX ops independently of the
 * engine (nothing traced or exported from Rosetta), from the documented formulas:
 * - L2Loss: ½·(label − pred)²
 * - HingeLoss(margin): max(0, margin − pred·label)
 * - SquaredHingeLoss(margin): max(0, margin − pred·label)²
 * - LogisticLoss(label_format='signed'): log(1 + exp(−pred·label)) (ONNX `Softplus`);
 *   label_format='binary' (z ∈ {0, 1}): the stable max(pred, 0) − pred·z + log(1 + exp(−|pred|)).
 * Then 'none' (elementwise) or Gluon's per-sample mean over every axis but 0.
 * Inputs `pred`, `label` of the same shape; output `loss`.
 */
import { GraphBuilder } from '../builder/graph.js';
import { finish, gluonReduce, scalar, type GluonReduction } from './gluon-common.js';
import type { FloatDType } from './torch-common.js';
import type { ReferenceModel } from './types.js';

export type GluonPointwiseLoss =
  | { kind: 'l2' }
  | { kind: 'hinge'; margin: number }
  | { kind: 'squared_hinge'; margin: number }
  | { kind: 'logistic'; labelFormat: 'signed' | 'binary' };

export interface GluonPointwiseOptions {
  /** Float dtype of the graph's inputs, constants and outputs; default float32. */
  dtype?: FloatDType;
  loss: GluonPointwiseLoss;
  /** Shape of pred and label (batch axis 0). */
  shape: readonly number[];
  reduction: GluonReduction;
}

export function gluonPointwiseReference(opts: GluonPointwiseOptions): ReferenceModel {
  const dtype = opts.dtype ?? 'float32';
  const { loss, shape, reduction } = opts;
  const g = new GraphBuilder({ name: `gluon_${loss.kind}_reference` });
  const pred = g.input('pred', dtype, shape);
  const label = g.input('label', dtype, shape);
  let l: string;
  switch (loss.kind) {
    case 'l2': {
      const d = g.op('Sub', [label, pred]);
      l = g.op('Mul', [scalar(g, 0.5, dtype), g.op('Mul', [d, d])]);
      break;
    }
    case 'hinge':
    case 'squared_hinge': {
      const h = g.op('Relu', [g.op('Sub', [scalar(g, loss.margin, dtype), g.op('Mul', [pred, label])])]);
      l = loss.kind === 'hinge' ? h : g.op('Mul', [h, h]);
      break;
    }
    case 'logistic': {
      if (loss.labelFormat === 'signed') {
        l = g.op('Softplus', [g.op('Neg', [g.op('Mul', [pred, label])])]);
      } else {
        const stable = g.op('Softplus', [g.op('Neg', [g.op('Abs', [pred])])]);
        l = g.op('Add', [g.op('Sub', [g.op('Relu', [pred]), g.op('Mul', [pred, label])]), stable]);
      }
      break;
    }
  }
  const out = gluonReduce(g, l, shape, reduction);
  return finish(g, [pred, label], [{ name: 'loss', ...out }], dtype);
}
