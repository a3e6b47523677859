/**
 * `memoryScope(fn)`: frees, when `fn` returns, every buffer `fn` allocated that neither its result
 * nor the state it wrote can reach (TensorFlow.js's `tf.tidy`, for the loop bodies of browser pages,
 * where the garbage collector's callbacks do not run until the page yields).
 */
import { Tensor } from '../tensor/tensor.js';
import { realize } from '../ir/schedule.js';
import { inArena } from './arena.js';

/** The tensors in a scope's result: itself, or inside arrays and objects (facade wrappers too). */
function tensorsIn(value: unknown, out: Tensor[] = [], seen = new Set<object>()): Tensor[] {
  if (value === null || typeof value !== 'object' || seen.has(value)) return out;
  seen.add(value);
  if (value instanceof Tensor) {
    out.push(value);
    return out;
  }
  for (const v of Array.isArray(value) ? value : Object.values(value)) tensorsIn(v, out, seen);
  return out;
}

/**
 * Runs `fn` and frees every buffer it allocated except those that its result and the tensors it
 * wrote still read. Kept: the tensors `fn` returns (alone, or in arrays and objects; computed
 * before the scope ends, so they hold their values, not what they were computed from), and the
 * values and gradients of tensors created before the scope that `fn` updated (parameters after
 * `sub_`/`copy_`/an optimizer step, `.grad` after `backward()`), and optimizer state (`keep`).
 * Everything else made inside is freed: reading such a tensor afterwards throws "used after
 * dispose", except one computed from tensors that are still alive, which is computed again.
 * Nested scopes hand what they keep to the enclosing one. A tensor's recorded graph does not
 * outlive the scope: call `backward()` inside it.
 * NOTE: PyTorch, MindSpore and MXNet free by reference counting and need no such helper; here
 * the garbage collector frees too, but a browser page runs its callbacks only when it yields.
 */
export function memoryScope<T>(fn: () => T): T {
  return inArena('memoryScope', fn, (result) => {
    // Computed now, a result holds its own buffer rather than everything it was computed from.
    const kept = tensorsIn(result);
    for (const t of kept) realize(t.lazy);
    return kept;
  }, true);
}
