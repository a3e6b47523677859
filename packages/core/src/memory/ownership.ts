/**
 * Gradients the engine can free when they are replaced. `backward()` computes each leaf's gradient
 * into a fresh buffer held by that gradient tensor alone and marks it (`own`). Anything that could
 * let another holder read the buffer takes the mark away (`disown`): reading `t.grad` (the tensor is
 * handed out), `detach()`, and `realizeAsLoad` (a second load of the buffer: optimizer state, a
 * `copy_`). When a leaf's gradient is replaced (the next `backward()` accumulating, `grad = null`
 * from `zero_grad`, Gluon's `grad_req='write'`), a still-marked old buffer has no other holder and
 * is freed at once. Update rules read the gradient with `peekGrad()`, which leaves the mark.
 */
import type { Tensor } from '../tensor/tensor.js';
import { freeBuffer } from './arena.js';

/** Marks `g`'s buffer as held by `g` alone. */
export function own(g: Tensor): void {
  const b = g.lazy.buf;
  if (b) b.owner = g;
}

/** `g` may be held elsewhere from now on. */
export function disown(g: Tensor): void {
  const b = g.lazy.buf;
  if (b && b.owner === g) b.owner = undefined;
}

/** Frees `g`'s buffer if `g` still holds it alone (a replaced gradient). */
export function freeOwned(g: Tensor): void {
  const b = g.lazy.buf;
  if (b && b.owner === g) {
    b.owner = undefined;
    freeBuffer(b);
  }
}
