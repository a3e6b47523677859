/**
 * Running rounding-error bounds for fuzz programs (test helper; excluded from the build).
 *
 * The reference run (cpu, every float32 replaced by float64) carries, next to each value x, a
 * tensor E ≥ 0 bounding |x̂ − x| for the value x̂ any correct backend computes in the program's own
 * dtypes. Each op adds its own rounding (a relative unit per op class, below, times |result|, plus
 * the dtype's smallest subnormal for underflow) to the propagated error of its operands: exactly
 * for monotone functions (max |f(x ± E) − f(x)|), by the product and quotient rules for × and ÷, by
 * |A|·E_B + E_A·|B| + γ_K·|A|·|B| for matmul, and unchanged through views. This is what lets one
 * tolerance serve every program: cancellation (x·3 − y·3 with x ≈ y) widens E where the result is
 * ill-conditioned, instead of a fixed relative tolerance failing there or hiding bugs elsewhere.
 *
 * Special cases: a non-finite reference value is compared exactly (E = 0) unless an operand was
 * already unknown; E = ∞ marks an element whose value the precision does not determine (a log or
 * sqrt whose operand's interval reaches 0, a division by an interval around 0, a float32 result
 * beyond float32's range: cpu's fused kernels keep intermediates in float64, wasm rounds each op).
 * Those elements are skipped and counted.
 */
import { noGrad } from '../autograd/grad-mode.js';
import type { DType } from '../dtype.js';
import { where } from '../ops/elementwise.js';
import type { Tensor } from '../tensor/tensor.js';

/** float32 unit roundoff 2^−24 and float64 2^−53. */
export const U32 = 2 ** -24;
export const U64 = 2 ** -53;
/** Half the smallest subnormal of a float dtype: the absolute part of one rounding (underflow). */
export const eta = (dtype: DType): number => (dtype === 'float32' ? 2 ** -150 : dtype === 'float64' ? 2 ** -1075 : 0);
export const F32_MAX = 3.4028234663852886e38;

/**
 * Relative error units per op class and result dtype, each with its reason:
 * - exact: views, neg, abs, max/min, where, clamp (constants are float32-representable): no rounding.
 * - round: one correctly rounded op (+ − × ÷ √, 1/x, a cast down to float32): 1 unit roundoff. The cpu
 *   backend computes a float32 kernel in float64 and rounds once on store, wasm rounds each op; both
 *   are within the per-op bound.
 * - host: sin, cos, pow through the host's Math in float64, then rounded: 1 unit (float32); V8's
 *   fdlibm is within 1 ulp in float64: 2 units.
 * - vmath: exp, expm1, log, log1p, tanh: wasm's f32x4 forms are within 2.6e-7 relative (vmath32.test),
 *   its f64x2 forms 1e-9 and cpu's exp32/log1p32 1e-8, then rounded; float64 kernels use the host's Math.
 * - sigmoid / softplus / logSigmoid are composites of 3–4 of the above (exp, +, 1/x, ×, log1p): 2·vmath + 3·round.
 */
export type UnitClass = 'exact' | 'round' | 'host' | 'vmath' | 'composite';
export function unit(cls: UnitClass, dtype: DType): number {
  const f32 = dtype === 'float32';
  switch (cls) {
    case 'exact': return 0;
    case 'round': return f32 ? U32 : U64;
    case 'host': return f32 ? U32 : 2 * U64;
    case 'vmath': return f32 ? 2.6e-7 + U32 : 2 * U64;
    case 'composite': return f32 ? 2 * 2.6e-7 + 3 * U32 : 6 * U64;
  }
}

/** An error bound: a float64 tensor of the value's shape, or null for exactly 0. */
export type Bound = Tensor | null;

export const finite = (x: Tensor): Tensor => x.abs().lt(Infinity);
/** |x| with non-finite values as 0 (magnitudes for bounds; the non-finite elements themselves are compared exactly). */
export const mag = (x: Tensor): Tensor => where(finite(x), x.abs(), 0);
/** e·c with 0 where e = 0 (so an infinite coefficient times no error is no error). */
export function times(e: Bound, c: Tensor | number): Bound {
  return e === null ? null : where(e.eq(0), 0, e.mul(c));
}
/** The sum of bounds (null terms are 0). */
export function plus(...es: Bound[]): Bound {
  const terms = es.filter((e): e is Tensor => e !== null);
  return terms.length === 0 ? null : terms.reduce((a, b) => a.add(b));
}
/** This op's own rounding: u·|out| plus the subnormal floor, where out is finite. */
export function local(out: Tensor, u: number, dtype: DType): Bound {
  if (u === 0) return null;
  return where(finite(out), out.abs().mul(u).add(eta(dtype)), 0);
}
/** max |f(x ± e) − f(x)|: exact for f monotone on [x − e, x + e]; NaN (a domain crossed) becomes ∞. */
export function monotone(f: (t: Tensor) => Tensor, x: Tensor, e: Bound): Bound {
  if (e === null) return null;
  const fx = f(x);
  const d = f(x.add(e)).sub(fx).abs().maximum(f(x.sub(e)).sub(fx).abs());
  return where(e.eq(0), 0, where(d.ne(d), Infinity, d));
}

/**
 * The bound of an op's result from its propagated part and its real dtype: NaN becomes ∞; at a
 * non-finite result it is 0 (compared exactly) unless the propagated part was already ∞; a
 * float32 result beyond float32's range is unknown (∞). An exact result (null) stays exact: only
 * rounding ops, which always add their own part, can leave float32's range.
 */
export function finish(e: Bound, out: Tensor, dtype: DType): Bound {
  if (e === null) return null;
  return noGrad(() => {
    const fin = finite(out);
    const b = where(fin, where(e.ne(e), Infinity, e), where(e.lt(Infinity), 0, Infinity));
    return dtype === 'float32' ? where(fin.logicalAnd(out.abs().ge(F32_MAX)), Infinity, b) : b;
  });
}
