import { manualSeed, randn, rand, tensor, where, type Tensor } from '@rosetta/core';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { crossCheck } from '../check/cross-check.js';
import { formatCrossCheck } from '../check/format.js';
import { diffArrays } from '../check/diff.js';
import { releaseSessions, runOnnx } from '../runtime/run.js';
import { TOL } from '../test-utils/export-check.js';
import { nllReference } from './nll.js';
import { softmaxCrossEntropyReference } from './softmax-cross-entropy.js';
import type { OnnxReduction } from './types.js';

afterAll(releaseSessions);
beforeEach(() => manualSeed(21));

/**
 * The engine's composition: −log_softmax(x)[i, y_i], weighted by w[y_i], ignored labels dropped,
 * then none / sum / weighted mean (Σ w·l / Σ w over kept rows), as PyTorch's cross_entropy.
 */
function engineLoss(reduction: OnnxReduction, ignoreIndex?: number, fromLogProbs = false) {
  return (x: Tensor, labels: Tensor, weight?: Tensor): Tensor => {
    const keep = ignoreIndex === undefined ? null : labels.ne(ignoreIndex);
    const safe = keep ? where(keep, labels, 0) : labels;
    const logp = fromLogProbs ? x : x.logSoftmax(1);
    const picked = logp.gather(1, safe.unsqueeze(1)).squeeze(1).neg();
    let w = weight ? weight.gather(0, safe) : null;
    if (keep) w = where(keep, w ?? 1, 0).cast(x.dtype);
    const per = w ? picked.mul(w) : picked;
    if (reduction === 'none') return per;
    if (reduction === 'sum') return per.sum();
    return w ? per.sum().div(w.sum()) : per.mean();
  };
}

const cases: [OnnxReduction, boolean, number | undefined][] = [
  ['mean', false, undefined], ['sum', false, undefined], ['none', false, undefined],
  ['mean', true, undefined], ['sum', true, undefined], ['none', true, undefined],
  ['mean', false, 2], ['mean', true, 2], ['sum', true, -1], ['none', true, 2],
];

describe.each(['float32', 'float64'] as const)('reference graphs vs the engine (%s)', (dtype) => {
  const batch = 7;
  const classes = 5;
  const data = () => {
    const x = randn([batch, classes], { dtype }).mul(2);
    const labels = tensor([0, 2, 4, 2, 1, 3, 2], { dtype: 'int64' });
    const weight = rand([classes], { dtype }).add(0.25);
    return { x, labels, weight };
  };
  const withIgnored = (labels: Tensor, ignoreIndex: number | undefined): Tensor =>
    (ignoreIndex === -1 ? tensor([0, -1, 4, 2, -1, 3, 2], { dtype: 'int64' }) : labels);

  it.each(cases)('SoftmaxCrossEntropyLoss reduction=%s weighted=%s ignore_index=%s', async (reduction, weighted, ignoreIndex) => {
    const { x, labels: l0, weight } = data();
    const labels = withIgnored(l0, ignoreIndex);
    const ref = softmaxCrossEntropyReference({ batch, classes, dtype, reduction, weighted, ignoreIndex });
    const inputs = weighted ? [x, labels, weight] : [x, labels];
    const report = await crossCheck(
      (...xs: Tensor[]) => [engineLoss(reduction, ignoreIndex)(xs[0]!, xs[1]!, xs[2]), xs[0]!.logSoftmax(1)],
      inputs, { backends: ['cpu'], reference: ref },
    );
    expect(report.pass, formatCrossCheck(report)).toBe(true);
    expect(report.backends[0]!.outputs.map((o) => o.shape)).toEqual([reduction === 'none' ? [batch] : [], [batch, classes]]);
  });

  it.each(cases)('NegativeLogLikelihoodLoss (LogSoftmax inside) reduction=%s weighted=%s ignore_index=%s', async (reduction, weighted, ignoreIndex) => {
    const { x, labels: l0, weight } = data();
    const labels = withIgnored(l0, ignoreIndex);
    const ref = nllReference({ batch, classes, dtype, reduction, weighted, ignoreIndex, fromLogits: true });
    const inputs = weighted ? [x, labels, weight] : [x, labels];
    const report = await crossCheck((...xs: Tensor[]) => engineLoss(reduction, ignoreIndex)(xs[0]!, xs[1]!, xs[2]), inputs, { backends: ['cpu'], reference: ref });
    expect(report.pass, formatCrossCheck(report)).toBe(true);
  });

  it('NegativeLogLikelihoodLoss fed log-probabilities equals x.logSoftmax(1).gather(1, labels).neg()', async () => {
    const { x, labels } = data();
    const logp = x.logSoftmax(1);
    const out = await runOnnx(nllReference({ batch, classes, dtype, reduction: 'none' }).bytes, {
      input: { data: logp.dataSync(), shape: logp.shape, dtype },
      labels: { data: labels.dataSync(), shape: [batch], dtype: 'int64' },
    });
    const engine = logp.gather(1, labels.unsqueeze(1)).neg().squeeze(1);
    expect(out.loss!.shape).toEqual([batch]);
    const d = diffArrays(engine.dataSync(), out.loss!.data, TOL[dtype].rtol, TOL[dtype].atol);
    expect(d.pass, `max abs ${d.maxAbs}`).toBe(true);
    expect(engineLoss('none', undefined, true)(logp, labels).dataSync()).toEqual(engine.dataSync());
  });
});
