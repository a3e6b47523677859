import * as vm from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OP, V, f32x4Const, kernelModule, simd } from './encoding.js';

/**
 * Issue 13, defect 10: the wasm backend set `--expose-gc` (and two more V8 flags) for the whole
 * process, after which every new `vm` context had a `gc` global. The flags are now on only while
 * the backend creates its private context / compiles its relaxed-SIMD module.
 */

/** A relaxed-SIMD module that no one compiled before (V8 caches compiled bytes). */
function compilesRelaxed(salt: number): boolean {
  const zero = f32x4Const(0);
  const code = [...zero, ...zero, ...zero, ...simd(V.f32x4_relaxed_madd), OP.drop, ...Array.from({ length: salt }, () => [OP.i32_const, 0, OP.drop]).flat()];
  try {
    new WebAssembly.Module(kernelModule([], [], { locals: [], code }));
    return true;
  } catch {
    return false;
  }
}

/** What a context created now sees. */
const fresh = () => ({
  gc: vm.runInContext('typeof gc', vm.createContext()),
  cleanupSome: vm.runInNewContext('typeof FinalizationRegistry.prototype.cleanupSome'),
});

/** A wasm backend from freshly loaded modules, after a kernel, a float32 matmul and a reclaim. */
async function startBackend() {
  vi.resetModules();
  const core = await import('../../index.js');
  const { WasmBackend } = await import('./index.js');
  const { relaxedMadd } = await import('./relaxed.js');
  core.registerBackend('wasm-flags', () => new WasmBackend());
  const result = core.withBackend('wasm-flags', () => {
    const be = core.getBackend() as InstanceType<typeof WasmBackend>;
    const x = core.randn([64, 48]);
    const y = core.randn([48, 40]);
    const got = Array.from(x.matmul(y).dataSync() as Float32Array);
    const a = Array.from(x.dataSync() as Float32Array);
    const b = Array.from(y.dataSync() as Float32Array);
    const err = got.reduce((m, v, ij) => {
      let s = 0;
      for (let p = 0; p < 48; p++) s += a[Math.floor(ij / 40) * 48 + p]! * b[p * 40 + (ij % 40)]!;
      return Math.max(m, Math.abs(v - s));
    }, 0);
    const synchronous = (be as unknown as { collector: { synchronous: boolean; collect(): void } }).collector;
    synchronous.collect();
    return { err, synchronous: synchronous.synchronous };
  });
  return { ...result, relaxed: relaxedMadd() };
}

const NODE_MAJOR = Number(process.versions.node.split('.')[0]);

afterEach(() => {
  delete process.env.ROSETTA_NO_V8_FLAGS;
});

describe('V8 flags of the wasm backend (issue 13, defect 10)', () => {
  it('a context created after the backend started has no gc and no cleanupSome; the backend keeps its own', async () => {
    const needsFlag = !compilesRelaxed(1);
    const r = await startBackend();
    expect(fresh()).toEqual({ gc: 'undefined', cleanupSome: 'undefined' });
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe('undefined');
    // The private context still has both: reclaiming stays synchronous in Node.
    expect(r.synchronous).toBe(true);
    // Relaxed SIMD: the matmul uses it (Node 20 through the flag), and it is off again afterwards.
    expect(r.relaxed).toBe(true);
    expect(compilesRelaxed(2)).toBe(!needsFlag);
    if (NODE_MAJOR === 20) expect(needsFlag).toBe(true);
    expect(r.err).toBeLessThan(1e-4);
  });

  it('ROSETTA_NO_V8_FLAGS=1: no flag is touched; buffers are freed on the event-loop path and matmul uses mul+add where relaxed SIMD needs a flag', async () => {
    process.env.ROSETTA_NO_V8_FLAGS = '1';
    const native = compilesRelaxed(3);
    const r = await startBackend();
    expect(fresh()).toEqual({ gc: 'undefined', cleanupSome: 'undefined' });
    expect(r.synchronous).toBe(false);
    expect(r.relaxed).toBe(native);
    expect(r.err).toBeLessThan(1e-4);
  });
});
