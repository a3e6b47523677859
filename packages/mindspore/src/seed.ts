/**
 * `mindspore.set_seed(seed)`: seeds the engine's generator (initializers, `ops` random draws) and the
 * dataset shuffling generator. NOTE: MindSpore's own random streams are not reproduced; the dataset
 * order uses a generator of its own, so shuffling never shifts the `np.random` stream a tutorial uses.
 */
import { MT19937, manualSeed } from '@rosetta/core';

let datasetGen = new MT19937();

export function set_seed(seed: number): void {
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`The argument 'seed' must be a non-negative int, but got ${seed}.`);
  manualSeed(seed);
  datasetGen = new MT19937(seed);
}

/** The generator that orders shuffled datasets. */
export const datasetGenerator = (): MT19937 => datasetGen;
