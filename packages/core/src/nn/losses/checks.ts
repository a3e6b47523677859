/**
 * Argument checks shared by the loss files in this folder (not losses themselves). Messages
 * start with the caller's name (`name` option of each loss) and name both shapes.
 */
import { isFloat } from '../../dtype.js';
import { DTypeError, ShapeError, ValueError, fmtShape } from '../../errors.js';
import { noGrad } from '../../autograd/grad-mode.js';
import { tryBroadcastShapes } from '../../shape.js';
import type { Tensor } from '../../tensor/tensor.js';

/** The loss input must be a floating tensor. */
export function checkFloat(name: string, what: string, t: Tensor): void {
  if (!isFloat(t.dtype)) throw new DTypeError(`${name}: ${what} must be a floating point tensor, got ${t.dtype}`);
}

/** `a` and `b` must broadcast together (PyTorch's elementwise losses broadcast with a warning). */
export function checkBroadcast(name: string, a: Tensor, b: Tensor, aName = 'input', bName = 'target'): number[] {
  const r = tryBroadcastShapes(a.shape, b.shape);
  if (!Array.isArray(r)) {
    throw new ShapeError(`${name}: ${aName} of shape ${fmtShape(a.shape)} and ${bName} of shape ${fmtShape(b.shape)} cannot be broadcast together`);
  }
  return r;
}

/** `b` must broadcast to exactly the shape of `a` (weights, pos_weight). */
export function checkBroadcastsTo(name: string, t: Tensor, to: readonly number[], what: string): void {
  const r = tryBroadcastShapes(t.shape, to);
  if (!Array.isArray(r) || r.join() !== to.join()) {
    throw new ShapeError(`${name}: ${what} of shape ${fmtShape(t.shape)} does not broadcast to the input shape ${fmtShape(to)}`);
  }
}

/** A finite number option (`margin`, `eps`, ...). */
export function checkNumber(name: string, what: string, v: unknown, finite = false): number {
  if (typeof v !== 'number' || Number.isNaN(v) || (finite && !Number.isFinite(v))) {
    throw new ValueError(`${name}: ${what} must be a ${finite ? 'finite ' : ''}number, got ${String(v)}`);
  }
  return v;
}

/**
 * Host values of a tensor (no gradient), for value checks of small inputs; null on a backend that
 * cannot read synchronously (the check is skipped there, as `checkIndices` does).
 */
export function hostValues(t: Tensor): ArrayLike<number> | null {
  if (!t.backend.syncRead) return null;
  return noGrad(() => Array.from(t.detach().dataSync() as ArrayLike<number | bigint>, Number));
}
