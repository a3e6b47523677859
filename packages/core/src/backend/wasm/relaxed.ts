/**
 * Relaxed SIMD's `f32x4.relaxed_madd` (a·b + c, fused where the hardware has FMA): the matmul's
 * micro-kernel uses it when the host compiles it. Browsers and Node ≥ 22 do; Node 20's V8 has it
 * behind a flag, which is set here the first time (NOTE: like the collector's GC flags, this
 * changes V8's flags for the process).
 */
import { OP, V, f32x4Const, kernelModule, simd, type FunctionBody } from './encoding.js';
import { setV8Flags } from './node.js';

let available: boolean | undefined;

function compiles(): boolean {
  const zero = f32x4Const(0);
  const probe: FunctionBody = { locals: [], code: [...zero, ...zero, ...zero, ...simd(V.f32x4_relaxed_madd), OP.drop] };
  try {
    new WebAssembly.Module(kernelModule([], [], probe));
    return true;
  } catch {
    return false;
  }
}

/** Whether kernels may use `f32x4.relaxed_madd`. */
export function relaxedMadd(): boolean {
  if (available !== undefined) return available;
  available = compiles();
  if (!available && setV8Flags('--experimental-wasm-relaxed-simd')) available = compiles();
  return available;
}
