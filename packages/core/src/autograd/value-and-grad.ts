import { RosettaError } from '../errors.js';
import { Tensor } from '../tensor/tensor.js';
import { zerosLazyLike } from '../ops/index-ops.js';
import { withGradMode } from './grad-mode.js';

/**
 * `valueAndGrad(fn)(...args)` → `[value, grads]`: runs `fn` on fresh leaf copies of the tensor
 * arguments and returns its scalar value with the gradient for each argument (jax.value_and_grad;
 * MindSpore's value_and_grad and PyTorch's autograd.grad map onto it). The arguments' own `.grad`
 * fields are left untouched.
 */
export function valueAndGrad<A extends Tensor[]>(fn: (...args: A) => Tensor): (...args: A) => [Tensor, Tensor[]] {
  return (...args: A) =>
    withGradMode(true, () => {
      const leaves = args.map((a) => {
        if (!(a instanceof Tensor)) throw new RosettaError('valueAndGrad: every argument must be a Tensor');
        return a.detach().requiresGrad_(true);
      }) as A;
      const value = fn(...leaves);
      if (!(value instanceof Tensor) || value.size !== 1) {
        throw new RosettaError('valueAndGrad: the function must return a one-element Tensor');
      }
      if (value.requiresGrad) value.backward();
      // An argument the value does not depend on gets zeros (not 0·x, which is NaN at ±inf).
      const grads = leaves.map((l) => l.grad ?? zerosLazyLike(l));
      return [value.detach(), grads];
    });
}
