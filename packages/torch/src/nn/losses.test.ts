import * as core from '@rosetta/core';
import { RosettaError } from '@rosetta/core';
import { describe, expect, it } from 'vitest';
import * as torch from '../index.js';
import type { Tensor } from '../tensor.js';
import * as F from './functional/index.js';
import * as nn from './index.js';

const vals = (t: Tensor | core.Tensor): number[] => Array.from(('value' in t ? t.value : t).dataSync() as Float32Array, Number);
const close = (a: number[], b: number[], tol = 1e-6) => {
  expect(a.length).toBe(b.length);
  a.forEach((v, i) => expect(Math.abs(v - b[i]!)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b[i]!))));
};

torch.manual_seed(7);
const x = torch.randn(4, 5);
const y = torch.randn(4, 5);
const probs = torch.rand(4, 5);
const bits = torch.rand(4, 5).gt(0.5).float();
const signs = bits.mul(2).sub(1);
const cls = torch.tensor([1, 0, 4, 2], { dtype: torch.int64 });
const w5 = torch.tensor([0.5, 1, 2, 1, 0.25]);
const v1 = torch.randn(4);
const v2 = torch.randn(4);
const pm = torch.tensor([1, -1, 1, -1]);
const ml = torch.tensor([[3, 0, -1, 1, 2], [1, -1, 0, 0, 0], [0, 1, 2, 3, 4], [4, -1, 0, 0, 0]], { dtype: torch.int64 });
const X = x.value, Y = y.value;

describe('every torch.nn loss class matches its core function with PyTorch defaults', () => {
  const cases: [string, () => Tensor, () => core.Tensor][] = [
    ['L1Loss', () => nn.L1Loss()(x, y), () => core.l1Loss(X, Y)],
    ['MSELoss', () => nn.MSELoss()(x, y), () => core.mseLoss(X, Y)],
    ['SmoothL1Loss', () => nn.SmoothL1Loss()(x, y), () => core.smoothL1Loss(X, Y, { beta: 1 })],
    ['HuberLoss', () => nn.HuberLoss()(x, y), () => core.huberLoss(X, Y, { delta: 1 })],
    ['CrossEntropyLoss', () => nn.CrossEntropyLoss()(x, cls), () => core.crossEntropyLoss(X, cls.value)],
    ['CrossEntropyLoss(weight, label_smoothing)', () => nn.CrossEntropyLoss({ weight: w5, label_smoothing: 0.1 })(x, cls),
      () => core.crossEntropyLoss(X, cls.value, { weight: w5.value, labelSmoothing: 0.1 })],
    ['CrossEntropyLoss(probabilities)', () => nn.CrossEntropyLoss()(x, probs.softmax(1)), () => core.crossEntropyLoss(X, probs.value.softmax(1))],
    ['NLLLoss', () => nn.NLLLoss()(x.log_softmax(1), cls), () => core.nllLoss(X.logSoftmax(1), cls.value)],
    ['NLLLoss(ignore_index)', () => nn.NLLLoss({ ignore_index: 4 })(x.log_softmax(1), cls), () => core.nllLoss(X.logSoftmax(1), cls.value, { ignoreIndex: 4 })],
    ['BCELoss', () => nn.BCELoss()(probs, bits), () => core.binaryCrossEntropyLoss(probs.value, bits.value)],
    ['BCEWithLogitsLoss(pos_weight)', () => nn.BCEWithLogitsLoss({ pos_weight: w5 })(x, bits),
      () => core.binaryCrossEntropyWithLogitsLoss(X, bits.value, { posWeight: w5.value })],
    ['KLDivLoss', () => nn.KLDivLoss({ reduction: 'batchmean' })(x.log_softmax(1), probs.softmax(1)),
      () => core.klDivLoss(X.logSoftmax(1), probs.value.softmax(1), { reduction: 'batchmean' })],
    ['SoftMarginLoss', () => nn.SoftMarginLoss()(x, signs), () => core.softMarginLoss(X, signs.value)],
    ['MultiMarginLoss', () => nn.MultiMarginLoss()(x, cls), () => core.multiMarginLoss(X, cls.value, { p: 1, margin: 1 })],
    ['MultiLabelMarginLoss', () => nn.MultiLabelMarginLoss()(x, ml), () => core.multilabelMarginLoss(X, ml.value)],
    ['MultiLabelSoftMarginLoss', () => nn.MultiLabelSoftMarginLoss()(x, bits), () => core.multilabelSoftMarginLoss(X, bits.value)],
    ['MarginRankingLoss', () => nn.MarginRankingLoss()(v1, v2, pm), () => core.marginRankingLoss(v1.value, v2.value, pm.value, { margin: 0 })],
    ['HingeEmbeddingLoss', () => nn.HingeEmbeddingLoss()(x, signs), () => core.hingeEmbeddingLoss(X, signs.value, { margin: 1 })],
    ['CosineEmbeddingLoss', () => nn.CosineEmbeddingLoss()(x, y, pm), () => core.cosineEmbeddingLoss(X, Y, pm.value, { margin: 0 })],
    ['PoissonNLLLoss', () => nn.PoissonNLLLoss()(x, probs), () => core.poissonNllLoss(X, probs.value, { logInput: true, full: false, eps: 1e-8 })],
    ['GaussianNLLLoss', () => nn.GaussianNLLLoss()(x, y, probs.add(0.1)), () => core.gaussianNllLoss(X, Y, probs.value.add(0.1), { eps: 1e-6 })],
    ['TripletMarginLoss', () => nn.TripletMarginLoss()(x, y, probs), () => core.tripletMarginLoss(X, Y, probs.value, { margin: 1, p: 2, eps: 1e-6 })],
    ['TripletMarginWithDistanceLoss', () => nn.TripletMarginWithDistanceLoss()(x, y, probs), () => core.tripletMarginWithDistanceLoss(X, Y, probs.value)],
    ['CosineSimilarity', () => nn.CosineSimilarity()(x, y), () => core.cosineSimilarity(X, Y, { dim: 1, eps: 1e-8 })],
    ['PairwiseDistance', () => nn.PairwiseDistance()(x, y), () => core.pairwiseDistance(X, Y, { p: 2, eps: 1e-6 })],
  ];
  it.each(cases)('%s', (_n, facade, reference) => close(vals(facade()), vals(reference())));

  it('CTCLoss', () => {
    const logp = torch.randn(6, 2, 4).log_softmax(2);
    const targets = torch.tensor([[1, 2, 2], [3, 1, 0]], { dtype: torch.int64 });
    const out = nn.CTCLoss()(logp, targets, [6, 5], [3, 2]);
    close(vals(out), vals(core.ctcLoss(logp.value, targets.value, { inputLengths: [6, 5], targetLengths: [3, 2] })));
  });

  it('AdaptiveLogSoftmaxWithLoss returns { output, loss } and log_prob rows sum to 1', () => {
    const m = nn.AdaptiveLogSoftmaxWithLoss(8, 10, [4, 7]);
    const inp = torch.randn(3, 8);
    const target = torch.tensor([1, 5, 9], { dtype: torch.int64 });
    const { output, loss } = m(inp, target);
    expect(output.shape).toEqual([3]);
    close(vals(loss), [-vals(output).reduce((a, b) => a + b, 0) / 3]);
    const lp = m.log_prob(inp).exp().sum(1);
    close(vals(lp), [1, 1, 1], 1e-5);
    expect(m.predict(inp).shape).toEqual([3]);
    expect(m.named_parameters().map(([n]) => n)).toEqual(['head.weight', 'tail.0.0.weight', 'tail.0.1.weight', 'tail.1.0.weight', 'tail.1.1.weight']);
  });

  it('F forms equal the classes, and legacy size_average/reduce map to a reduction', () => {
    close(vals(F.cross_entropy(x, cls)), vals(nn.CrossEntropyLoss()(x, cls)));
    close(vals(F.binary_cross_entropy_with_logits(x, bits, { reduction: 'sum' })), vals(core.binaryCrossEntropyWithLogitsLoss(X, bits.value, { reduction: 'sum' })));
    close(vals(nn.MSELoss({ size_average: false })(x, y)), vals(core.mseLoss(X, Y, { reduction: 'sum' })));
    close(vals(nn.L1Loss({ reduce: false })(x, y)), vals(core.l1Loss(X, Y, { reduction: 'none' })));
  });

  it('keeps weight as a buffer in state_dict', () => {
    const loss = nn.CrossEntropyLoss({ weight: w5 });
    expect(Object.keys(loss.state_dict())).toEqual(['weight']);
    expect(loss.parameters()).toEqual([]);
  });
});

describe('documented values', () => {
  it('the seed: CrossEntropyLoss = LogSoftmax + NLLLoss = 0.5493 (float64 by hand)', () => {
    const yp = [[10, 0, -10], [8, 8, 8]];
    const lse = (r: number[]) => Math.log(r.reduce((s, v) => s + Math.exp(v), 0));
    const ref = -((yp[0]![0]! - lse(yp[0]!)) + (yp[1]![2]! - lse(yp[1]!))) / 2;
    const t = torch.tensor(yp);
    const target = torch.tensor([0, 2]);
    close(vals(nn.CrossEntropyLoss()(t, target)), [ref]);
    close(vals(nn.NLLLoss()(nn.LogSoftmax({ dim: 1 })(t), target)), [ref]);
    expect(String(nn.CrossEntropyLoss()(t, target))).toBe('tensor(0.5493)');
  });
  it('BCELoss of (0.5, 0.5) against (1, 0) is ln 2; of (0.9, 0.1) is −ln 0.9', () => {
    close(vals(nn.BCELoss()(torch.tensor([[0.5], [0.5]]), torch.tensor([[1], [0]]))), [Math.LN2]);
    close(vals(nn.BCELoss()(torch.tensor([[0.9], [0.1]]), torch.tensor([[1], [0]]))), [-Math.log(0.9)], 1e-6);
  });
});

describe('bad input, worded as PyTorch', () => {
  it('batch size mismatch and out-of-range targets', () => {
    expect(() => nn.CrossEntropyLoss()(torch.randn(3, 5), torch.tensor([1, 2], { dtype: torch.int64 }))).toThrow('Expected input batch_size (3) to match target batch_size (2).');
    expect(() => nn.NLLLoss()(torch.randn(2, 5), torch.tensor([1, 7], { dtype: torch.int64 }))).toThrow(/Target 7 is out of bounds/);
  });
  it('a reduction outside none/mean/sum, a non-tensor, an unknown keyword', () => {
    expect(() => nn.L1Loss({ reduction: 'avg' })(x, y)).toThrow(/reduction/);
    expect(() => F.mse_loss([1, 2] as never, y)).toThrow("mse_loss(): argument 'input' (position 1) must be Tensor, not list");
    expect(() => nn.MSELoss({ reductoin: 'sum' } as never)).toThrow("MSELoss.__init__() got an unexpected keyword argument 'reductoin'");
  });
});

describe('issue 13, defect 8: silent accepts and late, cryptic errors (torch facade)', () => {
  const a = torch.tensor([1, 2, 3]);
  const b = torch.tensor([1, 2, 4]);
  it('forward checks its arity from the class spec: an extra argument is no longer bound to size_average', () => {
    expect(() => (nn.L1Loss() as any)(a, b, a)).toThrow(RosettaError);
    expect(() => (nn.L1Loss() as any)(a, b, a)).toThrow(expect.objectContaining({ name: 'TypeError', message: 'L1Loss.forward() takes 3 positional arguments but 4 were given' }));
    expect(() => (nn.CTCLoss() as any)(a)).toThrow("CTCLoss.forward() missing 3 required positional arguments: 'targets', 'input_lengths', and 'target_lengths'");
    expect(() => (nn.TripletMarginLoss() as any)(a, b, a, b)).toThrow('TripletMarginLoss.forward() takes 4 positional arguments but 5 were given');
    expect(() => (nn.GaussianNLLLoss as any)(true)).toThrow('GaussianNLLLoss.__init__() takes 1 positional argument but 2 were given');
    expect(() => (nn.L1Loss() as any)(a, b, { foo: 1 })).toThrow("L1Loss.forward() got an unexpected keyword argument 'foo'");
    expect(vals((nn.L1Loss() as any)({ input: a, target: b }))).toEqual([1 / 3].map(Math.fround));
  });
  it('MultiLabelMarginLoss refuses a target of −2 (only −1 pads)', () => {
    const x2 = torch.tensor([[0.1, 0.2, 0.4]]);
    expect(() => nn.MultiLabelMarginLoss()(x2, torch.tensor([[2, -2, -1]], { dtype: torch.int64 }))).toThrow('MultiLabelMarginLoss: target -2 is out of range');
    expect(() => nn.MultiLabelMarginLoss()(x2, torch.tensor([[2, -1, 7]], { dtype: torch.int64 }))).toThrow('MultiLabelMarginLoss: target 7 is out of range');
  });
  it('CTCLoss needs target_lengths, and a bad reduction fails at the call, as in PyTorch, with its wording', () => {
    const lp = torch.randn(4, 1, 3).log_softmax(2);
    const tg = torch.tensor([[1, 2]], { dtype: torch.int64 });
    const il = torch.tensor([4], { dtype: torch.int64 });
    expect(() => (nn.CTCLoss() as any)(lp, tg, il)).toThrow("CTCLoss.forward() missing 1 required positional argument: 'target_lengths'");
    const avg = nn.CTCLoss({ reduction: 'avg' }); // PyTorch constructs it too
    expect(() => avg(lp, tg, il, torch.tensor([2], { dtype: torch.int64 }))).toThrow('CTCLoss: avg is not a valid value for reduction');
    expect(() => nn.L1Loss({ reduction: null } as never)(a, b)).toThrow('L1Loss: None is not a valid value for reduction');
    expect(() => nn.GaussianNLLLoss({ reduction: 'avg' })(a, b, b)).toThrow('GaussianNLLLoss: reduction avg is not valid');
  });
  it('keywords named like Object.prototype members are unexpected keywords', () => {
    for (const k of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(() => nn.L1Loss(Object.fromEntries([[k, 1]]))).toThrow(`L1Loss.__init__() got an unexpected keyword argument '${k}'`);
      expect(() => nn.CrossEntropyLoss()(x, cls, Object.fromEntries([[k, 1]]))).toThrow(`CrossEntropyLoss.forward() got an unexpected keyword argument '${k}'`);
    }
  });
  it('AdaptiveLogSoftmaxWithLoss with null input names the argument', () => {
    const m = nn.AdaptiveLogSoftmaxWithLoss(4, 6, [3]);
    expect(() => m(null as never, torch.tensor([1], { dtype: torch.int64 }))).toThrow("AdaptiveLogSoftmaxWithLoss.forward(): argument 'input_' (position 1) must be Tensor, not NoneType");
    expect(() => m.log_prob(null as never)).toThrow("AdaptiveLogSoftmaxWithLoss.log_prob(): argument 'input' (position 1) must be Tensor, not NoneType");
    expect(() => (nn.AdaptiveLogSoftmaxWithLoss as any)(4)).toThrow("AdaptiveLogSoftmaxWithLoss.__init__() missing 2 required positional arguments: 'n_classes' and 'cutoffs'");
  });
  it('a list where a buffer goes, and p outside {1, 2}, fail at construction as in PyTorch', () => {
    expect(() => nn.CrossEntropyLoss({ weight: [1, 2, 3] } as never)).toThrow("CrossEntropyLoss: cannot assign 'list' object to buffer 'weight' (torch Tensor or None required)");
    expect(() => nn.MultiMarginLoss({ p: 3 })).toThrow('MultiMarginLoss: only p == 1 and p == 2 supported');
  });
});
