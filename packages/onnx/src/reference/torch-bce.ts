/**
 * Reference graphs for PyTorch's binary cross entropies, written from ONNX ops (Log, Max, Sigmoid)
 * independently of the engine (nothing traced or exported from Rosetta), from the documented formulas:
 * - `F.binary_cross_entropy(weight)` / `nn.BCELoss`: l = −w·(y·max(log x, −100) + (1 − y)·max(log(1 − x), −100));
 * - `F.binary_cross_entropy_with_logits(weight, pos_weight)` / `nn.BCEWithLogitsLoss`:
 *   l = −w·(p_c·y·log σ(x) + (1 − y)·log(1 − σ(x))), log(1 − σ(x)) written as log σ(−x);
 * then PyTorch's reduction (none / mean / sum).
 */
import { GraphBuilder } from '../builder/graph.js';
import { finish } from './gluon-common.js';
import { k, torchReduce, type TorchReferenceBase } from './torch-common.js';
import type { ReferenceModel } from './types.js';

export interface TorchBceOptions extends TorchReferenceBase {
  shape: readonly number[];
  /** Shape of a `weight` input (broadcast to the loss); omit for none. */
  weightShape?: readonly number[];
}

/** Inputs `input` (probabilities), `target`, `weight` when given; output `loss`. */
export function torchBceReference(opts: TorchBceOptions): ReferenceModel {
  const { shape, reduction = 'mean', dtype = 'float32' } = opts;
  const g = new GraphBuilder({ name: 'torch_bce_reference' });
  const x = g.input('input', dtype, shape);
  const y = g.input('target', dtype, shape);
  const inputs = [x, y];
  const w = opts.weightShape ? g.input('weight', dtype, opts.weightShape) : null;
  if (w) inputs.push(w);
  const one = k(g, 1, dtype);
  const clampedLog = (v: string): string => g.op('Max', [g.op('Log', [v]), k(g, -100, dtype)]);
  const sum = g.op('Add', [g.op('Mul', [y, clampedLog(x)]), g.op('Mul', [g.op('Sub', [one, y]), clampedLog(g.op('Sub', [one, x]))])]);
  let l = g.op('Neg', [sum]);
  if (w) l = g.op('Mul', [l, w]);
  return finish(g, inputs, [{ name: 'loss', ...torchReduce(g, l, shape, reduction, dtype) }], dtype);
}

export interface TorchBceWithLogitsOptions extends TorchReferenceBase {
  shape: readonly number[];
  weightShape?: readonly number[];
  /** Shape of a `pos_weight` input (e.g. [C]); omit for none. */
  posWeightShape?: readonly number[];
}

/** Inputs `input` (logits), `target`, then `weight`, `pos_weight` when given; output `loss`. */
export function torchBceWithLogitsReference(opts: TorchBceWithLogitsOptions): ReferenceModel {
  const { shape, reduction = 'mean', dtype = 'float32' } = opts;
  const g = new GraphBuilder({ name: 'torch_bce_with_logits_reference' });
  const x = g.input('input', dtype, shape);
  const y = g.input('target', dtype, shape);
  const inputs = [x, y];
  const w = opts.weightShape ? g.input('weight', dtype, opts.weightShape) : null;
  if (w) inputs.push(w);
  const pw = opts.posWeightShape ? g.input('pos_weight', dtype, opts.posWeightShape) : null;
  if (pw) inputs.push(pw);
  const logSig = (v: string): string => g.op('Log', [g.op('Sigmoid', [v])]);
  let pos = g.op('Mul', [y, logSig(x)]);
  if (pw) pos = g.op('Mul', [pos, pw]);
  const negTerm = g.op('Mul', [g.op('Sub', [k(g, 1, dtype), y]), logSig(g.op('Neg', [x]))]);
  let l = g.op('Neg', [g.op('Add', [pos, negTerm])]);
  if (w) l = g.op('Mul', [l, w]);
  return finish(g, inputs, [{ name: 'loss', ...torchReduce(g, l, shape, reduction, dtype) }], dtype);
}
