import type { Backend, DeviceBuffer } from '../backend.js';
import { allocStorage, type DType, type TypedArray } from '../../dtype.js';
import type { Kernel } from '../../ir/kernel.js';
import type { GatherSpec, MatmulSpec } from '../../ir/special.js';
import { gatherHost, scatterAddHost } from '../cpu/index-kernels.js';
import { matmulHost } from '../cpu/matmul.js';
import { HOST_FUNCTIONS, elemShift, kernelWasm } from './codegen.js';
import { BufferCollector } from './collector.js';
import { WasmMatmul } from './matmul.js';
import { WasmMemory } from './memory.js';
import { POOL_BASE, POOL_BYTES, writeConstPool } from './vmath.js';

/** A buffer in wasm memory: its byte address and reserved bytes. */
export interface WasmBuffer extends DeviceBuffer {
  readonly addr: number;
  readonly bytes: number;
}

type RunFn = (...bases: number[]) => void;

/**
 * The wasm backend: each kernel becomes a WebAssembly module generated from the kernel IR by the
 * in-tree assembler (cached by the IR's structural key) over one shared memory. Buffers are freed
 * by `dispose()` and when their tensors are garbage-collected (`BufferCollector`).
 * Float32 matmul is the SIMD kernel of `matmul.ts`; gather/scatter-add and other matmuls run the
 * shared host routines on views of the wasm memory.
 * NOTE: one thread; splitting kernels across workers over a shared memory is not done yet.
 */
export class WasmBackend implements Backend {
  readonly name = 'wasm';
  readonly syncRead = true;
  private readonly collector = new BufferCollector(([addr, bytes]) => this.mem.release(addr, bytes));
  readonly mem = new WasmMemory(() => this.collector.collect(), POOL_BASE + POOL_BYTES);
  private readonly cache = new Map<string, RunFn>();
  private readonly matmulF32 = new WasmMatmul(this.mem);
  private readonly imports: WebAssembly.Imports;

  constructor() {
    const lib: Record<string, (...a: number[]) => number> = {
      exp: Math.exp, log: Math.log, sin: Math.sin, cos: Math.cos, tanh: Math.tanh, log1p: Math.log1p,
      expm1: Math.expm1, pow: Math.pow,
    };
    this.imports = { env: { mem: this.mem.memory, ...Object.fromEntries(HOST_FUNCTIONS.map((f) => [f.name, lib[f.name]!])) } };
  }

  private buffer(dtype: DType, size: number): WasmBuffer {
    const bytes = WasmMemory.bytes(dtype, size);
    const addr = this.mem.alloc(bytes);
    const buf: WasmBuffer = { backend: this, dtype, size, addr, bytes };
    this.collector.register(buf, [addr, bytes]);
    return buf;
  }

  /** Frees a buffer now (`tensor.dispose()`); the collector forgets it. */
  dispose(buf: DeviceBuffer): void {
    const b = buf as WasmBuffer;
    this.collector.unregister(b);
    this.mem.release(b.addr, b.bytes);
  }

  private view(buf: DeviceBuffer): TypedArray {
    const b = buf as WasmBuffer;
    return this.mem.view(b.dtype, b.addr, b.size);
  }

  upload(data: TypedArray, dtype: DType): WasmBuffer {
    const buf = this.buffer(dtype, data.length);
    this.view(buf).set(data as never);
    return buf;
  }

  alloc(dtype: DType, size: number): WasmBuffer {
    const buf = this.buffer(dtype, size);
    this.view(buf).fill(0 as never);
    return buf;
  }

  readSync(buf: DeviceBuffer): TypedArray {
    const out = allocStorage(buf.dtype, buf.size);
    out.set(this.view(buf) as never);
    return out;
  }

  read(buf: DeviceBuffer): Promise<TypedArray> {
    return Promise.resolve(this.readSync(buf));
  }

  run(kernel: Kernel, inputs: readonly DeviceBuffer[], offsets: readonly number[], out: DeviceBuffer): boolean {
    let fn = this.cache.get(kernel.key);
    const fresh = fn === undefined;
    if (fn === undefined) {
      const instance = new WebAssembly.Instance(new WebAssembly.Module(kernelWasm(kernel)), this.imports);
      fn = instance.exports.run as RunFn;
      this.cache.set(kernel.key, fn);
      writeConstPool(this.mem.memory.buffer);
    }
    const bases = inputs.map((b, i) => ((b as WasmBuffer).addr >> elemShift(b.dtype)) + offsets[i]!);
    const o = out as WasmBuffer;
    fn(...bases, o.addr >> elemShift(o.dtype));
    return fresh;
  }

  /** Float32: the SIMD kernel (`WasmMatmul`); other dtypes: the shared host routine (float64 accumulation). */
  matmul(spec: MatmulSpec, a: DeviceBuffer, b: DeviceBuffer, out: DeviceBuffer): void {
    if (a.dtype === 'float32' && b.dtype === 'float32' && out.dtype === 'float32') {
      this.matmulF32.matmul(spec, (a as WasmBuffer).addr, (b as WasmBuffer).addr, (out as WasmBuffer).addr);
    } else {
      matmulHost(spec, this.view(a), this.view(b), this.view(out));
    }
  }

  gather(spec: GatherSpec, src: DeviceBuffer, index: DeviceBuffer, out: DeviceBuffer): void {
    gatherHost(spec, this.view(src), this.view(index), this.view(out));
  }

  scatterAdd(spec: GatherSpec, index: DeviceBuffer, src: DeviceBuffer, out: DeviceBuffer): void {
    scatterAddHost(spec, this.view(index), this.view(src), this.view(out));
  }
}
