import { describe, expect, it } from 'vitest';
import { np } from '../np/index.js';
import { MT19937 } from '../random/mt19937.js';
import { tensor } from '../tensor/create.js';
import { Tensor } from '../tensor/tensor.js';
import { batchIndices, defaultCollate, randperm } from './index.js';

describe('randperm', () => {
  it('is Fisher–Yates over the raw 32-bit stream (seed 0 words 2357136044, 2546248239, 3071714933, 3626093760)', () => {
    // swaps: i=0 with 0+2357136044%5=4, i=1 with 1+2546248239%4=4, i=2 with 2+3071714933%3=4, i=3 with 3+3626093760%2=3
    expect(randperm(5, new MT19937(0))).toEqual([4, 0, 1, 3, 2]);
  });
  it('is a permutation for larger n and rejects bad n', () => {
    const p = randperm(1000, new MT19937(7));
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(randperm(0)).toEqual([]);
    expect(() => randperm(-1)).toThrow('randperm: n must be a non-negative integer, got -1');
  });
});

describe('batchIndices', () => {
  it('batches in order with the remainder, or drops it', () => {
    expect(batchIndices(7, 3)).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(batchIndices(7, 3, { dropLast: true })).toEqual([[0, 1, 2], [3, 4, 5]]);
  });
  it('shuffles with the generator', () => {
    expect(batchIndices(5, 2, { shuffle: true, generator: new MT19937(0) })).toEqual([[4, 0], [1, 3], [2]]);
  });
  it('rejects a non-positive batch size', () => {
    expect(() => batchIndices(4, 0)).toThrow('batch_size should be a positive integer value, but got batch_size=0');
  });
});

describe('defaultCollate', () => {
  it('stacks tensors of (x, y) tuples field by field', () => {
    const samples = [
      [tensor([1, 2]), tensor(0, { dtype: 'int64' })],
      [tensor([3, 4]), tensor(1, { dtype: 'int64' })],
    ];
    const [x, y] = defaultCollate(samples) as Tensor[];
    expect(x!.shape).toEqual([2, 2]);
    expect(x!.tolist()).toEqual([[1, 2], [3, 4]]);
    expect(y!.dtype).toBe('int64');
    expect(Array.from(y!.dataSync() as BigInt64Array)).toEqual([0n, 1n]);
  });
  it('collates numbers, np arrays and objects', () => {
    const out = defaultCollate([{ a: 1.5, b: np.array([1, 2]) }, { a: 2.5, b: np.array([3, 4]) }]) as Record<string, Tensor>;
    expect(out.a!.tolist()).toEqual([1.5, 2.5]);
    expect(out.b!.tolist()).toEqual([[1, 2], [3, 4]]);
  });
  it('names a mismatched sample', () => {
    expect(() => defaultCollate([tensor([1]), 3])).toThrow('defaultCollate: sample 1 is number, expected Tensor like sample 0');
    expect(() => defaultCollate([[1, 2], [1]])).toThrow('each element in list of batch should be of equal size');
  });
});
