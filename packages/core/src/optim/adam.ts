/**
 * Adam and AdamW: PyTorch `torch.optim.Adam` / `AdamW` (incl. `amsgrad`, `maximize`),
 * MindSpore `nn.Adam`, MXNet `adam`.
 *
 *   g ← ±grad (+ wd·p unless decoupled; AdamW instead scales p ← p·(1 − lr·wd))
 *   m ← β1·m + (1 − β1)·g,   v ← β2·v + (1 − β2)·g²,   v̂ ← max(v̂, v) with amsgrad
 *   'torch': p ← p − lr/(1 − β1ᵗ) · m / (√v̂ / √(1 − β2ᵗ) + ε)
 *   'hat':   p ← p − lr·√(1 − β2ᵗ)/(1 − β1ᵗ) · m / (√v̂ + ε)   (MindSpore, MXNet, TF: ε not rescaled)
 */
import { noGrad } from '../autograd/grad-mode.js';
import { maximum } from '../ops/elementwise.js';
import type { Tensor } from '../tensor/tensor.js';
import { checkPair, effectiveGrad, updated } from './state.js';

export interface AdamOptions {
  lr: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
  weightDecay?: number;
  /** AdamW: decay the weights directly instead of adding wd·p to the gradient. */
  decoupledWeightDecay?: boolean;
  amsgrad?: boolean;
  maximize?: boolean;
  /** Where ε enters the denominator (see above); default 'torch'. */
  epsForm?: 'torch' | 'hat';
}

/** Per-parameter state the caller keeps (start from `{}`). */
export interface AdamState {
  step?: number;
  expAvg?: Tensor;
  expAvgSq?: Tensor;
  maxExpAvgSq?: Tensor;
}

/** One Adam/AdamW step on `param` in place (outside the tape). */
export function adamUpdate(param: Tensor, grad: Tensor, state: AdamState, opts: AdamOptions): void {
  checkPair('adamUpdate', param, grad);
  const {
    lr, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, weightDecay = 0,
    decoupledWeightDecay = false, amsgrad = false, maximize = false, epsForm = 'torch',
  } = opts;
  noGrad(() => {
    const t = (state.step ?? 0) + 1;
    state.step = t;
    if (decoupledWeightDecay && weightDecay !== 0) param.mul_(1 - lr * weightDecay);
    const g = effectiveGrad(param, grad, decoupledWeightDecay ? 0 : weightDecay, maximize);
    const m = updated(state.expAvg, state.expAvg === undefined ? g.mul(1 - beta1) : state.expAvg.mul(beta1).add(g.mul(1 - beta1)));
    const g2 = g.mul(g).mul(1 - beta2);
    const v = updated(state.expAvgSq, state.expAvgSq === undefined ? g2 : state.expAvgSq.mul(beta2).add(g2));
    state.expAvg = m;
    state.expAvgSq = v;
    let vHat = v;
    if (amsgrad) {
      vHat = updated(state.maxExpAvgSq, state.maxExpAvgSq === undefined ? v : maximum(state.maxExpAvgSq, v));
      state.maxExpAvgSq = vHat;
    }
    const bc1 = 1 - beta1 ** t;
    const bc2 = 1 - beta2 ** t;
    const denom = epsForm === 'torch' ? vHat.sqrt().div(Math.sqrt(bc2)).add(eps) : vHat.sqrt().add(eps);
    const stepSize = epsForm === 'torch' ? lr / bc1 : (lr * Math.sqrt(bc2)) / bc1;
    param.sub_(m.div(denom).mul(stepSize));
  });
}
