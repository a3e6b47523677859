/**
 * The loss-test harness shared by packages/core/src/nn/losses/*.test.ts: cases with float64 host
 * references, run for every reduction in float64 and float32, with a float64 gradcheck, per backend.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBackend, listBackends, setBackend, tensor, type Tensor } from '../index.js';
import { gradcheck } from './gradcheck.js';
import { expectClose } from './reference.js';
import { Rng } from './rng.js';

export type Red = 'none' | 'mean' | 'sum';
/** An input: float values (made in the dtype under test) or class indices (int64). */
export interface Arg { data: ArrayLike<number>; shape: number[]; int?: boolean }
/** The host reference: the unreduced loss (flat, with its shape) and the weights of a weighted mean. */
export interface Ref { loss: number[]; shape: number[]; w?: number[]; mean?: (loss: number[]) => number }
export interface Case {
  title: string;
  args: Arg[];
  fn: (reduction: Red) => (...t: Tensor[]) => Tensor;
  ref: (...a: number[][]) => Ref;
  /** Inputs to gradcheck (indices into args); default every float arg; [] skips. */
  wrt?: number[];
  reductions?: Red[];
}
export const sumOf = (a: number[]): number => a.reduce((s, v) => s + v, 0);
export const arg = (data: ArrayLike<number>, shape: number[], int = false): Arg => ({ data, shape, int });
export const ints = (data: number[], shape: number[] = [data.length]): Arg => arg(data, shape, true);
export const make = (a: Arg, dtype: 'float32' | 'float64'): Tensor =>
  a.int ? tensor(Float64Array.from(a.data), { dtype: 'int64', shape: a.shape }) : tensor(Float64Array.from(a.data), { dtype, shape: a.shape });
export const reduceRef = (r: Ref, red: Red): { data: number[]; shape: number[] } => {
  if (red === 'none') return { data: r.loss, shape: r.shape };
  if (red === 'sum') return { data: [sumOf(r.loss)], shape: [] };
  if (r.mean) return { data: [r.mean(r.loss)], shape: [] };
  return { data: [sumOf(r.loss) / (r.w ? sumOf(r.w) : r.loss.length)], shape: [] };
};
export const TOL = { float64: { rtol: 1e-10, atol: 1e-12 }, float32: { rtol: 1e-5, atol: 1e-6 } } as const;

/** Values in float64 and float32 for every reduction, and a float64 gradcheck, for each case. */
export function runCases(cases: Case[]): void {
  for (const c of cases) {
    for (const red of c.reductions ?? (['none', 'mean', 'sum'] as Red[])) {
      for (const dtype of ['float64', 'float32'] as const) {
        it(`${c.title} · ${red} · ${dtype}`, () => {
          const host = c.args.map((a) => Array.from(a.data, (v) => (a.int || dtype === 'float64' ? v : Math.fround(v))));
          const want = reduceRef(c.ref(...host), red);
          const got = c.fn(red)(...c.args.map((a) => make(a, dtype)));
          expect(got.dtype).toBe(dtype);
          expect(got.shape).toEqual(want.shape);
          expectClose(got, want.data, TOL[dtype]);
        });
      }
      const wrt = c.wrt ?? c.args.flatMap((a, i) => (a.int ? [] : [i]));
      if (wrt.length) {
        it(`${c.title} · ${red} · gradcheck`, () => {
          const r = gradcheck(c.fn(red), c.args.map((a) => make(a, 'float64')), { wrt });
          expect(r.ok, r.message).toBe(true);
        });
      }
    }
  }
}

/** Registers the suite once per backend. */
export function perBackend(title: string, body: () => void): void {
  describe.each(listBackends())(`${title} on the %s backend`, (backend) => {
    let previous: string;
    beforeAll(() => {
      previous = getBackend().name;
      setBackend(backend);
    });
    afterAll(() => setBackend(previous));
    body();
  });
}
export const rng = (seed: number) => new Rng(seed);
