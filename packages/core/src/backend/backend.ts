import type { DType, TypedArray } from '../dtype.js';
import type { Kernel } from '../ir/kernel.js';
import type { GatherSpec, MatmulSpec } from '../ir/special.js';
import type { MemoryStats } from '../memory/stats.js';

/** A realized array owned by a backend. */
export interface DeviceBuffer {
  readonly backend: Backend;
  readonly dtype: DType;
  readonly size: number;
  /** Set by `Tensor.dispose()`: the memory was freed and the buffer may not be read again. */
  disposed?: boolean;
  /** The gradient tensor that alone holds this buffer, freed when replaced (`memory/ownership.ts`). */
  owner?: object;
}

/**
 * What a backend implements. Ops never talk to a backend directly: the IR layer lowers lazy
 * expressions to `Kernel`s and calls `run`; matmul and the index kernels are the only special kernels.
 */
export interface Backend {
  readonly name: string;
  /** Whether `readSync` works (false on WebGPU: callers must `await data()`). */
  readonly syncRead: boolean;
  /** Wraps host data (the backend may keep the array itself). */
  upload(data: TypedArray, dtype: DType): DeviceBuffer;
  /** A zero-filled buffer. */
  alloc(dtype: DType, size: number): DeviceBuffer;
  /** A buffer the caller overwrites in full (a kernel's output): its contents are unspecified. */
  empty(dtype: DType, size: number): DeviceBuffer;
  readSync(buf: DeviceBuffer): TypedArray;
  read(buf: DeviceBuffer): Promise<TypedArray>;
  /** Runs a compiled (cached by `kernel.key`) elementwise/reduce kernel; returns whether it compiled anew. */
  run(kernel: Kernel, inputs: readonly DeviceBuffer[], offsets: readonly number[], out: DeviceBuffer): boolean;
  matmul(spec: MatmulSpec, a: DeviceBuffer, b: DeviceBuffer, out: DeviceBuffer): void;
  /** out[..., j, ...] = src[..., index[..., j, ...], ...] along `spec.axis`. */
  gather(spec: GatherSpec, src: DeviceBuffer, index: DeviceBuffer, out: DeviceBuffer): void;
  /** out (already holding the base values) [..., index[..., j, ...], ...] += src[..., j, ...] along `spec.axis`. */
  scatterAdd(spec: GatherSpec, index: DeviceBuffer, src: DeviceBuffer, out: DeviceBuffer): void;
  /** Frees a buffer's memory now (backends whose memory the JS garbage collector does not manage). */
  dispose?(buf: DeviceBuffer): void;
  /** Whether `dispose(buf)` gives memory back (not a JS array the garbage collector owns). */
  holdsMemory?(buf: DeviceBuffer): boolean;
  /** The memory held by live buffers (`memoryStats()`). */
  memoryStats?(): MemoryStats;
}
