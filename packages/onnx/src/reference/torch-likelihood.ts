/**
 * Reference graphs for PyTorch's divergence and likelihood losses, written from ONNX ops (Log, Exp,
 * Where, Max, Reduce*) independently of the engine (nothing traced or exported from Rosetta), from
 * the documented formulas:
 * - `F.kl_div(log_target)` / `nn.KLDivLoss`: y·(log y − x) (0 where y = 0), or e^y·(y − x) with
 *   log_target; reductions none / mean (every element) / sum / batchmean (sum / size of dim 0);
 * - `F.poisson_nll_loss(log_input, full, eps=1e-8)` / `nn.PoissonNLLLoss`: e^x − y·x (log_input) or
 *   x − y·log(x + eps); `full` adds the Stirling term y·log y − y + 0.5·log(2πy) where y > 1;
 * - `F.gaussian_nll_loss(full, eps=1e-6)` / `nn.GaussianNLLLoss`: v = max(var, eps),
 *   0.5·(log v + (x − y)²/v) (+ 0.5·log 2π with `full`); var broadcast to the input's shape.
 */
import { GraphBuilder } from '../builder/graph.js';
import { finish } from './gluon-common.js';
import { k, torchReduce, type TorchReferenceBase } from './torch-common.js';
import type { ReferenceModel } from './types.js';

export interface TorchKlDivOptions extends TorchReferenceBase {
  shape: readonly number[];
  logTarget?: boolean;
}

/** Inputs `input` (log-probabilities), `target`; output `loss`. */
export function torchKlDivReference(opts: TorchKlDivOptions): ReferenceModel {
  const { shape, reduction = 'mean', dtype = 'float32' } = opts;
  const g = new GraphBuilder({ name: 'torch_kl_div_reference' });
  const x = g.input('input', dtype, shape);
  const y = g.input('target', dtype, shape);
  const l = opts.logTarget
    ? g.op('Mul', [g.op('Exp', [y]), g.op('Sub', [y, x])])
    : g.op('Where', [g.op('Equal', [y, k(g, 0, dtype)]), k(g, 0, dtype), g.op('Mul', [y, g.op('Sub', [g.op('Log', [y]), x])])]);
  return finish(g, [x, y], [{ name: 'loss', ...torchReduce(g, l, shape, reduction, dtype) }], dtype);
}

export interface TorchPoissonNllOptions extends TorchReferenceBase {
  shape: readonly number[];
  /** Default true. */
  logInput?: boolean;
  full?: boolean;
  /** Default 1e-8. */
  eps?: number;
}

/** Inputs `input`, `target`; output `loss`. */
export function torchPoissonNllReference(opts: TorchPoissonNllOptions): ReferenceModel {
  const { shape, logInput = true, eps = 1e-8, reduction = 'mean', dtype = 'float32' } = opts;
  const g = new GraphBuilder({ name: 'torch_poisson_nll_reference' });
  const x = g.input('input', dtype, shape);
  const y = g.input('target', dtype, shape);
  let l = logInput
    ? g.op('Sub', [g.op('Exp', [x]), g.op('Mul', [y, x])])
    : g.op('Sub', [x, g.op('Mul', [y, g.op('Log', [g.op('Add', [x, k(g, eps, dtype)])])])]);
  if (opts.full) {
    const stirling = g.op('Add', [g.op('Sub', [g.op('Mul', [y, g.op('Log', [y])]), y]), g.op('Mul', [k(g, 0.5, dtype), g.op('Log', [g.op('Mul', [k(g, 2 * Math.PI, dtype), y])])])]);
    l = g.op('Add', [l, g.op('Where', [g.op('Greater', [y, k(g, 1, dtype)]), stirling, k(g, 0, dtype)])]);
  }
  return finish(g, [x, y], [{ name: 'loss', ...torchReduce(g, l, shape, reduction, dtype) }], dtype);
}

export interface TorchGaussianNllOptions extends TorchReferenceBase {
  shape: readonly number[];
  /** Shape of `var` (broadcasts to `shape`). */
  varShape: readonly number[];
  full?: boolean;
  /** Default 1e-6. */
  eps?: number;
}

/** Inputs `input`, `target`, `var`; output `loss`. */
export function torchGaussianNllReference(opts: TorchGaussianNllOptions): ReferenceModel {
  const { shape, varShape, eps = 1e-6, reduction = 'mean', dtype = 'float32' } = opts;
  const g = new GraphBuilder({ name: 'torch_gaussian_nll_reference' });
  const x = g.input('input', dtype, shape);
  const y = g.input('target', dtype, shape);
  const v0 = g.input('var', dtype, varShape);
  const v = g.op('Max', [v0, k(g, eps, dtype)]);
  const d = g.op('Sub', [x, y]);
  let l = g.op('Mul', [k(g, 0.5, dtype), g.op('Add', [g.op('Log', [v]), g.op('Div', [g.op('Mul', [d, d]), v])])]);
  if (opts.full) l = g.op('Add', [l, k(g, 0.5 * Math.log(2 * Math.PI), dtype)]);
  return finish(g, [x, y, v0], [{ name: 'loss', ...torchReduce(g, l, shape, reduction, dtype) }], dtype);
}
