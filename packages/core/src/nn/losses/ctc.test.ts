import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBackend, listBackends, setBackend } from '../../backend/registry.js';
import type { DType } from '../../dtype.js';
import { tensor } from '../../tensor/create.js';
import type { Tensor } from '../../tensor/tensor.js';
import { gradcheck } from '../../test-utils/gradcheck.js';
import { expectClose, host, reduceRef, type Host } from '../../test-utils/reference.js';
import { Rng } from '../../test-utils/rng.js';
import { f32, checkBoth, mean, sum, checkGrad, checkReductions, useBackend } from '../../test-utils/loss-checks.js';
import { readFixture } from '../../test-utils/fixture.js';
import { ctcLoss, gluonCtcLoss } from './ctc.js';

/** `fixtures/ctc.json`, written by `fixtures/gen_ctc.py` with PyTorch 1.13. */
interface CtcFixture {
  T: number; N: number; C: number; S: number;
  logits: number[]; log_probs: { float64: number[]; float32: number[] };
  targets: number[]; input_lengths: number[]; target_lengths: number[];
  cases: { dtype: 'float64' | 'float32'; wrt: 'leaf' | 'logits'; reduction: 'none' | 'sum' | 'mean'; zero_infinity: boolean; loss: number[]; grad: number[] }[];
  non_finite: { at: [number, number, number]; value: number; dtype: 'float64' | 'float32'; zero_infinity: boolean; loss: number[]; grad: number[] }[];
}
const torchCtc = readFixture<CtcFixture>(new URL('./fixtures/ctc.json', import.meta.url));

const T_ = (d: ArrayLike<number>, shape: number[], dtype: DType = 'float64'): Tensor => tensor(Float64Array.from(d), { dtype, shape });

/**
 * Brute force: Σ over every path π ∈ C^T of Π_t p_t(π_t) for the paths that collapse (merge
 * repeats, drop blanks) to `target`; returns −log of it (+∞ when none), in float64.
 */
function bruteCtc(lp: number[][], target: number[], blank: number): number {
  const T = lp.length;
  const C = lp[0]!.length;
  let total = 0;
  const path = new Array<number>(T).fill(0);
  for (let k = 0; k < C ** T; k++) {
    let r = k;
    for (let t = 0; t < T; t++) {
      path[t] = r % C;
      r = Math.floor(r / C);
    }
    const out: number[] = [];
    let prev = -1;
    for (const c of path) {
      if (c !== prev && c !== blank) out.push(c);
      prev = c;
    }
    if (out.length === target.length && out.every((v, i) => v === target[i])) {
      total += Math.exp(path.reduce((s, c, t) => s + lp[t]![c]!, 0));
    }
  }
  return -Math.log(total);
}
const logSoftmaxRow = (row: number[]): number[] => {
  const m = Math.max(...row);
  const lse = m + Math.log(row.reduce((s, v) => s + Math.exp(v - m), 0));
  return row.map((v) => v - lse);
};

describe.each(listBackends())('ctcLoss on the %s backend', (backend) => {
  useBackend(backend);
  const r = new Rng(91);
  const T = 5;
  const N = 4;
  const C = 4;
  // (T, N, C) normalized log-probabilities, float32-exact.
  const lpFlat: number[] = [];
  for (let t = 0; t < T; t++) for (let n = 0; n < N; n++) lpFlat.push(...logSoftmaxRow(Array.from(r.normals(C))).map(Math.fround));
  const lpAt = (n: number, len: number): number[][] => Array.from({ length: len }, (_, t) => lpFlat.slice((t * N + n) * C, (t * N + n) * C + C));
  const targets = [[1, 2, 2], [3, 0, 0], [0, 0, 0], [2, 1, 3]];
  const tLens = [3, 1, 0, 2];
  const inLens = [5, 3, 4, 5];
  const brute = (blank: number, tg = targets, tl = tLens, il = inLens): number[] => tg.map((row, n) => bruteCtc(lpAt(n, il[n]!), row.slice(0, tl[n]!), blank));

  it('matches a brute-force sum over all alignments: none, sum, mean (÷ target length, then batch mean)', () => {
    const ref = brute(0, [[1, 2, 2], [3, 0, 0], [0, 0, 0], [2, 1, 3]]);
    expect(ref.every(Number.isFinite)).toBe(true);
    const run = (dt: DType, reduction: 'none' | 'sum' | 'mean') =>
      ctcLoss(T_(lpFlat, [T, N, C], dt), T_(targets.flat(), [N, 3], 'int64'), { inputLengths: inLens, targetLengths: tLens, reduction });
    checkBoth((dt) => run(dt, 'none'), host(ref, [N]));
    checkBoth((dt) => run(dt, 'sum'), host([sum(ref)], []));
    checkBoth((dt) => run(dt, 'mean'), host([mean(ref.map((v, n) => v / Math.max(tLens[n]!, 1)))], []));
    checkBoth((dt) => ctcLoss(T_(lpFlat, [T, N, C], dt), T_(targets.flat(), [N, 3], 'int64'), { inputLengths: inLens, targetLengths: tLens }), host([mean(ref.map((v, n) => v / Math.max(tLens[n]!, 1)))], []));
  });

  it('concatenated targets, a tensor of lengths, another blank (2 and −1 = last)', () => {
    const concat = targets.flatMap((row, n) => row.slice(0, tLens[n]!));
    const ref = brute(0);
    checkBoth((dt) => ctcLoss(T_(lpFlat, [T, N, C], dt), T_(concat, [concat.length], 'int32'), { inputLengths: T_(inLens, [N], 'int64'), targetLengths: T_(tLens, [N], 'int32'), reduction: 'none' }), host(ref, [N]));
    const tg2 = [[1, 0, 0], [3, 0, 0], [0, 0, 0], [0, 1, 3]]; // no label equals blank 2
    checkBoth((dt) => ctcLoss(T_(lpFlat, [T, N, C], dt), T_(tg2.flat(), [N, 3], 'int64'), { blank: 2, inputLengths: inLens, targetLengths: tLens, reduction: 'none' }), host(brute(2, tg2), [N]));
    const tg3 = [[1, 2, 2], [0, 0, 0], [0, 0, 0], [2, 1, 0]];
    checkBoth((dt) => ctcLoss(T_(lpFlat, [T, N, C], dt), T_(tg3.flat(), [N, 3], 'int64'), { blank: -1, inputLengths: inLens, targetLengths: tLens, reduction: 'none' }), host(brute(3, tg3), [N]));
  });

  it('NTC layout and unbatched (T, C) input', () => {
    const ntc: number[] = [];
    for (let n = 0; n < N; n++) for (let t = 0; t < T; t++) ntc.push(...lpFlat.slice((t * N + n) * C, (t * N + n) * C + C));
    checkBoth((dt) => ctcLoss(T_(ntc, [N, T, C], dt), T_(targets.flat(), [N, 3], 'int64'), { layout: 'NTC', inputLengths: inLens, targetLengths: tLens, reduction: 'none' }), host(brute(0), [N]));
    const one = lpAt(0, T);
    checkBoth((dt) => ctcLoss(T_(one.flat(), [T, C], dt), T_([1, 2, 2], [3], 'int64'), { targetLengths: [3], reduction: 'none' }), host([bruteCtc(one, [1, 2, 2], 0)], []));
    checkBoth((dt) => ctcLoss(T_(one.flat(), [T, C], dt), T_([1, 2], [2], 'int64'), { targetLengths: [2] }), host([bruteCtc(one, [1, 2], 0) / 2], []));
  });

  it('impossible alignments: +∞, or 0 with zeroInfinity (value and gradient)', () => {
    // [1, 1, 1] needs 5 steps; 4 are given.
    const lp = T_(lpFlat.slice(0, 4 * N * C), [4, N, C]);
    const tg = T_([1, 1, 1, 2, 0, 0, 0, 0, 0, 3, 3, 0], [N, 3], 'int64');
    const tl = [3, 1, 0, 2];
    const out = ctcLoss(lp, tg, { targetLengths: tl, reduction: 'none' });
    const v = Array.from(out.dataSync() as Float64Array);
    expect(v[0]).toBe(Infinity);
    expect(v.slice(1).every(Number.isFinite)).toBe(true);
    const x = T_(lpFlat.slice(0, 4 * N * C), [4, N, C]).requiresGrad_();
    const z = ctcLoss(x, tg, { targetLengths: tl, zeroInfinity: true, reduction: 'none' });
    expect((z.dataSync() as Float64Array)[0]).toBe(0);
    z.sum().backward();
    const g = Array.from(x.grad!.dataSync() as Float64Array);
    expect(g.every(Number.isFinite)).toBe(true);
    for (let t = 0; t < 4; t++) for (let c = 0; c < C; c++) expect(g[(t * N + 0) * C + c]).toBe(0);
  });

  it('−∞ log-probabilities (a class never emitted) stay finite where the loss is finite, with finite gradients', () => {
    const lp = lpFlat.slice();
    for (let t = 0; t < T; t++) for (let n = 0; n < N; n++) lp[(t * N + n) * C + 3] = -Infinity; // class 3 impossible
    const tg = [[1, 2, 2], [1, 0, 0], [0, 0, 0], [2, 1, 0]];
    const x = T_(lp, [T, N, C]).requiresGrad_();
    const out = ctcLoss(x, T_(tg.flat(), [N, 3], 'int64'), { inputLengths: inLens, targetLengths: tLens, reduction: 'none' });
    const ref = tg.map((row, n) => bruteCtc(Array.from({ length: inLens[n]! }, (_, t) => lp.slice((t * N + n) * C, (t * N + n) * C + C)), row.slice(0, tLens[n]!), 0));
    expectClose(out, host(ref, [N]), { rtol: 1e-10 });
    out.sum().backward();
    expect(Array.from(x.grad!.dataSync() as Float64Array).every(Number.isFinite)).toBe(true);
  });

  it('gradcheck w.r.t. log_probs (unnormalized values too), every reduction', () => {
    const raw = Array.from(r.normals(T * N * C));
    for (const reduction of ['none', 'mean', 'sum'] as const) {
      checkGrad((a) => ctcLoss(a!, T_(targets.flat(), [N, 3], 'int64'), { inputLengths: inLens, targetLengths: tLens, reduction }), [T_(raw, [T, N, C])]);
    }
    checkGrad((a) => ctcLoss(a!, T_(targets.flat(), [N, 3], 'int64'), { inputLengths: inLens, targetLengths: tLens, logSoftmax: true, blank: -1 }), [T_(raw, [T, N, C])]);
    // PyTorch's native backward is the derivative through a log_softmax.
    for (const reduction of ['none', 'mean', 'sum'] as const) {
      checkGrad((a) => ctcLoss(a!, T_(targets.flat(), [N, 3], 'int64'), { inputLengths: inLens, targetLengths: tLens, logSoftmax: true, nativeBackward: true, reduction }), [T_(raw, [T, N, C])]);
    }
  });

  it('bad inputs are clear errors', () => {
    const lp = T_(lpFlat, [T, N, C]);
    const tg = T_(targets.flat(), [N, 3], 'int64');
    expect(() => ctcLoss(lp, tg, { targetLengths: [4, 1, 0, 2] })).toThrow('CTCLoss: target_lengths[0] = 4 must be in [0, 3]');
    expect(() => ctcLoss(lp, tg, { targetLengths: tLens, inputLengths: [6, 5, 5, 5] })).toThrow('CTCLoss: input_lengths[0] = 6 must be in [1, 5]');
    expect(() => ctcLoss(lp, tg, { targetLengths: tLens, blank: 4 })).toThrow('CTCLoss: blank must be in label range [0, 4), got 4');
    expect(() => ctcLoss(lp, T_([5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], [N, 3], 'int64'), { targetLengths: [1, 0, 0, 0] })).toThrow('CTCLoss: targets holds 5 at batch entry 0 (position 0), out of the class range [0, 4)');
    expect(() => ctcLoss(lp, T_([1, 2], [2], 'int64'))).toThrow('CTCLoss: concatenated 1-D targets need target_lengths');
    expect(() => ctcLoss(lp, T_([1, 2], [2], 'int64'), { targetLengths: [1, 0, 0, 0] })).toThrow('sum to the 2 concatenated targets');
    expect(() => ctcLoss(lp, tg, { targetLengths: [1, 1] })).toThrow('CTCLoss: target_lengths must have 4 entries');
    expect(() => ctcLoss(T_([1, 2, 3], [3]), tg)).toThrow('CTCLoss: log_probs must be (T, N, C) or (T, C), got [3]');
    expect(() => ctcLoss(lp, tg, { layout: 'NCT' as 'NTC' })).toThrow("CTCLoss: layout must be 'TNC' or 'NTC'");
  });
});

describe.each(listBackends())('gluonCtcLoss on the %s backend', (backend) => {
  useBackend(backend);

  it("MXNet's test_ctc_loss values: ones((2, 20, 4)) with labels 'ba'/'cbb' give [18.82820702, 16.50581741]", () => {
    const want = [18.82820702, 16.50581741];
    const close = { rtol: 1e-7 };
    const ones = (shape: number[]) => T_(new Array(shape.reduce((a, b) => a * b, 1)).fill(1), shape, 'float32');
    const lab = T_([1, 0, -1, -1, 2, 1, 1, -1], [2, 4], 'float32');
    expectClose(gluonCtcLoss(ones([2, 20, 4]), lab), want, close);
    expectClose(gluonCtcLoss(ones([20, 2, 4]), lab, { layout: 'TNC' }), want, close);
    expectClose(gluonCtcLoss(ones([20, 2, 4]), lab.transpose(0, 1), { layout: 'TNC', labelLayout: 'TN' }), want, close);
    expectClose(gluonCtcLoss(ones([2, 20, 4]), T_([2, 1, 2, 2, 3, 2, 2, 2], [2, 4]), { labelLengths: T_([2, 3], [2]) }), want, close);
    expectClose(gluonCtcLoss(ones([2, 25, 4]), T_([2, 1, -1, -1, 3, 2, 2, -1], [2, 4]), { predLengths: T_([20, 20], [2]) }), want, close);
    expectClose(gluonCtcLoss(ones([2, 25, 4]), T_([2, 1, 3, 3, 3, 2, 2, 3], [2, 4]), { predLengths: [20, 20], labelLengths: [2, 3] }), want, close);
  });

  it('scores go through log-softmax, the blank is last, −1 pads (or labelLengths); matches brute force', () => {
    const r = new Rng(93);
    const N = 2;
    const T = 4;
    const C = 3;
    const scores = f32(r.normals(N * T * C).map((v) => 2 * v)); // (N, T, C)
    const labels = [[0, 1, -1], [1, -1, -1]];
    const ref = [0, 1].map((n) => {
      const lp = Array.from({ length: T }, (_, t) => logSoftmaxRow(scores.slice((n * T + t) * C, (n * T + t) * C + C)));
      return bruteCtc(lp, n === 0 ? [0, 1] : [1], 2);
    });
    checkBoth((dt) => gluonCtcLoss(T_(scores, [N, T, C], dt), T_(labels.flat(), [N, 3], dt)), host(ref, [N]));
    checkBoth((dt) => gluonCtcLoss(T_(scores, [N, T, C], dt), T_([0, 1, 2, 1, 2, 2], [N, 3], dt), { labelLengths: [2, 1] }), host(ref, [N]));
    checkGrad((a) => gluonCtcLoss(a!, T_(labels.flat(), [N, 3])), [T_(scores, [N, T, C])]);
    expect(() => gluonCtcLoss(T_(scores, [N, T, C]), T_(labels.flat(), [N, 3]), { layout: 'CTN' as 'NTC' })).toThrow("CTCLoss: Only 'NTC' and 'TNC' layouts for pred are supported. Got: CTN");
  });
});

describe.each(listBackends())('ctcLoss against PyTorch 1.13 (fixtures/ctc.json) on the %s backend', (backend) => {
  useBackend(backend);
  const { T, N, C, S } = torchCtc;
  const tol = { float64: { rtol: 1e-11, atol: 1e-14 }, float32: { rtol: 2e-5, atol: 2e-7 } } as const;
  const targets = () => T_(torchCtc.targets, [N, S], 'int64');
  const lengths = { inputLengths: torchCtc.input_lengths, targetLengths: torchCtc.target_lengths };
  const run = (x: Tensor, lp: Tensor, reduction: 'none' | 'sum' | 'mean', zeroInfinity: boolean, nativeBackward: boolean): Tensor => {
    const loss = ctcLoss(lp, targets(), { ...lengths, reduction, zeroInfinity, nativeBackward });
    (reduction === 'none' ? loss.sum() : loss).backward();
    return loss;
  };

  for (const c of torchCtc.cases) {
    it(`nativeBackward, ${c.wrt === 'leaf' ? 'log_probs as the leaf' : 'through log_softmax'} · ${c.reduction} · zero_infinity ${c.zero_infinity} · ${c.dtype}`, () => {
      const x = T_(c.wrt === 'leaf' ? torchCtc.log_probs[c.dtype] : torchCtc.logits, [T, N, C], c.dtype).requiresGrad_();
      const loss = run(x, c.wrt === 'leaf' ? x : x.logSoftmax(2), c.reduction, c.zero_infinity, true);
      expectClose(loss, c.loss, tol[c.dtype]);
      expectClose(x.grad!, c.grad, tol[c.dtype]);
    });
  }

  it('through log_softmax, autograd of the recursion gives PyTorch\'s gradient too (feasible or zero_infinity)', () => {
    for (const c of torchCtc.cases.filter((k) => k.wrt === 'logits' && k.zero_infinity)) {
      const x = T_(torchCtc.logits, [T, N, C], c.dtype).requiresGrad_();
      expectClose(run(x, x.logSoftmax(2), c.reduction, true, false), c.loss, tol[c.dtype]);
      expectClose(x.grad!, c.grad, tol[c.dtype]);
    }
  });

  it('with log_probs as the leaf, PyTorch\'s gradient is the derivative plus e^{lp}·g (g = 1/(target_length·N) for mean)', () => {
    const lp = torchCtc.log_probs.float64;
    for (const reduction of ['none', 'sum', 'mean'] as const) {
      const exact = T_(lp, [T, N, C]).requiresGrad_();
      run(exact, exact, reduction, true, false);
      const native = T_(lp, [T, N, C]).requiresGrad_();
      run(native, native, reduction, true, true);
      const want = Array.from(exact.grad!.dataSync() as Float64Array, (d, k) => {
        const n = Math.floor(k / C) % N;
        const t = Math.floor(k / (N * C));
        const feasible = n !== 3; // entry 3 cannot be aligned: both give 0 with zero_infinity
        const g = reduction === 'mean' ? 1 / (Math.max(torchCtc.target_lengths[n]!, 1) * N) : 1;
        return d + (feasible && t < torchCtc.input_lengths[n]! ? Math.exp(lp[k]!) * g : 0);
      });
      expectClose(native.grad!, want, { rtol: 1e-12, atol: 1e-15 });
    }
  });

  for (const c of torchCtc.non_finite) {
    it(`${c.value} at (t, n, c) = (${c.at.join(', ')}) · zero_infinity ${c.zero_infinity} · ${c.dtype}: PyTorch's loss (nan where it reaches an end) and gradient`, () => {
      const data = torchCtc.log_probs.float64.slice();
      data[(c.at[0] * N + c.at[1]) * C + c.at[2]] = c.value;
      const x = T_(data, [T, N, C], c.dtype).requiresGrad_();
      const loss = run(x, x, 'none', c.zero_infinity, true);
      expectClose(loss, c.loss, tol[c.dtype]);
      expectClose(x.grad!, c.grad, tol[c.dtype]);
      // The value does not depend on the backward chosen.
      expectClose(ctcLoss(T_(data, [T, N, C], c.dtype), targets(), { ...lengths, reduction: 'none', zeroInfinity: c.zero_infinity }), c.loss, tol[c.dtype]);
    });
  }
});
