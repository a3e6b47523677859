import { expect, it } from 'vitest';
import { tensor } from '../../index.js';
import { arg, ints, runCases, perBackend, rng, type Case } from '../../test-utils/loss-harness.js';
import { expectClose } from '../../test-utils/reference.js';
import {
  marginRankingLoss, multiMarginLoss, multilabelMarginLoss, multilabelSoftMarginLoss, softMarginLoss,
} from './margin.js';

const r = rng(41);
const X = arg(r.distinct(12, 0.37), [3, 4]);
const Xv = arg(r.distinct(5, 0.41), [5]);
const Ypm = arg([1, -1, -1, 1, 1, 1, -1, 1, -1, -1, 1, -1], [3, 4]);
const T3 = ints([2, 0, 3]);
const W4 = arg([0.5, 2, 1.5, 0.75], [4]);
const Y01 = arg([1, 0, 0, 1, 0, 1, 1, 0, 1, 1, 0, 0], [3, 4]);
const X1 = arg(r.distinct(4, 0.6), [4]);
const X2 = arg(r.distinct(4, 0.5), [4]);
const R = arg([1, -1, 1, -1], [4]);
const softplus = (v: number) => Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
const logSig = (v: number) => -softplus(-v);

function multiMarginRef(x: number[], C: number, t: number[], p: number, margin: number, w?: number[]): number[] {
  return t.map((y, n) => {
    let s = 0;
    for (let i = 0; i < C; i++) {
      if (i === y) continue;
      const z = margin - x[n * C + y]! + x[n * C + i]!;
      if (z > 0) s += (p === 1 ? z : z * z) * (w ? w[y]! : 1);
    }
    return s / C;
  });
}
function multilabelRef(x: number[], C: number, t: number[]): number[] {
  const out: number[] = [];
  for (let n = 0; n < x.length / C; n++) {
    const targets: number[] = [];
    for (let k = 0; k < C && t[n * C + k]! >= 0; k++) targets.push(t[n * C + k]!);
    let s = 0;
    for (const j of targets) {
      for (let i = 0; i < C; i++) if (!targets.includes(i)) s += Math.max(0, 1 - (x[n * C + j]! - x[n * C + i]!));
    }
    out.push(s / C);
  }
  return out;
}

perBackend('margin losses', () => {
  runCases([
    { title: 'soft_margin', args: [X, Ypm], wrt: [0], fn: (reduction) => (x, y) => softMarginLoss(x!, y!, { reduction }), ref: (x, y) => ({ loss: x!.map((v, i) => Math.log1p(Math.exp(-y![i]! * v))), shape: [3, 4] }) },
    ...[[1, 1], [2, 1], [1, 0.3], [2, 2.5]].flatMap(([p, margin]): Case[] => [
      {
        title: `multi_margin p=${p} margin=${margin}`, args: [X, T3],
        fn: (reduction) => (x, t) => multiMarginLoss(x!, t!, { reduction, p: p!, margin: margin! }), ref: (x, t) => ({ loss: multiMarginRef(x!, 4, t!, p!, margin!), shape: [3] }),
      },
      {
        title: `multi_margin p=${p} margin=${margin} weight`, args: [X, T3, W4], wrt: [0],
        fn: (reduction) => (x, t, w) => multiMarginLoss(x!, t!, { reduction, p: p!, margin: margin!, weight: w! }),
        ref: (x, t, w) => ({ loss: multiMarginRef(x!, 4, t!, p!, margin!, w), shape: [3] }),
      },
    ]),
    { title: 'multi_margin unbatched', args: [Xv, ints([1], [])], fn: (reduction) => (x, t) => multiMarginLoss(x!, t!, { reduction }), ref: (x, t) => ({ loss: multiMarginRef(x!, 5, t!, 1, 1), shape: [] }) },
    ...[0, 0.7].map((margin): Case => ({
      title: `margin_ranking margin=${margin}`, args: [X1, X2, R], wrt: [0, 1],
      fn: (reduction) => (a, b, y) => marginRankingLoss(a!, b!, y!, { reduction, margin }),
      ref: (a, b, y) => ({ loss: a!.map((v, i) => Math.max(0, -y![i]! * (v - b![i]!) + margin)), shape: [4] }),
    })),
    {
      title: 'multilabel_margin (−1 padding; entries after the first −1 ignored; duplicates)', args: [X, ints([3, 0, -1, 1, 1, -1, 2, 0, 0, 1, 2, 3], [3, 4])],
      fn: (reduction) => (x, t) => multilabelMarginLoss(x!, t!, { reduction }), ref: (x, t) => ({ loss: multilabelRef(x!, 4, t!), shape: [3] }),
    },
    {
      title: 'multilabel_margin unbatched, no targets', args: [Xv, ints([-1, 2, 3, 0, 1], [5])],
      fn: (reduction) => (x, t) => multilabelMarginLoss(x!, t!, { reduction }), ref: (x, t) => ({ loss: multilabelRef(x!, 5, t!), shape: [] }),
    },
    {
      title: 'multilabel_margin unbatched', args: [Xv, ints([4, 1, -1, 0, 0], [5])],
      fn: (reduction) => (x, t) => multilabelMarginLoss(x!, t!, { reduction }), ref: (x, t) => ({ loss: multilabelRef(x!, 5, t!), shape: [] }),
    },
    {
      title: 'multilabel_soft_margin', args: [X, Y01],
      fn: (reduction) => (x, y) => multilabelSoftMarginLoss(x!, y!, { reduction }),
      ref: (x, y) => ({ loss: [0, 1, 2].map((n) => -[0, 1, 2, 3].reduce((s, c) => s + y![n * 4 + c]! * logSig(x![n * 4 + c]!) + (1 - y![n * 4 + c]!) * logSig(-x![n * 4 + c]!), 0) / 4), shape: [3] }),
    },
    {
      title: 'multilabel_soft_margin weight', args: [X, Y01, W4],
      fn: (reduction) => (x, y, w) => multilabelSoftMarginLoss(x!, y!, { reduction, weight: w! }),
      ref: (x, y, w) => ({ loss: [0, 1, 2].map((n) => -[0, 1, 2, 3].reduce((s, c) => s + w![c]! * (y![n * 4 + c]! * logSig(x![n * 4 + c]!) + (1 - y![n * 4 + c]!) * logSig(-x![n * 4 + c]!)), 0) / 4), shape: [3] }),
    },
  ]);

  it('PyTorch documented examples: MultiLabelMarginLoss 0.85, MultiMarginLoss 0.3250', () => {
    const x = tensor([[0.1, 0.2, 0.4, 0.8]]);
    expect(multiMarginLoss(x, tensor([3], { dtype: 'int64' })).item()).toBeCloseTo(0.325, 6);
    expect(multilabelMarginLoss(x, tensor([[3, 0, -1, 1]], { dtype: 'int64' })).item()).toBeCloseTo(0.85, 6);
  });

  it('extreme logits: soft margin overflows as PyTorch, multilabel soft margin stays finite', () => {
    const x = tensor([1e4, -1e4], { dtype: 'float64' });
    expectClose(softMarginLoss(x, tensor([1, -1], { dtype: 'float64' }), { reduction: 'none' }), [0, 0]);
    // PyTorch's log1p(exp(−y·x)) overflows where −y·x > 709 in float64; so does soft_margin_loss here.
    expect(softMarginLoss(x, tensor([-1, 1], { dtype: 'float64' }), { reduction: 'none' }).tolist()).toEqual([Infinity, Infinity]);
    expectClose(multilabelSoftMarginLoss(tensor([[1e4, -1e4]]), tensor([[1, 0]]), { reduction: 'none' }), [0], { atol: 1e-6 });
  });

  it('bad input raises', () => {
    const x = tensor([[1, 2, 3], [4, 5, 6]]);
    const t = (v: number[], shape?: number[]) => tensor(v, { dtype: 'int64', ...(shape ? { shape } : {}) });
    expect(() => multiMarginLoss(x, t([0, 1]), { p: 3 })).toThrow('only p == 1 and p == 2 supported');
    expect(() => multiMarginLoss(x, t([0, 3]))).toThrow('target 3 is out of bounds for size 3');
    expect(() => multiMarginLoss(x, t([0, 1, 2]))).toThrow('inconsistent target size, expected [2] but got [3]');
    expect(() => multiMarginLoss(x, t([0, 1]), { weight: tensor([1, 2]) })).toThrow('weight must be a 1-D tensor of 3 elements');
    expect(() => multiMarginLoss(tensor([[[1]]]), t([0]))).toThrow('Expected non-empty vector or matrix');
    expect(() => marginRankingLoss(tensor([1, 2]), tensor([1, 2]), tensor([[1, 1]]))).toThrow('All input tensors should have same dimension but got sizes: input1: [2], input2: [2], target: [1, 2]');
    expect(() => multilabelMarginLoss(x, t([0, 1, 2]))).toThrow('inconsistent target size: [3] for input of size: [2, 3]');
    expect(() => multilabelMarginLoss(x, t([0, 5, -1, 1, 2, 0], [2, 3]))).toThrow('target 5 is out of range');
    // PyTorch checks every entry, after the first −1 too, and −2 is not padding (issue 13, defect 8).
    expect(() => multilabelMarginLoss(x, t([0, -1, 5, 1, 2, 0], [2, 3]))).toThrow('target 5 is out of range');
    expect(() => multilabelMarginLoss(x, t([0, -2, -1, 1, 2, 0], [2, 3]))).toThrow('target -2 is out of range: entries must be classes in [0, 3) or the padding -1 (at position 1)');
    expect(() => multilabelMarginLoss(x, t([0, -1, -1, 1, 2, 0], [2, 3]))).not.toThrow();
    expect(() => softMarginLoss(x, tensor([1, 2, 3, 4]))).toThrow('input of shape [2, 3] and target of shape [4] cannot be broadcast together');
    expect(() => multilabelSoftMarginLoss(x, x, { weight: tensor([1, 2]) })).toThrow('weight of shape [2] does not broadcast to the input shape [2, 3]');
  });
});
