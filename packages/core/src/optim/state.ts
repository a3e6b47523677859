/** Helpers shared by the update rules: realized state tensors and the gradient preamble. */
import { ShapeError } from '../errors.js';
import { realizeAsLoad } from '../ir/schedule.js';
import { shapesEqual } from '../shape.js';
import { Tensor } from '../tensor/tensor.js';

/** `t`'s value computed now into its own buffer, so optimizer state never grows an expression. */
export function realized(t: Tensor): Tensor {
  return new Tensor(realizeAsLoad(t.lazy), t.backend);
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
