import { beforeEach, describe, expect, it, vi } from 'vitest';

// No synchronous reclaim (a full GC from a private context): memory must stay flat without GC help,
// as in a browser page whose loop does not yield.
vi.hoisted(() => {
  process.env.ROSETTA_NO_V8_FLAGS = '1';
});

import * as core from '../index.js';
import { registerBackend, withBackend } from '../backend/registry.js';
import { WasmBackend } from '../backend/wasm/index.js';

/** Issue 13, defect 11: what the engine frees without the garbage collector. */

const stats = () => core.memoryStats()['wasm-mem']!;
/** Runs `f` on a fresh wasm backend (its own memory and counters). */
function onWasm<T>(f: (be: WasmBackend) => T): T {
  return withBackend('wasm-mem', () => f(core.getBackend() as WasmBackend));
}

beforeEach(async () => {
  registerBackend('wasm-mem', () => new WasmBackend());
  // Let the event loop turn: step windows and scope survivors of the test before are dropped.
  await new Promise((resolve) => setTimeout(resolve, 0));
});

const vals = (t: core.Tensor): number[] => Array.from(t.dataSync() as Float32Array);

/** Values big enough to live in wasm memory (> 1 KiB). */
const big = (n = 1000, salt = 0) => core.tensor(Array.from({ length: n }, (_, i) => ((i * 7 + salt) % 13) - 6));

describe('memoryScope', () => {
  it('runs without GC help (the synchronous reclaim is off in this file)', () => {
    onWasm((be) => expect((be as unknown as { collector: { synchronous: boolean } }).collector.synchronous).toBe(false));
  });

  it('frees what the function made except its result; afterwards a temporary is recomputed from live inputs or throws', () => {
    onWasm(() => {
      const x = big();
      const before = stats().buffers;
      let made!: core.Tensor;
      let derived!: core.Tensor;
      const [kept, lazy] = core.memoryScope(() => {
        made = big(1000, 3);
        derived = x.mul(7);
        derived.dataSync();
        const kept = x.mul(2).add(1);
        kept.dataSync();
        return [kept, kept.exp().sum()];
      });
      // kept's value survives (and lazy, computed from it, can still be read); nothing else made inside.
      expect(stats().buffers).toBe(before + 1);
      expect(() => made.dataSync()).toThrow('used after dispose');
      expect(vals(derived)).toEqual(vals(x).map((v) => 7 * v));
      expect(vals(kept)).toEqual(vals(x).map((v) => 2 * v + 1));
      expect(lazy.item()).toBeCloseTo(vals(x).reduce((a, v) => a + Math.exp(2 * v + 1), 0), -2);
    });
  });

  it('keeps the values written to tensors made before it (parameters, gradients, optimizer state) and frees the replaced ones at the next scope', () => {
    onWasm(() => {
      const w = big(600, 1).requiresGrad_();
      const x = big(600, 2);
      const state = {};
      const step = () =>
        core.memoryScope(() => {
          w.grad = null;
          const loss = w.mul(x).sum().mul(1e-3).add(w.pow(2).mean());
          loss.backward();
          core.sgdUpdate(w, w.peekGrad()!, state, { lr: 0.1, momentum: 0.9 });
          return loss;
        });
      // The same steps outside any scope, on cpu, as the reference.
      const ref = withBackend('cpu', () => {
        const wc = core.tensor(vals(w)).requiresGrad_();
        const xc = core.tensor(vals(x));
        const sc = {};
        const losses: number[] = [];
        for (let i = 0; i < 5; i++) {
          wc.grad = null;
          const loss = wc.mul(xc).sum().mul(1e-3).add(wc.pow(2).mean());
          loss.backward();
          core.sgdUpdate(wc, wc.grad!, sc, { lr: 0.1, momentum: 0.9 });
          losses.push(loss.item());
        }
        return { losses, w: vals(wc) };
      });
      const losses: number[] = [];
      const counts: number[] = [];
      for (let i = 0; i < 5; i++) {
        losses.push(step().item());
        counts.push(stats().buffers);
      }
      losses.forEach((l, i) => expect(l).toBeCloseTo(ref.losses[i]!, 5));
      vals(w).forEach((v, i) => expect(v).toBeCloseTo(ref.w[i]!, 6));
      // Flat from the second step on: x, w's first value (uploaded before any scope, so no scope
      // frees it), its current value, its gradient and the momentum buffer. (The returned loss was
      // computed before the scope ended, so it holds no earlier value of w.)
      expect(counts.slice(1)).toEqual([5, 5, 5, 5]);
    });
  });

  it('recomputes a value made before the scope and first computed inside it', () => {
    onWasm(() => {
      const x = big();
      const lazy = x.mul(3);
      core.memoryScope(() => {
        lazy.dataSync();
      });
      expect(vals(lazy)).toEqual(vals(x).map((v) => 3 * v));
    });
  });

  it('keep() holds state made inside; nested scopes hand their result to the enclosing one', () => {
    onWasm(() => {
      const x = big();
      let state!: core.Tensor;
      const outer = core.memoryScope(() => {
        const inner = core.memoryScope(() => x.add(1).mul(2));
        state = core.keep(x.mul(5));
        state.dataSync();
        return inner.sub(2);
      });
      expect(vals(outer)).toEqual(vals(x).map((v) => 2 * v));
      expect(vals(state)).toEqual(vals(x).map((v) => 5 * v));
    });
  });

  it('refuses an async function', () => {
    expect(() => core.memoryScope(async () => 1)).toThrow('memoryScope: the function returned a Promise');
  });
});

describe('what the engine frees by itself', () => {
  it('backward() frees the buffers it made except the new gradients', () => {
    onWasm(() => {
      const a = big(400, 3).requiresGrad_();
      const b = big(400 * 300, 4).reshape([400, 300]);
      const c = big(300, 5).reshape([300, 1]);
      const h = a.reshape([1, 400]).matmul(b).tanh();
      const loss = h.matmul(c).sum();
      loss.dataSync();
      const before = stats();
      loss.backward();
      const after = stats();
      expect(after.buffers - before.buffers).toBe(1);
      expect(after.bytes - before.bytes).toBe(1600);
    });
  });

  it('a replaced gradient is freed when nothing else holds it; one read through .grad is left alone', () => {
    onWasm(() => {
      const w = big(500, 6).requiresGrad_();
      const x = big(500, 7);
      const loss = () => w.mul(x).sum();
      loss().backward();
      const n1 = stats().buffers;
      loss().backward();
      // The accumulated gradient replaced the first, which was freed.
      expect(stats().buffers).toBe(n1);
      expect(vals(w.peekGrad()!)).toEqual(vals(x).map((v) => 2 * v));
      const held = w.grad!;
      w.grad = null;
      expect(stats().buffers).toBe(n1);
      expect(vals(held)).toEqual(vals(x).map((v) => 2 * v));
      loss().backward();
      w.grad = null;
      expect(stats().buffers).toBe(n1);
    });
  });

  it('intermediates of one realize (a reduction of a reduction over long rows) are freed once its last kernel ran', () => {
    onWasm(() => {
      const x = big(600 * 3, 8).reshape([600, 3]).mul(0.1);
      x.dataSync();
      const before = stats().buffers;
      // Per-row logsumexp (600 values: wasm memory), then its mean: two kernels in one realize.
      const mean = x.exp().sum(1).log().mean();
      const rows = vals(x);
      let want = 0;
      for (let r = 0; r < 600; r++) want += Math.log(Math.exp(rows[3 * r]!) + Math.exp(rows[3 * r + 1]!) + Math.exp(rows[3 * r + 2]!)) / 600;
      expect(mean.item()).toBeCloseTo(want, 5);
      expect(stats().buffers).toBe(before);
    });
  });
});

describe('endStep (training-step windows)', () => {
  it('frees a step two steps later; what the last two steps computed stays readable; flat', () => {
    onWasm(() => {
      const w = big(800, 9).requiresGrad_();
      const x = big(800, 10);
      const state = {};
      const losses: core.Tensor[] = [];
      const counts: number[] = [];
      for (let i = 0; i < 12; i++) {
        w.grad = null;
        const out = w.mul(x).mul(1e-3);
        const loss = out.pow(2).sum();
        loss.backward();
        core.sgdUpdate(w, w.peekGrad()!, state, { lr: 0.1 });
        core.endStep();
        losses.push(out);
        counts.push(stats().buffers);
      }
      expect(losses.at(-1)!.dataSync().length).toBe(800);
      expect(losses.at(-2)!.dataSync().length).toBe(800);
      expect(() => losses.at(-3)!.dataSync()).toThrow('used after dispose');
      expect(new Set(counts.slice(4)).size).toBe(1);
    });
  });

  it('forgetWindows (a new Trainer): what was made since the last step is left to the garbage collector', () => {
    onWasm(() => {
      core.endStep();
      // Uploaded inside a window: freed two steps later unless the windows are dropped.
      const made = big(800, 12);
      core.forgetWindows();
      for (let i = 0; i < 3; i++) core.endStep();
      expect(vals(made)).toEqual(vals(big(800, 12)));
    });
  });

  it('stops holding buffers when the loop stops calling endStep (more tensors than 4 steps made)', () => {
    onWasm(() => {
      const outs: core.Tensor[] = [];
      for (let i = 0; i < 3; i++) {
        core.endStep();
        outs.push(big(800, i));
      }
      // Past the cap the windows are dropped: nothing of the steps above is freed by endStep.
      for (let i = 0; i < (1 << 16) + 10; i++) core.zeros([1]);
      for (let i = 0; i < 3; i++) core.endStep();
      outs.forEach((t, i) => expect(vals(t)).toEqual(vals(big(800, i))));
    });
  });
});

describe('memoryStats', () => {
  it('counts live blocks of wasm memory, their bytes and the memory size', () => {
    onWasm(() => {
      const s0 = stats();
      const t = core.zeros([1000]);
      t.dataSync();
      const s1 = stats();
      expect([s1.buffers - s0.buffers, s1.bytes - s0.bytes]).toEqual([1, 4000]);
      expect(s1.memory).toBeGreaterThanOrEqual(s1.reserved);
      t.dispose();
      expect([stats().buffers, stats().bytes]).toEqual([s0.buffers, s0.bytes]);
    });
  });
});
