import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBackend, listBackends, setBackend } from '../../backend/registry.js';
import type { DType } from '../../dtype.js';
import { tensor } from '../../tensor/create.js';
import type { Tensor } from '../../tensor/tensor.js';
import { gradcheck } from '../../test-utils/gradcheck.js';
import { expectClose, host, reduceRef, type Host } from '../../test-utils/reference.js';
import { Rng } from '../../test-utils/rng.js';
import { T, f32, checkBoth, mean, sum, checkGrad, checkReductions, useBackend } from '../../test-utils/loss-checks.js';
import { adaptiveLogProb, adaptiveLogSoftmaxWithLoss, adaptivePredict } from './adaptive-log-softmax.js';


/** y = x·Wᵀ (+ b) for row-major x [B, i], W [o, i]. */
const lin = (x: number[][], w: number[], o: number, b?: number[]): number[][] =>
  x.map((row) => Array.from({ length: o }, (_, j) => row.reduce((s, v, k) => s + v * w[j * row.length + k]!, b ? b[j]! : 0)));
const lsm = (row: number[]): number[] => {
  const m = Math.max(...row);
  const l = m + Math.log(row.reduce((s, v) => s + Math.exp(v - m), 0));
  return row.map((v) => v - l);
};

describe.each(listBackends())('adaptive log-softmax on the %s backend', (backend) => {
  useBackend(backend);
  const r = new Rng(121);
  const B = 5;
  const inF = 4;
  const cutoffs = [3, 5]; // shortlist 3, clusters [3, 5) and [5, 9): n_classes 9
  const hsz = [2, 1];
  const osz = [2, 4];
  const x = f32(r.normals(B * inF));
  const hw = f32(r.normals((3 + 2) * inF));
  const hb = f32(r.normals(5));
  const tails = [0, 1].map((i) => [f32(r.normals(hsz[i]! * inF)), f32(r.normals(osz[i]! * hsz[i]!))] as const);
  const target = [0, 4, 8, 2, 5];
  const rows = Array.from({ length: B }, (_, n) => x.slice(n * inF, n * inF + inF));

  /** Full (B, 9) log-probabilities from the documented recipe. */
  function refLogProb(withBias: boolean): number[][] {
    const head = lin(rows, hw, 5, withBias ? hb : undefined).map(lsm);
    const clusters = [0, 1].map((i) => lin(lin(rows, tails[i]![0], hsz[i]!), tails[i]![1], osz[i]!).map(lsm));
    return head.map((h, n) => [...h.slice(0, 3), ...clusters[0]![n]!.map((v) => v + h[3]!), ...clusters[1]![n]!.map((v) => v + h[4]!)]);
  }
  const weights = (dt: DType, withBias: boolean) => ({
    headWeight: T(hw, [5, inF], dt),
    headBias: withBias ? T(hb, [5], dt) : null,
    tailWeights: [0, 1].map((i) => [T(tails[i]![0], [hsz[i]!, inF], dt), T(tails[i]![1], [osz[i]!, hsz[i]!], dt)] as const),
    cutoffs,
  });

  for (const withBias of [false, true]) {
    it(`output, loss (every reduction), log_prob and predict${withBias ? ' with a head bias' : ''}`, () => {
      const lp = refLogProb(withBias);
      const out = target.map((t, n) => lp[n]![t]!);
      checkBoth((dt) => adaptiveLogSoftmaxWithLoss(T(x, [B, inF], dt), T(target, [B], 'int64'), weights(dt, withBias)).output, host(out, [B]));
      checkBoth((dt) => adaptiveLogSoftmaxWithLoss(T(x, [B, inF], dt), T(target, [B], 'int64'), weights(dt, withBias)).loss, host([-mean(out)], []));
      checkBoth((dt) => adaptiveLogSoftmaxWithLoss(T(x, [B, inF], dt), T(target, [B], 'int64'), { ...weights(dt, withBias), reduction: 'sum' }).loss, host([-sum(out)], []));
      checkBoth((dt) => adaptiveLogSoftmaxWithLoss(T(x, [B, inF], dt), T(target, [B], 'int64'), { ...weights(dt, withBias), reduction: 'none' }).loss, host(out.map((v) => -v), [B]));
      checkBoth((dt) => adaptiveLogProb(T(x, [B, inF], dt), weights(dt, withBias)), host(lp.flat(), [B, 9]));
      // rows of log_prob are normalized distributions
      expect(lp.every((row) => Math.abs(row.reduce((s, v) => s + Math.exp(v), 0) - 1) < 1e-12)).toBe(true);
      const am = lp.map((row) => row.indexOf(Math.max(...row)));
      expect(Array.from(adaptivePredict(T(x, [B, inF]), weights('float64', withBias)).dataSync() as BigInt64Array, Number)).toEqual(am);
    });
  }

  it('unbatched: 1-D input and 0-d target give 0-d output and loss', () => {
    const lp = refLogProb(true);
    const res = adaptiveLogSoftmaxWithLoss(T(x.slice(inF, 2 * inF), [inF]), T([4], [], 'int64'), weights('float64', true));
    expectClose(res.output, host([lp[1]![4]!], []), { rtol: 1e-10 });
    expectClose(res.loss, host([-lp[1]![4]!], []), { rtol: 1e-10 });
    expectClose(adaptiveLogProb(T(x.slice(inF, 2 * inF), [inF]), weights('float64', true)), host(lp[1]!, [9]), { rtol: 1e-10 });
  });

  it('gradcheck w.r.t. input, head weight and bias, tail weights', () => {
    checkGrad(
      (xx, w, b, p0, o0, p1, o1) => adaptiveLogSoftmaxWithLoss(xx!, T(target, [B], 'int64'), { headWeight: w!, headBias: b!, tailWeights: [[p0!, o0!], [p1!, o1!]], cutoffs }).loss,
      [T(x, [B, inF]), T(hw, [5, inF]), T(hb, [5]), T(tails[0]![0], [2, inF]), T(tails[0]![1], [2, 2]), T(tails[1]![0], [1, inF]), T(tails[1]![1], [4, 1])],
    );
  });

  it('bad inputs are clear errors', () => {
    const w = weights('float64', false);
    expect(() => adaptiveLogSoftmaxWithLoss(T(x, [B, inF]), T([0, 1, 9, 2, 3], [B], 'int64'), w)).toThrow('AdaptiveLogSoftmaxWithLoss: Target values should be in [0, 8], but values in range [0, 9] were found.');
    expect(() => adaptiveLogSoftmaxWithLoss(T(x, [B, inF]), T([0, 1], [2], 'int64'), w)).toThrow('Input and target should have the same size in the batch dimension');
    expect(() => adaptiveLogProb(T(x, [B, inF]), { ...w, cutoffs: [5, 3] })).toThrow('cutoffs should be a sequence of unique, positive integers sorted in an increasing order');
    expect(() => adaptiveLogProb(T(x, [B, inF]), { ...w, headWeight: T(hw.slice(0, 16), [4, inF]) })).toThrow('head weight must be [5, 4]');
    expect(() => adaptiveLogProb(T(x, [B, inF]), { ...w, cutoffs: [3, 6] })).toThrow('tail 0 must have 3 outputs');
  });
});
