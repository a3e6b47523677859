import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBackend, listBackends, setBackend } from '../../backend/registry.js';
import type { DType } from '../../dtype.js';
import { tensor } from '../../tensor/create.js';
import type { Tensor } from '../../tensor/tensor.js';
import { gradcheck } from '../../test-utils/gradcheck.js';
import { expectClose, host, reduceRef, type Host } from '../../test-utils/reference.js';
import { Rng } from '../../test-utils/rng.js';
import { T, f32, checkBoth, mean, sum, checkGrad, checkReductions, useBackend } from '../../test-utils/loss-checks.js';
import { gluonKlDivLoss } from './gluon-kl.js';


describe.each(listBackends())('gluonKlDivLoss on the %s backend', (backend) => {
  useBackend(backend);
  const r = new Rng(61);
  const N = 3;
  const C = 4;
  const x = f32(r.normals(N * C));
  const y = f32(r.uniforms(N * C, 0.05, 1));
  y[5] = 0; // a zero label contributes 0
  const lsm: number[] = [];
  for (let n = 0; n < N; n++) {
    const row = x.slice(n * C, n * C + C);
    const lse = Math.log(row.reduce((s, v) => s + Math.exp(v), 0));
    lsm.push(...row.map((v) => v - lse));
  }

  it('fromLogits (default): label·(log(label + 1e-12) − pred), every reduction', () => {
    checkReductions((dt, reduction) => gluonKlDivLoss(T(x, [N, C], dt), T(y, [N, C], dt), { reduction }), host(x.map((v, i) => y[i]! * (Math.log(y[i]! + 1e-12) - v)), [N, C]));
  });
  it('fromLogits false: log_softmax along axis (−1, or 0)', () => {
    checkBoth((dt) => gluonKlDivLoss(T(x, [N, C], dt), T(y, [N, C], dt), { fromLogits: false }), host(x.map((_, i) => y[i]! * (Math.log(y[i]! + 1e-12) - lsm[i]!)), [N, C]));
    // axis 0 on the transposed layout gives the transposed answer
    const xt = Array.from({ length: N * C }, (_, k) => x[(k % N) * C + Math.floor(k / N)]!);
    const yt = Array.from({ length: N * C }, (_, k) => y[(k % N) * C + Math.floor(k / N)]!);
    const ref = Array.from({ length: N * C }, (_, k) => {
      const i = (k % N) * C + Math.floor(k / N);
      return y[i]! * (Math.log(y[i]! + 1e-12) - lsm[i]!);
    });
    checkBoth((dt) => gluonKlDivLoss(T(xt, [C, N], dt), T(yt, [C, N], dt), { fromLogits: false, axis: 0 }), host(ref, [C, N]));
  });
  it('gradcheck w.r.t. pred and label, both modes; the gradient at a zero label is finite', () => {
    const y2 = y.map((v) => (v === 0 ? 0.01 : v)); // central differences cannot step below 0
    checkGrad((a, b) => gluonKlDivLoss(a!, b!), [T(x, [N, C]), T(y2, [N, C])]);
    checkGrad((a, b) => gluonKlDivLoss(a!, b!, { fromLogits: false }), [T(x, [N, C]), T(y2, [N, C])]);
    const yz = T([0, 0.5], [2]).requiresGrad_();
    gluonKlDivLoss(T([-1, -2], [2]), yz).sum().backward();
    expectClose(yz.grad!, [Math.log(1e-12) + 1, Math.log(0.5 + 1e-12) + 2 + 0.5 / (0.5 + 1e-12)], { rtol: 1e-10 });
  });
  it('finite for huge scores with fromLogits false', () => {
    const out = gluonKlDivLoss(T([1e4, -1e4], [1, 2], 'float32'), T([0.5, 0.5], [1, 2], 'float32'), { fromLogits: false });
    expectClose(out, host([0.5 * Math.log(0.5 + 1e-12), 0.5 * (Math.log(0.5 + 1e-12) + 2e4)], [1, 2]), { rtol: 1e-6 });
  });
});
