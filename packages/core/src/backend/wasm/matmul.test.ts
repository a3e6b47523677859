import { describe, expect, it } from 'vitest';
import { WasmMatmul } from './matmul.js';
import { WasmMemory } from './memory.js';
import { relaxedMadd } from './relaxed.js';

/** A·B (m×k times k×n, row-major float32) by the wasm kernel, with or without the fused multiply-add. */
function wasmMatmul(fma: boolean, a: Float32Array, b: Float32Array, m: number, k: number, n: number): Float32Array {
  const mem = new WasmMemory();
  const compile = (bytes: Uint8Array) => ({ id: 0, fn: new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { mem: mem.memory } }).exports.run as (...x: number[]) => void });
  const mm = new WasmMatmul(mem, compile, () => null, fma);
  const [pa, pb, po] = [mem.alloc(a.byteLength), mem.alloc(b.byteLength), mem.alloc(4 * m * n)];
  new Float32Array(mem.memory.buffer, pa, a.length).set(a);
  new Float32Array(mem.memory.buffer, pb, b.length).set(b);
  const spec = { m, k, n, batch: [], aBatchStrides: [], bBatchStrides: [], aStrides: [k, 1] as [number, number], aOffset: 0, bStrides: [n, 1] as [number, number], bOffset: 0 };
  mm.matmul(spec, pa, pb, po);
  return new Float32Array(mem.memory.buffer, po, m * n).slice();
}

describe('wasm float32 matmul kernel', () => {
  it('with and without relaxed_madd matches a float64 reference (odd sizes: row tail, partial panel, k past a block)', () => {
    const [m, k, n] = [7, 75, 13];
    const a = Float32Array.from({ length: m * k }, (_, i) => Math.sin(i * 0.37));
    const b = Float32Array.from({ length: k * n }, (_, i) => Math.cos(i * 0.11));
    const ref = new Float64Array(m * n);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) for (let p = 0; p < k; p++) ref[i * n + j]! += a[i * k + p]! * b[p * n + j]!;
    const variants = relaxedMadd() ? [false, true] : [false];
    for (const fma of variants) {
      const got = wasmMatmul(fma, a, b, m, k, n);
      got.forEach((g, i) => expect(Math.abs(g - ref[i]!), `fma ${fma} at ${i}`).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(ref[i]!))));
    }
    expect(variants).toContain(true);
  });
});
