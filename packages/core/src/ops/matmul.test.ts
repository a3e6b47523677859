/** Forward values of matmul against a triple-loop float64 reference: 1-D rules, batches, strided operands. */
import { describe, expect, it } from 'vitest';
import { matmul, tensor, type Tensor } from '../index.js';
import { expectClose, hostOf, matmulRef, type Host } from '../test-utils/reference.js';
import { Rng } from '../test-utils/rng.js';
import { sizeOf } from '../shape.js';

const r = new Rng(60);
const f64 = (shape: number[]): Tensor => tensor(r.normals(sizeOf(shape)), { dtype: 'float64', shape });
const as2d = (h: Host, shape: number[]): Host => ({ shape, data: h.data });

describe('matmul', () => {
  it('2-D × 2-D, with a hand-computed case', () => {
    expect(tensor([[1, 2], [3, 4]]).matmul(tensor([[5, 6], [7, 8]])).tolist()).toEqual([[19, 22], [43, 50]]);
    const a = f64([5, 7]);
    const b = f64([7, 3]);
    expectClose(a.matmul(b), matmulRef(hostOf(a), hostOf(b)), { rtol: 1e-13, atol: 1e-14 });
  });

  it('1-D operands gain and lose a dim (torch.matmul rules)', () => {
    const v = f64([4]);
    const m = f64([4, 3]);
    const n = f64([3, 4]);
    const dot = v.matmul(v);
    expect(dot.shape).toEqual([]);
    expect(dot.item()).toBeCloseTo((hostOf(v).data as Float64Array).reduce((s, x) => s + x * x, 0), 13);
    const vm = v.matmul(m);
    expect(vm.shape).toEqual([3]);
    expectClose(vm, matmulRef(as2d(hostOf(v), [1, 4]), hostOf(m)).data, { rtol: 1e-13, atol: 1e-14 });
    const nv = n.matmul(v);
    expect(nv.shape).toEqual([3]);
    expectClose(nv, matmulRef(hostOf(n), as2d(hostOf(v), [4, 1])).data, { rtol: 1e-13, atol: 1e-14 });
  });

  it.each([
    [[2, 3, 4], [4, 5], [2, 3, 5]],
    [[4, 5], [2, 5, 3], [2, 4, 3]],
    [[2, 1, 3, 4], [5, 4, 2], [2, 5, 3, 2]],
    [[1, 3, 4], [6, 4, 2], [6, 3, 2]],
    [[3, 0], [0, 2], [3, 2]],
    [[0, 4], [4, 2], [0, 2]],
    [[2, 0, 3, 4], [4, 5], [2, 0, 3, 5]],
  ])('batched and broadcast %j @ %j → %j', (sa, sb, so) => {
    const a = f64(sa);
    const b = f64(sb);
    const out = matmul(a, b);
    expect(out.shape).toEqual(so);
    expectClose(out, matmulRef(hostOf(a), hostOf(b)), { rtol: 1e-13, atol: 1e-14 });
  });

  it('transposed, sliced, broadcast and lazy operands give the same values as contiguous copies', () => {
    const a = f64([6, 5]);
    const b = f64([7, 6]);
    const at = a.transpose(0, 1); // [5, 6]
    const bt = b.transpose(0, 1); // [6, 7]
    const ref = (x: Tensor, y: Tensor) => matmulRef(hostOf(x), hostOf(y));
    expectClose(at.matmul(bt), ref(at, bt), { rtol: 1e-13, atol: 1e-14 });
    expectClose(at.matmul(a), ref(at, a), { rtol: 1e-13, atol: 1e-14 });
    const bs = bt.slice([[null, null, -1], [1, null, 2]]); // [6, 3]: reversed rows, every other column
    expectClose(at.matmul(bs), ref(at, bs), { rtol: 1e-13, atol: 1e-14 });
    expectClose(at.slice([[null, null, -1]]).matmul(bt), ref(at.slice([[null, null, -1]]), bt), { rtol: 1e-13, atol: 1e-14 });
    expectClose(at.exp().matmul(bt.mul(2)), ref(at.exp(), bt.mul(2)), { rtol: 1e-13, atol: 1e-14 });
    const batched = a.expand([3, 6, 5]);
    expectClose(batched.transpose(1, 2).matmul(bt), ref(batched.transpose(1, 2), bt), { rtol: 1e-13, atol: 1e-14 });
  });

  it('float32 operands accumulate accurately and promote with float64', () => {
    const n = 4096;
    const a = tensor(new Float32Array(n).fill(0.1));
    const b = tensor(new Float32Array(n).fill(1));
    expect(a.matmul(b).item()).toBeCloseTo(n * Math.fround(0.1), 3);
    const c = tensor([[1, 2]]).matmul(tensor([[3], [4]], { dtype: 'float64' }));
    expect(c.dtype).toBe('float64');
    expect(c.tolist()).toEqual([[11]]);
  });
});
