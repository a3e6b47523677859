/** Forward values of softmax / logSoftmax / logsumexp: references, extreme logits, infinite rows. */
import { describe, expect, it } from 'vitest';
import { logsumexp, softmax, tensor, type Tensor } from '../index.js';
import { expectClose, hostOf, reduceRef, type Host } from '../test-utils/reference.js';
import { Rng } from '../test-utils/rng.js';

const f64 = (data: ArrayLike<number>, shape: readonly number[]): Tensor => tensor(Float64Array.from(data), { dtype: 'float64', shape });

/** log Σ e^v computed stably on the host. */
const lse = (v: number[]): number => {
  const m = Math.max(...v);
  if (!Number.isFinite(m)) return m === -Infinity ? -Infinity : m;
  return m + Math.log(v.reduce((s, x) => s + Math.exp(x - m), 0));
};

/** Softmax along the last axis of a [rows, cols] host array. */
function softmaxRef(x: Host): number[] {
  const [rows, cols] = x.shape as [number, number];
  const out: number[] = [];
  for (let i = 0; i < rows; i++) {
    const row = Array.from(x.data.slice(i * cols, (i + 1) * cols));
    const l = lse(row);
    out.push(...row.map((v) => Math.exp(v - l)));
  }
  return out;
}

describe('softmax', () => {
  it('matches a float64 reference and its rows sum to 1', () => {
    const x = f64(new Rng(50).normals(24).map((v) => 3 * v), [4, 6]);
    const s = softmax(x, 1);
    expectClose(s, softmaxRef(hostOf(x)), { rtol: 1e-14, atol: 1e-16 });
    expectClose(s.sum(1), [1, 1, 1, 1], { rtol: 1e-15, atol: 0 });
    // Along axis 0: the transpose of the row softmax of the transpose.
    expectClose(softmax(x, 0).transpose(0, 1), softmaxRef(hostOf(x.transpose(0, 1))), { rtol: 1e-14, atol: 1e-16 });
  });

  it('logits of ±1e4 stay finite and rows sum to 1 (float32)', () => {
    const x = tensor([[1e4, -1e4, 0], [-1e4, -1e4, -1e4], [1e4, 1e4, -1e4], [5e3, 1e4, 9999]]);
    const s = softmax(x, -1);
    const vals = (s.tolist() as number[][]).flat();
    expect(vals.every(Number.isFinite)).toBe(true);
    expect((s.sum(1).tolist() as number[]).every((v) => Math.abs(v - 1) < 1e-6)).toBe(true);
    expectClose(s, softmaxRef(hostOf(x)), { rtol: 1e-6, atol: 1e-7 });
    expect(s.slice([[0, 3]]).tolist()).toEqual([[1, 0, 0], [1 / 3, 1 / 3, 1 / 3].map(Math.fround), [0.5, 0.5, 0]]);
  });

  it('a −inf logit gets probability 0; an all −inf row is NaN (as PyTorch)', () => {
    const s = softmax(tensor([[0, -Infinity, 0], [-Infinity, -Infinity, -Infinity]]), 1);
    expect(s.tolist()).toEqual([[0.5, 0, 0.5], [NaN, NaN, NaN]]);
  });

  it('works on size-1 and size-0 axes', () => {
    expect(softmax(tensor([[3], [-7]]), 1).tolist()).toEqual([[1], [1]]);
    expect(softmax(tensor([[]]), 1).shape).toEqual([1, 0]);
    expect(softmax(tensor([], { shape: [0, 3] }), 1).shape).toEqual([0, 3]);
  });
});

describe('logSoftmax', () => {
  it('is x − logsumexp(x), exactly where the reference is well conditioned', () => {
    const x = f64(new Rng(51).normals(24).map((v) => 3 * v), [4, 6]);
    const h = hostOf(x);
    const l = reduceRef(h, [1], true, lse);
    expectClose(x.logSoftmax(1), Array.from(h.data, (v, i) => v - l.data[Math.floor(i / 6)]!), { rtol: 1e-14, atol: 1e-14 });
  });

  it('logits of ±1e4 give finite log-probabilities (no log(0))', () => {
    const x = tensor([[1e4, -1e4, 0], [-1e4, -1e4, -1e4]]);
    const l = x.logSoftmax(1);
    expect(l.tolist()).toEqual([[0, -2e4, -1e4], [-Math.log(3), -Math.log(3), -Math.log(3)].map(Math.fround)]);
  });

  it('exp of logSoftmax is softmax', () => {
    const x = f64(new Rng(52).normals(12), [3, 4]);
    expectClose(x.logSoftmax(0).exp(), hostOf(softmax(x, 0)), { rtol: 1e-14, atol: 1e-16 });
  });
});

describe('logsumexp', () => {
  it('matches a stable host reference over axes, all axes, with keepdims', () => {
    const x = f64(new Rng(53).normals(24).map((v) => 10 * v), [2, 3, 4]);
    const h = hostOf(x);
    expectClose(logsumexp(x, 2), reduceRef(h, [2], false, lse), { rtol: 1e-14, atol: 1e-14 });
    expectClose(x.logsumexp([0, 2], true), reduceRef(h, [0, 2], true, lse), { rtol: 1e-14, atol: 1e-14 });
    expectClose(x.logsumexp(), reduceRef(h, undefined, false, lse), { rtol: 1e-14, atol: 1e-14 });
  });

  it('does not overflow for large logits', () => {
    expect(tensor([1e4, 1e4]).logsumexp().item()).toBeCloseTo(1e4 + Math.log(2), 2);
    expect(tensor([-1e4, -1e4], { dtype: 'float64' }).logsumexp().item()).toBeCloseTo(-1e4 + Math.log(2), 10);
  });

  it('over an empty axis is −inf, and softmax / logSoftmax of an empty axis are empty (as PyTorch)', () => {
    const e = tensor([], { shape: [2, 0] });
    expect(e.logsumexp(1).tolist()).toEqual([-Infinity, -Infinity]);
    expect(e.logSoftmax(1).shape).toEqual([2, 0]);
    expect(tensor([], { shape: [0] }).logsumexp().item()).toBe(-Infinity);
  });

  it('is −inf for an all −inf row, +inf with a +inf entry, NaN with a NaN', () => {
    const x = tensor([[-Infinity, -Infinity], [0, Math.log(3)], [Infinity, 1], [NaN, 0], [-Infinity, 2]]);
    const out = x.logsumexp(1).tolist() as number[];
    expect(out[0]).toBe(-Infinity);
    expect(out[1]).toBeCloseTo(Math.log(4), 6);
    expect(out[2]).toBe(Infinity);
    expect(out[3]).toBeNaN();
    expect(out[4]).toBe(2);
  });
});
