import type { Backend, DeviceBuffer } from '../backend.js';
import { BackendError } from '../../errors.js';
import { trackAlloc } from '../../memory/arena.js';
import type { MemoryStats } from '../../memory/stats.js';
import { allocStorage, type DType, type TypedArray } from '../../dtype.js';
import { foldReduce, reduceIdentity, type Kernel } from '../../ir/kernel.js';
import type { GatherSpec, MatmulSpec } from '../../ir/special.js';
import { gatherHost, scatterAddHost } from '../cpu/index-kernels.js';
import { matmulHost } from '../cpu/matmul.js';
import { HOST_FUNCTIONS, elemShift, kernelWasm } from './codegen.js';
import { BufferCollector, type Block } from './collector.js';
import { WasmMatmul } from './matmul.js';
import { WasmMemory } from './memory.js';
import { splitRange } from './split.js';
import { WorkerPool, getNumThreads, type WasmFunction } from './threads.js';
import { POOL_BASE, POOL_BYTES, writeConstPool } from './vmath.js';

/**
 * A buffer of the wasm backend: a block of wasm memory (its byte address, and the block for the
 * collector and `dispose()`), or, when small, a host array (`host`) staged per call.
 */
export interface WasmBuffer extends DeviceBuffer {
  readonly addr: number;
  readonly block: Block | null;
  readonly host: TypedArray | null;
}

/**
 * Buffers of at most this many bytes live in host memory and are copied into a staging area of
 * the wasm memory for each kernel call (and the output back). NOTE: so small tensors cost no
 * FinalizationRegistry entry: registering one is ~0.6 µs, more than the rest of a warm op.
 */
const SMALL_BYTES = 1024;

/** A read of a buffer whose block went back to the allocator (its memory may hold other data now). */
function freed(): BackendError {
  return new BackendError('a tensor was used after dispose(): its memory was freed');
}

/** Matmuls with fewer multiply-adds (per batch entry) run the host routine. */
const SMALL_MATMUL = 4096;

/** A compiled module: its id (the same on every thread) and this thread's `run`. */
export interface Compiled {
  readonly id: number;
  readonly fn: WasmFunction;
}

/** Kernels with fewer loop iterations than this run on one thread (a job costs ~0.1–0.4 ms). */
const PARALLEL_MIN = 1 << 18;

/**
 * The wasm backend: each kernel becomes a WebAssembly module generated from the kernel IR by the
 * in-tree assembler (cached by the IR's structural key) over one memory. Buffers are freed
 * by `dispose()` and when their tensors are garbage-collected (`BufferCollector`).
 * Float32 matmul is the SIMD kernel of `matmul.ts`; gather/scatter-add and other matmuls run the
 * shared host routines on views of the wasm memory.
 * With `setNumThreads(n > 1)` (Node, or a cross-origin-isolated page), kernels of at least
 * `PARALLEL_MIN` iterations split their outermost loop across a `WorkerPool` over the shared
 * memory; a full reduction runs one partial accumulator per thread, folded in thread order, then
 * the epilogue. Float32 matmuls split by rows.
 */
export class WasmBackend implements Backend {
  readonly name = 'wasm';
  readonly syncRead = true;
  private readonly collector = new BufferCollector((addr, bytes) => this.releaseBlock(addr, bytes));
  /** Live blocks (`memoryStats`). */
  private readonly live = { buffers: 0, bytes: 0 };
  readonly mem = new WasmMemory(() => this.collector.collect(), POOL_BASE + POOL_BYTES);
  private readonly cache = new Map<string, Compiled>();
  private readonly modules: WebAssembly.Module[] = [];
  private pool: WorkerPool | null = null;
  /** Per-thread float64 slots for partial reductions: byte address and count. */
  private partials = { addr: 0, n: 0 };
  /** The staging area for small buffers: byte address and size. */
  private staging = { addr: 0, bytes: 0 };
  /** Reused per call: staged addresses, and a kernel's arguments. */
  private readonly addrs: number[] = [];
  private readonly args: number[] = [];
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

  /** A small buffer: `host` itself. */
  private hostBuffer(dtype: DType, host: TypedArray): WasmBuffer {
    const buf: WasmBuffer = { backend: this, dtype, size: host.length, addr: -1, block: null, host };
    trackAlloc(buf);
    return buf;
  }

  /** A buffer of `size` elements: in wasm memory (contents unspecified), or a zeroed host array when small. */
  private buffer(dtype: DType, size: number): WasmBuffer {
    const bytes = WasmMemory.bytes(dtype, size);
    if (bytes <= SMALL_BYTES) return this.hostBuffer(dtype, allocStorage(dtype, size));
    const addr = this.mem.alloc(bytes);
    const block: Block = { addr, bytes, freed: false };
    const buf: WasmBuffer = { backend: this, dtype, size, addr, block, host: null };
    this.collector.register(buf, block);
    this.live.buffers++;
    this.live.bytes += bytes;
    trackAlloc(buf);
    return buf;
  }

  /** Returns a block to the allocator (freed by hand or collected). */
  private releaseBlock(addr: number, bytes: number): void {
    this.live.buffers--;
    this.live.bytes -= bytes;
    this.mem.release(addr, bytes);
  }

  /** Frees a buffer now (`tensor.dispose()`, scopes); the collector skips it later. */
  dispose(buf: DeviceBuffer): void {
    const { block } = buf as WasmBuffer;
    if (block) this.collector.free(block);
  }

  /** Blocks of wasm memory; small buffers are JS arrays. */
  holdsMemory(buf: DeviceBuffer): boolean {
    return (buf as WasmBuffer).block !== null;
  }

  memoryStats(): MemoryStats {
    return { ...this.live, reserved: this.mem.reserved, memory: this.mem.memory.buffer.byteLength };
  }

  private view(buf: DeviceBuffer): TypedArray {
    const b = buf as WasmBuffer;
    if (b.disposed) throw freed();
    return b.host ?? this.mem.view(b.dtype, b.addr, b.size);
  }

  /** Small data is kept as it is (as the cpu backend does); larger data is copied into wasm memory. */
  upload(data: TypedArray, dtype: DType): WasmBuffer {
    if (WasmMemory.bytes(dtype, data.length) <= SMALL_BYTES) return this.hostBuffer(dtype, data);
    const buf = this.buffer(dtype, data.length);
    this.view(buf).set(data as never);
    return buf;
  }

  alloc(dtype: DType, size: number): WasmBuffer {
    const buf = this.buffer(dtype, size);
    if (!buf.host) this.view(buf).fill(0 as never);
    return buf;
  }

  /** No fill: kernels write every element of their output. */
  empty(dtype: DType, size: number): WasmBuffer {
    return this.buffer(dtype, size);
  }

  /**
   * Byte addresses of `inputs` and then `out` for one call: a wasm buffer's own; a small buffer's
   * place in the staging area (inputs copied in; the output is copied back by `unstage`).
   */
  private stage(inputs: readonly DeviceBuffer[], out: DeviceBuffer): number[] {
    const n = inputs.length;
    let need = 0;
    for (let i = 0; i <= n; i++) {
      const b = i < n ? inputs[i]! : out;
      if ((b as WasmBuffer).host) need += WasmMemory.bytes(b.dtype, b.size);
    }
    if (need > this.staging.bytes) {
      if (this.staging.bytes) this.mem.release(this.staging.addr, this.staging.bytes);
      const bytes = Math.max(need, 4 * SMALL_BYTES);
      this.staging = { addr: this.mem.alloc(bytes), bytes };
    }
    let at = this.staging.addr;
    const addrs = this.addrs;
    addrs.length = n + 1;
    for (let i = 0; i <= n; i++) {
      const b = (i < n ? inputs[i] : out) as WasmBuffer;
      if (b.disposed) throw freed();
      if (!b.host) {
        addrs[i] = b.addr;
        continue;
      }
      addrs[i] = at;
      if (i < n) this.mem.copyIn(b.dtype, at, b.host);
      at += WasmMemory.bytes(b.dtype, b.size);
    }
    return addrs;
  }

  /** Copies a small output back from its staging address. */
  private unstage(buf: DeviceBuffer, addr: number): void {
    const b = buf as WasmBuffer;
    if (b.host) this.mem.copyOut(b.dtype, addr, b.host);
  }

  /** A copy in host memory (`slice` of a view of the wasm memory: a new, unshared array). */
  readSync(buf: DeviceBuffer): TypedArray {
    return this.view(buf).slice();
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
    const n = inputs.length;
    const addrs = this.stage(inputs, out);
    const args = this.args;
    args.length = n + 5;
    for (let i = 0; i < n; i++) args[i] = (addrs[i]! >> elemShift(inputs[i]!.dtype)) + offsets[i]!;
    const o = addrs[n]! >> elemShift(out.dtype);
    const op = kernel.reduceOp;
    const init = op === null ? 0 : reduceIdentity(op);
    const rows = kernel.loops[0] ?? 1;
    const pool = this.threads();
    if (!pool || rows < pool.size || kernel.loops.reduce((a, b) => a * b, 1) < PARALLEL_MIN) {
      args[n] = o;
      args[n + 1] = 0;
      args[n + 2] = rows;
      args[n + 3] = 0;
      args[n + 4] = init;
      c.fn.apply(undefined, args);
    } else if (op !== null && kernel.nReduce === kernel.loops.length) {
      const bases = args.slice(0, n);
      const slots = this.partialSlots(pool.size);
      pool.run(c.id, c.fn, splitRange(rows, pool.size).map(([lo, hi], t) => [...bases, slots + t, lo, hi, 1, init]));
      const parts = new Float64Array(this.mem.memory.buffer, slots * 8, pool.size);
      c.fn(...bases, o, 0, 0, 0, parts.reduce((acc, v) => foldReduce(op, acc, v)));
    } else {
      const bases = args.slice(0, n);
      pool.run(c.id, c.fn, splitRange(rows, pool.size).map(([lo, hi]) => [...bases, o, lo, hi, 0, init]));
    }
    this.unstage(out, addrs[n]!);
    return fresh;
  }

  /**
   * Float32: the SIMD kernel (`WasmMatmul`); other dtypes, and products too small to pay for
   * packing B (under `SMALL_MATMUL` multiply-adds): the shared host routine (float64 accumulation).
   */
  matmul(spec: MatmulSpec, a: DeviceBuffer, b: DeviceBuffer, out: DeviceBuffer): void {
    if (a.dtype === 'float32' && b.dtype === 'float32' && out.dtype === 'float32' && spec.m * spec.n * spec.k >= SMALL_MATMUL) {
      const [pa, pb, po] = this.stage([a, b], out);
      this.matmulF32.matmul(spec, pa!, pb!, po!);
      this.unstage(out, po!);
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
