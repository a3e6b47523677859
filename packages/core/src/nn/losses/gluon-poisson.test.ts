import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBackend, listBackends, setBackend } from '../../backend/registry.js';
import type { DType } from '../../dtype.js';
import { tensor } from '../../tensor/create.js';
import type { Tensor } from '../../tensor/tensor.js';
import { gradcheck } from '../../test-utils/gradcheck.js';
import { expectClose, host, reduceRef, type Host } from '../../test-utils/reference.js';
import { Rng } from '../../test-utils/rng.js';
import { T, f32, checkBoth, mean, sum, checkGrad, checkReductions, useBackend } from '../../test-utils/loss-checks.js';
import { gluonPoissonNllLoss } from './gluon-poisson.js';


describe.each(listBackends())('gluonPoissonNllLoss on the %s backend', (backend) => {
  useBackend(backend);
  const r = new Rng(71);
  const x = f32(r.normals(12));
  const rate = f32(r.uniforms(12, 0.2, 3));
  const tgt = [0, 1, 2, 3, 0.5, 1.5, 4, 0, 7, 1, 2.5, 10];
  const stirling = (t: number): number => (t > 1 ? t * Math.log(t) - t + 0.5 * Math.log(2 * Math.PI * t) : 0);

  it('fromLogits (default): e^pred − target·pred, every reduction', () => {
    checkReductions((dt, reduction) => gluonPoissonNllLoss(T(x, [3, 4], dt), T(tgt, [3, 4], dt), { reduction }), host(x.map((v, i) => Math.exp(v) - tgt[i]! * v), [3, 4]));
  });
  it('fromLogits false: pred − target·log(pred + epsilon), default and custom epsilon', () => {
    checkBoth((dt) => gluonPoissonNllLoss(T(rate, [3, 4], dt), T(tgt, [12], dt), { fromLogits: false }), host(rate.map((v, i) => v - tgt[i]! * Math.log(v + 1e-8)), [3, 4]));
    checkBoth((dt) => gluonPoissonNllLoss(T(rate, [3, 4], dt), T(tgt, [12], dt), { fromLogits: false, epsilon: 0.25 }), host(rate.map((v, i) => v - tgt[i]! * Math.log(v + 0.25)), [3, 4]));
  });
  it('computeFull adds the Stirling term where target > 1, and is finite (0) at target 0', () => {
    checkBoth((dt) => gluonPoissonNllLoss(T(x, [3, 4], dt), T(tgt, [3, 4], dt), { computeFull: true }), host(x.map((v, i) => Math.exp(v) - tgt[i]! * v + stirling(tgt[i]!)), [3, 4]));
    checkBoth((dt) => gluonPoissonNllLoss(T(rate, [3, 4], dt), T(tgt, [3, 4], dt), { computeFull: true, fromLogits: false }), host(rate.map((v, i) => v - tgt[i]! * Math.log(v + 1e-8) + stirling(tgt[i]!)), [3, 4]));
  });
  it('gradcheck w.r.t. pred and target (targets away from the mask edge at 1)', () => {
    const t2 = tgt.map((t) => (t === 1 ? 1.2 : t === 0 ? 0.3 : t));
    checkGrad((a, b) => gluonPoissonNllLoss(a!, b!, { computeFull: true }), [T(x, [3, 4]), T(t2, [3, 4])]);
    checkGrad((a, b) => gluonPoissonNllLoss(a!, b!, { fromLogits: false, computeFull: true }), [T(rate, [3, 4]), T(t2, [3, 4])]);
    // a zero target: finite gradient through the masked Stirling term
    const tz = T([0, 0.5], [2]).requiresGrad_();
    gluonPoissonNllLoss(T([0.1, 0.2], [2]), tz, { computeFull: true }).sum().backward();
    expectClose(tz.grad!, [-0.1, -0.2], { rtol: 1e-12 });
  });
  it('bad inputs are clear errors', () => {
    expect(() => gluonPoissonNllLoss(T(x, [3, 4]), T(tgt.slice(0, 5), [5]))).toThrow('PoissonNLLLoss: cannot reshape target of shape [5]');
    expect(() => gluonPoissonNllLoss(T(x, [3, 4]), T(tgt, [3, 4]), { epsilon: Infinity })).toThrow('PoissonNLLLoss: epsilon must be a finite number');
  });
});
