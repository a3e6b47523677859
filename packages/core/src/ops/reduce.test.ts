/** Forward values of sum / mean / max / min / argmax against float64 host references. */
import { describe, expect, it } from 'vitest';
import { argmax, tensor, zeros, type Tensor } from '../index.js';
import { expectClose, hostOf, reduceRef } from '../test-utils/reference.js';
import { Rng } from '../test-utils/rng.js';
import { sizeOf } from '../shape.js';

const f64 = (data: ArrayLike<number>, shape: readonly number[]): Tensor => tensor(Float64Array.from(data), { dtype: 'float64', shape });
const sumOf = (v: number[]): number => v.reduce((a, b) => a + b, 0);

describe('sum, mean, max, min over axes', () => {
  const r = new Rng(10);
  const CASES: [number[], number[] | undefined, boolean][] = [
    [[3, 4], undefined, false],
    [[3, 4], [0], false],
    [[3, 4], [-1], true],
    [[2, 3, 4], [0, 2], false],
    [[2, 3, 4], [1], true],
    [[2, 3, 4], [0, 1, 2], true],
    [[1, 5], [0], false],
    [[5, 1, 2], [1], false],
    [[], undefined, false],
    [[7], [0], false],
  ];
  it.each(CASES)('of %j over %j (keepdims %s)', (shape, axes, keep) => {
    const x = f64(r.normals(sizeOf(shape)), shape);
    const h = hostOf(x);
    const ax = axes === undefined ? undefined : axes.length === 1 ? axes[0] : axes;
    expectClose(x.sum(ax, keep), reduceRef(h, axes, keep, sumOf), { rtol: 1e-14, atol: 1e-15 });
    expectClose(x.mean(ax, keep), reduceRef(h, axes, keep, (v) => sumOf(v) / v.length), { rtol: 1e-14, atol: 1e-15 });
    expectClose(x.max(ax, keep), reduceRef(h, axes, keep, (v) => Math.max(...v)), { rtol: 0, atol: 0 });
    expectClose(x.min(ax, keep), reduceRef(h, axes, keep, (v) => Math.min(...v)), { rtol: 0, atol: 0 });
  });

  it('reduces strided views (transposed, sliced, broadcast) without a copy changing the result', () => {
    const x = f64(r.normals(20), [4, 5]);
    const h = hostOf(x);
    const t = x.transpose(0, 1); // [5, 4]
    expectClose(t.sum(1), reduceRef(h, [0], false, sumOf), { rtol: 1e-14, atol: 1e-15 });
    // Rows 3 and 1 (x[::-2]), reduced over the rows.
    expectClose(x.slice([[null, null, -2]]).max(0), Array.from({ length: 5 }, (_, j) => Math.max(h.data[15 + j]!, h.data[5 + j]!)), { rtol: 0, atol: 0 });
    expect(x.reshape([4, 1, 5]).expand([4, 3, 5]).sum().item()).toBeCloseTo(3 * sumOf(Array.from(h.data)), 12);
  });

  it('sums of bool and integer tensors are int64 and exact', () => {
    const b = tensor([[true, false, true], [true, true, true]]);
    expect(b.sum().dtype).toBe('int64');
    expect(b.sum().dataSync()).toEqual(new BigInt64Array([5n]));
    expect(b.sum(1).dataSync()).toEqual(new BigInt64Array([2n, 3n]));
    const i = tensor([2 ** 30, 2 ** 30, 2 ** 30], { dtype: 'int32' });
    expect(i.sum().dtype).toBe('int64');
    expect(i.sum().dataSync()).toEqual(new BigInt64Array([3n * 2n ** 30n]));
    expect(i.max().dtype).toBe('int32');
    expect(tensor([3n, -5n, 4n]).min().dataSync()).toEqual(new BigInt64Array([-5n]));
  });

  it('sums over size-0 dims are 0 and mean over nothing is NaN (as PyTorch)', () => {
    const e = zeros([0, 3]);
    expect(e.sum().item()).toBe(0);
    expect(e.sum(0).tolist()).toEqual([0, 0, 0]);
    expect(e.sum(1).shape).toEqual([0]);
    expect(e.max(1).shape).toEqual([0]);
    expect(e.mean(0).tolist()).toEqual([NaN, NaN, NaN]);
    expect(tensor([]).mean().item()).toBeNaN();
  });

  it('max and min propagate NaN', () => {
    const x = tensor([[1, NaN, 3], [4, 5, 6]]);
    expect(x.max(1).tolist()).toEqual([NaN, 6]);
    expect(x.min(1).tolist()).toEqual([NaN, 4]);
    expect(x.max().item()).toBeNaN();
  });

  it('max of -Infinity rows is -Infinity', () => {
    expect(tensor([[-Infinity, -Infinity], [1, -Infinity]]).max(1).tolist()).toEqual([-Infinity, 1]);
  });
});

describe('reductions of reductions', () => {
  // Reductions of reductions: the inner one is realized first.
  const x = tensor([[1, 2, 3], [4, 5, 6]]);
  it('x.sum(1).sum() and x.sum(1, true).sum(0)', () => {
    expect(x.sum(1).sum().item()).toBe(21);
    expect(x.sum(1, true).sum(0).tolist()).toEqual([21]);
  });
  it('x.pow(2).sum(1).mean(), x.max(1).sum(), x.sum(1).max(), x.sum(1).argmax()', () => {
    expect(x.pow(2).sum(1).mean().item()).toBe((14 + 77) / 2);
    expect(x.max(1).sum().item()).toBe(9);
    expect(x.sum(1).max().item()).toBe(15);
    expect(x.sum(1).argmax().item()).toBe(1);
  });
  it('a reduction of an elementwise op of a reduction works (the inner one is found and realized)', () => {
    expect(x.sum(1).mul(2).sum().item()).toBe(42);
  });
});

describe('argmax', () => {
  it('picks the first of tied maxima, along an axis and flattened', () => {
    const x = tensor([[1, 5, 5, 2], [7, 0, 7, 7], [-3, -3, -3, -3]]);
    expect(argmax(x, 1).tolist()).toEqual([1, 0, 0]);
    expect(argmax(x, -1, true).tolist()).toEqual([[1], [0], [0]]);
    expect(argmax(x, 0).tolist()).toEqual([1, 0, 1, 1]);
    expect(argmax(x).item()).toBe(4);
    expect(argmax(x).shape).toEqual([]);
    expect(argmax(x, 1).dtype).toBe('int64');
    expect(argmax(x, 1).dataSync()).toBeInstanceOf(BigInt64Array);
  });

  it('treats NaN as the maximum (first NaN wins, as torch.argmax)', () => {
    expect(argmax(tensor([1, NaN, 3, NaN])).item()).toBe(1);
    expect(argmax(tensor([[1, NaN], [3, 3], [NaN, 9]]), 1).tolist()).toEqual([1, 0, 0]);
  });

  it('works on integer tensors and matches a host reference on random data', () => {
    expect(argmax(tensor([3, 9, 9, 1], { dtype: 'int32' })).item()).toBe(1);
    const r = new Rng(11);
    const x = f64(Array.from({ length: 60 }, () => r.int(5)), [3, 4, 5]);
    const h = hostOf(x);
    const ref = reduceRef(h, [1], false, (v) => v.indexOf(Math.max(...v)));
    expectClose(argmax(x, 1), ref, { rtol: 0, atol: 0 });
  });
});

describe('accuracy of large reductions', () => {
  it('odd sizes of many thousand elements: sum, max with a late NaN, argmax, strided sums', () => {
    for (const n of [8191, 8193, 3 * 8192 + 5, 100003]) {
      const d = Float64Array.from({ length: n }, (_, i) => Math.sin(i) * 10);
      const t = tensor(d, { dtype: 'float64' });
      let s = 0;
      let at = 0;
      for (let i = 0; i < n; i++) {
        s += d[i]!;
        if (d[i]! > d[at]!) at = i;
      }
      expect(t.sum().item()).toBeCloseTo(s, 9);
      expect(t.max().item()).toBe(d[at]);
      expect(t.argmax().item()).toBe(at);
      const withNaN = d.slice();
      withNaN[n - 2] = NaN;
      const tn = tensor(withNaN, { dtype: 'float64' });
      expect(tn.max().item()).toBeNaN();
      expect(tn.min().item()).toBeNaN();
      expect(tn.argmax().item()).toBe(n - 2);
      // A reduction over the inner axis of a transposed broadcast: every output reads 3 strided values.
      const cols = t.reshape([1, n]).expand([3, n]).transpose(0, 1).sum(1).dataSync() as Float64Array;
      expect(cols.every((v, i) => Math.abs(v - 3 * d[i]!) <= 1e-12 * Math.max(1, Math.abs(d[i]!)))).toBe(true);
    }
  });

  it('the mean of 2^24 float32 values is within 1e-6 relative of the float64 answer', () => {
    const n = 1 << 24;
    const data = new Float32Array(n);
    // 0.1, 0.2, ..., 1.0 repeating (not exact in float32): a float32 running sum would stall near 2^24.
    for (let i = 0; i < n; i++) data[i] = ((i % 10) + 1) / 10;
    let exact = 0;
    for (let i = 0; i < n; i++) exact += data[i]!;
    exact /= n;
    const x = tensor(data);
    expect(x.dtype).toBe('float32');
    const got = x.mean().item();
    expect(Math.abs(got - exact) / exact).toBeLessThan(1e-6);
    // Column means of the same values as [4096, 4096] (reduction over the strided outer axis).
    const cols = x.reshape([4096, 4096]).mean(0).dataSync() as Float32Array;
    const want = new Float64Array(4096);
    for (let i = 0; i < n; i++) want[i % 4096] += data[i]!;
    let worst = 0;
    for (let j = 0; j < 4096; j++) worst = Math.max(worst, Math.abs(cols[j]! - want[j]! / 4096) / (want[j]! / 4096));
    expect(worst).toBeLessThan(1e-6);
  });
});
