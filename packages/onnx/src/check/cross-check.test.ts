import { getBackend, listBackends, manualSeed, randn, registerBackend, setBackend, type Backend, type Tensor } from '@rosetta/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportOnnx } from '../export/export.js';
import { releaseSessions } from '../runtime/run.js';
import { crossCheck } from './cross-check.js';
import { diffArrays } from './diff.js';
import { formatCrossCheck } from './format.js';

const l1 = (p: Tensor, t: Tensor): Tensor => p.sub(t).abs().mean();
const l2 = (p: Tensor, t: Tensor): Tensor => p.sub(t).pow(2).mean();

beforeAll(() => {
  // A second instance of the cpu backend, so crossCheck has two backends to visit here.
  const Cpu = getBackend().constructor as new () => Backend;
  registerBackend('cpu-second', () => new Cpu());
  registerBackend('broken', () => {
    throw new Error('no such device');
  });
});
afterAll(releaseSessions);

describe('crossCheck', () => {
  it('runs fn on each backend and compares every output with ORT', async () => {
    manualSeed(3);
    const p = randn([6, 2]);
    const t = randn([6, 2]);
    const report = await crossCheck((a, b) => [l1(a, b), a.softmax(1)], [p, t], { backends: ['cpu', 'cpu-second'] });
    expect(report.pass).toBe(true);
    expect(report.backends.map((b) => b.backend)).toEqual(['cpu', 'cpu-second']);
    for (const b of report.backends) {
      expect(b.outputs.map((o) => [o.output, o.dtype, o.shape])).toEqual([['output_0', 'float32', []], ['output_1', 'float32', [6, 2]]]);
      for (const o of b.outputs) {
        expect(o.pass).toBe(true);
        expect(o.maxAbs).toBeLessThan(1e-6);
        expect(o.rtol).toBe(1e-5);
        expect(o.atol).toBe(1e-6);
      }
    }
    const table = formatCrossCheck(report);
    expect(table.split('\n')[0]).toMatch(/^backend\s+output\s+dtype\s+shape\s+max abs\s+max rel\s+rtol\s+atol\s+result$/);
    expect(table).toMatch(/cpu-second\s+output_1\s+float32\s+\[6,2\]/);
    expect(table.trimEnd().endsWith('crossCheck: PASS')).toBe(true);
  });

  it('reports a deliberately wrong comparison as a fail, with the size of the gap', async () => {
    manualSeed(4);
    const p = randn([10], { dtype: 'float64' });
    const t = randn([10], { dtype: 'float64' });
    const wrong = exportOnnx(l2, [p, t]); // compare the L1 loss against an L2 graph
    const report = await crossCheck(l1, [p, t], { backends: ['cpu'], reference: wrong });
    expect(report.pass).toBe(false);
    const o = report.backends[0]!.outputs[0]!;
    expect(o.pass).toBe(false);
    expect(o.rtol).toBe(1e-10);
    const gap = Math.abs(l1(p, t).item() - l2(p, t).item());
    expect(o.maxAbs).toBeCloseTo(gap, 10);
    expect(o.maxRel).toBeCloseTo(gap / l2(p, t).item(), 10);
    const table = formatCrossCheck(report);
    expect(table).toMatch(/cpu\s+output_0\s+float64\s+\[\]\s+.*FAIL \(1 off\)/);
    expect(table.trimEnd().endsWith('crossCheck: FAIL')).toBe(true);
  });

  it('honours rtol/atol given by the caller', async () => {
    manualSeed(5);
    const p = randn([10], { dtype: 'float64' });
    const t = randn([10], { dtype: 'float64' });
    const gap = Math.abs(l1(p, t).item() - l2(p, t).item());
    const loose = await crossCheck(l1, [p, t], { backends: ['cpu'], reference: exportOnnx(l2, [p, t]), atol: gap * 1.01, rtol: 0 });
    expect(loose.pass).toBe(true);
  });

  it('reports a backend that cannot start, and restores the previous backend', async () => {
    setBackend('cpu-second');
    const before = getBackend();
    const x = randn([3]);
    const report = await crossCheck((a) => a.exp(), [x], { backends: ['broken', 'cpu'] });
    expect(getBackend()).toBe(before);
    setBackend('cpu');
    expect(report.pass).toBe(false);
    expect(report.backends[0]).toMatchObject({ backend: 'broken', outputs: [] });
    expect(report.backends[0]!.error).toMatch(/no such device/);
    expect(report.backends[1]!.outputs[0]!.pass).toBe(true);
    expect(formatCrossCheck(report)).toMatch(/broken .*ERROR: no such device/);
  });

  it('visits every registered backend by default', async () => {
    const report = await crossCheck((a) => a.neg(), [randn([2])]);
    expect(report.backends.map((b) => b.backend)).toEqual(listBackends());
  });
});

describe('diffArrays', () => {
  it('treats NaN against NaN and equal infinities as equal, and measures max abs / rel', () => {
    expect(diffArrays([NaN, Infinity, 1], [NaN, Infinity, 1], 0, 0)).toEqual({ maxAbs: 0, maxRel: 0, pass: true, mismatched: 0 });
    const d = diffArrays([1, 2.5, 0.001], [1, 2, 0], 0.1, 1e-2);
    expect(d.maxAbs).toBe(0.5);
    expect(d.maxRel).toBe(0.25);
    expect(d.mismatched).toBe(1);
    expect(d.pass).toBe(false);
    expect(diffArrays([NaN], [1], 1, 1).pass).toBe(false);
  });
});
