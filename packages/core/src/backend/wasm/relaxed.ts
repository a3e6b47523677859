/**
 * Relaxed SIMD's `f32x4.relaxed_madd` (a·b + c, fused where the hardware has FMA): the matmul's
 * micro-kernel uses it when the host compiles it. Browsers and Node ≥ 22 do; Node 20's V8 has it
 * behind `--experimental-wasm-relaxed-simd`, which is turned on only while the probe and the matmul
 * module compile and off again right after (`withV8Flags`; a compiled module keeps its opcodes), so
 * other code in the process never sees it. With `ROSETTA_NO_V8_FLAGS=1` Node 20 uses the mul+add form.
 */
import { OP, V, f32x4Const, kernelModule, simd, type FunctionBody } from './encoding.js';
import { withV8Flags } from './node.js';

const FLAG = 'experimental-wasm-relaxed-simd';

/** 'native': the host compiles relaxed SIMD; 'flag': only under V8's flag; 'none'. */
let support: 'native' | 'flag' | 'none' | undefined;

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
  support ??= compiles() ? 'native' : withV8Flags([FLAG], compiles) ? 'flag' : 'none';
  return support !== 'none';
}

/** Runs `compile` (of a module using relaxed SIMD) with V8's flag on where the host needs it. */
export function withRelaxedSimd<T>(compile: () => T): T {
  return relaxedMadd() && support === 'flag' ? withV8Flags([FLAG], compile)! : compile();
}
