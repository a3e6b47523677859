import type { ReductionMode, Tensor } from '@rosetta/core';
import { afterAll, describe, expect, it } from 'vitest';
import { releaseSessions } from '../runtime/run.js';
import { TORCH_REFERENCE_CASES, torchMultiMarginP2WeightCases, torchReferenceCasesFloat64 } from './reference-cases-torch.js';
import { formatSuite, runLossSuite } from './run-suite.js';

afterAll(releaseSessions);

describe('PyTorch-family losses vs independent ONNX reference graphs', () => {
  it('every case has a reference graph and passes for each reduction × backend (float32)', async () => {
    expect(TORCH_REFERENCE_CASES.every((c) => c.reference !== undefined)).toBe(true);
    const rows = await runLossSuite(TORCH_REFERENCE_CASES);
    const failed = rows.filter((r) => !r.pass);
    expect(failed, formatSuite(failed)).toEqual([]);
    expect(rows.every((r) => r.check === 'reference')).toBe(true);
    expect(rows.length).toBeGreaterThanOrEqual(TORCH_REFERENCE_CASES.reduce((n, c) => n + c.reductions.length, 0));
    for (const r of rows) expect(Number.isFinite(r.maxAbs), `${r.loss} ${r.reduction}`).toBe(true);
  }, 180_000);

  it('reports an engine result 0.1% off a reference graph as a failure', async () => {
    const kase = TORCH_REFERENCE_CASES.find((c) => c.loss.startsWith('cross_entropy (indices, weight, ignore_index, smoothing'))!;
    const wrong = (r: ReductionMode) => (...xs: Tensor[]) => (kase.fn(r)(...xs) as Tensor).mul(1.001);
    const rows = await runLossSuite([{ ...kase, fn: wrong }]);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => !r.pass)).toBe(true);
  });

  it('a smooth_l1 given huber’s formula (δ·smooth_l1) fails against the smooth_l1 reference', async () => {
    const kase = TORCH_REFERENCE_CASES.find((c) => c.loss.startsWith('smooth_l1 (beta 0.5'))!;
    const asHuber = (r: ReductionMode) => (...xs: Tensor[]) => (kase.fn(r)(...xs) as Tensor).mul(0.5);
    const rows = await runLossSuite([{ ...kase, fn: asHuber }]);
    expect(rows.map((r) => r.pass)).toEqual(rows.map(() => false));
  });

  it('float64 variants pass at the float64 tolerance (rtol 1e-10)', async () => {
    const cases = torchReferenceCasesFloat64(['mse', 'huber', 'multi_margin', 'cross_entropy', 'binary_cross_entropy', 'kl_div', 'gaussian_nll', 'triplet_margin (p 2', 'cosine_similarity (ref)']);
    expect(cases.length).toBeGreaterThan(5);
    const rows = await runLossSuite(cases);
    const failed = rows.filter((r) => !r.pass);
    expect(failed, formatSuite(failed)).toEqual([]);
  }, 180_000);

  it('multi_margin p 2 with weight: the engine follows PyTorch’s kernel (w after the power), not the docs formula (w inside)', async () => {
    expect(TORCH_REFERENCE_CASES.some((c) => c.loss.startsWith('multi_margin (p 2, weight'))).toBe(false);
    const { kernel, docs } = torchMultiMarginP2WeightCases();
    const kernelRows = await runLossSuite([kernel]);
    expect(kernelRows.filter((r) => !r.pass), formatSuite(kernelRows)).toEqual([]);
    const docsRows = await runLossSuite([docs]);
    expect(docsRows.length).toBeGreaterThan(0);
    expect(docsRows.every((r) => !r.pass), formatSuite(docsRows)).toBe(true);
  });
});
