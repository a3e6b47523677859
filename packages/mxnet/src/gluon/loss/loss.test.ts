import * as core from '@rosetta/core';
import { describe, expect, it } from 'vitest';
import { nd } from '../../index.js';
import type { NDArray } from '../../ndarray/ndarray.js';
import * as gloss from './index.js';

const vals = (a: NDArray | core.Tensor): number[] => Array.from(('tensor' in a ? a.tensor : a).dataSync() as Float32Array);
/** Gluon's per-sample tail written out: × sample_weight × weight, then the mean over all axes but 0. */
const gluonTail = (loss: core.Tensor, weight: number | null = null, sw?: core.Tensor): core.Tensor =>
  core.reduceLoss('t', core.applyWeighting('t', loss, weight, sw), { batchAxis: 0 });
const close = (a: number[], b: number[], tol = 1e-6) => {
  expect(a.length).toBe(b.length);
  a.forEach((v, i) => expect(Math.abs(v - b[i]!)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b[i]!))));
};

core.manualSeed(11);
const pred = nd.random.normal({ shape: [4, 3] });
const target = nd.random.uniform({ shape: [4, 3] });
const signs = nd.array([[1, -1, 1], [-1, -1, 1], [1, 1, -1], [-1, 1, 1]]);
const sw = nd.array([[1], [0.5], [2], [0]]);
const P = pred.tensor;

describe('every gluon.loss class matches its core function with Gluon defaults (per-sample mean)', () => {
  const cases: [string, () => NDArray, () => core.Tensor][] = [
    ['L2Loss', () => gloss.L2Loss()(pred, target), () => gluonTail(core.l2Loss(P, target.tensor), 1)],
    ['L1Loss', () => gloss.L1Loss()(pred, target), () => gluonTail(core.l1Loss(P, target.tensor, { reduction: 'none' }))],
    ['HuberLoss', () => gloss.HuberLoss({ rho: 0.7 })(pred, target), () => gluonTail(core.smoothL1Loss(P, target.tensor, { beta: 0.7, reduction: 'none' }))],
    ['SigmoidBCELoss', () => gloss.SigmoidBCELoss()(pred, target), () => gluonTail(core.sigmoidBinaryCrossEntropyLoss(P, target.tensor))],
    ['SigmoidBinaryCrossEntropyLoss(from_sigmoid)', () => gloss.SigmoidBinaryCrossEntropyLoss({ from_sigmoid: true })(target, signs.gt(0)),
      () => gluonTail(core.sigmoidBinaryCrossEntropyLoss(target.tensor, signs.gt(0).tensor, { fromSigmoid: true }))],
    ['SoftmaxCELoss', () => gloss.SoftmaxCELoss()(pred, nd.array([0, 2, 1, 2])),
      () => gluonTail(core.softmaxCrossEntropyLoss(P, core.tensor([0, 2, 1, 2], { dtype: 'int64' })))],
    ['SoftmaxCrossEntropyLoss(sparse_label=False)', () => gloss.SoftmaxCrossEntropyLoss({ sparse_label: false })(pred, target.softmax()),
      () => gluonTail(core.softmaxCrossEntropyLoss(P, target.tensor.softmax(-1), { sparseLabel: false }))],
    ['KLDivLoss', () => gloss.KLDivLoss()(pred.log_softmax(), target.softmax()),
      () => gluonTail(core.gluonKlDivLoss(P.logSoftmax(-1), target.tensor.softmax(-1)))],
    ['HingeLoss', () => gloss.HingeLoss()(pred, signs), () => gluonTail(core.hingeLoss(P, signs.tensor))],
    ['SquaredHingeLoss', () => gloss.SquaredHingeLoss()(pred, signs), () => gluonTail(core.squaredHingeLoss(P, signs.tensor))],
    ['LogisticLoss', () => gloss.LogisticLoss()(pred, signs), () => gluonTail(core.logisticLoss(P, signs.tensor))],
    ['TripletLoss', () => gloss.TripletLoss()(pred, target, signs), () => gluonTail(core.tripletLoss(P, target.tensor, signs.tensor))],
    ['PoissonNLLLoss', () => gloss.PoissonNLLLoss()(pred, target), () => gluonTail(core.gluonPoissonNllLoss(P, target.tensor))],
    ['CosineEmbeddingLoss', () => gloss.CosineEmbeddingLoss()(pred, target, nd.array([1, -1, 1, -1])),
      () => gluonTail(core.gluonCosineEmbeddingLoss(P, target.tensor, core.tensor([1, -1, 1, -1])))],
    ['SDMLLoss', () => gloss.SDMLLoss()(pred, target), () => gluonTail(core.sdmlLoss(P, target.tensor))],
  ];
  it.each(cases)('%s', (_name, facade, reference) => {
    const out = facade();
    expect(out.shape).toEqual([4]);
    close(vals(out), vals(reference()));
  });
  it('CTCLoss: blank last, −1 padding, output (N,)', () => {
    core.manualSeed(3);
    const scores = nd.random.normal({ shape: [2, 5, 4] });
    const labels = nd.array([[0, 1, 2], [1, 1, -1]]);
    const out = gloss.CTCLoss()(scores, labels);
    expect(out.shape).toEqual([2]);
    close(vals(out), vals(core.gluonCtcLoss(scores.tensor, labels.tensor)));
  });
  it('applies weight and sample_weight before the per-sample mean', () => {
    const out = gloss.L1Loss({ weight: 0.5 })(pred, target, sw);
    close(vals(out), vals(gluonTail(core.l1Loss(P, target.tensor, { reduction: 'none' }), 0.5, sw.tensor)));
    expect(vals(gloss.L2Loss()(nd.ones([2]), nd.ones([2]).mul(2), nd.array([1, 2])))).toEqual([0.5, 1]);
  });
  it('batch_axis picks the axis that survives', () => {
    const out = gloss.L1Loss({ batch_axis: 1 })(pred, target);
    expect(out.shape).toEqual([3]);
    close(vals(out), vals(core.l1Loss(P, target.tensor, { reduction: 'none' }).mean(0)));
  });
});

describe('documented values (the Gluon tutorial and float64 by hand)', () => {
  it('L2Loss of ones against twos is [0.5 0.5]', () => {
    expect(vals(gloss.L2Loss()(nd.ones([2]), nd.ones([2]).mul(2)))).toEqual([0.5, 0.5]);
  });
  it('softmax CE on [[1, 10], [8, 2]] with labels [0, 1]', () => {
    const lse = (a: number, b: number) => Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b)));
    close(vals(gloss.SoftmaxCrossEntropyLoss()(nd.array([[1, 10], [8, 2]]), nd.array([0, 1]))), [lse(1, 10) - 1, lse(8, 2) - 2]);
  });
  it('KL divergence of the tutorial example is ≈ 0.025 (mean over the 4 classes)', () => {
    const o = [0.39056206, 1.3068528, 0.39056206, -0.30258512];
    const t = [0.3, 0.4, 0.1, 0.2];
    const lse = Math.log(o.reduce((s, v) => s + Math.exp(v), 0));
    const ref = t.reduce((s, ti, i) => s + ti * (Math.log(ti + 1e-12) - (o[i]! - lse)), 0) / 4;
    close(vals(gloss.KLDivLoss({ from_logits: false })(nd.array([o]), nd.array([t]))), [ref], 1e-5);
  });
  it('cosine embedding: 0 for equal vectors with label 1, 0 for orthogonal ones with label −1', () => {
    const x = nd.array([1, 0, 1, 0, 1, 0]);
    expect(vals(gloss.CosineEmbeddingLoss()(x, nd.array([1, 0, 1, 0, 1, 0]), nd.array(1)))).toEqual([0]);
    expect(vals(gloss.CosineEmbeddingLoss()(x, nd.array([0, 1, 0, 1, 0, 1]), nd.array(-1)))).toEqual([0]);
  });
  it('prints as Gluon prints a loss', () => {
    expect(String(gloss.L2Loss())).toBe('L2Loss(batch_axis=0, w=1.0)');
    expect(String(gloss.SoftmaxCELoss())).toBe('SoftmaxCrossEntropyLoss(batch_axis=0, w=None)');
  });
});

describe('bad input', () => {
  it('a label that cannot be reshaped like pred names the loss and argument', () => {
    expect(() => gloss.L2Loss()(nd.ones([2, 3]), nd.ones([5]))).toThrow(/L2Loss: cannot reshape label of shape \[5\]/);
  });
  it('a bad label_format', () => {
    expect(() => gloss.LogisticLoss({ label_format: 'hinge' })).toThrow('LogisticLoss: label_format can only be signed or binary, received hinge.');
  });
  it('a sample_weight that does not broadcast', () => {
    expect(() => gloss.L1Loss()(nd.ones([4, 3]), nd.ones([4, 3]), nd.ones([3, 1]))).toThrow(/L1Loss: sample_weight of shape \[3, 1\] does not broadcast to the loss of shape \[4, 3\]/);
  });
  it('a non-NDArray argument and an unknown keyword', () => {
    expect(() => gloss.L1Loss()([1, 2] as never, nd.ones([2]))).toThrow('L1Loss: pred must be an NDArray, got list');
    expect(() => gloss.HingeLoss({ margn: 1 } as never)).toThrow("HingeLoss() got an unexpected keyword argument 'margn'");
  });
});
