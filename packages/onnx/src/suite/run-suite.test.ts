import type { ReductionMode, Tensor } from '@rosetta/core';
import { listBackends } from '@rosetta/core';
import { describe, expect, it } from 'vitest';
import { ALL_LOSS_CASES } from './all-cases.js';
import { LOSS_CASES } from './builtin-losses.js';
import { formatSuite, runLossSuite } from './run-suite.js';

describe('the built-in cross-check suite', () => {
  it('passes for every loss × reduction × backend, within float32 tolerances of ONNX Runtime', async () => {
    const rows = await runLossSuite();
    const failed = rows.filter((r) => !r.pass);
    expect(failed, formatSuite(failed)).toEqual([]);
    expect(rows.length).toBeGreaterThanOrEqual(ALL_LOSS_CASES.reduce((n, c) => n + c.reductions.length, 0));
    for (const r of rows) {
      expect(r.maxRel).toBeLessThan(1e-4);
      expect(Number.isFinite(r.maxAbs)).toBe(true);
    }
  }, 120_000);

  it('reports an engine result 0.1% off an independent reference graph as a failure', async () => {
    const kase = LOSS_CASES.find((c) => c.reference && c.loss.startsWith('nll'))!;
    const wrong = (r: ReductionMode) => (...xs: Tensor[]) => (kase.fn(r)(...xs) as Tensor).mul(1.001);
    const rows = await runLossSuite([{ ...kase, reductions: ['sum'], fn: wrong }]);
    // one row per backend, each a failure
    const n = listBackends().length;
    expect(rows.map((r) => r.pass)).toEqual(new Array(n).fill(false));
    expect(formatSuite(rows)).toContain(`crosscheck: 0 passed, ${n} failed`);
  });
});
