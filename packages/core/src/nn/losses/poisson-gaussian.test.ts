import { expect, it } from 'vitest';
import { tensor } from '../../index.js';
import { arg, runCases, perBackend, rng, type Ref } from '../../test-utils/loss-harness.js';
import { expectClose } from '../../test-utils/reference.js';
import { gaussianNllLoss, poissonNllLoss } from './poisson-gaussian.js';

const r = rng(61);
const X = arg(r.normals(12), [3, 4]);
const Lam = arg(r.uniforms(12, 0.2, 4), [3, 4]);
const Cnt = arg([0, 1, 2, 5, 3, 0, 1, 7, 2, 4, 0, 1.5], [3, 4]);
const stirling = (y: number) => (y > 1 ? y * Math.log(y) - y + 0.5 * Math.log(2 * Math.PI * y) : 0);
const poissonRef = (logInput: boolean, full: boolean, eps = 1e-8) => (x: number[], y: number[]): Ref => ({
  loss: x.map((v, i) => (logInput ? Math.exp(v) - y[i]! * v : v - y[i]! * Math.log(v + eps)) + (full ? stirling(y[i]!) : 0)),
  shape: [3, 4],
});
const Mu = arg(r.normals(12), [3, 4]);
const T = arg(r.normals(12), [3, 4]);
const V = arg(r.uniforms(12, 0.1, 3), [3, 4]);
const V3 = arg(r.uniforms(3, 0.1, 3), [3]);
const V31 = arg(r.uniforms(3, 0.1, 3), [3, 1]);
const gaussRef = (full: boolean, vAt: (v: number[], i: number) => number, eps = 1e-6) => (x: number[], y: number[], v: number[]): Ref => ({
  loss: x.map((m, i) => {
    const s = Math.max(vAt(v, i), eps);
    return 0.5 * (Math.log(s) + (m - y[i]!) ** 2 / s) + (full ? 0.5 * Math.log(2 * Math.PI) : 0);
  }),
  shape: [3, 4],
});
const perRow = (v: number[], i: number) => v[Math.floor(i / 4)]!;

perBackend('poisson_nll_loss and gaussian_nll_loss', () => {
  runCases([
    { title: 'poisson log_input', args: [X, Cnt], wrt: [0], fn: (reduction) => (x, y) => poissonNllLoss(x!, y!, { reduction }), ref: poissonRef(true, false) },
    { title: 'poisson log_input full (targets 0, 1, >1)', args: [X, Cnt], wrt: [0], fn: (reduction) => (x, y) => poissonNllLoss(x!, y!, { reduction, full: true }), ref: poissonRef(true, true) },
    { title: 'poisson rate input', args: [Lam, Cnt], wrt: [0], fn: (reduction) => (x, y) => poissonNllLoss(x!, y!, { reduction, logInput: false }), ref: poissonRef(false, false) },
    {
      title: 'poisson rate input full eps 0.1', args: [Lam, Cnt], wrt: [0],
      fn: (reduction) => (x, y) => poissonNllLoss(x!, y!, { reduction, logInput: false, full: true, eps: 0.1 }), ref: poissonRef(false, true, 0.1),
    },
    { title: 'poisson smooth targets (gradient w.r.t. target too)', args: [X, Lam], fn: (reduction) => (x, y) => poissonNllLoss(x!, y!, { reduction, full: true }), ref: poissonRef(true, true) },
    { title: 'gaussian var like input', args: [Mu, T, V], fn: (reduction) => (x, y, v) => gaussianNllLoss(x!, y!, v!, { reduction }), ref: gaussRef(false, (v, i) => v[i]!) },
    { title: 'gaussian var like input, full', args: [Mu, T, V], fn: (reduction) => (x, y, v) => gaussianNllLoss(x!, y!, v!, { reduction, full: true }), ref: gaussRef(true, (v, i) => v[i]!) },
    { title: 'gaussian var one dim fewer (N)', args: [Mu, T, V3], fn: (reduction) => (x, y, v) => gaussianNllLoss(x!, y!, v!, { reduction }), ref: gaussRef(false, perRow) },
    { title: 'gaussian var (N, 1)', args: [Mu, T, V31], fn: (reduction) => (x, y, v) => gaussianNllLoss(x!, y!, v!, { reduction, full: true }), ref: gaussRef(true, perRow) },
    {
      title: 'gaussian var a number, eps 0.5 (clamp active)', args: [Mu, T],
      fn: (reduction) => (x, y) => gaussianNllLoss(x!, y!, 0.25, { reduction, eps: 0.5 }), ref: (x, y) => gaussRef(false, () => 0.25, 0.5)(x, y, []),
    },
    {
      title: 'gaussian var below eps 0.05 (values; gradient w.r.t. input and target)', args: [Mu, T, arg(Array.from(V.data, (v, i) => (i % 3 ? v : 1e-9)), [3, 4])], wrt: [0, 1],
      fn: (reduction) => (x, y, v) => gaussianNllLoss(x!, y!, v!, { reduction, eps: 0.05 }), ref: gaussRef(false, (v, i) => v[i]!, 0.05),
    },
  ]);

  it('poisson full with targets 0 and 1: no Stirling term, finite (PyTorch values)', () => {
    const x = tensor([0, 1, -1e4, 2], { dtype: 'float64' });
    expectClose(poissonNllLoss(x, tensor([0, 0, 0, 1], { dtype: 'float64' }), { full: true, reduction: 'none' }), [1, Math.E, 0, Math.exp(2) - 2], { rtol: 1e-12 });
    expectClose(poissonNllLoss(tensor([0, 2], { dtype: 'float64' }), tensor([0, 3], { dtype: 'float64' }), { logInput: false, full: true, reduction: 'none' }), [0, 2 - 3 * Math.log(2 + 1e-8) + stirling(3)], { rtol: 1e-12 });
  });

  it('gaussian: the var clamp is invisible to autograd (gradient taken at eps, passed through)', () => {
    const v = tensor([1e-9, 2], { dtype: 'float64', requiresGrad: true });
    gaussianNllLoss(tensor([1, 1], { dtype: 'float64' }), tensor([0, 0], { dtype: 'float64' }), v, { reduction: 'sum', eps: 1e-3 }).backward();
    // d/ds 0.5(log s + d²/s) = 0.5(1/s − d²/s²) at s = 1e-3 and s = 2.
    expectClose(v.grad!, [0.5 * (1e3 - 1e6), 0.5 * (0.5 - 0.25)], { rtol: 1e-12 });
  });

  it('bad input raises with PyTorch wording', () => {
    const x = tensor([[1, 2, 3], [4, 5, 6]]);
    expect(() => gaussianNllLoss(x, x, tensor([1, 2, 3]))).toThrow('var is of incorrect size');
    expect(() => gaussianNllLoss(x, x, tensor([[1, 2]]))).toThrow('var is of incorrect size');
    expect(() => gaussianNllLoss(x, x, tensor([1, -2]))).toThrow('var has negative entry/entries');
    expect(() => gaussianNllLoss(x, x, -1)).toThrow('var has negative entry/entries');
    expect(() => gaussianNllLoss(x, x, x, { reduction: 'batchmean' })).toThrow('reduction must be one of');
    expect(() => poissonNllLoss(x, tensor([1, 2]))).toThrow('poisson_nll_loss: input of shape [2, 3] and target of shape [2] cannot be broadcast together');
  });
});
