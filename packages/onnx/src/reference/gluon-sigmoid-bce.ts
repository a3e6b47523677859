/**
 * Reference graph for `gluon.loss.SigmoidBinaryCrossEntropyLoss(from_sigmoid)` (`SigmoidBCELoss`,
 * forward `(pred, label, sample_weight=None, pos_weight=None)`, MXNet 1.x), written from ONNX ops
 * independently of the engine (nothing traced or exported from Rosetta), from Gluon's formulas:
 * - from_sigmoid=False, no pos_weight: relu(x) − x·z + softrelu(−|x|)   (softrelu = ONNX `Softplus`)
 * - from_sigmoid=False, pos_weight w: x − x·z + (1 + (w − 1)·z)·(softrelu(−|x|) + relu(−x))
 * - from_sigmoid=True (p = x): −(log(p + 1e−12)·z·w + log(1 − p + 1e−12)·(1 − z)), w = 1 without pos_weight
 * Then 'none' or Gluon's per-sample mean over every axis but 0.
 * Inputs `pred`, `label` (same shape) and `pos_weight` (broadcast against pred) when given; output `loss`.
 */
import { GraphBuilder } from '../builder/graph.js';
import { finish, gluonReduce, scalar, type GluonReduction } from './gluon-common.js';
import type { FloatDType } from './torch-common.js';
import type { ReferenceModel } from './types.js';

export interface GluonSigmoidBceOptions {
  /** Float dtype of the graph's inputs, constants and outputs; default float32. */
  dtype?: FloatDType;
  shape: readonly number[];
  fromSigmoid: boolean;
  /** Shape of the `pos_weight` input; omit for none. */
  posWeightShape?: readonly number[];
  reduction: GluonReduction;
}

export function gluonSigmoidBceReference(opts: GluonSigmoidBceOptions): ReferenceModel {
  const dtype = opts.dtype ?? 'float32';
  const { shape, fromSigmoid, posWeightShape, reduction } = opts;
  const g = new GraphBuilder({ name: 'gluon_sigmoid_bce_reference' });
  const x = g.input('pred', dtype, shape);
  const z = g.input('label', dtype, shape);
  const inputs = [x, z];
  const w = posWeightShape ? g.input('pos_weight', dtype, posWeightShape) : null;
  if (w) inputs.push(w);
  let l: string;
  if (!fromSigmoid) {
    const softrelu = g.op('Softplus', [g.op('Neg', [g.op('Abs', [x])])]);
    if (!w) {
      l = g.op('Add', [g.op('Sub', [g.op('Relu', [x]), g.op('Mul', [x, z])]), softrelu]);
    } else {
      const one = scalar(g, 1, dtype);
      const logWeight = g.op('Add', [one, g.op('Mul', [g.op('Sub', [w, one]), z])]);
      const tail = g.op('Add', [softrelu, g.op('Relu', [g.op('Neg', [x])])]);
      l = g.op('Add', [g.op('Sub', [x, g.op('Mul', [x, z])]), g.op('Mul', [logWeight, tail])]);
    }
  } else {
    const one = scalar(g, 1, dtype);
    const eps = scalar(g, 1e-12, dtype);
    let pos = g.op('Mul', [g.op('Log', [g.op('Add', [x, eps])]), z]);
    if (w) pos = g.op('Mul', [pos, w]);
    const negTerm = g.op('Mul', [g.op('Log', [g.op('Add', [g.op('Sub', [one, x]), eps])]), g.op('Sub', [one, z])]);
    l = g.op('Neg', [g.op('Add', [pos, negTerm])]);
  }
  const out = gluonReduce(g, l, shape, reduction);
  return finish(g, inputs, [{ name: 'loss', ...out }], dtype);
}
