import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBackend, listBackends, setBackend } from '../../backend/registry.js';
import type { DType } from '../../dtype.js';
import { tensor } from '../../tensor/create.js';
import type { Tensor } from '../../tensor/tensor.js';
import { gradcheck } from '../../test-utils/gradcheck.js';
import { expectClose, host, reduceRef, type Host } from '../../test-utils/reference.js';
import { Rng } from '../../test-utils/rng.js';
import { T, f32, checkBoth, mean, sum, checkGrad, checkReductions, useBackend } from '../../test-utils/loss-checks.js';
import { focalLoss } from './focal.js';


/**
 * The documented recipe in float64: x [N, C, M] row-major, labels either [N, 1, M] indices or
 * [N, C, M] targets; weight per class. Returns (N,) or (N, C) before reduction.
 */
function focalRef(x: number[], N: number, C: number, M: number, y: number[], K: number, gamma: number, w?: number[]): Host {
  const lp = (n: number, c: number, m: number): number => {
    const col = Array.from({ length: C }, (_, k) => x[n * C * M + k * M + m]!);
    const mx = Math.max(...col);
    return col[c]! - mx - Math.log(col.reduce((s, v) => s + Math.exp(v - mx), 0));
  };
  const out: number[] = [];
  for (let n = 0; n < N; n++) {
    if (K === 1) {
      let s = 0;
      for (let m = 0; m < M; m++) {
        const c = y[n * M + m]!;
        const l = lp(n, c, m);
        s += -((1 - Math.exp(l)) ** gamma) * (w ? w[c]! : 1) * l;
      }
      out.push(s / M);
    } else {
      for (let c = 0; c < C; c++) {
        let s = 0;
        for (let m = 0; m < M; m++) {
          const l = lp(n, c, m);
          s += -((1 - Math.exp(l)) ** gamma) * y[n * C * M + c * M + m]! * (w ? w[c]! : 1) * l;
        }
        out.push(s / M);
      }
    }
  }
  return host(out, K === 1 ? [N] : [N, C]);
}

describe.each(listBackends())('focalLoss on the %s backend', (backend) => {
  useBackend(backend);
  const r = new Rng(111);

  it("MindSpore's documented example: weight [1, 2], gamma 2, mean → 0.12516622", () => {
    const out = focalLoss(tensor([[0.8, 1.4], [0.5, 0.9], [1.2, 0.9]]), tensor([[1], [1], [0]], { dtype: 'int32' }), { weight: tensor([1, 2]), gamma: 2.0 });
    expectClose(out, [0.12516622], { rtol: 1e-6 });
  });

  const N = 2;
  const C = 3;
  const x = f32(r.normals(N * C * 4).map((v) => 2 * v));
  const idx = Array.from({ length: N * 4 }, () => r.int(C));
  const onehot = Array.from({ length: N * C * 4 }, (_, k) => (idx[Math.floor(k / (C * 4)) * 4 + (k % 4)] === Math.floor(k / 4) % C ? 1 : 0));
  const w = f32(r.uniforms(C, 0.5, 2));

  it('index labels (N, 1, H, W): every reduction, gamma, weight', () => {
    for (const gamma of [2, 0.5]) {
      checkReductions((dt, reduction) => focalLoss(T(x, [N, C, 2, 2], dt), T(idx, [N, 1, 2, 2], 'int32'), { gamma, reduction }), focalRef(x, N, C, 4, idx, 1, gamma));
      checkBoth((dt) => focalLoss(T(x, [N, C, 4], dt), T(idx, [N, 1, 4], dt), { gamma, weight: T(w, [C], dt), reduction: 'none' }), focalRef(x, N, C, 4, idx, 1, gamma, w));
    }
  });
  it('C-channel labels (N, C, H): output (N, C), every reduction, weight; 2-D input', () => {
    checkReductions((dt, reduction) => focalLoss(T(x, [N, C, 4], dt), T(onehot, [N, C, 4], dt), { reduction, weight: T(w, [C], dt) }), focalRef(x, N, C, 4, onehot, C, 2, w));
    const x2 = x.slice(0, 4 * C);
    const i2 = idx.slice(0, 4).map((v) => v);
    checkBoth((dt) => focalLoss(T(x2, [4, C], dt), T(i2, [4, 1], 'int64'), { reduction: 'none' }), focalRef(x2, 4, C, 1, i2, 1, 2));
  });
  it('gradcheck w.r.t. pred (both label kinds), soft labels and weight', () => {
    checkGrad((a) => focalLoss(a!, T(idx, [N, 1, 4], 'int32')), [T(x, [N, C, 4])]);
    checkGrad((a, b, c) => focalLoss(a!, b!, { weight: c! }), [T(x, [N, C, 4]), T(r.uniforms(N * C * 4), [N, C, 4]), T(w, [C])]);
    checkGrad((a, c) => focalLoss(a!, T(idx, [N, 1, 4], 'int32'), { weight: c!, gamma: 1.5 }), [T(x, [N, C, 4]), T(w, [C])]);
  });
  it('finite for huge logits (p → 1 and p → 0)', () => {
    const out = focalLoss(T([1e4, -1e4, -1e4, 1e4], [2, 2], 'float32'), T([0, 0], [2, 1], 'int32'), { reduction: 'none' });
    expectClose(out, [0, 2e4], { rtol: 1e-6, atol: 1e-30 });
  });
  it('bad inputs are clear errors', () => {
    expect(() => focalLoss(T(x.slice(0, 6), [6]), T(idx.slice(0, 6), [6]))).toThrow("FocalLoss: dimensions of 'logits' must be in [2, 4], but got 1.");
    expect(() => focalLoss(T(x, [N, C, 4]), T(idx, [N, 4]))).toThrow("FocalLoss: dimensions of 'logits' and 'labels' must be equal");
    expect(() => focalLoss(T(x.slice(0, 4), [4, 1]), T([0, 0, 0, 0], [4, 1]))).toThrow("FocalLoss: 'logits.shape[1]' cannot be one");
    expect(() => focalLoss(T(x, [N, C, 4]), T(x.slice(0, 16), [N, 2, 4]))).toThrow("FocalLoss: 'labels.shape[1]' must be one or equal to 'logits.shape[1]': 3, but got 2.");
    expect(() => focalLoss(T(x, [N, C, 4]), T(idx, [N, 1, 4]), { weight: T([1, 2], [2]) })).toThrow("FocalLoss: 'weight' must be a 1-D tensor of length 3");
    expect(() => focalLoss(T(x, [N, C, 4]), T(idx.map((v) => v + 3), [N, 1, 4]))).toThrow('out of bounds');
  });
});
