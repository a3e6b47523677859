// ---- shared loss-test harness (the same block heads every *.test.ts in this folder) ----
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBackend, listBackends, setBackend, tensor, type Tensor } from '../../index.js';
import { gradcheck } from '../../test-utils/gradcheck.js';
import { expectClose } from '../../test-utils/reference.js';
import { Rng } from '../../test-utils/rng.js';

type Red = 'none' | 'mean' | 'sum';
/** An input: float values (made in the dtype under test) or class indices (int64). */
interface Arg { data: ArrayLike<number>; shape: number[]; int?: boolean }
/** The host reference: the unreduced loss (flat, with its shape) and the weights of a weighted mean. */
interface Ref { loss: number[]; shape: number[]; w?: number[]; mean?: (loss: number[]) => number }
interface Case {
  title: string;
  args: Arg[];
  fn: (reduction: Red) => (...t: Tensor[]) => Tensor;
  ref: (...a: number[][]) => Ref;
  /** Inputs to gradcheck (indices into args); default every float arg; [] skips. */
  wrt?: number[];
  reductions?: Red[];
}
const sumOf = (a: number[]): number => a.reduce((s, v) => s + v, 0);
const arg = (data: ArrayLike<number>, shape: number[], int = false): Arg => ({ data, shape, int });
const ints = (data: number[], shape: number[] = [data.length]): Arg => arg(data, shape, true);
const make = (a: Arg, dtype: 'float32' | 'float64'): Tensor =>
  a.int ? tensor(Float64Array.from(a.data), { dtype: 'int64', shape: a.shape }) : tensor(Float64Array.from(a.data), { dtype, shape: a.shape });
const reduceRef = (r: Ref, red: Red): { data: number[]; shape: number[] } => {
  if (red === 'none') return { data: r.loss, shape: r.shape };
  if (red === 'sum') return { data: [sumOf(r.loss)], shape: [] };
  if (r.mean) return { data: [r.mean(r.loss)], shape: [] };
  return { data: [sumOf(r.loss) / (r.w ? sumOf(r.w) : r.loss.length)], shape: [] };
};
const TOL = { float64: { rtol: 1e-10, atol: 1e-12 }, float32: { rtol: 1e-5, atol: 1e-6 } } as const;

/** Values in float64 and float32 for every reduction, and a float64 gradcheck, for each case. */
function runCases(cases: Case[]): void {
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
function perBackend(title: string, body: () => void): void {
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
const rng = (seed: number) => new Rng(seed);
void [arg, ints, rng];
// ---- end of harness ----
import { huberLoss, l1Loss, mseLoss, rmseLoss, smoothL1Loss } from './regression.js';

const r = rng(11);
const X = arg(r.normals(12).map((v) => v * 1.5), [3, 4]);
const Y = arg(r.normals(12), [3, 4]);
const Yb = arg(r.normals(4), [4]);
/** Elementwise reference over x (3,4) and y broadcast from (3,4) or (4). */
const ew = (f: (d: number) => number) => (x: number[], y: number[]): Ref => ({
  loss: x.map((v, i) => f(v - y[y.length === x.length ? i : i % y.length]!)),
  shape: [3, 4],
});
const smooth = (beta: number) => (d: number) => (Math.abs(d) < beta ? (0.5 * d * d) / beta : Math.abs(d) - 0.5 * beta);
const huber = (delta: number) => (d: number) => (Math.abs(d) < delta ? 0.5 * d * d : delta * (Math.abs(d) - 0.5 * delta));

perBackend('regression losses', () => {
  runCases([
    { title: 'l1', args: [X, Y], fn: (reduction) => (x, y) => l1Loss(x, y, { reduction }), ref: ew(Math.abs) },
    { title: 'l1 broadcast target', args: [X, Yb], fn: (reduction) => (x, y) => l1Loss(x, y, { reduction }), ref: ew(Math.abs) },
    { title: 'mse', args: [X, Y], fn: (reduction) => (x, y) => mseLoss(x, y, { reduction }), ref: ew((d) => d * d) },
    { title: 'mse broadcast target', args: [X, Yb], fn: (reduction) => (x, y) => mseLoss(x, y, { reduction }), ref: ew((d) => d * d) },
    ...[1, 0.5, 2.5, 0].map((beta): Case => ({
      title: `smooth_l1 beta=${beta}`, args: [X, Y], fn: (reduction) => (x, y) => smoothL1Loss(x, y, { reduction, beta }), ref: ew(beta === 0 ? Math.abs : smooth(beta)),
    })),
    ...[1, 0.3, 2].map((delta): Case => ({
      title: `huber delta=${delta}`, args: [X, Y], fn: (reduction) => (x, y) => huberLoss(x, y, { reduction, delta }), ref: ew(huber(delta)),
    })),
    {
      title: 'rmse', args: [X, Y], reductions: ['mean'], fn: () => (x, y) => rmseLoss(x, y),
      ref: (x, y) => ({ loss: ew((d) => d * d)(x, y).loss, shape: [3, 4], mean: (l) => Math.sqrt(sumOf(l) / l.length) }),
    },
  ]);

  it('defaults: mean reduction, beta = delta = 1; huber = delta · smooth_l1(beta = delta)', () => {
    const x = tensor([0.5, 3, -2]);
    const y = tensor([0, 0, 0]);
    expect(l1Loss(x, y).item()).toBeCloseTo(5.5 / 3, 6);
    expect(smoothL1Loss(x, y).item()).toBeCloseTo((0.125 + 2.5 + 1.5) / 3, 6);
    expect(huberLoss(x, y, { delta: 2 }).item()).toBeCloseTo(2 * smoothL1Loss(x, y, { beta: 2 }).item(), 6);
    expect(rmseLoss(x, y).shape).toEqual([]);
  });

  it('extreme values stay finite', () => {
    const x = tensor([1e30, -1e30, 1e4], { dtype: 'float64' });
    const y = tensor([0, 0, -1e4], { dtype: 'float64' });
    expectClose(smoothL1Loss(x, y, { reduction: 'none' }), [1e30 - 0.5, 1e30 - 0.5, 2e4 - 0.5], { rtol: 1e-12 });
    expectClose(huberLoss(x, y, { reduction: 'none', delta: 0.5 }), [0.5 * (1e30 - 0.25), 0.5 * (1e30 - 0.25), 0.5 * (2e4 - 0.25)], { rtol: 1e-12 });
  });

  it('bad input raises at the call', () => {
    const x = tensor([[1, 2, 3], [4, 5, 6]]);
    expect(() => l1Loss(x, tensor([1, 2]))).toThrow('l1_loss: input of shape [2, 3] and target of shape [2] cannot be broadcast together');
    expect(() => mseLoss(x, tensor([1, 2]), { name: 'MSELoss' })).toThrow('MSELoss: input of shape [2, 3]');
    expect(() => smoothL1Loss(x, x, { beta: -1 })).toThrow('smooth_l1_loss does not support negative values for beta');
    expect(() => huberLoss(x, x, { delta: 0 })).toThrow('huber_loss does not support non-positive values for delta');
    expect(() => l1Loss(x, x, { reduction: 'avg' as never, name: 'L1Loss' })).toThrow("L1Loss: reduction must be one of 'none', 'mean', 'sum', got \"avg\"");
    expect(() => l1Loss(x, x, { reduction: 'batchmean' })).toThrow('reduction must be one of');
    expect(() => mseLoss(tensor([1, 2], { dtype: 'int64' }), tensor([1, 2]))).toThrow('input must be a floating point tensor, got int64');
  });
});
