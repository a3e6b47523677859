import type { Backend, DeviceBuffer } from '../backend.js';
import { allocStorage, type DType, type TypedArray } from '../../dtype.js';
import { foldReduce, reduceIdentity, type Kernel } from '../../ir/kernel.js';
import type { GatherSpec, MatmulSpec } from '../../ir/special.js';
import { generateKernelSource } from './codegen.js';
import { kernelLib } from './kernel-lib.js';
import { gatherHost, scatterAddHost } from './index-kernels.js';
import { matmulHost } from './matmul.js';
import { trackAlloc } from '../../memory/arena.js';

/** Iterations of all loops inside the outermost one. */
function innerSize(k: Kernel): number {
  let n = 1;
  for (let d = 1; d < k.loops.length; d++) n *= k.loops[d]!;
  return n;
}

/** A cpu buffer is the typed array itself. */
export interface CpuBuffer extends DeviceBuffer {
  readonly data: TypedArray;
}

interface CompiledKernel {
  run: (...args: unknown[]) => unknown;
  fin: ((inputs: TypedArray[], offsets: readonly number[], out: TypedArray, acc: number) => void) | null;
}

/** Elements per call of a kernel's `run`: small enough that V8 optimizes the whole function early. */
const CHUNK = 8192;

/**
 * The cpu backend: each kernel becomes JavaScript source compiled once with `new Function` and
 * cached by the IR's structural key, so a warm op costs a map lookup and a call.
 */
export class CpuBackend implements Backend {
  readonly name = 'cpu';
  readonly syncRead = true;
  private readonly cache = new Map<string, CompiledKernel>();
  private readonly arrays: TypedArray[] = [];

  upload(data: TypedArray, dtype: DType): CpuBuffer {
    return trackAlloc<CpuBuffer>({ backend: this, dtype, size: data.length, data });
  }

  alloc(dtype: DType, size: number): CpuBuffer {
    return trackAlloc<CpuBuffer>({ backend: this, dtype, size, data: allocStorage(dtype, size) });
  }

  /** Host arrays come zero-filled anyway. */
  empty(dtype: DType, size: number): CpuBuffer {
    return this.alloc(dtype, size);
  }

  readSync(buf: DeviceBuffer): TypedArray {
    return (buf as CpuBuffer).data;
  }

  read(buf: DeviceBuffer): Promise<TypedArray> {
    return Promise.resolve((buf as CpuBuffer).data);
  }

  run(kernel: Kernel, inputs: readonly DeviceBuffer[], offsets: readonly number[], out: DeviceBuffer): boolean {
    let fn = this.cache.get(kernel.key);
    const fresh = fn === undefined;
    if (fn === undefined) {
      fn = new Function('lib', generateKernelSource(kernel))(kernelLib) as CompiledKernel;
      this.cache.set(kernel.key, fn);
    }
    const arrays = this.arrays;
    arrays.length = inputs.length;
    for (let i = 0; i < inputs.length; i++) arrays[i] = (inputs[i] as CpuBuffer).data;
    const o = (out as CpuBuffer).data;
    const n0 = kernel.loops[0]!;
    const step = Math.max(1, Math.floor(CHUNK / (kernel.outSize > 0 ? innerSize(kernel) : 1)));
    if (fn.fin) {
      const op = kernel.reduceOp!;
      let acc = reduceIdentity(op);
      for (let lo = 0; lo < n0; lo += step) acc = foldReduce(op, acc, fn.run(arrays, offsets, lo, Math.min(n0, lo + step)) as number);
      fn.fin(arrays, offsets, o, acc);
    } else {
      for (let lo = 0; lo < n0; lo += step) fn.run(arrays, offsets, o, lo, Math.min(n0, lo + step));
    }
    return fresh;
  }

  matmul(spec: MatmulSpec, a: DeviceBuffer, b: DeviceBuffer, out: DeviceBuffer): void {
    matmulHost(spec, (a as CpuBuffer).data, (b as CpuBuffer).data, (out as CpuBuffer).data);
  }

  gather(spec: GatherSpec, src: DeviceBuffer, index: DeviceBuffer, out: DeviceBuffer): void {
    gatherHost(spec, (src as CpuBuffer).data, (index as CpuBuffer).data, (out as CpuBuffer).data);
  }

  scatterAdd(spec: GatherSpec, index: DeviceBuffer, src: DeviceBuffer, out: DeviceBuffer): void {
    scatterAddHost(spec, (index as CpuBuffer).data, (src as CpuBuffer).data, (out as CpuBuffer).data);
  }
}
