/**
 * Vectorised transcendental functions for the wasm kernels: each is a module-internal function of
 * type `(v128) → v128` over two f64 lanes, branch-free (special values by lane selects), used for
 * float32 values in the f64x2 loops and in the scalar code (splat, call, take lane 0); the f32x4
 * loops use `vmath32.ts`.
 * Accuracy (relative, in float64, tested against `Math`): exp/expm1 ≤ 1e-9, log/log1p ≤ 1e-9,
 * tanh ≤ 1e-9 over their whole range, far below float32's 6e-8 rounding. Float64 kernels keep
 * the host's `Math` functions (full double precision).
 *
 * - exp, expm1: x = k·ln2 + r, |r| ≤ ln2/2 (Cody–Waite), expm1(r) by its Taylor series through r⁸,
 *   2^k built in the exponent bits in two halves (so subnormal results and overflow come out right);
 *   expm1 = 2^k·expm1(r) + (2^k − 1), exact in relative terms near 0.
 * - log: x = m·2^e with m in [√½, √2) (subnormals pre-scaled by 2^54), log m = 2·atanh(s),
 *   s = (m − 1)/(m + 1), |s| ≤ 0.1716, odd series through s¹¹.
 * - log1p: log(u) + (x − (u − 1))/u with u = 1 + x (the rounding of u corrected to first order).
 * - tanh: t = expm1(2|x|), t/(t + 2) with the sign of x (|x| capped at 20, where tanh is 1).
 */
import type { DType } from '../../dtype.js';
import type { UnaryOp } from '../../ir/lazy.js';
import { OP, V, V128, s32, simd, u32, type FunctionBody } from './encoding.js';

export type VMathName = 'exp' | 'expm1' | 'log' | 'log1p' | 'tanh';

/** The vectorised function a unary op of `dtype` uses: float32 kernels only. */
export function vmathOf(op: UnaryOp, dtype: DType): VMathName | null {
  if (dtype !== 'float32') return null;
  return op === 'exp' || op === 'expm1' || op === 'log' || op === 'log1p' || op === 'tanh' ? op : null;
}

/**
 * Constants live in a pool at the bottom of the wasm memory: a `v128.load` each instead of a
 * `v128.const` V8 rebuilds on every call (a float32 exp-and-sum over 16M elements: ~150 ms instead
 * of ~175 on this machine). `POOL_BYTES` are reserved from `POOL_BASE`; the backend writes the
 * pool with `writeConstPool` before running a new module.
 */
export const POOL_BASE = 16;
export const POOL_BYTES = 2048;
const pool = new Map<string, { addr: number; bytes: Uint8Array }>();

/** `v128.load` of a 16-byte constant from the pool. */
export function pooled(bytes: Uint8Array): number[] {
  const key = bytes.join(',');
  let entry = pool.get(key);
  if (!entry) {
    const addr = POOL_BASE + 16 * pool.size;
    if (addr + 16 > POOL_BASE + POOL_BYTES) throw new Error('wasm constant pool full (bug)');
    pool.set(key, (entry = { addr, bytes }));
  }
  return [OP.i32_const, ...s32(entry.addr), ...simd(V.load, 4, 0)];
}

/** Two equal f64 lanes, from the pool (only the functions' own constants: the pool is fixed-size). */
function f64x2c(x: number): number[] {
  const b = new Uint8Array(new Float64Array([x, x]).buffer);
  return pooled(b);
}

/** Two equal i64 lanes, from the pool. */
function i64x2c(x: bigint): number[] {
  return pooled(new Uint8Array(new BigInt64Array([x, x]).buffer));
}

/** Writes every pooled constant into `memory` (a wasm memory's buffer). */
export function writeConstPool(memory: ArrayBuffer): void {
  const out = new Uint8Array(memory);
  for (const { addr, bytes } of pool.values()) out.set(bytes, addr);
}

const LOG2E = 1.4426950408889634;
const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;

const get = (i: number) => [OP.local_get, ...u32(i)];
const set = (i: number) => [OP.local_set, ...u32(i)];
const v = (op: number) => simd(op);

/**
 * c₀ + c₁x + … + cₙxⁿ for x in local `x` by Estrin's scheme (pairs, then pairs of pairs), which
 * keeps the dependency chain short: x² and x⁴ are computed into locals `x2`, `x4` first.
 */
function estrin(x: number, x2: number, x4: number, coeffs: readonly number[]): number[] {
  const power: Record<number, number> = { 1: x, 2: x2, 4: x4 };
  const poly = (cs: readonly number[]): number[] => {
    if (cs.length === 1) return f64x2c(cs[0]!);
    let h = 1;
    while (h * 2 < cs.length) h *= 2;
    return [...poly(cs.slice(0, h)), ...poly(cs.slice(h)), ...get(power[h]!), ...v(V.f64x2_mul), ...v(V.f64x2_add)];
  };
  if (coeffs.length > 8) throw new Error('estrin: degree above 7 (bug)');
  return [...get(x), ...get(x), ...v(V.f64x2_mul), ...set(x2), ...get(x2), ...get(x2), ...v(V.f64x2_mul), ...set(x4), ...poly(coeffs)];
}

/** 2^n for the i64 lanes on the stack (n + 1023 must be a normal exponent), as f64 lanes. */
const pow2 = [...i64x2c(1023n), ...v(V.i64x2_add), OP.i32_const, 52, ...v(V.i64x2_shl)];

/**
 * Shared by exp and expm1: from x (local 0) leaves expm1(r) in local P and the two scale factors
 * 2^⌊k/2⌋, 2^(k−⌊k/2⌋) in S1, S2. Locals: 1 = k (f64), 2 = r, 3 = P, 4 = S1, 5 = S2, 6 = k (i64), 7 = r², 8 = r⁴.
 */
function reduceExp(): number[] {
  const coeffs = [1, 1 / 2, 1 / 6, 1 / 24, 1 / 120, 1 / 720, 1 / 5040, 1 / 40320];
  return [
    ...get(0), ...f64x2c(-746), ...v(V.f64x2_max), ...f64x2c(710), ...v(V.f64x2_min), ...set(0),
    ...get(0), ...f64x2c(LOG2E), ...v(V.f64x2_mul), ...v(V.f64x2_nearest), ...set(1),
    ...get(0), ...get(1), ...f64x2c(LN2_HI), ...v(V.f64x2_mul), ...v(V.f64x2_sub), ...get(1), ...f64x2c(LN2_LO), ...v(V.f64x2_mul), ...v(V.f64x2_sub), ...set(2),
    // expm1(r) = r·(1 + r/2 + r²/6 + …)
    ...estrin(2, 7, 8, coeffs), ...get(2), ...v(V.f64x2_mul), ...set(3),
    ...get(1), ...v(V.i32x4_trunc_sat_f64x2_s_zero), ...v(V.i64x2_extend_low_i32x4_s), ...set(6),
    ...get(6), OP.i32_const, 1, ...v(V.i64x2_shr_s), ...pow2, ...set(4),
    ...get(6), ...get(6), OP.i32_const, 1, ...v(V.i64x2_shr_s), ...v(V.i64x2_sub), ...pow2, ...set(5),
  ];
}

const EXP_LOCALS: [number, number][] = [[8, V128]];

const exp: FunctionBody = {
  locals: EXP_LOCALS,
  code: [...reduceExp(), ...get(3), ...f64x2c(1), ...v(V.f64x2_add), ...get(4), ...v(V.f64x2_mul), ...get(5), ...v(V.f64x2_mul)],
};

const expm1: FunctionBody = {
  locals: EXP_LOCALS,
  code: [
    ...reduceExp(),
    ...get(3), ...get(4), ...v(V.f64x2_mul), ...get(5), ...v(V.f64x2_mul),
    ...get(4), ...get(5), ...v(V.f64x2_mul), ...f64x2c(1), ...v(V.f64x2_sub), ...v(V.f64x2_add),
  ],
};

/** Locals: 0 = x, 1 = xs (scaled), 2 = e (f64), 3 = m, 4 = big mask, 5 = s, 6 = q, 7 = result, 8 = q², 9 = q⁴. */
const log: FunctionBody = {
  locals: [[9, V128]],
  code: [
    // Subnormals: scale by 2^54 and take 54 off the exponent.
    ...get(0), ...f64x2c(2 ** -1022), ...v(V.f64x2_lt), ...set(4),
    ...get(0), ...f64x2c(2 ** 54), ...v(V.f64x2_mul), ...get(0), ...get(4), ...v(V.bitselect), ...set(1),
    // e = biased exponent − 1023 (via the 2^52 trick), minus 54 where scaled.
    ...get(1), OP.i32_const, 52, ...v(V.i64x2_shr_u), ...i64x2c(0x4330000000000000n), ...v(V.or),
    ...f64x2c(2 ** 52 + 1023), ...v(V.f64x2_sub), ...f64x2c(-54), ...get(4), ...v(V.and), ...v(V.f64x2_add), ...set(2),
    // m in [1, 2), then [√½, √2).
    ...get(1), ...i64x2c(0x000fffffffffffffn), ...v(V.and), ...i64x2c(0x3ff0000000000000n), ...v(V.or), ...set(3),
    ...get(3), ...f64x2c(Math.SQRT2), ...v(V.f64x2_gt), ...set(4),
    ...get(3), ...f64x2c(0.5), ...v(V.f64x2_mul), ...get(3), ...get(4), ...v(V.bitselect), ...set(3),
    ...get(2), ...f64x2c(1), ...get(4), ...v(V.and), ...v(V.f64x2_add), ...set(2),
    ...get(3), ...f64x2c(1), ...v(V.f64x2_sub), ...get(3), ...f64x2c(1), ...v(V.f64x2_add), ...v(V.f64x2_div), ...set(5),
    ...get(5), ...get(5), ...v(V.f64x2_mul), ...set(6),
    // e·ln2_hi + (2s·(1 + q/3 + … + q⁵/11) + e·ln2_lo)
    ...get(2), ...f64x2c(LN2_HI), ...v(V.f64x2_mul),
    ...estrin(6, 8, 9, [1, 1 / 3, 1 / 5, 1 / 7, 1 / 9, 1 / 11]), ...get(5), ...v(V.f64x2_mul), ...f64x2c(2), ...v(V.f64x2_mul),
    ...get(2), ...f64x2c(LN2_LO), ...v(V.f64x2_mul), ...v(V.f64x2_add), ...v(V.f64x2_add), ...set(7),
    // +∞ and NaN give themselves, x < 0 gives NaN, 0 gives −∞.
    ...get(7), ...get(0), ...get(0), ...f64x2c(Infinity), ...v(V.f64x2_lt), ...v(V.bitselect), ...set(7),
    ...f64x2c(NaN), ...get(7), ...get(0), ...f64x2c(0), ...v(V.f64x2_lt), ...v(V.bitselect), ...set(7),
    ...f64x2c(-Infinity), ...get(7), ...get(0), ...f64x2c(0), ...v(V.f64x2_eq), ...v(V.bitselect),
  ],
};

/** log1p calls log (function index `logIndex`). Locals: 0 = x, 1 = u, 2 = correction. */
function log1p(logIndex: number): FunctionBody {
  return {
    locals: [[2, V128]],
    code: [
      ...get(0), ...f64x2c(1), ...v(V.f64x2_add), ...set(1),
      ...get(0), ...get(1), ...f64x2c(1), ...v(V.f64x2_sub), ...v(V.f64x2_sub), ...get(1), ...v(V.f64x2_div), ...set(2),
      // The correction is 0/0 at x = −1 and ∞ − ∞ at x = ∞: drop it there.
      ...get(2), ...f64x2c(0), ...get(2), ...get(2), ...v(V.f64x2_eq), ...v(V.bitselect), ...set(2),
      ...get(1), OP.call, ...u32(logIndex), ...get(2), ...v(V.f64x2_add),
    ],
  };
}

/** tanh calls expm1 (function index `expm1Index`). Locals: 0 = x, 1 = t. */
function tanh(expm1Index: number): FunctionBody {
  return {
    locals: [[1, V128]],
    code: [
      ...get(0), ...v(V.f64x2_abs), ...f64x2c(20), ...v(V.f64x2_min), ...f64x2c(2), ...v(V.f64x2_mul), OP.call, ...u32(expm1Index), ...set(1),
      ...get(1), ...get(1), ...f64x2c(2), ...v(V.f64x2_add), ...v(V.f64x2_div),
      ...get(0), ...f64x2c(-0), ...v(V.and), ...v(V.or),
    ],
  };
}

const DEPS: Record<VMathName, VMathName[]> = { exp: [], expm1: [], log: [], log1p: ['log'], tanh: ['expm1'] };

/** A set of vectorised functions: each body, given the function indices of the others. */
export type VMathLibrary = (name: VMathName, index: ReadonlyMap<VMathName, number>) => FunctionBody;

/** The f64x2 functions of this file. */
export const VMATH_F64X2: VMathLibrary = (n, index) => {
  switch (n) {
    case 'exp': return exp;
    case 'expm1': return expm1;
    case 'log': return log;
    case 'log1p': return log1p(index.get('log')!);
    case 'tanh': return tanh(index.get('expm1')!);
  }
};

/**
 * The helper functions of `library` a module needs for `used` (dependencies included), in order,
 * with the function index of each given the index of the first helper.
 */
export function vmathFunctions(
  used: ReadonlySet<VMathName>, firstIndex: number, library: VMathLibrary = VMATH_F64X2,
): { bodies: FunctionBody[]; index: Map<VMathName, number> } {
  const names: VMathName[] = [];
  const add = (n: VMathName): void => {
    if (names.includes(n)) return;
    DEPS[n].forEach(add);
    names.push(n);
  };
  [...used].sort().forEach(add);
  const index = new Map(names.map((n, i) => [n, firstIndex + i]));
  return { bodies: names.map((n) => library(n, index)), index };
}

/** Scalar f64 on the stack → the helper applied to it (splat, call, lane 0). */
export function scalarCall(index: number): number[] {
  return [...simd(V.f64x2_splat), OP.call, ...u32(index), ...simd(V.f64x2_extract, 0)];
}
