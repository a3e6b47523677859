import type { DType, HostArray } from '@rosetta/core';

/** How far one array is from a reference. */
export interface Diff {
  /** max |a − b| over all elements (NaN against NaN and equal infinities count as 0). */
  maxAbs: number;
  /** max |a − b| / |b| over elements with b ≠ 0 (a zero reference can only fail through atol). */
  maxRel: number;
  /** Whether every element satisfies |a − b| ≤ atol + rtol·|b| (NumPy's `allclose`, reference b). */
  pass: boolean;
  /** Elements outside the tolerance. */
  mismatched: number;
}

/** Default tolerances per dtype: float32 rtol 1e-5 / atol 1e-6, float64 rtol 1e-10 / atol 1e-12, exact otherwise. */
export function defaultTolerance(dtype: DType): { rtol: number; atol: number } {
  if (dtype === 'float32') return { rtol: 1e-5, atol: 1e-6 };
  if (dtype === 'float64') return { rtol: 1e-10, atol: 1e-12 };
  return { rtol: 0, atol: 0 };
}

/** Compares `actual` with the reference `expected` elementwise (same length required). */
export function diffArrays(actual: HostArray | ArrayLike<number>, expected: HostArray | ArrayLike<number>, rtol: number, atol: number): Diff {
  if (actual.length !== expected.length) return { maxAbs: Infinity, maxRel: Infinity, pass: false, mismatched: Math.max(actual.length, expected.length) };
  let maxAbs = 0;
  let maxRel = 0;
  let mismatched = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = Number(actual[i]);
    const b = Number(expected[i]);
    let d: number;
    if (Number.isNaN(a) || Number.isNaN(b)) d = Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
    else d = a === b ? 0 : Math.abs(a - b);
    if (d > maxAbs) maxAbs = d;
    if (b !== 0 && Number.isFinite(b)) maxRel = Math.max(maxRel, d / Math.abs(b));
    else if (d > 0 && !Number.isFinite(b)) maxRel = Infinity;
    if (!(d === 0 || d <= atol + rtol * Math.abs(b))) mismatched++;
  }
  return { maxAbs, maxRel, pass: mismatched === 0, mismatched };
}
