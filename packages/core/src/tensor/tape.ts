import type { Tensor } from './tensor.js';

/** The tape entry of a computed tensor: its inputs and how to map its gradient onto theirs. */
export interface TapeNode {
  /** The primitive or composite that produced the tensor (for error messages). */
  readonly name: string;
  readonly inputs: readonly Tensor[];
  /** Input gradients given the output gradient; null where an input gets none. */
  readonly vjp: (g: Tensor) => readonly (Tensor | null)[];
}
