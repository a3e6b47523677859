/**
 * Negative log-likelihood over class indices (`torch.nn.functional.nll_loss`, `nn.NLLLoss`),
 * and the class-index machinery that cross entropy shares.
 */
import { DTypeError, ShapeError, fmtShape } from '../../errors.js';
import { where } from '../../ops/elementwise.js';
import { checkIndices } from '../../ops/index-ops.js';
import type { Tensor } from '../../tensor/tensor.js';
import { checkReduction, reduceLoss, type ReductionMode } from '../reduction.js';
import { checkFloat } from './checks.js';

export interface NllLossOptions {
  /** Per-class rescaling weight, shape (C). */
  weight?: Tensor | null;
  /** Targets equal to this value contribute nothing (and are left out of the mean). Default −100. */
  ignoreIndex?: number;
  reduction?: ReductionMode;
  name?: string;
}

/**
 * Picks `values[n, target[n, d…], d…]` along the class dim (1, or 0 for an unbatched (C) input)
 * after checking shapes, indices and `weight` as PyTorch's nll_loss does. Returns the picked
 * values (target's shape) and the per-element weight w_{y}·1{y ≠ ignore_index} (input's dtype).
 */
export function pickClass(name: string, values: Tensor, target: Tensor, weight: Tensor | null | undefined, ignoreIndex: number):
  { picked: Tensor; w: Tensor; ignored: Tensor; classDim: number; C: number } {
  checkFloat(name, 'input', values);
  if (values.ndim < 1) throw new ShapeError(`${name}: Expected 1 or more dimensions (got 0)`);
  if (!Number.isInteger(ignoreIndex)) throw new DTypeError(`${name}: ignore_index must be an integer, got ${ignoreIndex}`);
  const classDim = values.ndim === 1 ? 0 : 1;
  const C = values.shape[classDim]!;
  if (values.ndim === 1) {
    if (target.ndim !== 0) throw new ShapeError(`${name}: size mismatch (got input: ${fmtShape(values.shape)}, target: ${fmtShape(target.shape)}); an unbatched (C) input takes a 0-d target`);
  } else {
    if (target.ndim >= 1 && values.shape[0] !== target.shape[0]) {
      throw new ShapeError(`${name}: Expected input batch_size (${values.shape[0]}) to match target batch_size (${target.shape[0]}).`);
    }
    const want = [values.shape[0]!, ...values.shape.slice(2)];
    if (target.shape.join() !== want.join()) {
      throw new ShapeError(`${name}: Expected target size ${fmtShape(want)}, got ${fmtShape(target.shape)} (input ${fmtShape(values.shape)})`);
    }
  }
  if (weight) {
    if (weight.ndim !== 1 || weight.shape[0] !== C) {
      throw new ShapeError(`${name}: weight tensor should be defined either for all ${C} classes or no classes but got weight tensor of shape: ${fmtShape(weight.shape)}`);
    }
    checkFloat(name, 'weight', weight);
  }
  if (target.dtype === 'bool') throw new DTypeError(`${name}: Target must be an integer tensor, got bool`);
  const ignored = target.eq(ignoreIndex);
  const safe = where(ignored, 0, target);
  checkIndices(name, 'Target', safe, C);
  const idx = classDim === 0 ? safe.reshape([1]) : safe.unsqueeze(1);
  const picked = values.gather(classDim, idx).squeeze(classDim);
  const keep = ignored.logicalNot();
  const w = weight
    ? where(ignored, 0, weight.cast(values.dtype).gather(0, safe.reshape([-1])).reshape(target.shape))
    : keep.cast(values.dtype);
  return { picked, w, ignored, classDim, C };
}

/**
 * l_n = −w_{y_n}·x_{n,y_n}, w_c = weight[c]·1{c ≠ ignore_index}; input (C), (N, C) or
 * (N, C, d1…dk) log-probabilities, target (), (N) or (N, d1…dk) class indices. 'mean' is
 * Σ l_n / Σ w_{y_n} (`torch.nn.functional.nll_loss`, `nn.NLLLoss`).
 */
export function nllLoss(input: Tensor, target: Tensor, opts: NllLossOptions = {}): Tensor {
  const name = opts.name ?? 'nll_loss';
  const reduction = checkReduction(name, opts.reduction ?? 'mean');
  const { picked, w, ignored } = pickClass(name, input, target, opts.weight, opts.ignoreIndex ?? -100);
  const loss = where(ignored, 0, picked.mul(w).neg());
  return reduceLoss(name, loss, reduction, w);
}
