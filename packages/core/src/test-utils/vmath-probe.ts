import { I32, OP, V, kernelModule, simd, u32, type FunctionBody } from '../backend/wasm/encoding.js';
import { vmathFunctions, writeConstPool, type VMathLibrary, type VMathName } from '../backend/wasm/vmath.js';
import '../backend/wasm/wasm-api.js';

/**
 * A module whose `run(addr)` applies `library`'s `fn` (or the function `fn`) to the vector at addr and stores the result
 * at addr + 16; `at` is where the caller puts its inputs (the constant pool sits below).
 */
export function vmathProbe(fn: VMathName | FunctionBody, library?: VMathLibrary): { memory: WebAssembly.Memory; run: () => void; at: number } {
  const { bodies, index } = typeof fn === 'string' ? vmathFunctions(new Set([fn]), 1, library) : { bodies: [fn], index: new Map([['f', 1]]) };
  const fnIndex = index.get(typeof fn === 'string' ? fn : 'f')!;
  const memory = new WebAssembly.Memory({ initial: 1 });
  const at = 4096;
  const get0 = [OP.local_get, 0];
  const code = [...get0, ...get0, ...simd(V.load, 0, 0), OP.call, ...u32(fnIndex), ...simd(V.store, 0, 16)];
  const bytes = kernelModule([], [I32], { locals: [], code }, bodies);
  const exec = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { mem: memory } }).exports.run as (a: number) => void;
  writeConstPool(memory.buffer);
  return { memory, run: () => exec(at), at };
}
