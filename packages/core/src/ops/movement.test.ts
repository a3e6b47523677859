/** Forward values of reshape / permute / expand / slice / pad / concat / stack and friends. */
import { describe, expect, it } from 'vitest';
import { arange, concat, stack, tensor, zeros, type Tensor } from '../index.js';
import { expectClose, hostOf, permuteRef } from '../test-utils/reference.js';
import { Rng } from '../test-utils/rng.js';

/** 0, 1, …, n−1 as float32 in `shape`. */
const iota = (shape: number[]): Tensor => arange(shape.reduce((a, b) => a * b, 1), undefined, 1, { dtype: 'float32' }).reshape(shape);

describe('reshape, permute, expand', () => {
  it('reshape keeps row-major order, infers -1, and handles size-0 and scalars', () => {
    expect(iota([2, 3]).reshape([3, 2]).tolist()).toEqual([[0, 1], [2, 3], [4, 5]]);
    expect(iota([2, 3]).reshape([-1]).tolist()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(iota([2, 3]).reshape([3, -1]).shape).toEqual([3, 2]);
    expect(zeros([0, 3]).reshape([3, 0]).shape).toEqual([3, 0]);
    expect(tensor([[5]]).reshape([]).item()).toBe(5);
    expect(tensor(5).reshape([1, 1]).tolist()).toEqual([[5]]);
  });

  it('reshape of a transposed tensor reads in the transposed order', () => {
    expect(iota([2, 3]).transpose(0, 1).reshape([6]).tolist()).toEqual([0, 3, 1, 4, 2, 5]);
  });

  it('permute matches a host reference, with negative dims', () => {
    const x = iota([2, 3, 4]);
    expectClose(x.permute([2, 0, 1]), permuteRef(hostOf(x), [2, 0, 1]), { rtol: 0, atol: 0 });
    expectClose(x.permute([-1, -3, -2]), permuteRef(hostOf(x), [2, 0, 1]), { rtol: 0, atol: 0 });
    expect(x.transpose(-1, 0).shape).toEqual([4, 3, 2]);
  });

  it('expand repeats size-1 dims and prepends new ones; -1 keeps a size', () => {
    expect(tensor([[1], [2]]).expand([2, 3]).tolist()).toEqual([[1, 1, 1], [2, 2, 2]]);
    expect(tensor([1, 2]).expand([2, -1]).tolist()).toEqual([[1, 2], [1, 2]]);
    expect(tensor([7]).expand([0]).shape).toEqual([0]);
    expect(tensor(3).expand([2, 2]).tolist()).toEqual([[3, 3], [3, 3]]);
  });

  it('squeeze, unsqueeze, flatten, narrow', () => {
    const x = iota([1, 3, 1]);
    expect(x.squeeze().shape).toEqual([3]);
    expect(x.squeeze(0).shape).toEqual([3, 1]);
    expect(x.squeeze(1).shape).toEqual([1, 3, 1]);
    expect(iota([3]).unsqueeze(0).shape).toEqual([1, 3]);
    expect(iota([3]).unsqueeze(-1).shape).toEqual([3, 1]);
    expect(iota([2, 3, 4]).flatten(1).shape).toEqual([2, 12]);
    expect(iota([2, 3, 4]).flatten().shape).toEqual([24]);
    expect(tensor(2).flatten().tolist()).toEqual([2]);
    expect(iota([4, 2]).narrow(0, 1, 2).tolist()).toEqual([[2, 3], [4, 5]]);
    expect(iota([4, 2]).narrow(0, -1, 1).tolist()).toEqual([[6, 7]]);
  });
});

describe('slice (Python semantics)', () => {
  const x = arange(10);
  it.each([
    ['[2:5]', [2, 5], [2, 3, 4]],
    ['[-3:]', [-3, null], [7, 8, 9]],
    ['[:-7]', [null, -7], [0, 1, 2]],
    ['[-4:-1]', [-4, -1], [6, 7, 8]],
    ['[::3]', [null, null, 3], [0, 3, 6, 9]],
    ['[1:8:3]', [1, 8, 3], [1, 4, 7]],
    ['[::-1]', [null, null, -1], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]],
    ['[-1:-4:-1]', [-1, -4, -1], [9, 8, 7]],
    ['[8:1:-3]', [8, 1, -3], [8, 5, 2]],
    ['[5:2] (empty)', [5, 2], []],
    ['[-100:100] (clamped)', [-100, 100], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]],
    ['[100:] (empty)', [100, null], []],
    ['[:-100:-1] (reversed, clamped)', [null, -100, -1], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]],
  ] as const)('%s', (_n, spec, want) => {
    const out = x.slice([[...spec]]);
    expect(out.tolist()).toEqual(want);
    expect(out.dtype).toBe('int64');
  });

  it('multi-dim slices with null for whole axes, on a transposed view and a lazy expression', () => {
    const m = iota([3, 4]);
    expect(m.slice([null, [1, 3]]).tolist()).toEqual([[1, 2], [5, 6], [9, 10]]);
    expect(m.slice([[-1, null], [null, null, -2]]).tolist()).toEqual([[11, 9]]);
    expect(m.transpose(0, 1).slice([[1, 3], [null, null, 2]]).tolist()).toEqual([[1, 9], [2, 10]]);
    expect(m.mul(2).add(1).slice([[1, 2]]).tolist()).toEqual([[9, 11, 13, 15]]);
    expect(m.slice([[1, null]]).slice([[null, null, -1], [2, null]]).tolist()).toEqual([[10, 11], [6, 7]]);
  });
});

describe('pad', () => {
  it('pads with zeros or a value, and composes with slicing', () => {
    const x = tensor([[1, 2], [3, 4]]);
    expect(x.pad([1, 0], [0, 1]).tolist()).toEqual([[0, 0, 0], [1, 2, 0], [3, 4, 0]]);
    expect(x.pad([0, 1], [0, 0], -1).tolist()).toEqual([[-1, 1, 2], [-1, 3, 4]]);
    expect(x.pad([0, 0], [0, 2]).slice([null, [1, null]]).tolist()).toEqual([[2, 0, 0], [4, 0, 0]]);
    expect(x.slice([[null, null, -1]]).pad([1, 0], [0, 0]).tolist()).toEqual([[0, 0], [3, 4], [1, 2]]);
    expect(zeros([0, 2]).pad([1, 0], [1, 0], 5).tolist()).toEqual([[5, 5], [5, 5]]);
  });
});

describe('concat and stack', () => {
  it('concat joins along any axis and promotes dtypes', () => {
    expect(concat([tensor([[1, 2]]), tensor([[3, 4], [5, 6]])]).tolist()).toEqual([[1, 2], [3, 4], [5, 6]]);
    expect(concat([tensor([[1], [2]]), tensor([[3, 4], [5, 6]])], 1).tolist()).toEqual([[1, 3, 4], [2, 5, 6]]);
    expect(concat([tensor([[1], [2]]), tensor([[3], [4]])], -1).tolist()).toEqual([[1, 3], [2, 4]]);
    const mixed = concat([tensor([1], { dtype: 'int32' }), tensor([2.5])]);
    expect(mixed.dtype).toBe('float32');
    expect(mixed.tolist()).toEqual([1, 2.5]);
    const bools = concat([tensor([true, false]), tensor([true])]);
    expect(bools.dtype).toBe('bool');
    expect(bools.tolist()).toEqual([true, false, true]);
    expect(concat([tensor([1n]), tensor([2n, 3n])]).dataSync()).toEqual(new BigInt64Array([1n, 2n, 3n]));
  });

  it('concat with size-0 pieces, of a single tensor, and of lazy or strided pieces', () => {
    expect(concat([zeros([0, 2]), tensor([[1, 2]]), zeros([0, 2])]).tolist()).toEqual([[1, 2]]);
    expect(concat([tensor([1, 2])]).tolist()).toEqual([1, 2]);
    const m = iota([2, 2]);
    expect(concat([m.transpose(0, 1), m.mul(10)], 0).tolist()).toEqual([[0, 2], [1, 3], [0, 10], [20, 30]]);
  });

  it('concat of NaN and infinities keeps them (the pieces do not sum into each other)', () => {
    expect(concat([tensor([NaN, Infinity]), tensor([-Infinity, 1])]).tolist()).toEqual([NaN, Infinity, -Infinity, 1]);
  });

  it('stack adds a new axis at any position', () => {
    const a = tensor([1, 2]);
    const b = tensor([3, 4]);
    expect(stack([a, b]).tolist()).toEqual([[1, 2], [3, 4]]);
    expect(stack([a, b], 1).tolist()).toEqual([[1, 3], [2, 4]]);
    expect(stack([a, b], -1).shape).toEqual([2, 2]);
    expect(stack([tensor(1), tensor(2)]).tolist()).toEqual([1, 2]);
  });

  it('random concat along each axis matches a host reference', () => {
    const r = new Rng(20);
    for (const axis of [0, 1, 2]) {
      const shapes = [[2, 3, 4], [2, 3, 4], [2, 3, 4]].map((s, i) => s.map((n, d) => (d === axis ? n + i : n)));
      const parts = shapes.map((s) => tensor(r.normals(s.reduce((a, b) => a * b, 1)), { dtype: 'float64', shape: s }));
      const out = concat(parts, axis);
      const hosts = parts.map((p) => p.tolist() as number[][][]);
      const want = axis === 0 ? hosts.flat(1)
        : axis === 1 ? hosts[0]!.map((_, i) => hosts.flatMap((h) => h[i]!))
        : hosts[0]!.map((_, i) => hosts[0]![i]!.map((_, j) => hosts.flatMap((h) => h[i]![j]!)));
      expect(out.tolist()).toEqual(want);
    }
  });
});
