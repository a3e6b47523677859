/**
 * Small helpers shared by the Gluon-dialect losses in this folder (no loss math here).
 */
import { ShapeError, ValueError, fmtShape } from '../../errors.js';
import { shapesEqual } from '../../shape.js';
import type { Tensor } from '../../tensor/tensor.js';

/**
 * Gluon's `_reshape_like(F, x, y)`, i.e. `x.reshape(y.shape)`: any shape with the same number of
 * elements is accepted; another count is an error naming the loss and the argument.
 */
export function reshapeLike(op: string, x: Tensor, like: Tensor, arg = 'label', likeArg = 'pred'): Tensor {
  if (shapesEqual(x.shape, like.shape)) return x;
  if (x.size !== like.size) {
    throw new ShapeError(
      `${op}: cannot reshape ${arg} of shape ${fmtShape(x.shape)} (${x.size} elements) to the shape of ${likeArg} ${fmtShape(like.shape)} (${like.size} elements)`,
    );
  }
  return x.reshape(like.shape);
}

