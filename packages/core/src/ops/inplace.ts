import { isGradEnabled } from '../autograd/grad-mode.js';
import { RosettaError, ShapeError, fmtShape } from '../errors.js';
import { mkConst } from '../ir/lazy.js';
import { checkNumber } from '../arg-types.js';
import { realizeAsLoad } from '../ir/schedule.js';
import { noteWrite } from '../memory/arena.js';
import { shapesEqual } from '../shape.js';
import { Tensor } from '../tensor/tensor.js';
import { expand } from './movement.js';

function checkLeaf(t: Tensor, op: string): void {
  if (t.requiresGrad && t.isLeaf && isGradEnabled()) {
    throw new RosettaError(`${op}: a leaf Variable that requires grad is being used in an in-place operation; wrap the update in noGrad(() => ...)`);
  }
}

/**
 * An in-place update computed from t's current value (`x.add_(y)`): `f` gets a stand-in holding
 * that value and t's tape history, so the recorded op reads the stand-in, not t itself. (Recording
 * t as its own input made a cycle: backward through `y = x * 2; y.add_(1)` never reached x.)
 */
export function update<T extends Tensor>(t: T, op: string, f: (prev: Tensor) => Tensor): T {
  checkLeaf(t, op);
  const prev = new Tensor(t.lazy, t.backend);
  prev.requiresGrad = t.requiresGrad;
  prev.gradFn = t.gradFn;
  return assign(t, op, f(prev));
}

/**
 * Replaces `t`'s value by `value` (realized now, so a long training loop never grows an
 * expression), keeping t's shape and dtype; the tape follows the new value.
 */
export function assign<T extends Tensor>(t: T, op: string, value: Tensor): T {
  checkLeaf(t, op);
  if (!shapesEqual(value.lazy.shape, t.lazy.shape)) {
    throw new ShapeError(`${op}: output with shape ${fmtShape(t.shape)} doesn't match the broadcast shape ${fmtShape(value.shape)}`);
  }
  const v = value.dtype === t.dtype ? value : value.cast(t.dtype);
  t.lazy = realizeAsLoad(v.lazy);
  t.version++;
  noteWrite(t);
  if (v.gradFn) {
    t.gradFn = v.gradFn;
    t.requiresGrad = true;
  }
  return t;
}

/** Copies `src` (broadcast and cast) into `t` (`Tensor.copy_`). */
export function copy<T extends Tensor>(t: T, src: Tensor): T {
  return assign(t, 'copy_', expand(src, t.shape));
}

/** Sets every element to `value` (`Tensor.fill_` / `zero_`; `op` names the caller in errors). */
export function fill<T extends Tensor>(t: T, value: number, op = 'fill_'): T {
  checkNumber(op, 'value', value, 1);
  checkLeaf(t, op);
  t.lazy = mkConst(value, t.dtype, t.lazy.shape, t.backend);
  t.version++;
  noteWrite(t);
  return t;
}
