import { describe, expect, it } from 'vitest';
import { vmathProbe } from '../../test-utils/vmath-probe.js';
import type { VMathName } from './vmath.js';
import type { FunctionBody } from './encoding.js';
import { LOG1P_SMALL, VMATH_F32X4 } from './vmath32.js';

/** The f32x4 function `fn` applied to up to four float32 lanes. */
function probe(fn: VMathName | FunctionBody): (xs: readonly number[]) => number[] {
  const { memory, run, at } = vmathProbe(fn, VMATH_F32X4);
  const f = new Float32Array(memory.buffer, at, 8);
  return (xs) => {
    f.set(xs);
    run();
    return Array.from(f.subarray(4, 4 + xs.length));
  };
}

const REFERENCE: Record<VMathName, (x: number) => number> = { exp: Math.exp, expm1: Math.expm1, log: Math.log, log1p: Math.log1p, tanh: Math.tanh };
const MIN_NORMAL = 2 ** -126;
const MAX_F32 = 3.4028234663852886e38;

/** Float32 values spread over `[lo, hi]`, plus ±10^e and ±1.2345·10^e where in range (dense near 0). */
function grid(lo: number, hi: number, n = 40000): number[] {
  const out: number[] = [];
  for (let i = 0; i <= n; i++) out.push(lo + ((hi - lo) * i) / n);
  for (let e = -40; e <= 0; e++) for (const s of [1, -1]) if (s * 10 ** e >= lo && s * 10 ** e <= hi) out.push(s * 10 ** e, s * 1.2345 * 10 ** e);
  return out.map(Math.fround);
}

const RANGES: Record<VMathName, () => number[]> = {
  exp: () => grid(-103, 88.7),
  expm1: () => grid(-20, 88.7),
  log: () => Array.from({ length: 40001 }, (_, i) => Math.fround(10 ** (-45 + (83.5 * i) / 40000))).concat(grid(0.5, 2)),
  log1p: () => grid(-0.999999, 1e6).concat(grid(-0.01, 0.01)),
  tanh: () => grid(-12, 12),
};

/** Bounds just above the worst relative errors measured here (exp 7.8e-8, expm1 1.0e-7, log 2.2e-7, log1p 2.6e-7, tanh 1.1e-7). */
const WORST: Record<VMathName, number> = { exp: 1e-7, expm1: 1.2e-7, log: 2.5e-7, log1p: 3e-7, tanh: 1.2e-7 };

describe('f32x4 exp, expm1, log, log1p, tanh in wasm against float64 Math', () => {
  it.each(Object.keys(REFERENCE) as VMathName[])('%s: relative error ≤ 1e-6 over its float32 range, in all four lanes', (fn) => {
    const f = probe(fn);
    const ref = REFERENCE[fn];
    const xs = RANGES[fn]();
    let worst = 0;
    for (let i = 0; i < xs.length; i += 4) {
      const x = xs.slice(i, i + 4);
      const y = f(x);
      x.forEach((xi, j) => {
        const want = ref(xi);
        const got = y[j]!;
        if (Math.abs(want) > MAX_F32) expect(got, `${fn}(${xi})`).toBe(want > 0 ? Infinity : -Infinity);
        else if (Math.abs(want) < MIN_NORMAL) expect(Math.abs(got - want), `${fn}(${xi}) = ${got}`).toBeLessThanOrEqual(2 ** -148);
        else worst = Math.max(worst, Math.abs(got - want) / Math.abs(want));
      });
    }
    expect(worst).toBeLessThanOrEqual(WORST[fn]);
    expect(WORST[fn]).toBeLessThanOrEqual(1e-6);
  });

  it('special values: ±0, ±∞, NaN, subnormals, the domain edges', () => {
    const cases: [VMathName, number, number][] = [
      ['exp', 0, 1], ['exp', -Infinity, 0], ['exp', Infinity, Infinity], ['exp', 89, Infinity], ['exp', -104, 0], ['exp', -100, Math.fround(Math.exp(-100))],
      ['expm1', -Infinity, -1], ['expm1', Infinity, Infinity], ['expm1', 1e-30, Math.fround(1e-30)], ['expm1', 88.5, Math.fround(Math.expm1(88.5))],
      ['log', 0, -Infinity], ['log', -1, NaN], ['log', Infinity, Infinity], ['log', 1, 0], ['log', 2 ** -149, Math.fround(Math.log(2 ** -149))],
      ['log1p', -1, -Infinity], ['log1p', -2, NaN], ['log1p', Infinity, Infinity], ['log1p', 1e-30, Math.fround(1e-30)],
      ['tanh', Infinity, 1], ['tanh', -Infinity, -1], ['tanh', 0, 0], ['tanh', 1e-30, Math.fround(1e-30)], ['tanh', -30, -1],
    ];
    for (const [fn, x, want] of cases) {
      const [y0, y1] = probe(fn)([x, NaN, x, x]);
      expect(y1, `${fn}(NaN)`).toBeNaN();
      if (Number.isNaN(want)) expect(y0, `${fn}(${x})`).toBeNaN();
      else if (want === 0 || !Number.isFinite(want)) expect(y0, `${fn}(${x})`).toBe(want);
      else expect(Math.abs(y0! - want), `${fn}(${x}) = ${y0}`).toBeLessThanOrEqual(Math.abs(want) * 1e-6);
    }
  });

  it('log1p on [−0.5, 1] (softplus\'s argument): relative error ≤ 2.5e-7 (measured 2.2e-7), NaN propagates', () => {
    const f = probe(LOG1P_SMALL);
    const xs = grid(-0.5, 1).concat(grid(-1e-3, 1e-3));
    let worst = 0;
    for (let i = 0; i < xs.length; i += 4) {
      const x = xs.slice(i, i + 4);
      f(x).forEach((got, j) => {
        const want = Math.log1p(x[j]!);
        worst = Math.max(worst, want === 0 ? Math.abs(got) : Math.abs(got - want) / Math.abs(want));
      });
    }
    expect(worst).toBeLessThanOrEqual(2.5e-7);
    expect(f([NaN, 0, 1, -0.5]).map((v, i) => (i === 0 ? Number.isNaN(v) : v === Math.fround(Math.log1p([NaN, 0, 1, -0.5][i]!))))).toEqual([true, true, true, true]);
  });
});
