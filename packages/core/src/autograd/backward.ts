import { RosettaError, ShapeError, fmtShape } from '../errors.js';
import { mkConst } from '../ir/lazy.js';
import { realizeAsLoad } from '../ir/schedule.js';
import { shapesEqual } from '../shape.js';
import { Tensor } from '../tensor/tensor.js';
import { noGrad } from './grad-mode.js';
import { inArena } from '../memory/arena.js';
import { own } from '../memory/ownership.js';

/** Tensors reachable from `root` through the tape, each after every tensor computed from it. */
function topoOrder(root: Tensor): Tensor[] {
  const order: Tensor[] = [];
  const seen = new Set<Tensor>();
  const stack: [Tensor, number][] = [[root, 0]];
  seen.add(root);
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    const inputs = top[0].gradFn?.inputs ?? [];
    if (top[1] < inputs.length) {
      const next = inputs[top[1]++]!;
      if (next.requiresGrad && !seen.has(next)) {
        seen.add(next);
        stack.push([next, 0]);
      }
    } else {
      order.push(top[0]);
      stack.pop();
    }
  }
  return order.reverse();
}

/**
 * Reverse-mode differentiation from `root` (`tensor.backward(gradient)`): walks the tape once,
 * summing each tensor's incoming gradients, and accumulates into `.grad` of leaves that require
 * grad. A non-scalar root needs `gradient` of its shape. Gradients are lazy until the leaves
 * receive them, so backward chains fuse like forward ones.
 */
export function backward(root: Tensor, gradient?: Tensor): void {
  if (!root.requiresGrad) {
    throw new RosettaError('backward: element 0 of tensors does not require grad and does not have a grad_fn');
  }
  let seed: Tensor;
  if (gradient === undefined) {
    if (root.size !== 1) {
      throw new RosettaError(`backward: grad can be implicitly created only for scalar outputs; pass a gradient of shape ${fmtShape(root.shape)}`);
    }
    seed = new Tensor(mkConst(1, root.dtype, root.lazy.shape, root.backend), root.backend);
  } else {
    if (!shapesEqual(gradient.lazy.shape, root.lazy.shape)) {
      throw new ShapeError(`backward: gradient of shape ${fmtShape(gradient.shape)} does not match the output shape ${fmtShape(root.shape)}`);
    }
    seed = gradient.detach();
  }
  // Everything the pass allocates but the leaves' new gradients is freed when it ends.
  inArena('backward', () => noGrad(() => {
    const grads = new Map<Tensor, Tensor>([[root, seed]]);
    for (const t of topoOrder(root)) {
      const g = grads.get(t);
      if (!g) continue;
      grads.delete(t);
      if (!t.gradFn) {
        const prev = t.peekGrad();
        const total = prev ? prev.add(g) : g;
        t.grad = realizeOwned(total.dtype === t.dtype ? total : total.cast(t.dtype));
        continue;
      }
      const inputGrads = t.gradFn.vjp(g);
      t.gradFn.inputs.forEach((inp, i) => {
        const gi = inputGrads[i];
        if (!gi || !inp.requiresGrad) return;
        const prev = grads.get(inp);
        grads.set(inp, prev ? prev.add(gi) : gi);
      });
    }
  }), () => []);
}

/**
 * `v` computed into a buffer of its own: when realizing made a new buffer, the gradient tensor
 * takes it from `v`'s node (which goes back to unrealized) and holds it alone (`own`), so it can be
 * freed when the gradient is replaced; a buffer that already existed stays shared.
 */
function realizeOwned(v: Tensor): Tensor {
  const node = v.lazy;
  const had = node.buf ?? (node.kind === 'load' ? node.src : null);
  const g = new Tensor(realizeAsLoad(node), v.backend);
  if (g.lazy.buf !== had) {
    node.buf = null;
    own(g);
  }
  return g;
}
