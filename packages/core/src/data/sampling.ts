/** Index orders for data loaders: permutations and batches (`torch.randperm`, `BatchSampler`). */
import { checkNumber } from '../arg-types.js';
import { ValueError } from '../errors.js';
import { defaultGenerator } from '../random/generator.js';
import type { MT19937 } from '../random/mt19937.js';

/**
 * A random permutation of 0..n−1 (`torch.randperm` on cpu): for i = 0..n−2, swap r[i] with
 * r[i + (u32 mod (n − i))], u32 from the generator's raw 32-bit stream.
 */
export function randperm(n: number, generator: MT19937 = defaultGenerator()): number[] {
  checkNumber('randperm', 'n', n, 1);
  if (!Number.isInteger(n) || n < 0) throw new ValueError(`randperm: n must be a non-negative integer, got ${n}`);
  const r = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < n - 1; i++) {
    const z = generator.nextUint32() % (n - i);
    const tmp = r[i]!;
    r[i] = r[i + z]!;
    r[i + z] = tmp;
  }
  return r;
}

export interface BatchOptions {
  shuffle?: boolean;
  /** Drop the last batch when it is smaller than `batchSize`. */
  dropLast?: boolean;
  generator?: MT19937;
}

/** The sample indices of each batch of a pass over `n` samples (in order, or shuffled once). */
export function batchIndices(n: number, batchSize: number, opts: BatchOptions = {}): number[][] {
  if (!Number.isInteger(batchSize) || batchSize <= 0) {
    throw new ValueError(`batchIndices: batch_size should be a positive integer value, but got batch_size=${batchSize}`);
  }
  const order = opts.shuffle ? randperm(n, opts.generator) : Array.from({ length: n }, (_, i) => i);
  const batches: number[][] = [];
  for (let i = 0; i < n; i += batchSize) {
    const b = order.slice(i, i + batchSize);
    if (b.length < batchSize && opts.dropLast) break;
    batches.push(b);
  }
  return batches;
}
