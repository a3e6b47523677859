/**
 * RMSprop: PyTorch `torch.optim.RMSprop` (ε outside the root), MindSpore `nn.RMSProp` and
 * MXNet `rmsprop` (ε inside: `epsInsideSqrt`).
 *
 *   g ← ±grad + wd·p;   s ← α·s + (1 − α)·g²
 *   centered: a ← α·a + (1 − α)·g, r ← s − a², else r ← s
 *   q ← √r + ε  (or √(r + ε));   b ← μ·b + g/q, p ← p − lr·b (μ > 0) or p ← p − lr·g/q
 */
import { noGrad } from '../autograd/grad-mode.js';
import type { Tensor } from '../tensor/tensor.js';
import { checkPair, effectiveGrad, updated } from './state.js';

export interface RmspropOptions {
  lr: number;
  alpha?: number;
  eps?: number;
  weightDecay?: number;
  momentum?: number;
  centered?: boolean;
  maximize?: boolean;
  epsInsideSqrt?: boolean;
}

/** Per-parameter state the caller keeps (start from `{}`). */
export interface RmspropState {
  squareAvg?: Tensor;
  gradAvg?: Tensor;
  momentumBuffer?: Tensor;
}

/** One RMSprop step on `param` in place (outside the tape). */
export function rmspropUpdate(param: Tensor, grad: Tensor, state: RmspropState, opts: RmspropOptions): void {
  checkPair('rmspropUpdate', param, grad);
  const { lr, alpha = 0.99, eps = 1e-8, weightDecay = 0, momentum = 0, centered = false, maximize = false, epsInsideSqrt = false } = opts;
  noGrad(() => {
    const g = effectiveGrad(param, grad, weightDecay, maximize);
    const g2 = g.mul(g).mul(1 - alpha);
    const s = updated(state.squareAvg, state.squareAvg === undefined ? g2 : state.squareAvg.mul(alpha).add(g2));
    state.squareAvg = s;
    let r = s;
    if (centered) {
      const a = updated(state.gradAvg, state.gradAvg === undefined ? g.mul(1 - alpha) : state.gradAvg.mul(alpha).add(g.mul(1 - alpha)));
      state.gradAvg = a;
      r = s.sub(a.mul(a));
    }
    const q = epsInsideSqrt ? r.add(eps).sqrt() : r.sqrt().add(eps);
    let d = g.div(q);
    if (momentum > 0) {
      const b = updated(state.momentumBuffer, state.momentumBuffer === undefined ? d : state.momentumBuffer.mul(momentum).add(d));
      state.momentumBuffer = b;
      d = b;
    }
    param.sub_(d.mul(lr));
  });
}
