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
import { klDivLoss } from './kl-div.js';

const r = rng(31);
const logSoftmaxRows = (v: ArrayLike<number>, C: number) => Array.from(v, (_, i) => {
  const row = Array.from(v).slice(i - (i % C), i - (i % C) + C);
  const m = Math.max(...row);
  return v[i]! - m - Math.log(row.reduce((s, u) => s + Math.exp(u - m), 0));
});
const X = arg(logSoftmaxRows(r.normals(12), 4), [3, 4]);
const Tp = arg(logSoftmaxRows(r.normals(12), 4).map(Math.exp), [3, 4]);
const T0 = arg([0, 0.5, 0.5, 0, 1, 0, 0, 0, 0.25, 0.25, 0.25, 0.25], [3, 4]);
const Tlog = arg(logSoftmaxRows(r.normals(12), 4), [3, 4]);
const ref = (logTarget: boolean) => (x: number[], y: number[]): Ref => ({
  loss: x.map((v, i) => (logTarget ? Math.exp(y[i]!) * (y[i]! - v) : (y[i] === 0 ? 0 : y[i]! * Math.log(y[i]!)) - y[i]! * v)),
  shape: [3, 4],
});
const withBatchmean = (c: Omit<Case, 'fn'> & { fn: (reduction: Red | 'batchmean') => (...t: Tensor[]) => Tensor }): Case[] => [
  c as Case,
  {
    ...c, title: `${c.title} (batchmean)`, reductions: ['mean'], fn: () => c.fn('batchmean'),
    ref: (...a) => ({ ...c.ref(...a), mean: (l) => sumOf(l) / 3 }),
  },
];

perBackend('kl_div', () => {
  runCases([
    ...withBatchmean({ title: 'kl_div probabilities', args: [X, Tp], fn: (reduction) => (x, y) => klDivLoss(x!, y!, { reduction }), ref: ref(false) }),
    ...withBatchmean({ title: 'kl_div targets with exact zeros', args: [X, T0], wrt: [0], fn: (reduction) => (x, y) => klDivLoss(x!, y!, { reduction }), ref: ref(false) }),
    ...withBatchmean({ title: 'kl_div log_target', args: [X, Tlog], fn: (reduction) => (x, y) => klDivLoss(x!, y!, { reduction, logTarget: true }), ref: ref(true) }),
  ]);

  it('a zero target contributes 0 (xlogy) next to a very negative log-probability', () => {
    const x = tensor([Math.log(0.5), Math.log(0.5), -1e4], { dtype: 'float64' });
    expectClose(klDivLoss(x, tensor([0.5, 0.5, 0], { dtype: 'float64' }), { reduction: 'sum' }), [0], { atol: 1e-15 });
    expectClose(klDivLoss(x, tensor([Math.log(0.5), Math.log(0.5), -1e4], { dtype: 'float64' }), { reduction: 'sum', logTarget: true }), [0], { atol: 1e-15 });
  });

  it('batchmean divides by the size of dim 0; a 0-d input by 1', () => {
    const x = tensor([[-1, -2], [-3, -4]], { dtype: 'float64' });
    const y = tensor([[0.5, 0.5], [1, 0]], { dtype: 'float64' });
    expect(klDivLoss(x, y, { reduction: 'batchmean' }).item()).toBeCloseTo(klDivLoss(x, y, { reduction: 'sum' }).item() / 2, 14);
    expect(klDivLoss(tensor(-1), tensor(0.5), { reduction: 'batchmean' }).item()).toBeCloseTo(0.5 * Math.log(0.5) + 0.5, 6);
  });

  it('bad input raises', () => {
    expect(() => klDivLoss(tensor([1, 2, 3]), tensor([1, 2]))).toThrow('kl_div: input of shape [3] and target of shape [2] cannot be broadcast together');
    expect(() => klDivLoss(tensor([1]), tensor([1]), { reduction: 'avg' as never, name: 'KLDivLoss' })).toThrow(
      "KLDivLoss: reduction must be one of 'none', 'mean', 'sum', 'batchmean', got \"avg\"",
    );
  });
});
