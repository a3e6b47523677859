import { expect, it } from 'vitest';
import { tensor, type Tensor } from '../../index.js';
import { sumOf, arg, runCases, perBackend, rng, type Red, type Ref, type Case } from '../../test-utils/loss-harness.js';
import { expectClose } from '../../test-utils/reference.js';
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
