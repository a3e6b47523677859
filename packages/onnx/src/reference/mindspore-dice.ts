/**
 * Reference graphs for MindSpore's dice losses (2.3), written from ONNX ops independently of the
 * engine (nothing traced or exported from Rosetta), from the documented formulas:
 * - `nn.DiceLoss(smooth=1e-5)`: everything flattened, 1 − 2·Σ(p·q) / (Σp² + Σq² + smooth); 0-d, no reduction.
 * - `nn.MultiClassDiceLoss(weights=None, ignore_indiex=None, activation='softmax')` on (N, C):
 *   p = softmax(logits, −1), then Σ_i w_i·DiceLoss(p[:, i], label[:, i]) / C with the inner smooth
 *   1e−5; with `weights` (C, dim) class i's loss is multiplied by row i, giving (dim,); else 0-d.
 */
import { GraphBuilder } from '../builder/graph.js';
import { finish, scalar } from './gluon-common.js';
import type { FloatDType } from './torch-common.js';
import type { ReferenceModel } from './types.js';

/** 1 − 2·Σ(p·q)/(Σp² + Σq² + smooth) over the given axes (all when `axes` is omitted), keepdims 0. */
function dice(g: GraphBuilder, p: string, q: string, smooth: number, dtype: FloatDType, axes?: number[]): string {
  const sum = (v: string): string => g.op('ReduceSum', axes ? [v, g.int64s(axes, 'axes')] : [v], { keepdims: 0 });
  const inter = sum(g.op('Mul', [p, q]));
  const union = g.op('Add', [sum(g.op('Mul', [p, p])), sum(g.op('Mul', [q, q]))]);
  return g.op('Sub', [scalar(g, 1, dtype), g.op('Div', [g.op('Mul', [scalar(g, 2, dtype), inter]), g.op('Add', [union, scalar(g, smooth, dtype)])])]);
}

export interface MindSporeDiceOptions {
  /** Float dtype of the graph's inputs, constants and outputs; default float32. */
  dtype?: FloatDType;
  shape: readonly number[];
  smooth?: number;
}

/** Inputs `logits`, `labels` (same shape); output `loss` (0-d). */
export function mindsporeDiceReference(opts: MindSporeDiceOptions): ReferenceModel {
  const dtype = opts.dtype ?? 'float32';
  const g = new GraphBuilder({ name: 'mindspore_dice_reference' });
  const p = g.input('logits', dtype, opts.shape);
  const q = g.input('labels', dtype, opts.shape);
  return finish(g, [p, q], [{ name: 'loss', value: dice(g, p, q, opts.smooth ?? 1e-5, dtype), shape: [] }], dtype);
}

export interface MindSporeMultiClassDiceOptions {
  /** Float dtype of the graph's inputs, constants and outputs; default float32. */
  dtype?: FloatDType;
  batch: number;
  classes: number;
  /** `dim` of a `weights` input (classes, dim); omit for no weights. */
  weightDim?: number;
}

/**
 * Inputs `logits`, `labels` (N, C) and `weights` (C, dim) when weighted; output `loss`, 0-d or (dim,).
 * Per-class dice over axis 0 of the softmaxed logits (one ReduceSum per class column, all at once),
 * then Σ_i w_i·dice_i / C (the (C, 1) dice column times the (C, dim) weights, summed over C).
 */
export function mindsporeMultiClassDiceReference(opts: MindSporeMultiClassDiceOptions): ReferenceModel {
  const dtype = opts.dtype ?? 'float32';
  const { batch, classes, weightDim } = opts;
  const g = new GraphBuilder({ name: 'mindspore_multiclass_dice_reference' });
  const logits = g.input('logits', dtype, [batch, classes]);
  const labels = g.input('labels', dtype, [batch, classes]);
  const inputs = [logits, labels];
  const weights = weightDim !== undefined ? g.input('weights', dtype, [classes, weightDim]) : null;
  if (weights) inputs.push(weights);
  const p = g.op('Softmax', [logits], { axis: -1 });
  const perClass = dice(g, p, labels, 1e-5, dtype, [0]); // (C,)
  // Σ_i dice_i·w_i as Mul + ReduceSum over C: ORT's MatMul of a (C,) double vector by (C, dim) was off by ~1e-8 relative.
  const total = weights
    ? g.op('ReduceSum', [g.op('Mul', [g.op('Unsqueeze', [perClass, g.int64s([1])]), weights]), g.int64s([0], 'axes')], { keepdims: 0 })
    : g.op('ReduceSum', [perClass], { keepdims: 0 });
  const loss = g.op('Div', [total, scalar(g, classes, dtype)]);
  return finish(g, inputs, [{ name: 'loss', value: loss, shape: weights ? [weightDim!] : [] }], dtype);
}
