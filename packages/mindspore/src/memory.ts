/** `ms.memory_scope`: a training step's memory freed when it ends (core `memoryScope`). */
import { memoryScope } from '@rosetta/core';

/**
 * `ms.memory_scope(() => …)`: runs `fn` (a training step) and frees every buffer it made except
 * what it returns and what it wrote to tensors made before it: parameters after the optimizer
 * call, optimizer state. `Model.train` runs each step in one.
 * NOTE: MindSpore has no such call; it frees memory by reference counting. Here the garbage
 * collector frees it, but a browser page runs its callbacks only when it yields, so a hand-written
 * synchronous training loop in a page wraps each step:
 * `for (const [data, label] of ds.create_tuple_iterator()) ms.memory_scope(() => train_step(data, label))`.
 */
export const memory_scope = <T>(fn: () => T): T => memoryScope(fn);
