import { describe, expect, it } from 'vitest';
import { vmathProbe } from '../../test-utils/vmath-probe.js';
import type { VMathName } from './vmath.js';

/** Helper `fn` applied to two f64 lanes. */
function probe(fn: VMathName): (x0: number, x1: number) => [number, number] {
  const { memory, run, at } = vmathProbe(fn);
  const f = new Float64Array(memory.buffer, at, 4);
  return (x0, x1) => {
    f[0] = x0;
    f[1] = x1;
    run();
    return [f[2]!, f[3]!];
  };
}

const REFERENCE: Record<VMathName, (x: number) => number> = { exp: Math.exp, expm1: Math.expm1, log: Math.log, log1p: Math.log1p, tanh: Math.tanh };

/** Values spread over `[lo, hi]` (dense near 0 when the range crosses it, where relative error is hardest). */
function grid(lo: number, hi: number, n = 20000): number[] {
  const out: number[] = [];
  for (let i = 0; i <= n; i++) out.push(lo + ((hi - lo) * i) / n);
  for (let e = -30; e <= 0; e++) for (const s of [1, -1]) if (s * 10 ** e >= lo && s * 10 ** e <= hi) out.push(s * 10 ** e, s * 1.2345 * 10 ** e);
  return out;
}

const RANGES: Record<VMathName, [number, number]> = {
  exp: [-745, 709], expm1: [-40, 709], log: [1e-300, 1e300], log1p: [-0.999999, 1e6], tanh: [-25, 25],
};

describe('vectorised exp, expm1, log, log1p, tanh in wasm against float64 Math', () => {
  it.each(Object.keys(REFERENCE) as VMathName[])('%s: relative error ≤ 1e-9 over its range, in both lanes', (fn) => {
    const f = probe(fn);
    const ref = REFERENCE[fn];
    const [lo, hi] = RANGES[fn];
    const xs = fn === 'log' ? Array.from({ length: 20001 }, (_, i) => 10 ** (-300 + (600 * i) / 20000)).concat(grid(0.5, 2)) : grid(lo, hi);
    let worst = 0;
    for (let i = 0; i < xs.length; i += 2) {
      const x0 = xs[i]!;
      const x1 = xs[i + 1] ?? x0;
      const [y0, y1] = f(x0, x1);
      for (const [x, y] of [[x0, y0], [x1, y1]] as const) {
        const want = ref(x);
        if (want === 0 || !Number.isFinite(want)) expect(y).toBe(want);
        else worst = Math.max(worst, Math.abs(y - want) / Math.abs(want));
      }
    }
    expect(worst).toBeLessThanOrEqual(1e-9);
  });

  it('special values: ±0, ±∞, NaN, subnormals, the domain edges', () => {
    const cases: [VMathName, number, number][] = [
      ['exp', 0, 1], ['exp', -Infinity, 0], ['exp', Infinity, Infinity], ['exp', 710, Infinity], ['exp', -746, 0], ['exp', -744, Math.exp(-744)],
      ['expm1', -Infinity, -1], ['expm1', Infinity, Infinity], ['expm1', 1e-300, 1e-300],
      ['log', 0, -Infinity], ['log', -1, NaN], ['log', Infinity, Infinity], ['log', 1, 0], ['log', 5e-324, Math.log(5e-324)], ['log', 1e-310, Math.log(1e-310)],
      ['log1p', -1, -Infinity], ['log1p', -2, NaN], ['log1p', Infinity, Infinity], ['log1p', 1e-300, 1e-300],
      ['tanh', Infinity, 1], ['tanh', -Infinity, -1], ['tanh', 0, 0], ['tanh', 1e-300, 1e-300],
    ];
    for (const [fn, x, want] of cases) {
      const [y0, y1] = probe(fn)(x, NaN);
      expect(y1, `${fn}(NaN)`).toBeNaN();
      if (Number.isNaN(want)) expect(y0, `${fn}(${x})`).toBeNaN();
      else if (want === 0 || !Number.isFinite(want)) expect(y0, `${fn}(${x})`).toBe(want);
      else expect(Math.abs(y0 - want), `${fn}(${x}) = ${y0}`).toBeLessThanOrEqual(Math.abs(want) * 1e-9);
    }
  });
});
