import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBackend, listBackends, setBackend } from '../../backend/registry.js';
import type { DType } from '../../dtype.js';
import { tensor } from '../../tensor/create.js';
import type { Tensor } from '../../tensor/tensor.js';
import { gradcheck } from '../../test-utils/gradcheck.js';
import { expectClose, host, reduceRef, type Host } from '../../test-utils/reference.js';
import { Rng } from '../../test-utils/rng.js';
import { T, f32, checkBoth, mean, sum, checkGrad, checkReductions, useBackend } from '../../test-utils/loss-checks.js';
import { sdmlLoss } from './sdml.js';


/** The SDML KL terms (N, N) from the documented recipe, in float64. */
function sdmlRef(x1: number[], x2: number[], n: number, d: number, s: number): Host {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const negDist = Array.from({ length: n }, (_, j) => -sum(Array.from({ length: d }, (_, k) => (x1[i * d + k]! - x2[j * d + k]!) ** 2)));
    const m = Math.max(...negDist);
    const lse = m + Math.log(sum(negDist.map((v) => Math.exp(v - m))));
    for (let j = 0; j < n; j++) {
      const y = i === j ? 1 - s : s / (n - 1);
      out.push(y * (Math.log(y + 1e-12) - (negDist[j]! - lse)));
    }
  }
  return host(out, [n, n]);
}

describe.each(listBackends())('sdmlLoss on the %s backend', (backend) => {
  useBackend(backend);
  const r = new Rng(81);
  const n = 4;
  const d = 3;
  const x1 = f32(r.normals(n * d));
  const x2 = f32(r.normals(n * d));

  it('KL terms against smoothed identity labels; { batchAxis: 0 } is Gluon\'s (N,) output', () => {
    for (const s of [0.3, 0.1]) {
      checkReductions((dt, reduction) => sdmlLoss(T(x1, [n, d], dt), T(x2, [n, d], dt), { smoothingParameter: s, reduction }), sdmlRef(x1, x2, n, d, s));
    }
  });
  it('gradcheck w.r.t. x1 and x2', () => {
    checkGrad((a, b) => sdmlLoss(a!, b!, { reduction: { batchAxis: 0 } }), [T(x1, [n, d]), T(x2, [n, d])]);
  });
  it('finite for far-apart embeddings', () => {
    const out = sdmlLoss(T([100, 0, -100, 0], [2, 2], 'float32'), T([100, 0, -100, 0], [2, 2], 'float32'), { reduction: { batchAxis: 0 } });
    expect(Array.from(out.dataSync() as Float32Array).every(Number.isFinite)).toBe(true);
  });
  it('bad inputs are clear errors', () => {
    expect(() => sdmlLoss(T(x1, [n, d]), T(x2.slice(0, 9), [3, 3]))).toThrow('SDMLLoss: x1 and x2 must both have shape (batch_size, dim), got [4, 3] and [3, 3]');
  });
  it('a batch of one is NaN and an empty batch empty, as in Gluon (s/(N − 1) and an empty eye)', () => {
    // gluon/loss.py SDMLLoss._compute_labels: (1 − gold)·s/(batch_size − 1) is 0·s/0 = NaN for N = 1.
    const one = sdmlLoss(T([1, 2], [1, 2]), T([1, 2], [1, 2]), { reduction: { batchAxis: 0 } });
    expect(Array.from(one.dataSync() as Float64Array)).toEqual([NaN]);
    expect(sdmlLoss(T([], [0, 2]), T([], [0, 2]), { reduction: { batchAxis: 0 } }).shape).toEqual([0]);
  });
});
