import { gluonCosineEmbeddingLoss, uniformCandidateSampler, type ReductionMode, type Tensor } from '@rosetta/core';
import { afterAll, describe, expect, it } from 'vitest';
import { releaseSessions, runOnnx } from '../runtime/run.js';
import { mindsporeSampledSoftmaxReference } from '../reference/mindspore-sampled-softmax.js';
import { EXTRA_REFERENCE_CASES, extraReferenceCasesFloat64 } from './reference-cases-extra.js';
import { formatSuite, runLossSuite } from './run-suite.js';

afterAll(releaseSessions);

describe('Gluon / MindSpore / adaptive-softmax losses vs independent ONNX reference graphs', () => {
  it('every case has a reference graph and passes for each reduction × backend (float32)', async () => {
    expect(EXTRA_REFERENCE_CASES.every((c) => c.reference !== undefined)).toBe(true);
    const rows = await runLossSuite(EXTRA_REFERENCE_CASES);
    const failed = rows.filter((r) => !r.pass);
    expect(failed, formatSuite(failed)).toEqual([]);
    expect(rows.every((r) => r.check === 'reference')).toBe(true);
    expect(rows.length).toBeGreaterThanOrEqual(EXTRA_REFERENCE_CASES.reduce((n, c) => n + c.reductions.length, 0));
    for (const r of rows) expect(Number.isFinite(r.maxAbs), `${r.loss} ${r.reduction}`).toBe(true);
  }, 120_000);

  it('float64 variants of every case pass at the float64 tolerance (rtol 1e-10)', async () => {
    const cases = extraReferenceCasesFloat64();
    expect(cases.length).toBe(EXTRA_REFERENCE_CASES.length);
    expect(cases.every((c) => c.loss.endsWith(' float64'))).toBe(true);
    for (const x of cases[0]!.inputs()) expect(x.dtype).toBe('float64');
    const rows = await runLossSuite(cases);
    const failed = rows.filter((r) => !r.pass);
    expect(failed, formatSuite(failed)).toEqual([]);
    expect(rows.every((r) => r.check === 'reference')).toBe(true);
    expect(rows.length).toBeGreaterThanOrEqual(cases.reduce((n, c) => n + c.reductions.length, 0));
  }, 180_000);

  it('a Gluon cosine embedding loss that ignores the −1 labels (1 − cos everywhere) fails against the reference', async () => {
    const kase = EXTRA_REFERENCE_CASES.find((c) => c.loss.startsWith('gluon cosine_embedding (margin 0.1'))!;
    expect(Array.from(kase.inputs()[2]!.dataSync() as Float32Array)).toContain(-1);
    const allPositive = (r: ReductionMode) => (a?: Tensor, b?: Tensor, y?: Tensor) => gluonCosineEmbeddingLoss(a!, b!, y!.abs(), { reduction: r, margin: 0.1 });
    const rows = await runLossSuite([{ ...kase, fn: allPositive }]);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => !r.pass), formatSuite(rows)).toBe(true);
  });

  it('reports an engine result 0.1% off a reference graph as a failure', async () => {
    const kase = EXTRA_REFERENCE_CASES.find((c) => c.loss.startsWith('gluon sdml'))!;
    const wrong = (r: ReductionMode) => (...xs: Tensor[]) => (kase.fn(r)(...xs) as Tensor).mul(1.001);
    const rows = await runLossSuite([{ ...kase, reductions: [{ batchAxis: 0 }], fn: wrong }]);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => !r.pass)).toBe(true);
  });

  it('an engine L2 twice Gluon’s (the ½ dropped) fails against the reference', async () => {
    const kase = EXTRA_REFERENCE_CASES.find((c) => c.loss.startsWith('gluon l2'))!;
    const doubled = (r: ReductionMode) => (...xs: Tensor[]) => (kase.fn(r)(...xs) as Tensor).mul(2);
    const rows = await runLossSuite([{ ...kase, fn: doubled }]);
    expect(rows.map((r) => r.pass)).toEqual(rows.map(() => false));
  });

  it('the sampled-softmax inputs hold accidental hits: without removing them the reference disagrees', async () => {
    const kase = EXTRA_REFERENCE_CASES.find((c) => c.loss.startsWith('sampled_softmax (MindSpore, num_true 1'))!;
    const xs = kase.inputs();
    const labels = Array.from(xs[2]!.dataSync() as ArrayLike<number | bigint>, Number);
    const sv = uniformCandidateSampler(labels, { numSampled: 4, rangeMax: 8, seed: 7 });
    expect(sv.sampled.some((s) => labels.includes(s))).toBe(true);
    const keep = mindsporeSampledSoftmaxReference({ batch: 4, dim: 3, classes: 8, numTrue: 1, ...sv, removeAccidentalHits: false });
    const feeds = Object.fromEntries(keep.inputNames.map((n, i) => [n, { data: xs[i]!.dataSync(), shape: xs[i]!.shape, dtype: xs[i]!.dtype }]));
    const loose = (await runOnnx(keep.bytes, feeds)).loss!.data;
    const engine = Array.from((kase.fn('none')(...xs) as Tensor).dataSync() as Float32Array);
    expect(engine.some((v, i) => Math.abs(v - Number(loose[i])) > 1e-3)).toBe(true);
  });
});
