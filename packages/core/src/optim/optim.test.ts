import { describe, expect, it } from 'vitest';
import { tensor } from '../tensor/create.js';
import { adagradUpdate, adamUpdate, rmspropUpdate, sgdUpdate } from './index.js';

/**
 * Float64 references written from the documented update formulas, one element at a time, and the
 * engine's rules run for three steps on float64 tensors with changing gradients.
 */
const p0 = [0.5, -1.25, 2.0, 0.0];
const grads = [
  [0.1, -0.4, 0.3, 1.0],
  [-0.2, 0.5, 0.1, -1.0],
  [0.05, 0.05, -0.6, 0.25],
];

function runEngine(step: (p: ReturnType<typeof tensor>, g: ReturnType<typeof tensor>, s: object) => void): number[] {
  const p = tensor(p0, { dtype: 'float64', requiresGrad: true });
  const state = {};
  for (const g of grads) step(p, tensor(g, { dtype: 'float64' }), state);
  return Array.from(p.dataSync() as Float64Array);
}

function runRef(step: (p: number, g: number, s: Record<string, number>, t: number) => number): number[] {
  return p0.map((x, i) => {
    const s: Record<string, number> = {};
    let p = x;
    grads.forEach((g, k) => (p = step(p, g[i]!, s, k + 1)));
    return p;
  });
}

function close(a: number[], b: number[]): void {
  a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 12));
}

describe('sgdUpdate', () => {
  it.each([
    { lr: 0.1 },
    { lr: 0.1, momentum: 0.9 },
    { lr: 0.05, momentum: 0.9, dampening: 0.3, weightDecay: 0.01 },
    { lr: 0.05, momentum: 0.8, nesterov: true, maximize: true },
  ])('matches PyTorch SGD for %o', (o) => {
    const mu = o.momentum ?? 0, tau = o.dampening ?? 0, wd = o.weightDecay ?? 0;
    const ref = runRef((p, g0, s) => {
      let g = (o.maximize ? -g0 : g0) + wd * p;
      if (mu !== 0) {
        s.b = s.b === undefined ? g : mu * s.b + (1 - tau) * g;
        g = o.nesterov ? g + mu * s.b : s.b;
      }
      return p - o.lr * g;
    });
    close(runEngine((p, g, s) => sgdUpdate(p, g, s, o)), ref);
  });
});

describe('adamUpdate', () => {
  it.each([
    { lr: 0.01 },
    { lr: 0.01, weightDecay: 0.1 },
    { lr: 0.01, weightDecay: 0.1, decoupledWeightDecay: true, amsgrad: true },
    { lr: 0.02, beta1: 0.8, beta2: 0.9, eps: 1e-3, epsForm: 'hat' as const, maximize: true },
  ])('matches the documented rule for %o', (o) => {
    const b1 = o.beta1 ?? 0.9, b2 = o.beta2 ?? 0.999, eps = o.eps ?? 1e-8, wd = o.weightDecay ?? 0;
    const ref = runRef((p, g0, s, t) => {
      let g = o.maximize ? -g0 : g0;
      if (o.decoupledWeightDecay) p *= 1 - o.lr * wd;
      else g += wd * p;
      s.m = b1 * (s.m ?? 0) + (1 - b1) * g;
      s.v = b2 * (s.v ?? 0) + (1 - b2) * g * g;
      s.vmax = Math.max(s.vmax ?? 0, s.v);
      const v = o.amsgrad ? s.vmax : s.v;
      const bc1 = 1 - b1 ** t, bc2 = 1 - b2 ** t;
      if (o.epsForm === 'hat') return p - ((o.lr * Math.sqrt(bc2)) / bc1) * (s.m / (Math.sqrt(v) + eps));
      return p - (o.lr / bc1) * (s.m / (Math.sqrt(v) / Math.sqrt(bc2) + eps));
    });
    close(runEngine((p, g, s) => adamUpdate(p, g, s, o)), ref);
  });
});

describe('rmspropUpdate', () => {
  it.each([
    { lr: 0.01 },
    { lr: 0.01, momentum: 0.9, centered: true, weightDecay: 0.05 },
    { lr: 0.01, alpha: 0.9, eps: 1e-4, epsInsideSqrt: true },
  ])('matches the documented rule for %o', (o) => {
    const a = o.alpha ?? 0.99, eps = o.eps ?? 1e-8, wd = o.weightDecay ?? 0, mu = o.momentum ?? 0;
    const ref = runRef((p, g0, s) => {
      const g = g0 + wd * p;
      s.s = a * (s.s ?? 0) + (1 - a) * g * g;
      s.a = a * (s.a ?? 0) + (1 - a) * g;
      const r = o.centered ? s.s - s.a * s.a : s.s;
      const q = o.epsInsideSqrt ? Math.sqrt(r + eps) : Math.sqrt(r) + eps;
      if (mu > 0) {
        s.b = mu * (s.b ?? 0) + g / q;
        return p - o.lr * s.b;
      }
      return p - (o.lr * g) / q;
    });
    close(runEngine((p, g, s) => rmspropUpdate(p, g, s, o)), ref);
  });
});

describe('adagradUpdate', () => {
  it.each([
    { lr: 0.1 },
    { lr: 0.1, lrDecay: 0.5, initialAccumulatorValue: 0.2, weightDecay: 0.01 },
    { lr: 0.1, eps: 1e-7, epsInsideSqrt: true },
  ])('matches the documented rule for %o', (o) => {
    const eps = o.eps ?? 1e-10, wd = o.weightDecay ?? 0, decay = o.lrDecay ?? 0;
    const ref = runRef((p, g0, s, t) => {
      const g = g0 + wd * p;
      s.h = (s.h ?? o.initialAccumulatorValue ?? 0) + g * g;
      const q = o.epsInsideSqrt ? Math.sqrt(s.h + eps) : Math.sqrt(s.h) + eps;
      return p - ((o.lr / (1 + (t - 1) * decay)) * g) / q;
    });
    close(runEngine((p, g, s) => adagradUpdate(p, g, s, o)), ref);
  });
});

describe('update rules', () => {
  it('reject a gradient of another shape', () => {
    const p = tensor([1, 2]);
    expect(() => sgdUpdate(p, tensor([1, 2, 3]), {}, { lr: 1 })).toThrow(
      'sgdUpdate: gradient shape [3] does not match parameter shape [2]',
    );
  });
  it('keep a float32 parameter float32 and leave it a leaf', () => {
    const p = tensor([1, 2], { requiresGrad: true });
    adamUpdate(p, tensor([0.5, -0.5]), {}, { lr: 0.1 });
    expect(p.dtype).toBe('float32');
    expect(p.isLeaf).toBe(true);
    expect(Array.from(p.dataSync() as Float32Array)).toEqual([Math.fround(0.9), Math.fround(2.1)]);
  });
});
