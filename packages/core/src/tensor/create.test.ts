/** Creating tensors and reading them back: tensor(), dtypes, int64 as BigInt64Array, item, tolist. */
import { describe, expect, it } from 'vitest';
import { arange, eye, full, linspace, manualSeed, ones, rand, randn, tensor, zeros, zerosLike, normal, uniform } from '../index.js';

describe('tensor()', () => {
  it('from nested number arrays: float32, shape inferred', () => {
    const t = tensor([[1, 2, 3], [4, 5, 6]]);
    expect(t.dtype).toBe('float32');
    expect(t.shape).toEqual([2, 3]);
    expect(t.ndim).toBe(2);
    expect(t.size).toBe(6);
    expect(t.dataSync()).toEqual(new Float32Array([1, 2, 3, 4, 5, 6]));
    expect(t.tolist()).toEqual([[1, 2, 3], [4, 5, 6]]);
    expect(tensor([[[0.5]]]).shape).toEqual([1, 1, 1]);
    expect(tensor([]).shape).toEqual([0]);
    expect(tensor([[], []]).shape).toEqual([2, 0]);
  });

  it('rounds numbers to float32 unless a dtype is given', () => {
    expect(tensor([0.1]).tolist()).toEqual([Math.fround(0.1)]);
    expect(tensor([0.1], { dtype: 'float64' }).tolist()).toEqual([0.1]);
    expect(tensor([1.9, -1.9], { dtype: 'int32' }).tolist()).toEqual([1, -1]);
    expect(tensor([0, 3, -1], { dtype: 'bool' }).tolist()).toEqual([false, true, true]);
  });

  it('from typed arrays, keeping their dtype', () => {
    expect(tensor(new Float32Array([1.5, 2])).dtype).toBe('float32');
    expect(tensor(new Float64Array([0.1])).dtype).toBe('float64');
    expect(tensor(new Float64Array([0.1])).tolist()).toEqual([0.1]);
    expect(tensor(new Int32Array([-3, 4])).dtype).toBe('int32');
    expect(tensor(new Int32Array([-3, 4])).tolist()).toEqual([-3, 4]);
    const withShape = tensor(new Float32Array([1, 2, 3, 4, 5, 6]), { shape: [3, 2] });
    expect(withShape.shape).toEqual([3, 2]);
    expect(withShape.tolist()).toEqual([[1, 2], [3, 4], [5, 6]]);
  });

  it('copies its data: later writes to the source do not show', () => {
    const src = new Float32Array([1, 2]);
    const t = tensor(src);
    src[0] = 99;
    expect(t.tolist()).toEqual([1, 2]);
  });

  it('BigInt64Array, bigints and int64 dtype: int64, read back as BigInt64Array', () => {
    const a = tensor(new BigInt64Array([1n, -2n, 2n ** 40n]));
    expect(a.dtype).toBe('int64');
    const d = a.dataSync();
    expect(d).toBeInstanceOf(BigInt64Array);
    expect(d).toEqual(new BigInt64Array([1n, -2n, 2n ** 40n]));
    expect(a.tolist()).toEqual([1, -2, 2 ** 40]);
    expect(tensor([[1n, 2n]]).dtype).toBe('int64');
    expect(tensor(7n).dataSync()).toEqual(new BigInt64Array([7n]));
    expect(tensor([3, 4], { dtype: 'int64' }).dataSync()).toEqual(new BigInt64Array([3n, 4n]));
    expect(arange(3).dataSync()).toEqual(new BigInt64Array([0n, 1n, 2n]));
  });

  it('booleans give bool, read back as 0/1 bytes and as booleans by tolist', () => {
    const b = tensor([[true, false], [false, true]]);
    expect(b.dtype).toBe('bool');
    expect(b.dataSync()).toEqual(new Uint8Array([1, 0, 0, 1]));
    expect(b.tolist()).toEqual([[true, false], [false, true]]);
    expect(tensor(true).tolist()).toBe(true);
  });

  it('scalars: shape [], item and tolist give the number', () => {
    const s = tensor(3.5);
    expect(s.shape).toEqual([]);
    expect(s.item()).toBe(3.5);
    expect(s.tolist()).toBe(3.5);
    expect(tensor([[2]]).item()).toBe(2);
    expect(tensor(5n).item()).toBe(5);
    expect(tensor(true).item()).toBe(1);
  });

  it('from another tensor: a copy with its dtype, or converted', () => {
    const a = tensor([1.5, 2.5]);
    const b = tensor(a, { dtype: 'int32' });
    expect(b.dtype).toBe('int32');
    expect(b.tolist()).toEqual([1, 2]);
    expect(tensor(a.mul(2)).tolist()).toEqual([3, 5]);
  });

  it('requiresGrad on a float tensor makes a leaf', () => {
    const t = tensor([1, 2], { requiresGrad: true });
    expect(t.requiresGrad).toBe(true);
    expect(t.isLeaf).toBe(true);
    expect(t.grad).toBeNull();
  });

  it('data() resolves to the same host array as dataSync()', async () => {
    const t = tensor([1n, 2n]).add(1);
    expect(await t.data()).toEqual(t.dataSync());
  });
});

describe('creation functions', () => {
  it('full, zeros, ones, zerosLike', () => {
    expect(full([2, 2], 7).tolist()).toEqual([[7, 7], [7, 7]]);
    expect(full(3, 1.5, { dtype: 'float64' }).tolist()).toEqual([1.5, 1.5, 1.5]);
    expect(zeros([2]).dtype).toBe('float32');
    expect(ones([2], { dtype: 'int64' }).dataSync()).toEqual(new BigInt64Array([1n, 1n]));
    expect(zerosLike(tensor([1, 2], { dtype: 'int32' })).dtype).toBe('int32');
    expect(zeros([0, 4]).tolist()).toEqual([]);
  });

  it('a zeros leaf that requires grad has storage and receives its gradient', () => {
    const w = zeros([2], { requiresGrad: true });
    w.mul(3).sum().backward();
    expect(w.grad!.tolist()).toEqual([3, 3]);
  });

  it('arange: int64 for whole arguments, float32 otherwise; negative steps; empty ranges', () => {
    expect(arange(4).tolist()).toEqual([0, 1, 2, 3]);
    expect(arange(4).dtype).toBe('int64');
    expect(arange(1, 7, 2).tolist()).toEqual([1, 3, 5]);
    expect(arange(5, 0, -2).tolist()).toEqual([5, 3, 1]);
    expect(arange(0, 1, 0.25).dtype).toBe('float32');
    expect(arange(0, 1, 0.25).tolist()).toEqual([0, 0.25, 0.5, 0.75]);
    expect(arange(3, 3).shape).toEqual([0]);
  });

  it('linspace hits both ends exactly; eye', () => {
    expect(linspace(0, 1, 5).tolist()).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(linspace(-1, 1, 1).tolist()).toEqual([-1]);
    expect(linspace(0, 1, 0).shape).toEqual([0]);
    // PyTorch's symmetric fill: start + i·step in the first half, end − (n−1−i)·step in the second.
    expect(linspace(0, 0.3, 4, { dtype: 'float64' }).tolist()).toEqual([0, 0.3 / 3, 0.3 - 0.3 / 3, 0.3]);
    expect(eye(2, 3).tolist()).toEqual([[1, 0, 0], [0, 1, 0]]);
  });

  it('random tensors are reproducible after manualSeed and have the right moments', () => {
    manualSeed(123);
    const a = randn([1000], { dtype: 'float64' }).dataSync();
    manualSeed(123);
    const b = randn([1000], { dtype: 'float64' }).dataSync();
    expect(a).toEqual(b);
    const m = Array.from(a as Float64Array).reduce((s, v) => s + v, 0) / 1000;
    expect(Math.abs(m)).toBeLessThan(0.15);
    const u = rand([1000]).dataSync() as Float32Array;
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    const v = uniform([500], -2, -1).dataSync() as Float32Array;
    expect(v.every((x) => x >= -2 && x < -1)).toBe(true);
    expect(normal([3], 5, 0).tolist()).toEqual([5, 5, 5]);
  });
});
