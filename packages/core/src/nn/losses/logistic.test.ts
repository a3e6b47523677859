import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBackend, listBackends, setBackend } from '../../backend/registry.js';
import type { DType } from '../../dtype.js';
import { tensor } from '../../tensor/create.js';
import type { Tensor } from '../../tensor/tensor.js';
import { gradcheck } from '../../test-utils/gradcheck.js';
import { expectClose, host, reduceRef, type Host } from '../../test-utils/reference.js';
import { Rng } from '../../test-utils/rng.js';
import { T, f32, checkBoth, mean, sum, checkGrad, checkReductions, useBackend } from '../../test-utils/loss-checks.js';
import { logisticLoss } from './logistic.js';


describe.each(listBackends())('logisticLoss on the %s backend', (backend) => {
  useBackend(backend);
  const r = new Rng(31);
  const p = f32(r.normals(12).map((v) => 3 * v));
  const signed = f32(Array.from({ length: 12 }, () => (r.next() < 0.5 ? -1 : 1)));
  const binary = signed.map((v) => (v + 1) / 2);
  // log(1 + exp(−pred·label)) written directly (the documented formula), for signed labels.
  const ref = host(p.map((x, i) => Math.log1p(Math.exp(-x * signed[i]!))), [3, 4]);

  it('signed labels: log(1 + exp(−pred·label)), every reduction', () => {
    checkReductions((dt, reduction) => logisticLoss(T(p, [3, 4], dt), T(signed, [3, 4], dt), { reduction }), ref);
  });
  it('binary labels give the same loss for the same classes', () => {
    checkReductions((dt, reduction) => logisticLoss(T(p, [3, 4], dt), T(binary, [12], dt), { labelFormat: 'binary', reduction }), ref);
  });
  it('gradcheck w.r.t. pred and label (both formats)', () => {
    checkGrad((a, b) => logisticLoss(a!, b!), [T(p, [3, 4]), T(signed, [3, 4])]);
    checkGrad((a, b) => logisticLoss(a!, b!, { labelFormat: 'binary' }), [T(p, [3, 4]), T(binary, [3, 4])]);
  });
  it('finite for huge |pred| (stable form), with the exact limits', () => {
    for (const dt of ['float32', 'float64'] as const) {
      const out = logisticLoss(T([1e4, -1e4, 1e4, -1e4], [4], dt), T([1, 1, -1, -1], [4], dt));
      expectClose(out, [0, 1e4, 1e4, 0], { rtol: 1e-7, atol: 1e-30 });
      const pr = T([1e4, -1e4, 60, -60], [4]).requiresGrad_();
      logisticLoss(pr, T([1, 1, -1, -1], [4])).sum().backward();
      expectClose(pr.grad!, [0, -1, 1, 0], { rtol: 1e-12, atol: 1e-20 });
    }
  });
  it('a bad label_format or label count is a clear error', () => {
    expect(() => logisticLoss(T(p, [3, 4]), T(signed, [3, 4]), { labelFormat: 'multi' as 'signed' })).toThrow(
      'LogisticLoss: label_format can only be signed or binary, received multi.',
    );
    expect(() => logisticLoss(T(p, [3, 4]), T(signed.slice(0, 6), [6]))).toThrow('LogisticLoss: cannot reshape label of shape [6]');
  });
});
