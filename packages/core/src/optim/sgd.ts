/**
 * Stochastic gradient descent with momentum: PyTorch `torch.optim.SGD`, MindSpore `nn.SGD` /
 * `nn.Momentum`, MXNet `sgd` / `nag` (with dampening 0 these are the same numbers).
 *
 *   g ← ±grad + wd·p
 *   b ← g on the first step, else μ·b + (1 − τ)·g      (τ = dampening)
 *   d ← g + μ·b (Nesterov) or b (μ > 0) or g
 *   p ← p − lr·d
 */
import { noGrad } from '../autograd/grad-mode.js';
import type { Tensor } from '../tensor/tensor.js';
import { checkPair, effectiveGrad, updated } from './state.js';

export interface SgdOptions {
  lr: number;
  momentum?: number;
  dampening?: number;
  nesterov?: boolean;
  weightDecay?: number;
  maximize?: boolean;
}

/** Per-parameter state the caller keeps (start from `{}`). */
export interface SgdState {
  momentumBuffer?: Tensor;
}

/** One SGD step on `param` in place (outside the tape). */
export function sgdUpdate(param: Tensor, grad: Tensor, state: SgdState, opts: SgdOptions): void {
  checkPair('sgdUpdate', param, grad);
  const { lr, momentum = 0, dampening = 0, nesterov = false, weightDecay = 0, maximize = false } = opts;
  noGrad(() => {
    let d = effectiveGrad(param, grad, weightDecay, maximize);
    if (momentum !== 0) {
      const prev = state.momentumBuffer;
      const buf = updated(prev, prev === undefined ? d : prev.mul(momentum).add(d.mul(1 - dampening)));
      state.momentumBuffer = buf;
      d = nesterov ? d.add(buf.mul(momentum)) : buf;
    }
    param.sub_(d.mul(lr));
  });
}
