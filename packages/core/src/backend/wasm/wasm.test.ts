import { beforeAll, describe, expect, it } from 'vitest';
import { registerBackend, withBackend } from '../registry.js';
import * as core from '../../index.js';
import { WasmBackend } from './index.js';

beforeAll(() => registerBackend('wasm-test', () => new WasmBackend()));

/** Runs `f` on cpu and on the wasm backend (inputs made inside `f` from the same seed) and returns both results. */
function both(f: () => core.Tensor): [unknown, unknown] {
  core.manualSeed(7);
  const a = withBackend('cpu', () => f().tolist());
  core.manualSeed(7);
  const b = withBackend('wasm-test', () => {
    const t = f();
    expect(t.backend.name).toBe('wasm');
    return t.tolist();
  });
  return [a, b];
}

const close = ([a, b]: [unknown, unknown], tol = 1e-6) => {
  const fa = [a].flat(Infinity) as number[];
  const fb = [b].flat(Infinity) as number[];
  expect(fb.length).toBe(fa.length);
  fa.forEach((v, i) => {
    if (Number.isNaN(v)) expect(fb[i]).toBeNaN();
    else expect(Math.abs(fb[i]! - v)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(v)));
  });
};

describe('wasm backend against cpu', () => {
  it('elementwise with broadcasting, transcendental functions and casts', () => {
    close(both(() => core.randn([3, 4]).mul(core.rand([4])).add(1).exp().log1p().sub(core.randn([3, 1]).tanh())));
    close(both(() => core.randn([5]).pow(3).abs().sqrt().sign().neg()));
    close(both(() => core.randn([6]).mul(10).round().cast('int32').cast('float32')));
    close(both(() => core.where(core.randn([2, 3]).gt(0), core.rand([2, 3]), core.maximum(core.randn([2, 3]), 0.1))));
    close(both(() => core.tensor([1, NaN, -2]).maximum(core.tensor([0, 0, NaN]))));
  });
  it('reductions over axes, full reductions with epilogues, int and bool dtypes', () => {
    close(both(() => core.randn([4, 5, 6]).sum([0, 2])));
    close(both(() => core.randn([4, 5, 6]).max(1)));
    close(both(() => core.randn([4, 5]).min(0, true)));
    close(both(() => core.randn([1000]).abs().mean()), 1e-7);
    close(both(() => core.randn([7, 3]).logsumexp(1)));
    close(both(() => core.tensor([3, -1, 4], { dtype: 'int64' }).sum().cast('float64')));
    close(both(() => core.tensor([1, 0, 1]).gt(0.5).logicalNot().cast('float32')));
    close(both(() => core.tensor([1, 2, 3], { dtype: 'int32' }).mul(2)));
  });
  it('any number of distinct constants in SIMD kernels (they are not pooled)', () => {
    withBackend('wasm-test', () => {
      const x = core.tensor([1, 2, 3, 4]);
      for (let i = 0; i < 300; i++) expect(x.mul(i + 0.5).sum().item()).toBe(10 * (i + 0.5));
    });
  });
  it('views: permutes, slices with negative steps, pads (masked reads), concat', () => {
    close(both(() => core.randn([3, 4]).transpose(0, 1).mul(2)));
    close(both(() => core.randn([6]).slice([[null, null, -2]]).add(1)));
    close(both(() => core.randn([2, 3]).pad([1, 0], [2, 1]).exp()));
    close(both(() => core.concat([core.randn([2, 2]), core.rand([3, 2])], 0).mul(3)));
  });
  it('float32 SIMD matmul: row and column remainders, transposed operands, broadcast batches, long K', () => {
    for (const [m, k, n] of [[1, 1, 1], [3, 5, 2], [4, 8, 8], [5, 7, 9], [17, 33, 13], [9, 784, 10], [2, 3, 17]] as const) {
      for (const ta of [false, true]) {
        for (const tb of [false, true]) {
          close(both(() => {
            const a = ta ? core.randn([k, m]).transpose(0, 1) : core.randn([m, k]);
            const b = tb ? core.randn([n, k]).transpose(0, 1) : core.randn([k, n]);
            return a.matmul(b);
          }), 2e-5);
        }
      }
    }
    close(both(() => core.randn([3, 5, 6]).matmul(core.randn([6, 9]))), 1e-6);
    close(both(() => core.randn([2, 1, 4, 3]).matmul(core.randn([3, 3, 5]))), 1e-6);
    close(both(() => core.tensor(new Float32Array(4096).fill(0.1)).matmul(core.tensor(new Float32Array(4096).fill(1)))), 1e-6);
  });
  it('matmul, gather, scatter-add and a loss with its gradient', () => {
    close(both(() => core.randn([3, 5]).matmul(core.randn([5, 2]))), 1e-6);
    close(both(() => core.randn([4, 5]).gather(1, core.tensor([[1], [0], [4], [2]], { dtype: 'int64' }))));
    close(both(() => {
      const x = core.randn([4, 5]).requiresGrad_();
      core.crossEntropyLoss(x, core.tensor([1, 0, 4, 2], { dtype: 'int64' })).backward();
      return x.grad!;
    }));
    close(both(() => {
      const w = core.randn([3, 1]).requiresGrad_();
      core.mseLoss(core.randn([8, 3]).matmul(w), core.randn([8, 1])).backward();
      return w.grad!;
    }));
  });
  it('frees buffers of collected tensors in a synchronous loop: 10,000 training steps keep the memory flat', () => {
    const backend = new WasmBackend();
    registerBackend('wasm-loop', () => backend);
    withBackend('wasm-loop', () => {
      // Every step allocates ~9 KB (activations, gradients, new weights): ~90 MB over the loop without reuse.
      const w = core.zeros([64, 1]).requiresGrad_();
      const x = core.randn([1024, 64]);
      const y = x.matmul(core.randn([64, 1]));
      const step = () => {
        w.grad = null;
        core.mseLoss(x.matmul(w).mul(1), y).backward();
        core.noGrad(() => w.sub_(w.grad!.mul(0.05)));
      };
      for (let i = 0; i < 200; i++) step();
      const before = backend.mem.reserved;
      for (let i = 0; i < 10_000; i++) step();
      expect(backend.mem.reserved).toBeLessThanOrEqual(before + 32 * 1024 * 1024);
      expect(core.mseLoss(x.matmul(w), y).item()).toBeLessThan(1e-6);
    });
  });
  it('dispose() frees the memory now (the next buffer of that size reuses it); a disposed tensor refuses to be read', () => {
    const backend = new WasmBackend();
    registerBackend('wasm-dispose', () => backend);
    withBackend('wasm-dispose', () => {
      const a = core.randn([1000]);
      const addr = (a.lazy.buf as unknown as { addr: number }).addr;
      const b = a.reshape([10, 100]);
      a.dispose();
      a.dispose();
      const c = core.tensor(new Array<number>(1000).fill(1));
      expect((c.lazy.buf as unknown as { addr: number }).addr).toBe(addr);
      expect(() => a.tolist()).toThrow('a tensor was used after dispose(): its memory was freed');
      expect(() => b.add(1).tolist()).toThrow('used after dispose()');
      expect(c.sum().item()).toBe(1000);
    });
    withBackend('cpu', () => {
      const a = core.randn([4]);
      a.dispose();
      expect(() => a.mul(2).tolist()).toThrow('used after dispose()');
    });
  });
});
