import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBackend, listBackends, setBackend } from '../../backend/registry.js';
import type { DType } from '../../dtype.js';
import { tensor } from '../../tensor/create.js';
import type { Tensor } from '../../tensor/tensor.js';
import { gradcheck } from '../../test-utils/gradcheck.js';
import { expectClose, host, reduceRef, type Host } from '../../test-utils/reference.js';
import { Rng } from '../../test-utils/rng.js';
import { T, f32, checkBoth, mean, sum, checkGrad, checkReductions, useBackend } from '../../test-utils/loss-checks.js';
import { MT19937 } from '../../random/mt19937.js';
import { sampledSoftmaxLoss, uniformCandidateSampler, type SampledValues } from './sampled-softmax.js';


/** The documented recipe in float64 from explicit sampled values. */
function ref(W: number[], b: number[], lab: number[], x: number[], N: number, dim: number, numTrue: number, sv: SampledValues, removeHits: boolean): number[] {
  const dot = (n: number, c: number): number => {
    let s = b[c]!;
    for (let k = 0; k < dim; k++) s += x[n * dim + k]! * W[c * dim + k]!;
    return s;
  };
  return Array.from({ length: N }, (_, n) => {
    const row = lab.slice(n * numTrue, (n + 1) * numTrue);
    const logits = [
      ...row.map((c, j) => dot(n, c) - Math.log(sv.trueExpectedCount[n * numTrue + j]!)),
      ...sv.sampled.map((c, j) => (removeHits && row.includes(c) ? -Infinity : dot(n, c) - Math.log(sv.sampledExpectedCount[j]!))),
    ];
    const m = Math.max(...logits);
    const z = logits.reduce((s, v) => s + Math.exp(v - m), 0);
    return -row.reduce((s, _, j) => s + (1 / numTrue) * Math.log(Math.exp(logits[j]! - m) / z + 1e-20), 0);
  });
}

describe.each(listBackends())('sampledSoftmaxLoss on the %s backend', (backend) => {
  useBackend(backend);
  const r = new Rng(131);
  const C = 7;
  const dim = 3;
  const N = 4;
  const W = f32(r.normals(C * dim));
  const b = f32(r.normals(C));
  const x = f32(r.normals(N * dim));
  const lab1 = [0, 3, 6, 3];
  const lab2 = [0, 1, 3, 4, 6, 2, 5, 3];
  const sv: SampledValues = { sampled: [1, 3, 5], trueExpectedCount: [0.4, 0.5, 0.6, 0.7], sampledExpectedCount: [0.3, 0.45, 0.8] };

  it('explicit sampled values: logits − log Q, accidental hits removed (or not), every reduction', () => {
    for (const removeAccidentalHits of [true, false]) {
      const want = ref(W, b, lab1, x, N, dim, 1, sv, removeAccidentalHits);
      checkBoth((dt) => sampledSoftmaxLoss(T(W, [C, dim], dt), T(b, [C], dt), T(lab1, [N, 1], 'int32'), T(x, [N, dim], dt), { numSampled: 3, numClasses: C, sampledValues: sv, removeAccidentalHits }), host(want, [N]));
      checkBoth((dt) => sampledSoftmaxLoss(T(W, [C, dim], dt), T(b, [C], dt), T(lab1, [N, 1], 'int32'), T(x, [N, dim], dt), { numSampled: 3, numClasses: C, sampledValues: sv, removeAccidentalHits, reduction: 'mean' }), host([mean(want)], []));
    }
  });
  it('num_true = 2', () => {
    const sv2 = { ...sv, trueExpectedCount: [0.4, 0.5, 0.6, 0.7, 0.2, 0.3, 0.9, 0.35] };
    checkBoth((dt) => sampledSoftmaxLoss(T(W, [C, dim], dt), T(b, [C], dt), T(lab2, [N, 2], 'int64'), T(x, [N, dim], dt), { numSampled: 3, numClasses: C, numTrue: 2, sampledValues: sv2 }), host(ref(W, b, lab2, x, N, dim, 2, sv2, true), [N]));
  });
  it('the seeded uniform sampler: distinct in-range classes from MT19937, documented expected counts, reproducible', () => {
    const s = uniformCandidateSampler([0, 3], { numSampled: 5, rangeMax: 7, seed: 42 });
    expect(new Set(s.sampled).size).toBe(5);
    const gen = new MT19937(42);
    const draws: number[] = [];
    let tries = 0;
    while (new Set(draws).size < 5) {
      draws.push(Math.floor(gen.randomSample() * 7));
      tries++;
    }
    expect(s.sampled).toEqual([...new Set(draws)]);
    const q = tries === 5 ? 5 / 7 : -Math.expm1(tries * Math.log1p(-1 / 7));
    expectClose(s.sampledExpectedCount, new Array(5).fill(q), { rtol: 1e-15 });
    expectClose(s.trueExpectedCount, [q, q], { rtol: 1e-15 });
    const a = sampledSoftmaxLoss(T(W, [C, dim]), T(b, [C]), T(lab1, [N, 1], 'int32'), T(x, [N, dim]), { numSampled: 3, numClasses: C, seed: 7 });
    const again = sampledSoftmaxLoss(T(W, [C, dim]), T(b, [C]), T(lab1, [N, 1], 'int32'), T(x, [N, dim]), { numSampled: 3, numClasses: C, seed: 7 });
    expectClose(a, hostOfT(again), { rtol: 0 });
    const used = uniformCandidateSampler(lab1, { numSampled: 3, rangeMax: C, seed: 7 });
    expectClose(a, host(ref(W, b, lab1, x, N, dim, 1, used, true), [N]), { rtol: 1e-10 });
  });
  it('gradcheck w.r.t. weights, biases and inputs', () => {
    checkGrad((w, bb, xx) => sampledSoftmaxLoss(w!, bb!, T(lab1, [N, 1], 'int32'), xx!, { numSampled: 3, numClasses: C, sampledValues: sv }), [T(W, [C, dim]), T(b, [C]), T(x, [N, dim])]);
  });
  it('bad inputs are clear errors', () => {
    const call = (o: object, labels = T(lab1, [N, 1], 'int32')) => sampledSoftmaxLoss(T(W, [C, dim]), T(b, [C]), labels, T(x, [N, dim]), { numSampled: 3, numClasses: C, ...o });
    expect(() => call({ numSampled: 8 })).toThrow('SampledSoftmaxLoss: num_sampled must be an integer in [1, num_classes = 7], got 8');
    expect(() => call({ numTrue: 0 })).toThrow('SampledSoftmaxLoss: num_true must be an integer ≥ 1');
    expect(() => call({ seed: -1 })).toThrow('SampledSoftmaxLoss: seed must be a non-negative integer');
    expect(() => call({}, T(lab1, [N, 1]))).toThrow('SampledSoftmaxLoss: labels must be int32 or int64, got float64');
    expect(() => call({}, T([0, 1, 2], [3, 1], 'int32'))).toThrow('SampledSoftmaxLoss: labels must hold N·num_true = 4 classes');
    expect(() => call({}, T([0, 1, 2, 9], [4, 1], 'int32'))).toThrow('SampledSoftmaxLoss: labels must be in [0, 7)');
  });
});
const hostOfT = (t: Tensor): Host => host(Array.from(t.dataSync() as Float64Array), t.shape);
