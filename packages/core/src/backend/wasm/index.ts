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
import { splitRange } from './split.js';
import { WorkerPool, getNumThreads, type WasmFunction } from './threads.js';
import { POOL_BASE, POOL_BYTES, writeConstPool } from './vmath.js';

/** A buffer in wasm memory: its byte address and reserved bytes. */
export interface WasmBuffer extends DeviceBuffer {
  readonly addr: number;
  readonly bytes: number;
}

/** A compiled module: its id (the same on every thread) and this thread's `run`. */
export interface Compiled {
  readonly id: number;
  readonly fn: WasmFunction;
}

/** Kernels with fewer loop iterations than this run on one thread (a job costs ~0.1–0.4 ms). */
const PARALLEL_MIN = 1 << 18;

/** Folds the threads' partial results of a reduction as the kernels do (NaN propagates through max/min). */
function combine(op: 'sum' | 'max' | 'min', parts: Float64Array): number {
  let acc = parts[0]!;
  for (let t = 1; t < parts.length; t++) {
    const p = parts[t]!;
    if (op === 'sum') acc += p;
    else if ((op === 'max' ? p > acc : p < acc) || p !== p) acc = p;
  }
  return acc;
}

/**
 * The wasm backend: each kernel becomes a WebAssembly module generated from the kernel IR by the
 * in-tree assembler (cached by the IR's structural key) over one memory. Buffers are freed
 * by `dispose()` and when their tensors are garbage-collected (`BufferCollector`).
 * Float32 matmul is the SIMD kernel of `matmul.ts`; gather/scatter-add and other matmuls run the
 * shared host routines on views of the wasm memory.
 * With `setNumThreads(n > 1)` (Node), kernels of at least `PARALLEL_MIN` iterations split their
 * outermost loop across a `WorkerPool` over the shared memory; a full reduction runs one partial
 * accumulator per thread, folded in thread order, then the epilogue. Float32 matmuls split by rows.
 */
export class WasmBackend implements Backend {
  readonly name = 'wasm';
  readonly syncRead = true;
  private readonly collector = new BufferCollector(([addr, bytes]) => this.mem.release(addr, bytes));
  readonly mem = new WasmMemory(() => this.collector.collect(), POOL_BASE + POOL_BYTES);
  private readonly cache = new Map<string, Compiled>();
  private readonly modules: WebAssembly.Module[] = [];
  private pool: WorkerPool | null = null;
  /** Per-thread float64 slots for partial reductions: byte address and count. */
  private partials = { addr: 0, n: 0 };
  private readonly matmulF32 = new WasmMatmul(this.mem, (bytes) => this.compile(bytes), () => this.threads());
  private readonly imports: WebAssembly.Imports;

  constructor() {
    const lib: Record<string, (...a: number[]) => number> = {
      exp: Math.exp, log: Math.log, sin: Math.sin, cos: Math.cos, tanh: Math.tanh, log1p: Math.log1p,
      expm1: Math.expm1, pow: Math.pow,
    };
    this.imports = { env: { mem: this.mem.memory, ...Object.fromEntries(HOST_FUNCTIONS.map((f) => [f.name, lib[f.name]!])) } };
  }

  /** Compiles and instantiates module bytes here; the workers get the module too. */
  private compile(bytes: Uint8Array): Compiled {
    const module = new WebAssembly.Module(bytes);
    const fn = new WebAssembly.Instance(module, this.imports).exports.run as WasmFunction;
    const id = this.modules.push(module) - 1;
    this.pool?.register(id, module);
    return { id, fn };
  }

  /** The worker pool for the current `getNumThreads()`, or null for one thread. */
  private threads(): WorkerPool | null {
    const n = this.mem.shared ? getNumThreads() : 1;
    if ((this.pool?.size ?? 1) !== n) {
      this.pool?.terminate();
      this.pool = n > 1 ? new WorkerPool(n, this.mem.memory, this.modules, HOST_FUNCTIONS.map((f) => f.name)) : null;
    }
    return this.pool;
  }

  /** Element index (float64) of `n` partial-result slots. */
  private partialSlots(n: number): number {
    if (this.partials.n < n) this.partials = { addr: this.mem.alloc(8 * n), n };
    return this.partials.addr / 8;
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

  /** No fill: kernels write every element of their output. */
  empty(dtype: DType, size: number): WasmBuffer {
    return this.buffer(dtype, size);
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
    let c = this.cache.get(kernel.key);
    const fresh = c === undefined;
    if (c === undefined) {
      c = this.compile(kernelWasm(kernel, this.mem.shared));
      this.cache.set(kernel.key, c);
      writeConstPool(this.mem.memory.buffer);
    }
    const bases = inputs.map((b, i) => ((b as WasmBuffer).addr >> elemShift(b.dtype)) + offsets[i]!);
    const o = (out as WasmBuffer).addr >> elemShift(out.dtype);
    const op = kernel.reduceOp;
    const init = op === null || op === 'sum' ? 0 : op === 'max' ? -Infinity : Infinity;
    const rows = kernel.loops[0] ?? 1;
    const pool = this.threads();
    if (!pool || rows < pool.size || kernel.loops.reduce((a, b) => a * b, 1) < PARALLEL_MIN) {
      c.fn(...bases, o, 0, rows, 0, init);
    } else if (op !== null && kernel.nReduce === kernel.loops.length) {
      const slots = this.partialSlots(pool.size);
      pool.run(c.id, c.fn, splitRange(rows, pool.size).map(([lo, hi], t) => [...bases, slots + t, lo, hi, 1, init]));
      const parts = new Float64Array(this.mem.memory.buffer, slots * 8, pool.size);
      c.fn(...bases, o, 0, 0, 0, combine(op, parts));
    } else {
      pool.run(c.id, c.fn, splitRange(rows, pool.size).map(([lo, hi]) => [...bases, o, lo, hi, 0, init]));
    }
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
