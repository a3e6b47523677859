/**
 * Adagrad: PyTorch `torch.optim.Adagrad` (ε outside the root, `lr_decay`,
 * `initial_accumulator_value`), MindSpore `nn.Adagrad` and MXNet `adagrad` (ε inside: `epsInsideSqrt`).
 *
 *   g ← ±grad + wd·p;   lr_t ← lr / (1 + (t − 1)·lr_decay)
 *   h ← h + g²  (h₀ = initial_accumulator_value);   p ← p − lr_t·g / (√h + ε)
 */
import { noGrad } from '../autograd/grad-mode.js';
import type { Tensor } from '../tensor/tensor.js';
import { checkPair, effectiveGrad, updated } from './state.js';

export interface AdagradOptions {
  lr: number;
  lrDecay?: number;
  weightDecay?: number;
  initialAccumulatorValue?: number;
  eps?: number;
  maximize?: boolean;
  epsInsideSqrt?: boolean;
}

/** Per-parameter state the caller keeps (start from `{}`). */
export interface AdagradState {
  step?: number;
  sum?: Tensor;
}

/** One Adagrad step on `param` in place (outside the tape). */
export function adagradUpdate(param: Tensor, grad: Tensor, state: AdagradState, opts: AdagradOptions): void {
  checkPair('adagradUpdate', param, grad);
  const { lr, lrDecay = 0, weightDecay = 0, initialAccumulatorValue = 0, eps = 1e-10, maximize = false, epsInsideSqrt = false } = opts;
  noGrad(() => {
    const t = (state.step ?? 0) + 1;
    state.step = t;
    const g = effectiveGrad(param, grad, weightDecay, maximize);
    const prev = state.sum ?? param.mul(0).add(initialAccumulatorValue);
    const h = updated(state.sum, prev.add(g.mul(g)));
    state.sum = h;
    const clr = lr / (1 + (t - 1) * lrDecay);
    const q = epsInsideSqrt ? h.add(eps).sqrt() : h.sqrt().add(eps);
    param.sub_(g.div(q).mul(clr));
  });
}
