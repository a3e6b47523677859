import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBackend, listBackends, setBackend } from '../../backend/registry.js';
import type { DType } from '../../dtype.js';
import { tensor } from '../../tensor/create.js';
import type { Tensor } from '../../tensor/tensor.js';
import { gradcheck } from '../../test-utils/gradcheck.js';
import { expectClose, host, reduceRef, type Host } from '../../test-utils/reference.js';
import { Rng } from '../../test-utils/rng.js';
import { T, f32, checkBoth, mean, sum, checkGrad, checkReductions, useBackend } from '../../test-utils/loss-checks.js';
import { sigmoidBinaryCrossEntropyLoss } from './gluon-sigmoid-bce.js';


const sig = (x: number): number => 1 / (1 + Math.exp(-x));

describe.each(listBackends())('sigmoidBinaryCrossEntropyLoss on the %s backend', (backend) => {
  useBackend(backend);
  const r = new Rng(41);
  const x = f32(r.normals(12).map((v) => 2 * v));
  const z = f32(r.uniforms(12));
  const pw = f32(r.uniforms(4, 0.5, 3));
  const probs = f32(x.map(sig));
  // The documented formula: −(z·log σ(x)·w + (1 − z)·log(1 − σ(x))), w broadcast along the last axis.
  const bce = (p: number, zz: number, w: number, eps = 0): number => -(zz * Math.log(p + eps) * w + (1 - zz) * Math.log(1 - p + eps));

  it('from logits, without and with pos_weight, every reduction', () => {
    checkReductions((dt, reduction) => sigmoidBinaryCrossEntropyLoss(T(x, [3, 4], dt), T(z, [3, 4], dt), { reduction }), host(x.map((v, i) => bce(sig(v), z[i]!, 1)), [3, 4]));
    checkReductions(
      (dt, reduction) => sigmoidBinaryCrossEntropyLoss(T(x, [3, 4], dt), T(z, [12], dt), { reduction, posWeight: T(pw, [1, 4], dt) }),
      host(x.map((v, i) => bce(sig(v), z[i]!, pw[i % 4]!)), [3, 4]),
    );
  });
  it('from sigmoid (eps 1e-12 inside the logs), without and with pos_weight', () => {
    checkReductions((dt, reduction) => sigmoidBinaryCrossEntropyLoss(T(probs, [3, 4], dt), T(z, [3, 4], dt), { fromSigmoid: true, reduction }), host(probs.map((v, i) => bce(v, z[i]!, 1, 1e-12)), [3, 4]));
    checkBoth(
      (dt) => sigmoidBinaryCrossEntropyLoss(T(probs, [3, 4], dt), T(z, [3, 4], dt), { fromSigmoid: true, posWeight: T(pw, [4], dt) }),
      host(probs.map((v, i) => bce(v, z[i]!, pw[i % 4]!, 1e-12)), [3, 4]),
    );
  });
  it('gradcheck w.r.t. pred, label and pos_weight', () => {
    checkGrad((a, b) => sigmoidBinaryCrossEntropyLoss(a!, b!), [T(x, [3, 4]), T(z, [3, 4])]);
    checkGrad((a, b, c) => sigmoidBinaryCrossEntropyLoss(a!, b!, { posWeight: c! }), [T(x, [3, 4]), T(z, [3, 4]), T(pw, [4])]);
    checkGrad((a, b, c) => sigmoidBinaryCrossEntropyLoss(a!, b!, { posWeight: c!, fromSigmoid: true }), [T(probs, [3, 4]), T(z, [3, 4]), T(pw, [4])]);
  });
  it('logits form is finite for |x| = 1e4 (value and gradient), as Gluon is', () => {
    for (const dt of ['float32', 'float64'] as const) {
      expectClose(sigmoidBinaryCrossEntropyLoss(T([1e4, -1e4, 1e4, -1e4], [4], dt), T([1, 1, 0, 0], [4], dt)), [0, 1e4, 1e4, 0], { rtol: 1e-7, atol: 1e-30 });
      expectClose(
        sigmoidBinaryCrossEntropyLoss(T([1e4, -1e4], [2], dt), T([1, 1], [2], dt), { posWeight: T([2], [1], dt) }),
        [0, 2e4],
        { rtol: 1e-7, atol: 1e-30 },
      );
      // probabilities at exactly 0 and 1: the 1e-12 keeps the logs finite.
      const out = sigmoidBinaryCrossEntropyLoss(T([0, 1], [2], dt), T([1, 0], [2], dt), { fromSigmoid: true });
      expect(Array.from(out.dataSync() as Float32Array).every(Number.isFinite)).toBe(true);
    }
    const xx = T([1e4, -1e4, 50], [3]).requiresGrad_();
    sigmoidBinaryCrossEntropyLoss(xx, T([0, 1, 1], [3]), { posWeight: T([3], [1]) }).sum().backward();
    expectClose(xx.grad!, [1, -3, -3 * (1 - sig(50))], { rtol: 1e-10, atol: 1e-25 });
  });
  it("from sigmoid at p = 0 and 1: autograd's gradient of Gluon's formula, −z·w/(p + ε) + (1 − z)/(1 − p + ε)", () => {
    const p = [0, 1, 0.5, 0, 1];
    const zs = [0, 1, 1, 1, 0];
    const w = [1.5, 2, 0.5, 3, 1];
    for (const dt of ['float64', 'float32'] as const) {
      // The formula in the dtype: ε = 1e-12 rounds to float32 there, and 1 + ε to 1.
      const r = dt === 'float32' ? Math.fround : (v: number) => v;
      const eps = r(1e-12);
      const grad = (i: number, wi: number) => r(-r(zs[i]! * wi) / r(p[i]! + eps)) + r((1 - zs[i]!) / r(r(1 - p[i]!) + eps));
      const x = T(p, [5], dt).requiresGrad_();
      sigmoidBinaryCrossEntropyLoss(x, T(zs, [5], dt), { fromSigmoid: true }).sum().backward();
      expectClose(x.grad!, p.map((_, i) => grad(i, 1)), { rtol: dt === 'float64' ? 1e-15 : 1e-7, atol: 0 });
      const xw = T(p, [5], dt).requiresGrad_();
      sigmoidBinaryCrossEntropyLoss(xw, T(zs, [5], dt), { fromSigmoid: true, posWeight: T(w, [5], dt) }).sum().backward();
      expectClose(xw.grad!, p.map((_, i) => grad(i, w[i]!)), { rtol: dt === 'float64' ? 1e-15 : 1e-7, atol: 0 });
    }
    // PyTorch's kernel gives [0, 0, −2, −1e12, 1e12] here; Gluon [1/(1 + 1e−12), −1/(1 + 1e−12), −2, −1e12, 1e12].
    const x = T(p, [5]).requiresGrad_();
    sigmoidBinaryCrossEntropyLoss(x, T(zs, [5]), { fromSigmoid: true }).sum().backward();
    expectClose(x.grad!, [1 / (1 + 1e-12), -1 / (1 + 1e-12), -1 / (0.5 + 1e-12), -1e12, 1e12], { rtol: 1e-15, atol: 0 });
  });
  it('a label with another element count is an error', () => {
    expect(() => sigmoidBinaryCrossEntropyLoss(T(x, [3, 4]), T(z.slice(0, 8), [8]), { name: 'SigmoidBCELoss' })).toThrow('SigmoidBCELoss: cannot reshape label of shape [8]');
  });
});
