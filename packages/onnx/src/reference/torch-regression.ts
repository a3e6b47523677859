/**
 * Reference graphs for PyTorch's elementwise regression losses, written from ONNX ops (Sub, Abs,
 * Mul, Where, Less, Reduce*) independently of the engine (nothing traced or exported from Rosetta),
 * from the documented formulas, d = x − y:
 * - `F.l1_loss` / `nn.L1Loss`: |d|;
 * - `F.mse_loss` / `nn.MSELoss`: d²;
 * - `F.smooth_l1_loss(beta)` / `nn.SmoothL1Loss`: 0.5·d²/β where |d| < β, else |d| − 0.5·β;
 * - `F.huber_loss(delta)` / `nn.HuberLoss`: 0.5·d² where |d| < δ, else δ·(|d| − 0.5·δ);
 * - MindSpore `nn.RMSELoss` (the engine's `rmseLoss`): √(mean(d²)), 0-d, no reduction;
 * then PyTorch's reduction (none / mean over all elements / sum).
 * Inputs `input`, `target` (same shape); output `loss`.
 */
import { GraphBuilder } from '../builder/graph.js';
import { finish } from './gluon-common.js';
import { k, torchReduce, type TorchReferenceBase } from './torch-common.js';
import type { ReferenceModel } from './types.js';

export type TorchRegressionLoss = { kind: 'l1' } | { kind: 'mse' } | { kind: 'rmse' } | { kind: 'smooth_l1'; beta: number } | { kind: 'huber'; delta: number };

export interface TorchRegressionOptions extends TorchReferenceBase {
  loss: TorchRegressionLoss;
  shape: readonly number[];
}

export function torchRegressionReference(opts: TorchRegressionOptions): ReferenceModel {
  const { loss, shape, reduction = 'mean', dtype = 'float32' } = opts;
  const g = new GraphBuilder({ name: `torch_${loss.kind}_reference` });
  const x = g.input('input', dtype, shape);
  const y = g.input('target', dtype, shape);
  const d = g.op('Sub', [x, y]);
  const ad = g.op('Abs', [d]);
  const sq = g.op('Mul', [d, d]);
  const half = (): string => k(g, 0.5, dtype);
  let l: string;
  switch (loss.kind) {
    case 'l1': l = ad; break;
    case 'mse': l = sq; break;
    case 'rmse': {
      const out = g.op('Sqrt', [g.op('ReduceMean', [sq], { keepdims: 0 })]);
      return finish(g, [x, y], [{ name: 'loss', value: out, shape: [] }], dtype);
    }
    case 'smooth_l1': {
      const b = k(g, loss.beta, dtype);
      const quad = g.op('Div', [g.op('Mul', [half(), sq]), b]);
      const lin = g.op('Sub', [ad, g.op('Mul', [half(), b])]);
      l = g.op('Where', [g.op('Less', [ad, b]), quad, lin]);
      break;
    }
    case 'huber': {
      const dl = k(g, loss.delta, dtype);
      const quad = g.op('Mul', [half(), sq]);
      const lin = g.op('Mul', [dl, g.op('Sub', [ad, g.op('Mul', [half(), dl])])]);
      l = g.op('Where', [g.op('Less', [ad, dl]), quad, lin]);
      break;
    }
  }
  const out = torchReduce(g, l, shape, reduction, dtype);
  return finish(g, [x, y], [{ name: 'loss', ...out }], dtype);
}
