import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBackend, listBackends, setBackend } from '../../backend/registry.js';
import type { DType } from '../../dtype.js';
import { tensor } from '../../tensor/create.js';
import type { Tensor } from '../../tensor/tensor.js';
import { gradcheck } from '../../test-utils/gradcheck.js';
import { expectClose, host, reduceRef, type Host } from '../../test-utils/reference.js';
import { Rng } from '../../test-utils/rng.js';
import { T, f32, checkBoth, mean, sum, checkGrad, checkReductions, useBackend } from '../../test-utils/loss-checks.js';
import { softmaxCrossEntropyLoss } from './gluon-softmax-ce.js';


/** log-softmax of row-major x [rows, c] along the last axis, computed in float64. */
function logSoftmaxRows(x: number[], c: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < x.length; i += c) {
    const row = x.slice(i, i + c);
    const m = Math.max(...row);
    const lse = m + Math.log(row.reduce((s, v) => s + Math.exp(v - m), 0));
    out.push(...row.map((v) => v - lse));
  }
  return out;
}

describe.each(listBackends())('softmaxCrossEntropyLoss on the %s backend', (backend) => {
  useBackend(backend);
  const r = new Rng(51);
  const N = 4;
  const C = 5;
  const x = f32(r.normals(N * C).map((v) => 2 * v));
  const lab = Array.from({ length: N }, () => r.int(C));
  const dist = f32(r.uniforms(N * C));
  const lp = logSoftmaxRows(x, C);
  const sparseRef = host(lab.map((c, n) => -lp[n * C + c]!), [N, 1]);
  const denseRef = host(Array.from({ length: N }, (_, n) => -sum(Array.from({ length: C }, (_, c) => dist[n * C + c]! * lp[n * C + c]!))), [N, 1]);

  it('sparse labels: −log_softmax(pred)[label], class axis kept as 1, every reduction', () => {
    checkReductions((dt, reduction) => softmaxCrossEntropyLoss(T(x, [N, C], dt), T(lab, [N], 'int32'), { reduction }), sparseRef);
    // (N, 1) labels and float labels holding whole numbers work too.
    checkBoth((dt) => softmaxCrossEntropyLoss(T(x, [N, C], dt), T(lab, [N, 1], dt)), sparseRef);
  });
  it('dense labels: −Σ label·log_softmax(pred)', () => {
    checkReductions((dt, reduction) => softmaxCrossEntropyLoss(T(x, [N, C], dt), T(dist, [N * C], dt), { sparseLabel: false, reduction }), denseRef);
  });
  it('fromLogits: pred is already log-probabilities', () => {
    const lpr = lp.map(Math.fround);
    checkBoth((dt) => softmaxCrossEntropyLoss(T(lpr, [N, C], dt), T(lab, [N], 'int64'), { fromLogits: true }), host(lab.map((c, n) => -lpr[n * C + c]!), [N, 1]));
    checkBoth((dt) => softmaxCrossEntropyLoss(T(x, [N, C], dt), T(lab, [N], 'int64'), { fromLogits: true }), host(lab.map((c, n) => -x[n * C + c]!), [N, 1]));
  });
  it('another class axis: pred (N, C, 2) with axis 1', () => {
    const x3 = f32(r.normals(N * C * 2));
    const lab3 = Array.from({ length: N * 2 }, () => r.int(C));
    // move the class axis last for the reference
    const moved: number[] = [];
    for (let n = 0; n < N; n++) for (let k = 0; k < 2; k++) for (let c = 0; c < C; c++) moved.push(x3[n * C * 2 + c * 2 + k]!);
    const lp3 = logSoftmaxRows(moved, C);
    const ref = host(lab3.map((c, i) => -lp3[i * C + c]!), [N, 1, 2]);
    checkBoth((dt) => softmaxCrossEntropyLoss(T(x3, [N, C, 2], dt), T(lab3, [N, 2], 'int32'), { axis: 1 }), ref);
  });
  it('gradcheck w.r.t. pred (sparse) and pred, label (dense)', () => {
    checkGrad((a) => softmaxCrossEntropyLoss(a!, T(lab, [N], 'int32')), [T(x, [N, C])]);
    checkGrad((a, b) => softmaxCrossEntropyLoss(a!, b!, { sparseLabel: false }), [T(x, [N, C]), T(dist, [N, C])]);
  });
  it('finite for huge logits', () => {
    const out = softmaxCrossEntropyLoss(T([1e4, -1e4, 0, -1e4, 1e4, 0], [2, 3], 'float32'), T([0, 0], [2], 'int32'));
    expectClose(out, host([0, 2e4], [2, 1]), { rtol: 1e-6, atol: 1e-30 });
  });
  it('bad labels are clear errors', () => {
    expect(() => softmaxCrossEntropyLoss(T(x, [N, C]), T([0, 1, 2], [3], 'int32'))).toThrow('SoftmaxCrossEntropyLoss: a sparse label must have pred\'s shape without axis 1');
    expect(() => softmaxCrossEntropyLoss(T(x, [N, C]), T([0, 1, 2, 5], [4], 'int32'))).toThrow('out of bounds');
    expect(() => softmaxCrossEntropyLoss(T(x, [N, C]), T(dist.slice(0, 6), [6]), { sparseLabel: false, name: 'SoftmaxCELoss' })).toThrow('SoftmaxCELoss: cannot reshape label of shape [6]');
  });
});
