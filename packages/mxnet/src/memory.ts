/** `mx.memory_scope`: memory a block of code made freed when it ends (core `memoryScope`). */
import { memoryScope } from '@rosetta/core';

/**
 * `mx.memory_scope(() => …)`: runs `fn` (a training iteration) and frees every buffer it made
 * except what it returns and what it wrote to arrays made before it: parameters after
 * `trainer.step`, their gradients, trainer state.
 * NOTE: MXNet has no such call; it frees memory by reference counting. Here the garbage collector
 * frees it, but a browser page runs its callbacks only when it yields. `gluon.Trainer.step` frees an
 * iteration's memory two steps later by itself; a synchronous loop without a Trainer in a page
 * wraps each iteration in `mx.memory_scope`.
 */
export const memory_scope = <T>(fn: () => T): T => memoryScope(fn);
