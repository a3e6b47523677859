import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registerBackend, withBackend } from '../registry.js';
import * as core from '../../index.js';
import { WasmBackend } from './index.js';
import { splitRange } from './split.js';

beforeAll(() => registerBackend('wasm-threads', () => new WasmBackend()));
afterEach(() => core.setNumThreads(1));

/**
 * `f`'s values on the wasm backend with 1 thread and with `n` threads (same seed, same backend),
 * checking that the n-thread run split work across threads and the 1-thread run did not.
 */
function oneAndMany(n: number, f: () => core.Tensor): [Float64Array, Float64Array] {
  return withBackend('wasm-threads', () => {
    const run = (threads: number) => {
      core.setNumThreads(threads);
      core.manualSeed(3);
      core.resetKernelStats();
      const values = Float64Array.from(f().dataSync() as ArrayLike<number>);
      expect(core.kernelStats().threaded > 0).toBe(threads > 1);
      return values;
    };
    return [run(1), run(n)];
  });
}

/** Expects the same values bit for bit (NaN equal to NaN); the first differing index is reported. */
function sameBits([a, b]: [Float64Array, Float64Array]): void {
  expect(b.length).toBe(a.length);
  expect(a.findIndex((v, i) => !Object.is(v, b[i]))).toBe(-1);
}

const values = (t: core.Tensor) => Array.from(t.dataSync() as ArrayLike<number>);
/** The float64 sum of a tensor's values (an independent reference for a threaded reduction). */
const f64Sum = (t: core.Tensor) => values(t).reduce((a, b) => a + b, 0);

describe('wasm backend on worker threads', () => {
  it('splits ranges into contiguous shares, multiples of the step but the last', () => {
    expect(splitRange(10, 3)).toEqual([[0, 4], [4, 8], [8, 10]]);
    expect(splitRange(10, 2, 4)).toEqual([[0, 8], [8, 10]]);
    expect(splitRange(3, 4, 4)).toEqual([[0, 3], [3, 3], [3, 3], [3, 3]]);
  });

  it('elementwise kernels (vectorised and strided) give the same bits on 2 and 3 threads', () => {
    for (const n of [2, 3]) {
      sameBits(oneAndMany(n, () => core.randn([1001, 517]).exp().mul(core.rand([517])).sub(core.randn([1001, 1]).tanh())));
      sameBits(oneAndMany(n, () => core.randn([700, 900]).transpose(0, 1).log1p()));
    }
  });

  it('reductions over inner axes give the same bits; full reductions fold per-thread partials', () => {
    sameBits(oneAndMany(3, () => core.randn([1001, 300]).abs().sum(1)));
    core.setNumThreads(3);
    withBackend('wasm-threads', () => {
      core.manualSeed(5);
      const x = core.randn([1500, 1000]);
      expect(core.getNumThreads()).toBe(3);
      core.resetKernelStats();
      const s = x.abs().mean().item();
      expect(core.kernelStats().threaded).toBe(1);
      expect(Math.abs(s - f64Sum(x.abs()) / 1.5e6)).toBeLessThan(1e-7);
      expect(x.max().item()).toBe(values(x).reduce((m, v) => Math.max(m, v), -Infinity));
    });
  });

  it('max and min of a full reduction keep NaN and the extreme across threads', () => {
    core.setNumThreads(2);
    withBackend('wasm-threads', () => {
      const v = new Float32Array(1 << 19).map((_, i) => Math.sin(i));
      v[400_000] = 7;
      v[3] = -9;
      const x = core.tensor(v);
      expect(x.max().item()).toBe(7);
      expect(x.min().item()).toBe(-9);
      v[500_000] = NaN;
      expect(core.tensor(v).max().item()).toBeNaN();
      expect(core.tensor(v).min().item()).toBeNaN();
    });
  });

  it('float32 matmul by row bands gives the same bits; a loss and its gradient match one thread', () => {
    sameBits(oneAndMany(2, () => core.randn([258, 300]).matmul(core.randn([300, 203]))));
    sameBits(oneAndMany(2, () => {
      const x = core.randn([1024, 512], { requiresGrad: true });
      core.l1Loss(x, core.randn([1024, 512])).backward();
      return x.grad!;
    }));
  });

  it('setNumThreads rejects what is not a whole number from 1 to 256', () => {
    expect(() => core.setNumThreads(0)).toThrow('setNumThreads: n must be a whole number from 1 to 256, got 0');
    expect(() => core.setNumThreads(1.5)).toThrow('setNumThreads: n must be a whole number from 1 to 256, got 1.5');
  });
});
