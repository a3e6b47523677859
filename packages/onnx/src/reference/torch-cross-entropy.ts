/**
 * Reference graphs for PyTorch `F.cross_entropy` / `nn.CrossEntropyLoss(weight, ignore_index,
 * reduction, label_smoothing)`, written from ONNX ops independently of the engine (nothing traced
 * or exported from Rosetta), from the documented formulas, logp = log_softmax(x) over the class
 * axis 1, input (N, C, d1…dK):
 * - class indices without smoothing: ONNX's own `SoftmaxCrossEntropyLoss` (weight, ignore_index,
 *   K-dim), whose definition is PyTorch's (mean = Σ l / Σ w[y] over non-ignored targets), or with
 *   `viaNll` ONNX's `LogSoftmax` then `NegativeLogLikelihoodLoss` (cross_entropy = log_softmax + nll_loss);
 * - class indices with label smoothing ε, from LogSoftmax / GatherElements / ReduceSum:
 *   l = (1 − ε)·(−w[y]·logp[y]) + (ε/C)·(−Σ_c w_c·logp_c), 0 where y = ignore_index;
 *   'mean' divides Σ l by Σ w[y] over the non-ignored targets (both terms, as PyTorch);
 * - class probabilities y (input's shape): y' = (1 − ε)·y + ε/C, l = −Σ_c w_c·y'_c·logp_c;
 *   'mean' divides by the number of l (weights not in it).
 */
import { GraphBuilder } from '../builder/graph.js';
import { finish } from './gluon-common.js';
import { k, sumAxes, toFloat, torchReduce, type TorchReferenceBase } from './torch-common.js';
import type { ReferenceModel } from './types.js';

export interface TorchCrossEntropyOptions extends TorchReferenceBase {
  /** Input shape (N, C, d1…dK). */
  shape: readonly number[];
  /** 'indices' (target (N, d1…dK) int64) or 'probabilities' (target of the input's shape). */
  target: 'indices' | 'probabilities';
  /** Adds a `weight` input (C,). */
  weighted?: boolean;
  /** Indices only; default −100 (PyTorch). */
  ignoreIndex?: number;
  labelSmoothing?: number;
  /**
   * Index targets without smoothing use ONNX's `SoftmaxCrossEntropyLoss` unless this is set;
   * with it (or with smoothing) the graph is written from LogSoftmax / GatherElements / ReduceSum.
   */
  explicit?: boolean;
  /** Index targets without smoothing: LogSoftmax + ONNX's `NegativeLogLikelihoodLoss` instead. */
  viaNll?: boolean;
}

/** Inputs `input`, `target`, `weight` (C) when weighted; output `loss`. */
export function torchCrossEntropyReference(opts: TorchCrossEntropyOptions): ReferenceModel {
  const { shape, reduction = 'mean', dtype = 'float32', ignoreIndex = -100, labelSmoothing: eps = 0 } = opts;
  if (reduction === 'batchmean') throw new Error('cross_entropy has no batchmean');
  const c = shape[1]!;
  const spatial = shape.slice(2);
  const lossShape = [shape[0]!, ...spatial];
  const g = new GraphBuilder({ name: 'torch_cross_entropy_reference' });
  const x = g.input('input', dtype, shape);
  const indices = opts.target === 'indices';
  const t = g.input('target', indices ? 'int64' : dtype, indices ? lossShape : shape);
  const inputs = [x, t];
  const w = opts.weighted ? g.input('weight', dtype, [c]) : null;
  if (w) inputs.push(w);

  if (indices && eps === 0 && !opts.explicit) {
    const loss = opts.viaNll
      ? g.node('NegativeLogLikelihoodLoss', [g.op('LogSoftmax', [x], { axis: 1 }), ...inputs.slice(1)], 1, { reduction, ignore_index: ignoreIndex })[0]!
      : g.node('SoftmaxCrossEntropyLoss', inputs, 1, { reduction, ignore_index: ignoreIndex })[0]!;
    return finish(g, inputs, [{ name: 'loss', value: loss, shape: reduction === 'none' ? lossShape : [] }], dtype);
  }

  const logp = g.op('LogSoftmax', [x], { axis: 1 });
  // weight broadcast along the class axis: (1, C, 1…1)
  const wc = w ? g.op('Reshape', [w, g.int64s([1, c, ...spatial.map(() => 1)])]) : null;
  const wlogp = wc ? g.op('Mul', [logp, wc]) : logp;
  const smoothSum = sumAxes(g, wlogp, [1]); // Σ_c w_c·logp_c, (N, d…)
  if (!indices) {
    const y = eps === 0 ? t : g.op('Add', [g.op('Mul', [t, k(g, 1 - eps, dtype)]), k(g, eps / c, dtype)]);
    const l = g.op('Neg', [sumAxes(g, g.op('Mul', [wlogp, y]), [1])]);
    return finish(g, inputs, [{ name: 'loss', ...torchReduce(g, l, lossShape, reduction, dtype) }], dtype);
  }
  const keep = g.op('Not', [g.op('Equal', [t, g.constant('int64', [], [ignoreIndex], 'ignore_index')])]);
  const keepF = toFloat(g, keep, dtype);
  const safe = g.op('Where', [keep, t, g.constant('int64', [], [0], 'zero')]);
  const picked = g.op('Squeeze', [g.op('GatherElements', [logp, g.op('Unsqueeze', [safe, g.int64s([1])])], { axis: 1 }), g.int64s([1])]);
  const wy = g.op('Mul', [w ? g.op('Gather', [w, safe], { axis: 0 }) : k(g, 1, dtype), keepF]); // w[y]·1{kept}, (N, d…)
  const nll = g.op('Neg', [g.op('Mul', [picked, wy])]);
  const smooth = g.op('Neg', [g.op('Mul', [smoothSum, keepF])]);
  const l = g.op('Add', [g.op('Mul', [nll, k(g, 1 - eps, dtype)]), g.op('Mul', [smooth, k(g, eps / c, dtype)])]);
  if (reduction !== 'mean') return finish(g, inputs, [{ name: 'loss', ...torchReduce(g, l, lossShape, reduction, dtype) }], dtype);
  const mean = g.op('Div', [g.op('ReduceSum', [l], { keepdims: 0 }), g.op('ReduceSum', [wy], { keepdims: 0 })]);
  return finish(g, inputs, [{ name: 'loss', value: mean, shape: [] }], dtype);
}
