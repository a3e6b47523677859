import './wasm-api.js';
/**
 * The wasm backend's memory: one growable `WebAssembly.Memory` used by every kernel module, a
 * bump allocator with per-size free lists (training loops reuse the same sizes), and typed-array
 * views created on demand (growing the memory detaches old views). Before growing by a large
 * step it asks `reclaim` to free collected buffers: once half the reserved bytes (at least
 * `RECLAIM_MIN`) were handed out since the last reclaim, so the cost stays amortized.
 * Every block starts and ends on a multiple of `ALIGN` (16 bytes), whatever size a caller asks for:
 * a float64/int64 view needs a multiple of 8, and v128 loads and stores run fastest on 16.
 */
import { storageView, type DType, type TypedArray } from '../../dtype.js';
import { elemShift } from './codegen.js';
import { MAX_PAGES } from './encoding.js';
import { threadsAvailable } from './threads.js';

const PAGE = 65536;
const ALIGN = 16;
const RECLAIM_MIN = 16 * 1024 * 1024;

export class WasmMemory {
  /** Shared (so worker threads can run kernels on it) wherever threads are available. */
  readonly shared = threadsAvailable();
  readonly memory = new WebAssembly.Memory({ initial: 16, maximum: MAX_PAGES, shared: this.shared });
  private top: number;
  private readonly free = new Map<number, number[]>();
  /** The sizes whose free list is not empty, ascending. */
  private readonly sizes: number[] = [];
  private sinceReclaim = 0;
  /** `memory.buffer`, cached (reading it is a call into V8; only `alloc` grows the memory). */
  private buffer: ArrayBufferLike = this.memory.buffer;
  /** Views of the whole memory per dtype, made on demand for the current buffer. */
  private readonly wholes = new Map<DType, TypedArray>();

  /** `reserved`: bytes at the bottom kept for the kernels' constant pool. */
  constructor(private readonly reclaim: () => void = () => {}, reserved = 0) {
    this.top = roundUp(reserved);
  }

  /** Bytes reserved for `size` elements of `dtype` (rounded up to `ALIGN`). */
  static bytes(dtype: DType, size: number): number {
    return roundUp(size << elemShift(dtype));
  }

  /** A block of at least `size` bytes (rounded up to `ALIGN`, as `release` rounds); its address, a multiple of `ALIGN`. */
  alloc(size: number): number {
    const bytes = roundUp(size);
    this.sinceReclaim += bytes;
    const reuse = this.take(bytes) ?? this.split(bytes);
    if (reuse !== undefined) return reuse;
    if (this.top + bytes > this.buffer.byteLength && this.sinceReclaim >= Math.max(RECLAIM_MIN, this.top / 2)) {
      this.sinceReclaim = 0;
      this.reclaim();
      const freed = this.take(bytes) ?? this.split(bytes);
      if (freed !== undefined) return freed;
    }
    const addr = this.top;
    this.top += bytes;
    const need = this.top - this.buffer.byteLength;
    if (need > 0) {
      this.memory.grow(Math.ceil(need / PAGE));
      this.buffer = this.memory.buffer;
      this.wholes.clear();
    }
    return addr;
  }

  /** A free block of exactly `bytes`, if any. */
  private take(bytes: number): number | undefined {
    const list = this.free.get(bytes);
    if (!list?.length) return undefined;
    const addr = list.pop()!;
    if (!list.length) this.sizes.splice(lowerBound(this.sizes, bytes), 1);
    return addr;
  }

  /**
   * The front of the smallest larger free block, the rest going back to the free lists: memory
   * already touched serves other sizes before the top grows into memory never touched.
   */
  private split(bytes: number): number | undefined {
    const i = lowerBound(this.sizes, bytes + ALIGN);
    if (i === this.sizes.length) return undefined;
    const size = this.sizes[i]!;
    const addr = this.take(size)!;
    this.release(addr + bytes, size - bytes);
    return addr;
  }

  /** Returns a block of `alloc(size)` to its size's free list. */
  release(addr: number, size: number): void {
    const bytes = roundUp(size);
    let list = this.free.get(bytes);
    if (!list) this.free.set(bytes, (list = []));
    if (!list.length) this.sizes.splice(lowerBound(this.sizes, bytes), 0, bytes);
    list.push(addr);
  }

  /** A view of `size` elements of `dtype` at `addr` (valid until the memory grows). */
  view(dtype: DType, addr: number, size: number): TypedArray {
    return storageView(dtype, this.buffer, addr, size);
  }

  private whole(dtype: DType): TypedArray {
    let w = this.wholes.get(dtype);
    if (!w) this.wholes.set(dtype, (w = storageView(dtype, this.buffer, 0, this.buffer.byteLength >> elemShift(dtype))));
    return w;
  }

  /** Copies host storage of `dtype` into the memory at byte address `addr`. */
  copyIn(dtype: DType, addr: number, src: TypedArray): void {
    this.whole(dtype).set(src as never, addr >> elemShift(dtype));
  }

  /** Copies from the memory at byte address `addr` into host storage of `dtype` (small blocks). */
  copyOut(dtype: DType, addr: number, dst: TypedArray): void {
    const w = this.whole(dtype);
    const base = addr >> elemShift(dtype);
    for (let i = 0; i < dst.length; i++) dst[i] = w[base + i]!;
  }

  /** Bytes currently reserved from the memory (allocated or on a free list). */
  get reserved(): number {
    return this.top;
  }
}

/** `bytes` rounded up to a positive multiple of `ALIGN`. */
function roundUp(bytes: number): number {
  return Math.max(ALIGN, Math.ceil(bytes / ALIGN) * ALIGN);
}

/** The first index of the ascending `xs` whose value is ≥ x. */
function lowerBound(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
