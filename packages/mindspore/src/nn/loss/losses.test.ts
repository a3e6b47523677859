import * as core from '@rosetta/core';
import { describe, expect, it } from 'vitest';
import { Tensor, int32, nn, set_seed } from '../../index.js';
import type { TensorImpl } from '../../tensor.js';

const vals = (t: TensorImpl | core.Tensor): number[] => Array.from(('value' in t ? t.value : t).dataSync() as Float32Array, Number);
const close = (a: number[], b: number[], tol = 1e-6) => {
  expect(a.length).toBe(b.length);
  a.forEach((v, i) => expect(Math.abs(v - b[i]!)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b[i]!))));
};
const T = (t: core.Tensor) => Tensor(t);

set_seed(5);
const X = core.randn([4, 5]);
const Y = core.randn([4, 5]);
const P = core.rand([4, 5]);
const B = core.rand([4, 5]).gt(0.5).cast('float32');
const S = B.mul(2).sub(1);
const cls = core.tensor([1, 0, 4, 2], { dtype: 'int32' });
const pm = core.tensor([1, -1, 1, -1]);
const v1 = core.randn([4]);
const v2 = core.randn([4]);
const ML = core.tensor([[3, 0, -1, 1, 2], [1, -1, 0, 0, 0], [0, 1, 2, 3, 4], [4, -1, 0, 0, 0]], { dtype: 'int32' });

describe('every mindspore.nn loss class matches its core function with MindSpore defaults', () => {
  const cases: [string, () => TensorImpl, () => core.Tensor][] = [
    ['L1Loss', () => nn.L1Loss()(T(X), T(Y)), () => core.l1Loss(X, Y)],
    ['MAELoss', () => nn.MAELoss()(T(X), T(Y)), () => core.l1Loss(X, Y)],
    ['MSELoss', () => nn.MSELoss()(T(X), T(Y)), () => core.mseLoss(X, Y)],
    ['RMSELoss', () => nn.RMSELoss()(T(X), T(Y)), () => core.rmseLoss(X, Y)],
    ['SmoothL1Loss (default none)', () => nn.SmoothL1Loss()(T(X), T(Y)), () => core.smoothL1Loss(X, Y, { reduction: 'none' })],
    ['HuberLoss', () => nn.HuberLoss()(T(X), T(Y)), () => core.huberLoss(X, Y)],
    ['SoftMarginLoss', () => nn.SoftMarginLoss()(T(X), T(S)), () => core.softMarginLoss(X, S)],
    ['MultiMarginLoss', () => nn.MultiMarginLoss()(T(X), T(cls.cast('int64'))), () => core.multiMarginLoss(X, cls)],
    ['SoftmaxCrossEntropyWithLogits (dense, none)', () => nn.SoftmaxCrossEntropyWithLogits()(T(X), T(P.softmax(1))),
      () => core.crossEntropyLoss(X, P.softmax(1), { reduction: 'none' })],
    ['SoftmaxCrossEntropyWithLogits (sparse, mean)', () => nn.SoftmaxCrossEntropyWithLogits({ sparse: true, reduction: 'mean' })(T(X), T(cls)),
      () => core.crossEntropyLoss(X, cls)],
    ['CrossEntropyLoss', () => nn.CrossEntropyLoss()(T(X), T(cls)), () => core.crossEntropyLoss(X, cls)],
    ['NLLLoss', () => nn.NLLLoss()(T(X.logSoftmax(1)), T(cls)), () => core.nllLoss(X.logSoftmax(1), cls)],
    ['BCELoss', () => nn.BCELoss()(T(P), T(B)), () => core.binaryCrossEntropyLoss(P, B)],
    ['BCEWithLogitsLoss', () => nn.BCEWithLogitsLoss()(T(X), T(B)), () => core.binaryCrossEntropyWithLogitsLoss(X, B)],
    ['CosineEmbeddingLoss', () => nn.CosineEmbeddingLoss()(T(X), T(Y), T(pm)), () => core.cosineEmbeddingLoss(X, Y, pm)],
    ['DiceLoss', () => nn.DiceLoss()(T(P), T(B)), () => core.diceLoss(P, B, { smooth: 1e-5 })],
    ['MultiClassDiceLoss', () => nn.MultiClassDiceLoss()(T(X), T(B)), () => core.multiClassDiceLoss(X, B, { activation: 'softmax' })],
    ['FocalLoss', () => nn.FocalLoss()(T(X), T(cls.reshape([4, 1]))), () => core.focalLoss(X, cls.reshape([4, 1]), { gamma: 2 })],
    ['PoissonNLLLoss', () => nn.PoissonNLLLoss()(T(X), T(P)), () => core.poissonNllLoss(X, P)],
    ['KLDivLoss', () => nn.KLDivLoss()(T(X.logSoftmax(1)), T(P.softmax(1))), () => core.klDivLoss(X.logSoftmax(1), P.softmax(1))],
    ['MarginRankingLoss', () => nn.MarginRankingLoss()(T(v1), T(v2), T(pm)), () => core.marginRankingLoss(v1, v2, pm)],
    ['TripletMarginLoss', () => nn.TripletMarginLoss()(T(X), T(Y), T(P)), () => core.tripletMarginLoss(X, Y, P)],
    ['TripletMarginWithDistanceLoss', () => nn.TripletMarginWithDistanceLoss()(T(X), T(Y), T(P)), () => core.tripletMarginWithDistanceLoss(X, Y, P)],
    ['HingeEmbeddingLoss', () => nn.HingeEmbeddingLoss()(T(X), T(S)), () => core.hingeEmbeddingLoss(X, S)],
    ['MultilabelMarginLoss', () => nn.MultilabelMarginLoss()(T(X), T(ML)), () => core.multilabelMarginLoss(X, ML)],
    ['MultiLabelSoftMarginLoss', () => nn.MultiLabelSoftMarginLoss()(T(X), T(B)), () => core.multilabelSoftMarginLoss(X, B)],
    ['GaussianNLLLoss', () => nn.GaussianNLLLoss()(T(X), T(Y), T(P.add(0.1))), () => core.gaussianNllLoss(X, Y, P.add(0.1))],
  ];
  it.each(cases)('%s', (_n, facade, reference) => close(vals(facade()), vals(reference())));

  it('CTCLoss', () => {
    const lp = core.randn([6, 2, 4]).logSoftmax(2);
    const t = core.tensor([[1, 2, 2], [3, 1, 0]], { dtype: 'int32' });
    close(vals(nn.CTCLoss()(T(lp), T(t), [6, 5], [3, 2])), vals(core.ctcLoss(lp, t, { inputLengths: [6, 5], targetLengths: [3, 2] })));
  });

  it('SampledSoftmaxLoss (per-sample, reduction not applied)', () => {
    const w = core.randn([10, 3]);
    const b = core.randn([10]);
    const labels = core.tensor([[1], [7]], { dtype: 'int32' });
    const x = core.randn([2, 3]);
    const out = nn.SampledSoftmaxLoss({ num_sampled: 4, num_classes: 10 })(T(w), T(b), T(labels), T(x));
    close(vals(out), vals(core.sampledSoftmaxLoss(w, b, labels, x, { numSampled: 4, numClasses: 10, seed: 0 })));
  });
});

describe('documented values (the r2.3 tutorial)', () => {
  const input = Tensor([[1, 2, 3], [2, 3, 4]]);
  const target = Tensor([[0, 2, 5], [3, 1, 1]]);
  it('L1Loss mean 1.5, sum 9.0, none the matrix, printed as MindSpore', () => {
    expect(String(nn.L1Loss()(input, target))).toBe('1.5');
    expect(String(nn.L1Loss({ reduction: 'sum' })(input, target))).toBe('9.0');
    expect(String(nn.L1Loss({ reduction: 'none' })(input, target))).toBe('[[1. 0. 2.]\n [1. 2. 3.]]');
  });
  it('LossBase.get_loss of |[0.1 0.2 0.3] − [0.1 0.2 0.2]| is 0.033333335', () => {
    class MAE extends nn.LossBase {
      override construct(a: TensorImpl, b: TensorImpl) {
        return this.get_loss(a.sub(b).abs());
      }
    }
    expect(String(new MAE()(Tensor([0.1, 0.2, 0.3]), Tensor([0.1, 0.2, 0.2])))).toBe('0.033333335');
    expect(String(new MAE({ reduction: 'sum' })(Tensor([1, 2, 3]), Tensor([1, 2, 2])))).toBe('1.0');
    expect(String(new MAE('mean').get_loss(Tensor([1, 3]), Tensor([2, 0])))).toBe('1.0');
  });
});

describe('bad input, worded as MindSpore', () => {
  it('a reduction outside mean/sum/none', () => {
    expect(() => nn.L1Loss({ reduction: 'avg' })).toThrow("For 'L1Loss', the 'reduction' must be in ['mean', 'sum', 'none'], but got avg.");
    expect(() => new (class X extends nn.LossBase {})('max' as never)).toThrow("For 'X', the 'reduction' must be in ['mean', 'sum', 'none'], but got max.");
  });
  it('int64 class indices where MindSpore wants int32, a non-Tensor input', () => {
    expect(() => nn.CrossEntropyLoss()(T(X), T(cls.cast('int64')))).toThrow("For 'CrossEntropyLoss', the 'labels' should be Int32, but got 'Int64'.");
    expect(nn.CrossEntropyLoss()(T(X), Tensor([1, 0, 4, 2], int32)).shape).toEqual([]);
    expect(() => nn.MSELoss()([1, 2] as never, T(Y))).toThrow("For 'MSELoss', the 'logits' must be a Tensor, but got list.");
    expect(() => nn.HuberLoss({ deltaa: 1 } as never)).toThrow("HuberLoss() got an unexpected keyword argument 'deltaa'");
  });
});
