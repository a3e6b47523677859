import { describe, expect, it } from 'vitest';
import { manualSeed } from '../random/generator.js';
import { zeros } from '../tensor/create.js';
import {
  calculateFanInAndFanOut, calculateGain, constant_, kaimingNormal_, kaimingUniform_, linearDefaultInit_, normal_, ones_,
  truncNormal_, uniform_, varianceScaling_, xavierNormal_, xavierUniform_,
} from './init.js';

const values = (t: { dataSync(): unknown }) => Array.from(t.dataSync() as Float32Array);
const variance = (v: number[]) => {
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  return v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length;
};

describe('fans and gains (torch.nn.init documentation)', () => {
  it('computes fan_in / fan_out with the receptive field', () => {
    expect(calculateFanInAndFanOut([3, 5])).toEqual({ fanIn: 5, fanOut: 3 });
    expect(calculateFanInAndFanOut([8, 4, 3, 3])).toEqual({ fanIn: 36, fanOut: 72 });
    expect(() => calculateFanInAndFanOut([7])).toThrow('fewer than 2 dimensions (got shape [7])');
  });
  it('gives the documented gains', () => {
    expect(calculateGain('linear')).toBe(1);
    expect(calculateGain('sigmoid')).toBe(1);
    expect(calculateGain('tanh')).toBeCloseTo(5 / 3, 15);
    expect(calculateGain('relu')).toBeCloseTo(Math.sqrt(2), 15);
    expect(calculateGain('leaky_relu')).toBeCloseTo(Math.sqrt(2 / (1 + 0.01 ** 2)), 15);
    expect(calculateGain('leaky_relu', Math.sqrt(5))).toBeCloseTo(Math.sqrt(1 / 3), 15);
    expect(calculateGain('selu')).toBe(0.75);
  });
});

describe('initializers', () => {
  it('uniform_ draws NumPy’s legacy stream after manualSeed (np.random.seed(0); uniform(-1, 1, 3))', () => {
    manualSeed(0);
    const t = uniform_(zeros([3], { dtype: 'float64' }), -1, 1);
    const expected = [0.0976270078546495, 0.43037873274483895, 0.20552675214328775];
    values(t).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 14));
  });
  it('normal_ draws np.random.normal(0, 1, 2) after seed 0', () => {
    manualSeed(0);
    const t = normal_(zeros([2], { dtype: 'float64' }), 0, 1);
    expect(values(t)[0]).toBeCloseTo(1.764052345967664, 14);
    expect(values(t)[1]).toBeCloseTo(0.4001572083672233, 14);
  });
  it('kaiming_uniform_(a=√5) on a [64, 100] weight stays within 1/√fan_in and has variance bound²/3', () => {
    manualSeed(1);
    const t = kaimingUniform_(zeros([64, 100]), { a: Math.sqrt(5) });
    const v = values(t);
    const bound = 1 / Math.sqrt(100);
    expect(Math.max(...v.map(Math.abs))).toBeLessThanOrEqual(bound);
    expect(Math.max(...v.map(Math.abs))).toBeGreaterThan(0.95 * bound);
    expect(variance(v)).toBeCloseTo(bound ** 2 / 3, 4);
  });
  it('kaiming_normal_ (relu, fan_out) and xavier_normal_ have the documented variances', () => {
    manualSeed(2);
    const k = values(kaimingNormal_(zeros([200, 300]), { mode: 'fan_out', nonlinearity: 'relu' }));
    expect(variance(k) / (2 / 200)).toBeCloseTo(1, 1);
    const x = values(xavierNormal_(zeros([200, 300]), 2));
    expect(variance(x) / ((4 * 2) / 500)).toBeCloseTo(1, 1);
  });
  it('xavier_uniform_ bound is gain·√(6/(fan_in+fan_out)); variance scaling fan_avg matches', () => {
    manualSeed(3);
    const v = values(xavierUniform_(zeros([30, 20]), 1.5));
    const bound = 1.5 * Math.sqrt(6 / 50);
    expect(Math.max(...v.map(Math.abs))).toBeLessThanOrEqual(bound);
    manualSeed(3);
    const w = values(varianceScaling_(zeros([30, 20]), { scale: 2.25, mode: 'fan_avg', distribution: 'uniform' }));
    expect(w).toEqual(v);
  });
  it('trunc_normal_ keeps every value in [a, b]', () => {
    manualSeed(4);
    const v = values(truncNormal_(zeros([5000]), 0, 1, -0.5, 1));
    expect(Math.min(...v)).toBeGreaterThanOrEqual(-0.5);
    expect(Math.max(...v)).toBeLessThanOrEqual(1);
    expect(Math.min(...v)).toBeLessThan(-0.49);
  });
  it('constant_, ones_ fill and leave a leaf that requires grad a leaf', () => {
    const t = zeros([2, 2]).requiresGrad_();
    expect(values(constant_(t, 0.25))).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(values(ones_(t))).toEqual([1, 1, 1, 1]);
    expect(t.isLeaf).toBe(true);
    expect(t.requiresGrad).toBe(true);
  });
});

describe('linearDefaultInit_ (PyTorch nn.Linear / MindSpore nn.Dense)', () => {
  it('draws weight and bias from U(−1/√in, 1/√in)', () => {
    manualSeed(9);
    const w = zeros([400, 16]);
    const b = zeros([50]);
    linearDefaultInit_(w, b);
    for (const v of [...values(w), ...values(b)]) expect(Math.abs(v)).toBeLessThanOrEqual(0.25);
    expect(variance(values(w)) / (0.25 ** 2 / 3)).toBeCloseTo(1, 1);
    expect(Math.max(...values(b).map(Math.abs))).toBeGreaterThan(0.2);
  });
});
