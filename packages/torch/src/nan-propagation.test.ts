/**
 * NaN and ±inf propagate as in PyTorch 1.13 (fixtures/nan: generator script + JSON): relu, clamp,
 * norms and the margin/distance losses, values and the gradient with respect to the first input.
 * Composites built on `where(x > 0, x, 0)` used to turn NaN into 0. Runs on the suite's backend.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as torch from './index.js';
import { nn } from './index.js';

type Nested = (number | string | Nested)[] | number | string;
interface Case { name: string; inputs: Nested[]; out: Nested[]; grad: Nested[] }
const fixture = JSON.parse(readFileSync(new URL('../fixtures/nan/nan.json', import.meta.url), 'utf8')) as { torch: string; cases: Case[] };
const dec = (v: Nested): unknown => (Array.isArray(v) ? v.map(dec) : v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v);
const none = { reduction: 'none' };
const long = (v: number[] | number[][]): torch.Tensor => torch.tensor(v, { dtype: torch.int64 });

const CALLS: Record<string, (...t: torch.Tensor[]) => torch.Tensor> = {
  relu: (a) => a.relu(),
  clamp: (a) => torch.clamp(a, 0, 1),
  norm2: (a) => a.norm(),
  norm2_inf: (a) => a.norm(),
  norm1: (a) => a.norm(1),
  norm3: (a) => a.norm(3),
  norm_inf: (a) => a.norm(Infinity),
  norm2_dim: (a) => a.norm(2, 1),
  pairwise: (a, b) => nn.PairwiseDistance()(a, b),
  triplet: (a, p, n) => nn.TripletMarginLoss(none)(a, p, n),
  margin_ranking: (a, b, y) => nn.MarginRankingLoss(none)(a, b, y),
  cosine_embedding_inf: (a, b, y) => nn.CosineEmbeddingLoss(none)(a, b, y),
  cosine_embedding_nan: (a, b, y) => nn.CosineEmbeddingLoss(none)(a, b, y),
  hinge_embedding: (a, y) => nn.HingeEmbeddingLoss(none)(a, y),
  soft_margin: (a, y) => nn.SoftMarginLoss(none)(a, y),
  multi_margin: (a) => nn.MultiMarginLoss(none)(a, long([0, 1])),
  multi_margin_p2: (a) => nn.MultiMarginLoss({ p: 2, reduction: 'none' })(a, long([0, 1])),
  multilabel_margin: (a) => nn.MultiLabelMarginLoss(none)(a, long([[0, -1, 1], [1, 2, -1]])),
  smooth_l1: (a, b) => nn.SmoothL1Loss(none)(a, b),
  l1: (a, b) => nn.L1Loss(none)(a, b),
  mse: (a, b) => nn.MSELoss(none)(a, b),
};

function close(got: unknown[], want: unknown[]): void {
  expect(got.length).toBe(want.length);
  want.forEach((w, i) => {
    const g = got[i] as number;
    if (Number.isNaN(w)) expect(g, `at ${i}`).toBeNaN();
    else if (!Number.isFinite(w as number)) expect(g, `at ${i}`).toBe(w);
    else expect(g, `at ${i}`).toBeCloseTo(w as number, 6);
  });
}

describe(`NaN and inf propagate as in PyTorch ${fixture.torch}`, () => {
  it.each(fixture.cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const ts = c.inputs.map((x, i) => torch.tensor(dec(x) as number[], { requires_grad: i === 0 }));
    const y = CALLS[c.name]!(...ts);
    close(y.reshape(-1).tolist() as number[], dec(c.out) as number[]);
    y.sum().backward();
    close(ts[0]!.grad!.reshape(-1).tolist() as number[], dec(c.grad) as number[]);
  });

  it('covers every call', () => {
    expect(fixture.cases.map((c) => c.name).sort()).toEqual(Object.keys(CALLS).sort());
  });
});
