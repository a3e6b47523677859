/**
 * Discrepancies the fuzz suite found that are someone else's to fix (test helper; excluded from the
 * build). Each entry names the class of programs it excludes from the fuzz run and a minimal
 * reproduction that asserts the discrepancy is still there, so the entry fails once it is fixed and
 * must then be removed (which puts the class back into the fuzz).
 */
import { withBackend } from '../backend/registry.js';
import * as core from '../index.js';
import type { RunConfig } from './interpret.js';
import type { Program } from './program.js';

export interface KnownDiscrepancy {
  readonly name: string;
  /** What differs, where, expected vs got, and who owns the fix. */
  readonly description: string;
  /** Whether a generated program, run on `cfg`, falls in the excluded class. */
  matches(p: Program, cfg: RunConfig): boolean;
  /** Runs the minimal reproductions; lists those that no longer reproduce (empty while the discrepancy is fully present). */
  fixed(): string[];
}

/** A tensor op's values on the cpu and on the wasm backend differ. */
function cpuWasmDiffer(f: () => core.Tensor): boolean {
  const on = (b: string): string => withBackend(b, () => JSON.stringify(f().tolist()));
  return on('cpu') !== on('wasm');
}

const INT32_ARITHMETIC = new Set(['add', 'sub', 'mul', 'neg', 'abs', 'square', 'cast']);

export const KNOWN_DISCREPANCIES: readonly KnownDiscrepancy[] = [
  {
    name: 'wasm int32 results saturate instead of wrapping',
    description:
      'An int32 result outside int32\'s range wraps modulo 2^32 on cpu (JavaScript ToInt32 on the Int32Array store), as PyTorch ' +
      '1.13 does (torch.tensor([2147483647], dtype=torch.int32) + 1 → -2147483648, * 65536 → -65536), but saturates on wasm ' +
      '(i32.trunc_sat_f64_s in backend/wasm/codegen.ts storeAs and cast, i32x4.trunc_sat_f64x2_s_zero in vector.ts): ' +
      "core.tensor([2147483647, -2147483648, 65536], { dtype: 'int32' }).add(1) → cpu [-2147483648, -2147483647, 65537], " +
      'wasm [2147483647, -2147483647, 65537]; .mul(65536) → cpu [-65536, 0, 0], wasm [2147483647, -2147483648, 2147483647]. ' +
      'Excluded: integer programs with an int32-valued arithmetic step or cast.',
    matches: (p) => p.dtype === 'int' && p.steps.some((s, id) => INT32_ARITHMETIC.has(s.op) && p.info[id]!.dtype === 'int32'),
    fixed: () => (cpuWasmDiffer(() => core.tensor([2147483647, -2147483648, 65536], { dtype: 'int32' }).mul(65536)) ? [] : ['int32 mul by 65536']),
  },
  {
    name: 'float to int32 casts of NaN, ±Inf and out-of-range values differ',
    description:
      "core.tensor([NaN, Infinity, -Infinity, 3e9]).cast('int32') → cpu [0, 0, 0, -1294967296] (ToInt32), wasm [0, 2147483647, " +
      '-2147483648, 2147483647] (saturating); PyTorch 1.13 on x86 gives -2147483648 for each (the conversion is undefined in C++). ' +
      "Excluded: programs casting a float value to int32 when a leaf holds NaN or ±Inf ('specials').",
    matches: (p) =>
      p.leaves.some((l) => l.kind === 'specials') &&
      p.steps.some((s) => s.op === 'cast' && s.p.dtype === 'int32' && (p.info[s.args[0]!]!.dtype === 'float32' || p.info[s.args[0]!]!.dtype === 'float64')),
    fixed: () => (cpuWasmDiffer(() => core.tensor([NaN, Infinity, -Infinity, 3e9]).cast('int32')) ? [] : ["cast('int32')"]),
  },
];

/** The name of the known discrepancy a program on `cfg` falls under, or null. */
export function knownFor(p: Program, cfg: RunConfig): string | null {
  return KNOWN_DISCREPANCIES.find((k) => k.matches(p, cfg))?.name ?? null;
}
