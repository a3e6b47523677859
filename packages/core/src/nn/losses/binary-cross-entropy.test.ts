import { describe, expect, it } from 'vitest';
import { tensor } from '../../index.js';
import { arg, runCases, perBackend, rng, type Ref } from '../../test-utils/loss-harness.js';
import { readFixture } from '../../test-utils/fixture.js';
import { expectClose } from '../../test-utils/reference.js';
import { binaryCrossEntropyLoss, binaryCrossEntropyWithLogitsLoss } from './binary-cross-entropy.js';

/** `fixtures/bce-grad.json`, written by `fixtures/gen_bce_grad.py` with PyTorch 1.13. */
interface BceFixture {
  cases: {
    name: string; shape: number[]; input: number[]; target: number[]; weight: number[] | null; weight_shape: number[] | null; grad_output: number[];
    results: { dtype: 'float32' | 'float64'; reduction: 'none' | 'sum' | 'mean'; loss: number[]; input_grad: number[]; target_grad: number[] }[];
  }[];
}
const torchBce = readFixture<BceFixture>(new URL('./fixtures/bce-grad.json', import.meta.url));

const r = rng(21);
const P = arg(r.uniforms(12, 0.05, 0.95), [3, 4]);
const Ysoft = arg(r.uniforms(12, 0, 1), [3, 4]);
const Yhard = arg(Array.from({ length: 12 }, () => r.int(2)), [3, 4]);
const W4 = arg(r.uniforms(4, 0.5, 2), [4]);
const W34 = arg(r.uniforms(12, 0.5, 2), [3, 4]);
const L = arg(r.normals(12).map((v) => 3 * v), [3, 4]);
const L3 = arg(r.normals(12).map((v) => 3 * v), [3, 2, 2]);
const Y3 = arg(r.uniforms(12, 0, 1), [3, 2, 2]);
const PW4 = arg(r.uniforms(4, 0.5, 3), [4]);
const PW311 = arg([0.5, 2, 3], [3, 1, 1]);

/** Reads v (flat, shape s) broadcast to the position i of a shape `to`. */
function bc(v: number[] | undefined, s: number[] | undefined, to: number[], i: number): number {
  if (!v || !s) return 1;
  const idx: number[] = [];
  let rem = i;
  for (let d = to.length - 1; d >= 0; d--) {
    idx[d] = rem % to[d]!;
    rem = Math.floor(rem / to[d]!);
  }
  let off = 0;
  let stride = 1;
  for (let d = s.length - 1; d >= 0; d--) {
    const k = idx[d + to.length - s.length]!;
    off += (s[d] === 1 ? 0 : k) * stride;
    stride *= s[d]!;
  }
  return v[off]!;
}
const logSig = (x: number) => (x < 0 ? x - Math.log1p(Math.exp(x)) : -Math.log1p(Math.exp(-x)));
const bceRef = (shape: number[], wShape?: number[]) => (x: number[], y: number[], w?: number[]): Ref => ({
  loss: x.map((p, i) => -bc(w, wShape, shape, i) * (y[i]! * Math.max(Math.log(p), -100) + (1 - y[i]!) * Math.max(Math.log1p(-p), -100))),
  shape,
});
const logitsRef = (shape: number[], wShape?: number[], pwShape?: number[]) => (x: number[], y: number[], w?: number[], pw?: number[]): Ref => ({
  loss: x.map((v, i) => -bc(w, wShape, shape, i) * (bc(pw, pwShape, shape, i) * y[i]! * logSig(v) + (1 - y[i]!) * logSig(-v))),
  shape,
});

perBackend('binary cross entropy', () => {
  runCases([
    { title: 'bce soft targets', args: [P, Ysoft], fn: (reduction) => (x, y) => binaryCrossEntropyLoss(x!, y!, { reduction }), ref: bceRef([3, 4]) },
    { title: 'bce 0/1 targets', args: [P, Yhard], fn: (reduction) => (x, y) => binaryCrossEntropyLoss(x!, y!, { reduction }), ref: bceRef([3, 4]) },
    { title: 'bce weight (C)', args: [P, Ysoft, W4], fn: (reduction) => (x, y, w) => binaryCrossEntropyLoss(x!, y!, { reduction, weight: w! }), ref: bceRef([3, 4], [4]) },
    { title: 'bce weight (N, C)', args: [P, Ysoft, W34], fn: (reduction) => (x, y, w) => binaryCrossEntropyLoss(x!, y!, { reduction, weight: w! }), ref: bceRef([3, 4], [3, 4]) },
    { title: 'with_logits', args: [L, Ysoft], fn: (reduction) => (x, y) => binaryCrossEntropyWithLogitsLoss(x!, y!, { reduction }), ref: logitsRef([3, 4]) },
    {
      title: 'with_logits weight', args: [L, Yhard, W4],
      fn: (reduction) => (x, y, w) => binaryCrossEntropyWithLogitsLoss(x!, y!, { reduction, weight: w! }), ref: logitsRef([3, 4], [4]),
    },
    {
      title: 'with_logits pos_weight (C)', args: [L, Ysoft, W34, PW4],
      fn: (reduction) => (x, y, w, pw) => binaryCrossEntropyWithLogitsLoss(x!, y!, { reduction, weight: w!, posWeight: pw! }), ref: logitsRef([3, 4], [3, 4], [4]),
    },
    {
      title: 'with_logits pos_weight (C, 1, 1) for (C, H, W)', args: [L3, Y3, PW311],
      fn: (reduction) => (x, y, pw) => binaryCrossEntropyWithLogitsLoss(x!, y!, { reduction, posWeight: pw! }),
      ref: (x, y, pw) => logitsRef([3, 2, 2], undefined, [3, 1, 1])(x!, y!, undefined, pw),
    },
  ]);

  it('probabilities exactly 0 and 1: the log clamp at −100 (PyTorch values), finite gradient', () => {
    for (const dtype of ['float32', 'float64'] as const) {
      const x = tensor([0, 1, 0, 1, 0.5], { dtype, requiresGrad: true });
      const loss = binaryCrossEntropyLoss(x, tensor([0, 1, 1, 0, 1], { dtype }), { reduction: 'none' });
      expectClose(loss, [0, 0, 100, 100, Math.log(2)], { rtol: 1e-6 });
      loss.sum().backward();
      expect(Array.from(x.grad!.dataSync() as Float64Array).every(Number.isFinite)).toBe(true);
    }
  });

  describe('input and target gradients equal to PyTorch 1.13 (fixtures/bce-grad.json), at 0 and 1 too', () => {
    for (const c of torchBce.cases) {
      for (const r of c.results) {
        it(`${c.name} · ${r.reduction} · ${r.dtype}`, () => {
          const dtype = r.dtype;
          const x = tensor(c.input, { dtype, shape: c.shape, requiresGrad: true });
          const y = tensor(c.target, { dtype, shape: c.shape, requiresGrad: true });
          const weight = c.weight ? tensor(c.weight, { dtype, shape: c.weight_shape! }) : null;
          const loss = binaryCrossEntropyLoss(x, y, { weight, reduction: r.reduction });
          const tol = dtype === 'float64' ? { rtol: 1e-13, atol: 0 } : { rtol: 2e-6, atol: 0 };
          expectClose(loss, r.loss, tol);
          if (r.reduction === 'none') loss.backward(tensor(c.grad_output, { dtype, shape: c.shape }));
          else loss.backward();
          expectClose(x.grad!, r.input_grad, tol);
          expectClose(y.grad!, r.target_grad, { ...tol, atol: dtype === 'float64' ? 1e-15 : 1e-6 });
        });
      }
    }
  });

  it("kernel: 'mindspore' — −w·(y·log(x + ε) + (1 − y)·log(1 − x + ε)), gradient w·(x − y)/(x(1 − x) > ε ? x(1 − x) : ε)·dout, ε = 1e-12 in the dtype", () => {
    const xs = [0, 1, 0.5, 0, 1, 0.25];
    const ys = [0, 1, 1, 1, 0, 0.5];
    const ws = [1, 2, 3, 0.5, 4, 1.5];
    for (const dtype of ['float64', 'float32'] as const) {
      // The kernels' arithmetic in the dtype.
      const r = dtype === 'float32' ? Math.fround : (v: number) => v;
      const eps = r(1e-12);
      const value = xs.map((x, i) => r(-r(ws[i]! * r(r(ys[i]! * r(Math.log(r(x + eps)))) + r(r(1 - ys[i]!) * r(Math.log(r(r(1 - x) + eps))))))));
      const grad = (scale: number) => xs.map((x, i) => r(r(r(ws[i]! * r(x - ys[i]!)) / (r(x * r(1 - x)) > eps ? r(x * r(1 - x)) : eps)) * scale));
      // float32 atol: the cpu backend evaluates a fused float32 expression in float64 (log(1 + ε) = 1e-12, not 0).
      const tol = dtype === 'float64' ? { rtol: 1e-15, atol: 1e-300 } : { rtol: 1e-6, atol: 1e-11 };
      const x = tensor(xs, { dtype, requiresGrad: true });
      const none = binaryCrossEntropyLoss(x, tensor(ys, { dtype }), { weight: tensor(ws, { dtype }), reduction: 'none', kernel: 'mindspore' });
      // 27.63 = −log 1e-12 where the prediction is wrong with certainty (PyTorch: 100).
      expectClose(none, value, tol);
      for (const [reduction, scale] of [['sum', 1], ['mean', r(1 / 6)]] as const) {
        x.grad = null;
        binaryCrossEntropyLoss(x, tensor(ys, { dtype }), { weight: tensor(ws, { dtype }), reduction, kernel: 'mindspore' }).backward();
        // float64: −0.5e12 at x = 0, y = 1, w = 0.5 (PyTorch: −0.5 × 1.0000000039958e12, its ε being a float32).
        expectClose(x.grad!, grad(scale), tol);
      }
    }
    const x = tensor(xs, { dtype: 'float64', requiresGrad: true });
    binaryCrossEntropyLoss(x, tensor(ys, { dtype: 'float64' }), { weight: tensor(ws, { dtype: 'float64' }), reduction: 'sum', kernel: 'mindspore' }).backward();
    expect((x.grad!.dataSync() as Float64Array)[3]).toBe(-0.5e12);
  });

  it('logits ±1e4: finite values and gradients equal to PyTorch', () => {
    for (const dtype of ['float32', 'float64'] as const) {
      const x = tensor([1e4, -1e4, 1e4, -1e4], { dtype, requiresGrad: true });
      const y = tensor([1, 0, 0, 1], { dtype });
      const loss = binaryCrossEntropyWithLogitsLoss(x, y, { reduction: 'none', posWeight: tensor([2], { dtype }) });
      expectClose(loss, [0, 0, 1e4, 2e4], { rtol: 1e-6 });
      loss.sum().backward();
      // PyTorch: ((p − 1)·y + 1)·σ(x) − p·y.
      expectClose(x.grad!, [0, 0, 1, -2], { atol: 1e-6 });
    }
  });

  it('gradient at logit 0 is σ(0) − y', () => {
    const x = tensor([0, 0], { dtype: 'float64', requiresGrad: true });
    binaryCrossEntropyWithLogitsLoss(x, tensor([1, 0.25], { dtype: 'float64' }), { reduction: 'sum' }).backward();
    expectClose(x.grad!, [-0.5, 0.25], { rtol: 1e-12 });
  });

  it('bad input raises with PyTorch wording', () => {
    const x = tensor([0.2, 0.4, 0.9]);
    expect(() => binaryCrossEntropyLoss(x, tensor([1, 0]))).toThrow(
      'binary_cross_entropy: Using a target size ([2]) that is different to the input size ([3]) is deprecated. Please ensure they have the same size.',
    );
    expect(() => binaryCrossEntropyLoss(tensor([0.2, 1.5]), tensor([1, 0]))).toThrow('all elements of input should be between 0 and 1, got 1.5');
    expect(() => binaryCrossEntropyLoss(tensor([0.2, NaN]), tensor([1, 0]))).toThrow('all elements of input should be between 0 and 1');
    expect(() => binaryCrossEntropyWithLogitsLoss(x, tensor([1, 0]), { name: 'BCEWithLogitsLoss' })).toThrow(
      'BCEWithLogitsLoss: Target size ([2]) must be the same as input size ([3])',
    );
    expect(() => binaryCrossEntropyWithLogitsLoss(tensor([[1, 2, 3]]), tensor([[1, 0, 1]]), { posWeight: tensor([1, 2]) })).toThrow(
      'pos_weight of shape [2] does not broadcast to the input shape [1, 3]',
    );
    expect(() => binaryCrossEntropyLoss(x, x, { weight: tensor([[1], [2]]) })).toThrow('weight of shape [2, 1] does not broadcast to the input shape [3]');
    expect(() => binaryCrossEntropyLoss(x, x, { reduction: 'batchmean' })).toThrow('reduction must be one of');
  });
});
