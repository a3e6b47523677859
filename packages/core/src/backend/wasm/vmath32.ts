/**
 * Vectorised transcendental functions in four float32 lanes, branch-free, for the f32x4 loops
 * (`vector32.ts`), which inline them (`inline32`: V8 does not inline wasm calls, and a call spills
 * every live vector); `VMATH_F32X4` gives the same code as `(v128) → v128` functions (tests). Every
 * step rounds to float32. Accuracy (relative, against float64
 * `Math` on float32 inputs over each function's float32 range, `vmath32.test.ts`): worst measured
 * exp 7.8e-8, expm1 1.0e-7, log 2.2e-7, log1p 2.6e-7, tanh 1.1e-7 (float32's rounding is 6e-8).
 *
 * - exp, expm1: x = k·ln2 + r, |r| ≤ ln2/2 (Cody–Waite with a 9-bit ln2_hi), expm1(r) through r⁷,
 *   2^k built in the exponent bits in two halves (subnormal results and overflow come out right);
 *   expm1 = 2^k·expm1(r) + (2^k − 1), and exp's form above x = 80 (where 2^k alone overflows).
 * - log: x = m·2^e with m in [√½, √2) (subnormals pre-scaled by 2^23), log m = 2·atanh(s),
 *   s = (m − 1)/(m + 1), odd series through s⁹.
 * - log1p: log(u) + (x − (u − 1))/u with u = 1 + x.
 * - tanh: x + x³·P(x²) for |x| < 0.625; else t = expm1(2|x|), t/(t + 2) with the sign of x (|x| capped
 *   at 10, where tanh is 1 in float32).
 */
import { OP, V, V128, simd, u32, type FunctionBody } from './encoding.js';
import { pooled, type VMathLibrary, type VMathName } from './vmath.js';

const LOG2E = 1.4426950408889634;
/** ln 2 = LN2_HI + LN2_LO with LN2_HI exact in 9 bits (so k·LN2_HI is exact for |k| < 2^15). */
const LN2_HI = 0.693359375;
const LN2_LO = -2.12194440e-4;

const v = (op: number) => simd(op);
/** Four equal f32 lanes, from the constant pool. */
const f32c = (x: number) => pooled(new Uint8Array(new Float32Array([x, x, x, x]).buffer));
/** Four equal i32 lanes, from the constant pool. */
const i32c = (x: number) => pooled(new Uint8Array(new Int32Array([x, x, x, x]).buffer));
/** 1.5·2^23: adding it rounds an f32 of magnitude < 2^22 to an integer, held in the low mantissa bits. */
const MAGIC = 12582912;
const MAGIC_BITS = 0x4b400000;

/** Local accessors relative to a base (a function's locals start at 0, an inlined copy's anywhere). */
interface Locals {
  get(i: number): number[];
  set(i: number): number[];
  /** The local index of relative local i (for an inlined dependency's base). */
  at(i: number): number;
}

function locals(base: number): Locals {
  return {
    get: (i) => [OP.local_get, ...u32(base + i)],
    set: (i) => [OP.local_set, ...u32(base + i)],
    at: (i) => base + i,
  };
}

/** c₀ + c₁x + … by Horner's scheme, x in local `x`. */
function horner(l: Locals, x: number, coeffs: readonly number[]): number[] {
  const out = f32c(coeffs[coeffs.length - 1]!);
  for (let i = coeffs.length - 2; i >= 0; i--) out.push(...l.get(x), ...v(V.f32x4_mul), ...f32c(coeffs[i]!), ...v(V.f32x4_add));
  return out;
}

/** 2^n for the i32 lanes on the stack (n + 127 a normal exponent), as f32 lanes. */
const pow2 = [...i32c(127), ...v(V.i32x4_add), OP.i32_const, 23, ...v(V.i32x4_shl)];

/**
 * Shared by exp and expm1: from x (local 0, clamped in place; pmax/pmin with x first keep NaN)
 * leaves expm1(r) in local 3 and the scale factors 2^⌊k/2⌋, 2^(k−⌊k/2⌋) in 4, 5.
 * Locals: 1 = k (f32), 2 = r, 3 = P, 4 = S1, 5 = S2, 6 = k (i32).
 */
function reduceExp(l: Locals): number[] {
  const { get, set } = l;
  return [
    ...get(0), ...f32c(-104), ...v(V.f32x4_pmax), ...f32c(88.8), ...v(V.f32x4_pmin), ...set(0),
    // k = round(x·log2 e) by the 1.5·2^23 trick: as f32 in 1, as i32 in 6.
    ...get(0), ...f32c(LOG2E), ...v(V.f32x4_mul), ...f32c(MAGIC), ...v(V.f32x4_add), ...set(6),
    ...get(6), ...f32c(MAGIC), ...v(V.f32x4_sub), ...set(1),
    ...get(6), ...i32c(MAGIC_BITS), ...v(V.i32x4_sub), ...set(6),
    ...get(0), ...get(1), ...f32c(LN2_HI), ...v(V.f32x4_mul), ...v(V.f32x4_sub), ...get(1), ...f32c(LN2_LO), ...v(V.f32x4_mul), ...v(V.f32x4_sub), ...set(2),
    // expm1(r) = r + r²·(1/2 + r/6 + … + r⁵/5040)
    ...get(2), ...get(2), ...get(2), ...v(V.f32x4_mul), ...horner(l, 2, [1 / 2, 1 / 6, 1 / 24, 1 / 120, 1 / 720, 1 / 5040]), ...v(V.f32x4_mul), ...v(V.f32x4_add), ...set(3),
    ...get(6), OP.i32_const, 1, ...v(V.i32x4_shr_s), ...pow2, ...set(4),
    ...get(6), ...get(6), OP.i32_const, 1, ...v(V.i32x4_shr_s), ...v(V.i32x4_sub), ...pow2, ...set(5),
  ];
}

/** ((1 + P)·S1)·S2: the order keeps 2^128 · (1 + P) < 1 finite. */
const expValue = (l: Locals) => [...l.get(3), ...f32c(1), ...v(V.f32x4_add), ...l.get(4), ...v(V.f32x4_mul), ...l.get(5), ...v(V.f32x4_mul)];

/** Least-squares fit of (tanh x − x)/x³ in u = x² on |x| ≤ 0.625 (relative error 1.3e-8). */
const TANH_SMALL = [-0.33333292603492737, 0.13331718742847443, -0.053763799369335175, 0.020720280706882477, -0.0057981000281870365];

/** Locals each function uses, its input (local 0) and inlined dependencies included. */
const SIZE: Record<VMathName, number> = { exp: 7, expm1: 7, log: 8, log1p: 3 + 8, tanh: 3 + 7 };

/** Code of `name` over locals `l` with its input in local 0; leaves the result on the stack. */
function code32(name: VMathName, l: Locals): number[] {
  const { get, set } = l;
  switch (name) {
    case 'exp': return [...reduceExp(l), ...expValue(l)];
    case 'expm1': return [
      ...reduceExp(l), ...expValue(l),
      ...get(3), ...get(4), ...v(V.f32x4_mul), ...get(5), ...v(V.f32x4_mul),
      ...get(4), ...get(5), ...v(V.f32x4_mul), ...f32c(1), ...v(V.f32x4_sub), ...v(V.f32x4_add),
      ...get(0), ...f32c(80), ...v(V.f32x4_gt), ...v(V.bitselect),
    ];
    // Locals: 1 = xs (scaled), 2 = e (f32), 3 = m, 4 = mask, 5 = s, 6 = s², 7 = result.
    case 'log': return [
      // Subnormals: scale by 2^23 and take 23 off the exponent.
      ...get(0), ...f32c(2 ** -126), ...v(V.f32x4_lt), ...set(4),
      ...get(0), ...f32c(2 ** 23), ...v(V.f32x4_mul), ...get(0), ...get(4), ...v(V.bitselect), ...set(1),
      ...get(1), OP.i32_const, 23, ...v(V.i32x4_shr_u), ...i32c(127), ...v(V.i32x4_sub), ...v(V.f32x4_convert_i32x4_s),
      ...f32c(-23), ...get(4), ...v(V.and), ...v(V.f32x4_add), ...set(2),
      // m in [1, 2), then [√½, √2).
      ...get(1), ...i32c(0x007fffff), ...v(V.and), ...i32c(0x3f800000), ...v(V.or), ...set(3),
      ...get(3), ...f32c(Math.SQRT2), ...v(V.f32x4_gt), ...set(4),
      ...get(3), ...f32c(0.5), ...v(V.f32x4_mul), ...get(3), ...get(4), ...v(V.bitselect), ...set(3),
      ...get(2), ...f32c(1), ...get(4), ...v(V.and), ...v(V.f32x4_add), ...set(2),
      ...get(3), ...f32c(1), ...v(V.f32x4_sub), ...get(3), ...f32c(1), ...v(V.f32x4_add), ...v(V.f32x4_div), ...set(5),
      ...get(5), ...get(5), ...v(V.f32x4_mul), ...set(6),
      // e·ln2_hi + (2s·(1 + q/3 + q²/5 + q³/7 + q⁴/9) + e·ln2_lo), q = s²
      ...get(2), ...f32c(LN2_HI), ...v(V.f32x4_mul),
      ...horner(l, 6, [1, 1 / 3, 1 / 5, 1 / 7, 1 / 9]), ...get(5), ...v(V.f32x4_mul), ...f32c(2), ...v(V.f32x4_mul),
      ...get(2), ...f32c(LN2_LO), ...v(V.f32x4_mul), ...v(V.f32x4_add), ...v(V.f32x4_add), ...set(7),
      // +∞ and NaN give themselves, x < 0 gives NaN, 0 gives −∞.
      ...get(7), ...get(0), ...get(0), ...f32c(Infinity), ...v(V.f32x4_lt), ...v(V.bitselect), ...set(7),
      ...f32c(NaN), ...get(7), ...get(0), ...f32c(0), ...v(V.f32x4_lt), ...v(V.bitselect), ...set(7),
      ...f32c(-Infinity), ...get(7), ...get(0), ...f32c(0), ...v(V.f32x4_eq), ...v(V.bitselect),
    ];
    // Locals: 1 = u, 2 = correction, log's from 3.
    case 'log1p': return [
      ...get(0), ...f32c(1), ...v(V.f32x4_add), ...set(1),
      ...get(0), ...get(1), ...f32c(1), ...v(V.f32x4_sub), ...v(V.f32x4_sub), ...get(1), ...v(V.f32x4_div), ...set(2),
      // The correction is 0/0 at x = −1 and ∞ − ∞ at x = ∞: drop it there.
      ...get(2), ...f32c(0), ...get(2), ...get(2), ...v(V.f32x4_eq), ...v(V.bitselect), ...set(2),
      ...get(1), ...inline32('log', l.at(3)), ...get(2), ...v(V.f32x4_add),
    ];
    // Locals: 1 = t, 2 = x², expm1's from 3.
    case 'tanh': return [
      // |x| ≥ 0.625: t/(t + 2) with t = expm1(2|x|), |x| capped at 10, and the sign of x.
      ...get(0), ...v(V.f32x4_abs), ...f32c(10), ...v(V.f32x4_pmin), ...f32c(2), ...v(V.f32x4_mul), ...inline32('expm1', l.at(3)), ...set(1),
      ...get(1), ...get(1), ...f32c(2), ...v(V.f32x4_add), ...v(V.f32x4_div),
      ...get(0), ...f32c(-0), ...v(V.and), ...v(V.or),
      // |x| < 0.625: x + x³·P(x²) (within a float32 ulp where t/(t + 2) is not).
      ...get(0), ...get(0), ...v(V.f32x4_mul), ...set(2),
      ...get(0), ...get(0), ...get(2), ...v(V.f32x4_mul), ...horner(l, 2, TANH_SMALL), ...v(V.f32x4_mul), ...v(V.f32x4_add),
      ...get(0), ...v(V.f32x4_abs), ...f32c(0.625), ...v(V.f32x4_ge), ...v(V.bitselect),
    ];
  }
}

/**
 * log1p for x known to lie in [−0.5, 1] (`vector32.ts` proves it, e.g. softplus's log1p(e^−|x|)):
 * 2·atanh(s) = 2s·(1 + s²/3 + … + s¹²/13) with s = x/(2 + x), |s| ≤ 1/3 (truncation 1.4e-8); no
 * exponent split and no special values (NaN propagates). 2s = 2x/(2 + x) is formed directly, which
 * keeps subnormal x exact. Locals: 0 = x, then 2s, s².
 */
function log1pSmall(l: Locals): number[] {
  const { get, set } = l;
  return [
    ...get(0), ...get(0), ...v(V.f32x4_add), ...get(0), ...f32c(2), ...v(V.f32x4_add), ...v(V.f32x4_div), ...set(1),
    ...get(1), ...get(1), ...v(V.f32x4_mul), ...f32c(0.25), ...v(V.f32x4_mul), ...set(2),
    ...horner(l, 2, [1, 1 / 3, 1 / 5, 1 / 7, 1 / 9, 1 / 11, 1 / 13]), ...get(1), ...v(V.f32x4_mul),
  ];
}

/** `log1pSmall` applied to the vector on the stack, inline, using v128 locals from `base`. */
export function inlineLog1pSmall(base: number): number[] {
  return [OP.local_set, ...u32(base), ...log1pSmall(locals(base))];
}

/** `log1pSmall` as a `(v128) → v128` function (tests). */
export const LOG1P_SMALL: FunctionBody = { locals: [[2, V128]], code: log1pSmall(locals(0)) };

/** Most v128 locals an inlined function needs (`inline32` at any base). */
export const INLINE32_LOCALS = Math.max(...Object.values(SIZE));

/** `name` applied to the vector on the stack, inline, using v128 locals from `base`. */
export function inline32(name: VMathName, base: number): number[] {
  return [OP.local_set, ...u32(base), ...code32(name, locals(base))];
}

/** The same functions as `(v128) → v128` functions. */
export const VMATH_F32X4: VMathLibrary = (n) => ({ locals: [[SIZE[n] - 1, V128]], code: code32(n, locals(0)) });
