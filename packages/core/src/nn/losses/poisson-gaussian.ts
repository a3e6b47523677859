/** Likelihood losses: Poisson and Gaussian negative log-likelihood (`torch.nn.functional.poisson_nll_loss`, `gaussian_nll_loss`). */
import { onBackend } from '../../backend/registry.js';
import { ShapeError, ValueError, fmtShape } from '../../errors.js';
import { exp, log, where } from '../../ops/elementwise.js';
import type { Tensor } from '../../tensor/tensor.js';
import { fullLike } from '../../tensor/create.js';
import { checkReduction, reduceLoss, type ReductionMode } from '../reduction.js';
import { checkBroadcast, checkFloat, checkNumber, hostValues } from './checks.js';

export interface PoissonNllLossOptions {
  /** The input is log λ (default true); otherwise λ itself. */
  logInput?: boolean;
  /** Add the Stirling term of log(y!). Default false. */
  full?: boolean;
  /** Added to λ before the log when logInput is false. Default 1e-8. */
  eps?: number;
  reduction?: ReductionMode;
  name?: string;
}

export interface GaussianNllLossOptions {
  /** Add the constant 0.5·log(2π). Default false. */
  full?: boolean;
  /** Lower clamp of var (no gradient through the clamp). Default 1e-6. */
  eps?: number;
  reduction?: ReductionMode;
  name?: string;
}

/**
 * e^x − y·x (logInput) or x − y·log(x + eps); `full` adds y·log y − y + 0.5·log(2πy) where y > 1
 * (`torch.nn.functional.poisson_nll_loss`, `nn.PoissonNLLLoss`).
 */
export function poissonNllLoss(input: Tensor, target: Tensor, opts: PoissonNllLossOptions = {}): Tensor {
  const name = opts.name ?? 'poisson_nll_loss';
  const reduction = checkReduction(name, opts.reduction ?? 'mean');
  const eps = checkNumber(name, 'eps', opts.eps ?? 1e-8);
  checkFloat(name, 'input', input);
  checkBroadcast(name, input, target);
  const y = target.cast(input.dtype);
  let loss = (opts.logInput ?? true) ? exp(input).sub(y.mul(input)) : input.sub(y.mul(log(input.add(eps))));
  if (opts.full) {
    const big = y.gt(1);
    const ys = where(big, y, 1);
    loss = loss.add(where(big, ys.mul(log(ys)).sub(ys).add(log(ys.mul(2 * Math.PI)).mul(0.5)), 0));
  }
  return reduceLoss(name, loss, reduction);
}

/**
 * 0.5·(log max(var, eps) + (x − y)² / max(var, eps)) (+ 0.5·log(2π) with `full`); var has the
 * input's shape, or one dim fewer, or a last dim of 1 (homoscedastic), or is a number
 * (`torch.nn.functional.gaussian_nll_loss`, `nn.GaussianNLLLoss`). The clamp is invisible to
 * autograd: the gradient with respect to var is taken at the clamped value and passed through.
 */
export function gaussianNllLoss(input: Tensor, target: Tensor, variance: Tensor | number, opts: GaussianNllLossOptions = {}): Tensor {
  return onBackend(input.backend, () => {
    const name = opts.name ?? 'gaussian_nll_loss';
    const reduction = checkReduction(name, opts.reduction ?? 'mean');
    const eps = checkNumber(name, 'eps', opts.eps ?? 1e-6);
    checkFloat(name, 'input', input);
    checkBroadcast(name, input, target);
    let v: Tensor;
    if (typeof variance === 'number') {
      if (variance < 0) throw new ValueError(`${name}: var has negative entry/entries`);
      v = fullLike(input, variance);
    } else {
      v = variance;
      const s = input.shape;
      if (v.shape.join() !== s.join()) {
        if (v.shape.join() === s.slice(0, -1).join() && s.length > 0) v = v.unsqueeze(-1);
        else if (!(v.ndim === s.length && v.shape.slice(0, -1).join() === s.slice(0, -1).join() && v.shape[v.ndim - 1] === 1)) {
          throw new ShapeError(`${name}: var is of incorrect size: ${fmtShape(variance.shape)} for input of size ${fmtShape(s)}`);
        }
      }
      const vs = hostValues(v);
      if (vs && Array.from(vs).some((x) => x < 0)) throw new ValueError(`${name}: var has negative entry/entries`);
    }
    // v below eps is lifted by a constant (so its gradient passes); v ≥ eps, +inf and NaN are v itself.
    const vd = v.detach();
    const clamped = where(vd.lt(eps), v.add(vd.rsub(eps)), v);
    let loss = log(clamped).add(input.sub(target).square().div(clamped)).mul(0.5);
    if (opts.full) loss = loss.add(0.5 * Math.log(2 * Math.PI));
    return reduceLoss(name, loss, reduction);
  });
}
