import { describe, expect, it } from 'vitest';
import { formatDemo, runDemo } from './demo.js';

// Independent float64 references, computed here by hand from the definitions.
const x = [0.5, -1.5, 2.0, 3.0];
const y = [1.0, -1.0, 2.5, 0.0];
const l1 = x.reduce((s, v, i) => s + Math.abs(v - y[i]!), 0) / 4;
const l1Grad = x.map((v, i) => Math.sign(v - y[i]!) / 4);
const logits = [[1.0, 2.0, 0.5], [0.1, -1.0, 3.0]];
const labels = [1, 2];
const softmax = logits.map((row) => {
  const m = Math.max(...row);
  const e = row.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
});
const ce = -labels.reduce((s, c, i) => s + Math.log(softmax[i]![c]!), 0) / 2;
const ceGrad = softmax.map((row, i) => row.map((p, c) => (p - (c === labels[i] ? 1 : 0)) / 2));

describe('demo', () => {
  const rows = runDemo();
  it('runs on every registered backend', () => {
    expect(rows.map((r) => r.backend)).toContain('cpu');
  });
  it.each(rows.map((r) => [r.backend, r] as const))('matches float64 references on %s', (_name, row) => {
    expect(row.l1).toBeCloseTo(l1, 6);
    row.l1Grad.forEach((g, i) => expect(g).toBeCloseTo(l1Grad[i]!, 6));
    expect(row.crossEntropy).toBeCloseTo(ce, 6);
    row.crossEntropyGrad.forEach((r, i) => r.forEach((g, c) => expect(g).toBeCloseTo(ceGrad[i]![c]!, 6)));
  });
  it('prints each value with six decimals', () => {
    expect(formatDemo(rows)).toContain(`L1 loss             ${l1.toFixed(6)}`);
  });
});
