/** Forward values of gather / scatterAdd / oneHot against host references. */
import { describe, expect, it } from 'vitest';
import { oneHot, tensor, zeros } from '../index.js';
import { coords } from '../test-utils/reference.js';
import { Rng } from '../test-utils/rng.js';
import { contiguousStrides, sizeOf } from '../shape.js';

/** torch.gather on host arrays: out[i] = x[i with i[axis] = index[i]]. */
function gatherRef(x: number[], xs: number[], axis: number, idx: number[], is: number[]): number[] {
  const st = contiguousStrides(xs);
  return idx.map((v, p) => {
    const c = coords(p, is);
    c[axis] = v;
    return x[c.reduce((s, ci, d) => s + ci * st[d]!, 0)]!;
  });
}

/** torch.scatter_add on host arrays (a copy of base is returned). */
function scatterAddRef(base: number[], bs: number[], axis: number, idx: number[], is: number[], src: number[]): number[] {
  const st = contiguousStrides(bs);
  const out = [...base];
  idx.forEach((v, p) => {
    const c = coords(p, is);
    c[axis] = v;
    out[c.reduce((s, ci, d) => s + ci * st[d]!, 0)]! += src[p]!;
  });
  return out;
}

describe('gather', () => {
  it('picks along axis 1 and axis 0 (torch.gather)', () => {
    const x = tensor([[1, 2, 3], [4, 5, 6]]);
    expect(x.gather(1, tensor([[2, 0], [1, 1]], { dtype: 'int64' })).tolist()).toEqual([[3, 1], [5, 5]]);
    expect(x.gather(0, tensor([[1, 0, 1]], { dtype: 'int64' })).tolist()).toEqual([[4, 2, 6]]);
    expect(x.gather(-1, tensor([[0], [2]], { dtype: 'int32' })).tolist()).toEqual([[1], [6]]);
  });

  it('accepts float indices holding whole numbers (CONVENTIONS.md) and keeps the source dtype', () => {
    const x = tensor([[10, 20], [30, 40]], { dtype: 'int32' });
    const out = x.gather(1, tensor([[1], [0]]));
    expect(out.dtype).toBe('int32');
    expect(out.tolist()).toEqual([[20], [30]]);
  });

  it('picks the labelled log-probabilities (the cross-entropy pattern)', () => {
    const logp = tensor([[-0.1, -2.3, -3], [-1.2, -0.4, -2.2]]).logSoftmax(1);
    const picked = logp.gather(1, tensor([[1], [0]], { dtype: 'int64' }));
    const rows = logp.tolist() as number[][];
    expect(picked.tolist()).toEqual([[rows[0]![1]], [rows[1]![0]]]);
  });

  it.each([
    [[3, 4], 1, [3, 6]],
    [[3, 4], 0, [5, 4]],
    [[2, 3, 4], 2, [2, 3, 2]],
    [[2, 3, 4], 1, [1, 7, 2]],
    [[3, 4], 1, [3, 0]],
  ])('random gather from %j along %s with index %j matches the reference', (xs, axis, is) => {
    const r = new Rng(30 + axis);
    const x = Array.from(r.normals(sizeOf(xs)));
    const idx = Array.from({ length: sizeOf(is) }, () => r.int(xs[axis]!));
    const out = tensor(Float64Array.from(x), { dtype: 'float64', shape: xs }).gather(axis, tensor(Float64Array.from(idx), { dtype: 'int64', shape: is }));
    expect(out.shape).toEqual(is);
    expect(Array.from(out.dataSync() as Float64Array)).toEqual(gatherRef(x, xs, axis, idx, is));
  });
});

describe('scatterAdd', () => {
  it('adds src at the indexed positions, accumulating repeats, out of place', () => {
    const base = tensor([[1, 1, 1], [1, 1, 1]]);
    const out = base.scatterAdd(1, tensor([[2, 0, 2], [1, 1, 1]], { dtype: 'int64' }), tensor([[1, 2, 3], [4, 5, 6]]));
    expect(out.tolist()).toEqual([[3, 1, 5], [1, 16, 1]]);
    expect(base.tolist()).toEqual([[1, 1, 1], [1, 1, 1]]);
    expect(zeros([3]).scatterAdd(0, tensor([0, 0, 2, 0], { dtype: 'int64' }), tensor([1, 2, 3, 4])).tolist()).toEqual([7, 0, 3]);
  });

  it('casts src to the base dtype', () => {
    const out = zeros([2], { dtype: 'float64' }).scatterAdd(0, tensor([1], { dtype: 'int64' }), tensor([0.5]));
    expect(out.dtype).toBe('float64');
    expect(out.tolist()).toEqual([0, 0.5]);
  });

  it.each([
    [[3, 4], 1, [3, 5]],
    [[4, 2], 0, [6, 2]],
    [[2, 3, 4], 2, [2, 2, 9]],
    [[2, 3], 1, [2, 0]],
  ])('random scatterAdd into %j along %s with index %j matches the reference', (bs, axis, is) => {
    const r = new Rng(40 + axis);
    const base = Array.from(r.normals(sizeOf(bs)));
    const src = Array.from(r.normals(sizeOf(is)));
    const idx = Array.from({ length: sizeOf(is) }, () => r.int(bs[axis]!));
    const f = (v: number[], s: number[]) => tensor(Float64Array.from(v), { dtype: 'float64', shape: s });
    const out = f(base, bs).scatterAdd(axis, tensor(Float64Array.from(idx), { dtype: 'int64', shape: is }), f(src, is));
    const want = scatterAddRef(base, bs, axis, idx, is, src);
    const got = Array.from(out.dataSync() as Float64Array);
    got.forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 13));
  });
});

describe('oneHot', () => {
  it('encodes int64 labels with inferred or given class counts', () => {
    expect(oneHot(tensor([0, 2, 1], { dtype: 'int64' })).tolist()).toEqual([[1, 0, 0], [0, 0, 1], [0, 1, 0]]);
    expect(oneHot(tensor([1], { dtype: 'int32' }), 4).tolist()).toEqual([[0, 1, 0, 0]]);
    expect(oneHot(tensor([[0], [1]]), 2).shape).toEqual([2, 1, 2]);
    expect(oneHot(tensor([2, 0])).dtype).toBe('int64');
    expect(oneHot(tensor([], { dtype: 'int64' })).shape).toEqual([0, 0]);
  });
});
