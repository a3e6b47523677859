import { expect, it } from 'vitest';
import { tensor } from '../../index.js';
import { sumOf, arg, runCases, perBackend, rng, type Ref, type Case } from '../../test-utils/loss-harness.js';
import { expectClose } from '../../test-utils/reference.js';
import { huberLoss, l1Loss, mseLoss, rmseLoss, smoothL1Loss } from './regression.js';

const r = rng(11);
const X = arg(r.normals(12).map((v) => v * 1.5), [3, 4]);
const Y = arg(r.normals(12), [3, 4]);
const Yb = arg(r.normals(4), [4]);
/** Elementwise reference over x (3,4) and y broadcast from (3,4) or (4). */
const ew = (f: (d: number) => number) => (x: number[], y: number[]): Ref => ({
  loss: x.map((v, i) => f(v - y[y.length === x.length ? i : i % y.length]!)),
  shape: [3, 4],
});
const smooth = (beta: number) => (d: number) => (Math.abs(d) < beta ? (0.5 * d * d) / beta : Math.abs(d) - 0.5 * beta);
const huber = (delta: number) => (d: number) => (Math.abs(d) < delta ? 0.5 * d * d : delta * (Math.abs(d) - 0.5 * delta));

perBackend('regression losses', () => {
  runCases([
    { title: 'l1', args: [X, Y], fn: (reduction) => (x, y) => l1Loss(x, y, { reduction }), ref: ew(Math.abs) },
    { title: 'l1 broadcast target', args: [X, Yb], fn: (reduction) => (x, y) => l1Loss(x, y, { reduction }), ref: ew(Math.abs) },
    { title: 'mse', args: [X, Y], fn: (reduction) => (x, y) => mseLoss(x, y, { reduction }), ref: ew((d) => d * d) },
    { title: 'mse broadcast target', args: [X, Yb], fn: (reduction) => (x, y) => mseLoss(x, y, { reduction }), ref: ew((d) => d * d) },
    ...[1, 0.5, 2.5, 0].map((beta): Case => ({
      title: `smooth_l1 beta=${beta}`, args: [X, Y], fn: (reduction) => (x, y) => smoothL1Loss(x, y, { reduction, beta }), ref: ew(beta === 0 ? Math.abs : smooth(beta)),
    })),
    ...[1, 0.3, 2].map((delta): Case => ({
      title: `huber delta=${delta}`, args: [X, Y], fn: (reduction) => (x, y) => huberLoss(x, y, { reduction, delta }), ref: ew(huber(delta)),
    })),
    {
      title: 'rmse', args: [X, Y], reductions: ['mean'], fn: () => (x, y) => rmseLoss(x, y),
      ref: (x, y) => ({ loss: ew((d) => d * d)(x, y).loss, shape: [3, 4], mean: (l) => Math.sqrt(sumOf(l) / l.length) }),
    },
  ]);

  it('defaults: mean reduction, beta = delta = 1; huber = delta · smooth_l1(beta = delta)', () => {
    const x = tensor([0.5, 3, -2]);
    const y = tensor([0, 0, 0]);
    expect(l1Loss(x, y).item()).toBeCloseTo(5.5 / 3, 6);
    expect(smoothL1Loss(x, y).item()).toBeCloseTo((0.125 + 2.5 + 1.5) / 3, 6);
    expect(huberLoss(x, y, { delta: 2 }).item()).toBeCloseTo(2 * smoothL1Loss(x, y, { beta: 2 }).item(), 6);
    expect(rmseLoss(x, y).shape).toEqual([]);
  });

  it('extreme values stay finite', () => {
    const x = tensor([1e30, -1e30, 1e4], { dtype: 'float64' });
    const y = tensor([0, 0, -1e4], { dtype: 'float64' });
    expectClose(smoothL1Loss(x, y, { reduction: 'none' }), [1e30 - 0.5, 1e30 - 0.5, 2e4 - 0.5], { rtol: 1e-12 });
    expectClose(huberLoss(x, y, { reduction: 'none', delta: 0.5 }), [0.5 * (1e30 - 0.25), 0.5 * (1e30 - 0.25), 0.5 * (2e4 - 0.25)], { rtol: 1e-12 });
  });

  it('bad input raises at the call', () => {
    const x = tensor([[1, 2, 3], [4, 5, 6]]);
    expect(() => l1Loss(x, tensor([1, 2]))).toThrow('l1_loss: input of shape [2, 3] and target of shape [2] cannot be broadcast together');
    expect(() => mseLoss(x, tensor([1, 2]), { name: 'MSELoss' })).toThrow('MSELoss: input of shape [2, 3]');
    expect(() => smoothL1Loss(x, x, { beta: -1 })).toThrow('smooth_l1_loss does not support negative values for beta');
    expect(() => huberLoss(x, x, { delta: 0 })).toThrow('huber_loss does not support non-positive values for delta');
    expect(() => l1Loss(x, x, { reduction: 'avg' as never, name: 'L1Loss' })).toThrow("L1Loss: reduction must be one of 'none', 'mean', 'sum', got \"avg\"");
    expect(() => l1Loss(x, x, { reduction: 'batchmean' })).toThrow('reduction must be one of');
    expect(() => mseLoss(tensor([1, 2], { dtype: 'int64' }), tensor([1, 2]))).toThrow('input must be a floating point tensor, got int64');
  });
});
