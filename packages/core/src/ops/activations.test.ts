/** Forward values of the activations and statistics (relu, sigmoid, softplus, clamp, var, std, norm). */
import { describe, expect, it } from 'vitest';
import { logSigmoid, tensor, type Tensor } from '../index.js';
import { broadcastMap, expectClose, hostOf, reduceRef } from '../test-utils/reference.js';
import { Rng } from '../test-utils/rng.js';

const f64 = (data: ArrayLike<number>, shape: readonly number[]): Tensor => tensor(Float64Array.from(data), { dtype: 'float64', shape });
const wide = f64([-1e4, -745, -100, -20, -1, -1e-9, 0, 1e-9, 0.5, 20, 100, 745, 1e4], [13]);

describe('activations', () => {
  it('relu', () => {
    expect(tensor([-2, -0, 0, 3]).relu().tolist()).toEqual([0, 0, 0, 3]);
    expect(tensor([-2, 5], { dtype: 'int32' }).relu().tolist()).toEqual([0, 5]);
  });

  it('sigmoid matches 1/(1+e^−x) and saturates without NaN or overflow', () => {
    // Reference: the two-sided stable form evaluated on the host.
    const ref = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
    expectClose(wide.sigmoid(), broadcastMap([hostOf(wide)], ref), { rtol: 1e-15, atol: 0 });
    expect(tensor([-1e4, 1e4]).sigmoid().tolist()).toEqual([0, 1]);
    // e^-100 ≈ 3.7e-44 survives as a float32 subnormal (within one ulp), not 0.
    const tiny = Math.exp(-100) / (1 + Math.exp(-100));
    expect(Math.abs(tensor([-100]).sigmoid().item() - tiny)).toBeLessThanOrEqual(2 ** -149); // one subnormal ulp
  });

  it('softplus is log(1 + e^x) without overflow; logSigmoid is −softplus(−x)', () => {
    const ref = (x: number) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    expectClose(wide.softplus(), broadcastMap([hostOf(wide)], ref), { rtol: 1e-15, atol: 0 });
    expectClose(logSigmoid(wide), broadcastMap([hostOf(wide)], (x) => -ref(-x)), { rtol: 1e-15, atol: 0 });
    expect(tensor([1e4, -1e4]).softplus().tolist()).toEqual([1e4, 0]);
    expect(logSigmoid(tensor([-1e4])).item()).toBe(-1e4);
    expect(Math.abs(tensor([0]).softplus().item() - Math.LN2)).toBeLessThanOrEqual(Math.LN2 * 2 ** -23);
  });

  it('clamp with min, max or both; integer tensors stay integral for whole bounds', () => {
    const x = tensor([-3, -0.5, 0, 0.7, 4]);
    expect(x.clamp(-1, 1).tolist()).toEqual([-1, -0.5, 0, Math.fround(0.7), 1]);
    expect(x.clamp(0).tolist()).toEqual([0, 0, 0, Math.fround(0.7), 4]);
    expect(x.clamp(null, 0).tolist()).toEqual([-3, -0.5, 0, 0, 0]);
    const i = tensor([-5, 2, 9], { dtype: 'int32' });
    expect(i.clamp(0, 5).dtype).toBe('int32');
    expect(i.clamp(0, 5).tolist()).toEqual([0, 2, 5]);
    expect(i.clamp(0.5).dtype).toBe('float32');
    expect(i.clamp(0.5).tolist()).toEqual([0.5, 2, 9]);
  });
});

describe('statistics', () => {
  const x = f64(new Rng(70).normals(24).map((v) => 2 * v + 1), [2, 3, 4]);
  const h = hostOf(x);
  const varRef = (c: number) => (v: number[]) => {
    const m = v.reduce((s, a) => s + a, 0) / v.length;
    return v.reduce((s, a) => s + (a - m) ** 2, 0) / (v.length - c);
  };

  it.each([
    [undefined, 1, false],
    [[1], 1, false],
    [[0, 2], 0, true],
    [[-1], 2, false],
  ] as const)('variance and std over %j (correction %s, keepdims %s)', (axes, c, keep) => {
    const ax = axes === undefined ? undefined : axes.length === 1 ? axes[0] : [...axes];
    const want = reduceRef(h, axes && [...axes], keep, varRef(c));
    expectClose(x.variance(ax, c, keep), want, { rtol: 1e-13, atol: 1e-15 });
    expectClose(x.std(ax, c, keep), { shape: want.shape, data: want.data.map(Math.sqrt) }, { rtol: 1e-13, atol: 1e-15 });
  });

  it('variance of one element with Bessel correction is NaN (0/0, as PyTorch)', () => {
    expect(tensor([3]).variance().item()).toBeNaN();
    expect(tensor([3]).variance(undefined, 0).item()).toBe(0);
  });

  it.each([
    [2, (v: number[]) => Math.sqrt(v.reduce((s, a) => s + a * a, 0))],
    [1, (v: number[]) => v.reduce((s, a) => s + Math.abs(a), 0)],
    [3, (v: number[]) => Math.cbrt(v.reduce((s, a) => s + Math.abs(a) ** 3, 0))],
    [0.5, (v: number[]) => v.reduce((s, a) => s + Math.sqrt(Math.abs(a)), 0) ** 2],
    [Infinity, (v: number[]) => Math.max(...v.map(Math.abs))],
    [-Infinity, (v: number[]) => Math.min(...v.map(Math.abs))],
    [0, (v: number[]) => v.filter((a) => a !== 0).length],
  ])('norm p=%s over all axes and over axis 1', (p, ref) => {
    expectClose(x.norm(p), reduceRef(h, undefined, false, ref), { rtol: 1e-13, atol: 0 });
    expectClose(x.norm(p, 1, true), reduceRef(h, [1], true, ref), { rtol: 1e-13, atol: 0 });
  });

  it('norm counts exact zeros for p = 0 and gives 0 for a zero vector', () => {
    expect(tensor([0, 2, 0, -1]).norm(0).item()).toBe(2);
    expect(tensor([0, 0]).norm().item()).toBe(0);
  });
});
