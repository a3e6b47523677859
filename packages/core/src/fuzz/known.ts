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

/**
 * Fixed so far (entries removed when their check reported it): wasm int32 results saturating
 * instead of wrapping and float → int32 casts of NaN/±Inf/out-of-range values (fixed in
 * backend/wasm, int32.test.ts); losses making helper tensors on the current backend (9bfd8a1); wasm
 * float32 max/min gradients missing ties (f32x4 lanes and the scalar tail rounded one value two ways;
 * the tail now runs in lane form, lane-tail.test.ts).
 */
const INT32_ARITHMETIC = new Set(['add', 'sub', 'mul', 'neg', 'abs', 'square']);

/** (x·x).sum() for int32 x = [65536, 65536] on a backend (PyTorch: each product wraps to 0, the sum is 0). */
const int32SquareSum = (backend: string): number =>
  withBackend(backend, () => Number(core.tensor([65536, 65536], { dtype: 'int32' }).square().sum().item()));

export const KNOWN_DISCREPANCIES: readonly KnownDiscrepancy[] = [
  {
    name: 'int32 arithmetic fused into a wider consumer is not wrapped',
    description:
      "An int32 op inside a fused kernel is computed in float64 and wrapped to int32 only when stored: core.tensor([65536, 65536], " +
      "{ dtype: 'int32' }).square().sum() gives 8589934592 on cpu and wasm, PyTorch 0 (each int32 product wraps to 0 before the " +
      'int64 sum); abs, maximum or a comparison after an overflowing product see the unwrapped value too. Past 2^53 the unwrapped doubles also differ between the backends by summation order (seed 4242 case 3436: ' +
      'mul of two int32 leaves spanning int32, then sum → 4203663599176422400 on wasm, 4203663599176422000 on cpu). Owner: the ' +
      'engine lead (ir/ lowering, or per-op int32 wrapping in both renderers: backend/cpu js-expr and backend/wasm wrapInt32). ' +
      'Excluded: integer programs in which an int32 arithmetic result feeds an op whose result is not int32.',
    matches: (p) => p.dtype === 'int' && p.steps.some((s, id) =>
      INT32_ARITHMETIC.has(s.op) && p.info[id]!.dtype === 'int32' &&
      p.steps.some((t, j) => t.args.includes(id) && p.info[j]!.dtype !== 'int32')),
    fixed: () => (int32SquareSum('cpu') !== 0 || int32SquareSum('wasm') !== 0 ? [] : ['(x·x).sum() of int32 [65536, 65536]']),
  },
];

/** The name of the known discrepancy a program on `cfg` falls under, or null. */
export function knownFor(p: Program, cfg: RunConfig): string | null {
  return KNOWN_DISCREPANCIES.find((k) => k.matches(p, cfg))?.name ?? null;
}
