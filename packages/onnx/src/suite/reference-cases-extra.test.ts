import type { ReductionMode, Tensor } from '@rosetta/core';
import { afterAll, describe, expect, it } from 'vitest';
import { releaseSessions } from '../runtime/run.js';
import { EXTRA_REFERENCE_CASES } from './reference-cases-extra.js';
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
});
