/** Helpers shared by the update rules: realized state tensors and the gradient preamble. */
import { ShapeError } from '../errors.js';
import { realizeAsLoad } from '../ir/schedule.js';
import { keep } from '../memory/arena.js';
import { assign } from '../ops/inplace.js';
import { shapesEqual } from '../shape.js';
import { Tensor } from '../tensor/tensor.js';

/**
 * Optimizer state after an update: `prev` updated in place to `value` (realized now, so state never
 * grows an expression; holders such as `state_dict()` see the new value, as PyTorch's in-place
 * state updates give, and the old value can be freed), or on the first step a new tensor holding
 * `value`, kept past memory scopes and training steps (`keep`) as the state lives on.
 */
export function updated(prev: Tensor | undefined, value: Tensor): Tensor {
  if (prev !== undefined) return assign(prev, 'optimizer state', value);
  return keep(new Tensor(realizeAsLoad(value.lazy), value.backend));
}

/**
 * The gradient an update rule steps along: `-grad` when maximizing, plus `weightDecay · param`
 * (L2 penalty folded into the gradient, as PyTorch's SGD/Adam, MindSpore's `decay_weight` and
 * MXNet's `wd` do).
 */
export function effectiveGrad(param: Tensor, grad: Tensor, weightDecay: number, maximize: boolean): Tensor {
  const g = maximize ? grad.neg() : grad;
  return weightDecay !== 0 ? g.add(param.mul(weightDecay)) : g;
}

/** Throws unless `param` and `grad` have the same shape (`op` names the optimizer). */
export function checkPair(op: string, param: Tensor, grad: Tensor): void {
  if (!shapesEqual(param.shape, grad.shape)) {
    throw new ShapeError(`${op}: gradient shape [${grad.shape.join(', ')}] does not match parameter shape [${param.shape.join(', ')}]`);
  }
}
