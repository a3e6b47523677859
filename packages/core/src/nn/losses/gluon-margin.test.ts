import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBackend, listBackends, setBackend } from '../../backend/registry.js';
import type { DType } from '../../dtype.js';
import { tensor } from '../../tensor/create.js';
import type { Tensor } from '../../tensor/tensor.js';
import { gradcheck } from '../../test-utils/gradcheck.js';
import { expectClose, host, hostOf, reduceRef, type Host } from '../../test-utils/reference.js';
import { Rng } from '../../test-utils/rng.js';
import { T, f32, checkBoth, mean, sum, checkGrad, checkReductions, useBackend } from '../../test-utils/loss-checks.js';
import { hingeLoss, squaredHingeLoss, tripletLoss } from './gluon-margin.js';


describe.each(listBackends())('Gluon margin losses on the %s backend', (backend) => {
  useBackend(backend);
  const r = new Rng(21);
  // Keep margin − pred·label away from the kink at 0 (gradcheck).
  const p = f32(r.awayFromZero(12, 0.1, 2)).map((v) => (Math.abs(Math.abs(v) - 1) < 0.05 ? v + 0.2 : v));
  const l = f32(Array.from({ length: 12 }, () => (r.next() < 0.5 ? -1 : 1)));

  for (const margin of [1, 0.5]) {
    it(`hingeLoss: max(0, margin − pred·label), margin ${margin}, every reduction`, () => {
      const ref = host(p.map((x, i) => Math.max(0, margin - x * l[i]!)), [3, 4]);
      checkReductions((dt, reduction) => hingeLoss(T(p, [3, 4], dt), T(l, [3, 4], dt), { margin, reduction }), ref);
    });
    it(`squaredHingeLoss: max(0, margin − pred·label)², margin ${margin}, every reduction`, () => {
      const ref = host(p.map((x, i) => Math.max(0, margin - x * l[i]!) ** 2), [3, 4]);
      checkReductions((dt, reduction) => squaredHingeLoss(T(p, [3, 4], dt), T(l, [3, 4], dt), { margin, reduction }), ref);
    });
  }

  it('hinge losses: gradcheck w.r.t. pred and label; label reshaped like pred', () => {
    checkGrad((a, b) => hingeLoss(a!, b!, { margin: 0.7 }), [T(p, [3, 4]), T(l, [3, 4])]);
    checkGrad((a, b) => squaredHingeLoss(a!, b!, { margin: 0.7 }), [T(p, [3, 4]), T(l, [3, 4])]);
    expectClose(hingeLoss(T(p, [3, 4]), T(l, [12])), hostOf(hingeLoss(T(p, [3, 4]), T(l, [3, 4]))), { rtol: 0 });
  });

  it('bad inputs: label count, margin', () => {
    expect(() => hingeLoss(T(p, [3, 4]), T(l, [2, 6]).narrow(1, 0, 5), { name: 'HingeLoss' })).toThrow('HingeLoss: cannot reshape label of shape [2, 5]');
    expect(() => squaredHingeLoss(T(p, [3, 4]), T(l, [3, 4]), { margin: Number.NaN })).toThrow('SquaredHingeLoss: margin must be a finite number');
  });

  const a = f32(r.normals(24));
  const pos = f32(r.normals(24));
  const neg = f32(r.normals(24));
  /** Σ over everything but the batch axis 0 of a [2, 3, 4] layout, or over axis 0 for batchAxis 1 of [2, 3, 4]. */
  function tripletRef(margin: number, shape: number[], batchAxis: number): Host {
    const terms = host(a.map((x, i) => (pos[i]! - x) ** 2 - (neg[i]! - x) ** 2), shape);
    const axes = shape.map((_, i) => i).filter((i) => i !== batchAxis);
    const s = reduceRef(terms, axes, false, sum);
    return host(Array.from(s.data, (v) => Math.max(0, v + margin)), s.shape);
  }

  it('tripletLoss: max(0, Σ‖pos − pred‖² − Σ‖neg − pred‖² + margin) over the non-batch axes', () => {
    for (const margin of [1, 3]) {
      checkBoth((dt) => tripletLoss(T(a, [2, 3, 4], dt), T(pos, [2, 3, 4], dt), T(neg, [2, 3, 4], dt), { margin }), tripletRef(margin, [2, 3, 4], 0));
      checkBoth((dt) => tripletLoss(T(a, [2, 3, 4], dt), T(pos, [2, 3, 4], dt), T(neg, [2, 3, 4], dt), { margin, batchAxis: 1 }), tripletRef(margin, [2, 3, 4], 1));
    }
    const ref = tripletRef(3, [2, 3, 4], 0);
    checkBoth((dt) => tripletLoss(T(a, [2, 3, 4], dt), T(pos, [2, 3, 4], dt), T(neg, [2, 3, 4], dt), { margin: 3, reduction: 'sum' }), host([sum(Array.from(ref.data))], []));
    checkBoth((dt) => tripletLoss(T(a, [2, 3, 4], dt), T(pos, [2, 3, 4], dt), T(neg, [2, 3, 4], dt), { margin: 3, reduction: 'mean' }), host([mean(Array.from(ref.data))], []));
    // positive/negative are reshaped like pred.
    expectClose(tripletLoss(T(a, [2, 12]), T(pos, [24]), T(neg, [4, 6]), { margin: 3 }), tripletRef(3, [2, 12], 0), { rtol: 1e-12 });
  });

  it('tripletLoss: gradcheck w.r.t. pred, positive, negative; errors', () => {
    checkGrad((x, y, z) => tripletLoss(x!, y!, z!, { margin: 4 }), [T(a, [2, 3, 4]), T(pos, [2, 3, 4]), T(neg, [2, 3, 4])]);
    expect(() => tripletLoss(T(a, [2, 12]), T(pos.slice(0, 20), [20]), T(neg, [24]))).toThrow('TripletLoss: cannot reshape positive of shape [20]');
    expect(() => tripletLoss(T(a, [2, 12]), T(pos, [24]), T(neg, [24]), { batchAxis: 2 })).toThrow('TripletLoss');
  });
});
