/** `mx.random`: seeding the generator behind `nd.random.*` and the initializers. */
import { manualSeed } from '@rosetta/core';

/**
 * `mx.random.seed(seed_state)`. NOTE: MXNet's own generator streams are not reproduced; the same
 * seed gives the same numbers within Rosetta (NumPy's MT19937 stream).
 */
export function seed(seed_state: number): void {
  manualSeed(seed_state);
}
