/**
 * The f32x4 form of a float32 kernel's innermost loop: four elements per step, each op rounded to
 * float32 (as PyTorch computes float32), exp/expm1/log/log1p/tanh from `vmath32.ts` inlined. Sums
 * accumulate in float64 (the four lanes promoted into two f64x2 accumulators), max/min in the lanes
 * (NaN kept aside in a mask).
 * The elements left after the last four-wide step run in the same f32x4 arithmetic one at a time
 * (lane 0), so an element's value does not depend on its position.
 * NOTE: the scalar code and the f64x2 form compute float32 kernels in float64 and round once on
 * store, so a float32 kernel's elements can differ from the cpu backend's in the last bits.
 * Used when every value that varies in the loop is float32 (or bool, held as 0/1 in f32 lanes)
 * and every varying read is a contiguous float32 input.
 */
import type { Expr, Kernel } from '../../ir/kernel.js';
import { exprChildren } from '../../ir/kernel.js';
import { HIGH_TO_LOW, OP, V, f32x4Const as f32c, f64, f64x2Const, simd } from './encoding.js';
import { foldScalar, laneArith, unexpected, type LaneForm, type LaneOps } from './vector.js';
import { INLINE32_LOCALS, inline32, inlineLog1pSmall } from './vmath32.js';

const v = (op: number) => simd(op);
const F32X4_OPS: LaneOps = {
  c0: f32c(0), c1: f32c(1),
  neg: V.f32x4_neg, abs: V.f32x4_abs, sqrt: V.f32x4_sqrt, floor: V.f32x4_floor, ceil: V.f32x4_ceil, nearest: V.f32x4_nearest,
  add: V.f32x4_add, sub: V.f32x4_sub, mul: V.f32x4_mul, div: V.f32x4_div, max: V.f32x4_max, min: V.f32x4_min,
  eq: V.f32x4_eq, ne: V.f32x4_ne, lt: V.f32x4_lt, le: V.f32x4_le, gt: V.f32x4_gt, ge: V.f32x4_ge,
};

const F32_OK = (e: Expr) => e.dtype === 'float32' || e.dtype === 'bool';

/**
 * Bounds of a node's value (NaN aside), from constants through neg, abs and exp; unknown is
 * (−∞, ∞). Enough to see that softplus's log1p(e^−|x|) gets an argument in [0, 1].
 */
function range(e: Expr): [number, number] {
  if (e.t === 'const') return [e.v, e.v];
  if (e.t !== 'un') return [-Infinity, Infinity];
  const [lo, hi] = range(e.a);
  switch (e.op) {
    case 'neg': return [-hi, -lo];
    case 'abs': return lo >= 0 ? [lo, hi] : hi <= 0 ? [-hi, -lo] : [0, Math.max(-lo, hi)];
    case 'exp': return [Math.exp(lo), Math.exp(hi)];
    default: return [-Infinity, Infinity];
  }
}

/** Whether a varying node has an f32x4 form. */
function lanewise32(k: Kernel, e: Expr): boolean {
  const inner = k.loops.length - 1;
  if (!F32_OK(e) || !exprChildren(e).every(F32_OK)) return false;
  switch (e.t) {
    case 'load': {
      const inp = k.inputs[e.i]!;
      return inp.dtype === 'float32' && inp.strides[inner] === 1 && !inp.masks?.some((m) => m);
    }
    case 'un': return e.op !== 'sin' && e.op !== 'cos';
    case 'bin': return e.op !== 'pow' || (e.b.t === 'const' && (e.b.v === 1 || e.b.v === 2));
    case 'where': case 'cast': return true;
    default: return false;
  }
}

/** Whether the kernel's innermost loop gets the f32x4 form. */
export function vectorizable32(k: Kernel, level: Map<Expr, number>): boolean {
  const inner = k.loops.length - 1;
  if (k.loops[inner]! < 4 || k.body.dtype !== 'float32') return false;
  if (k.reduceOp !== null ? k.nReduce === 0 : k.outDtype !== 'float32') return false;
  for (const [e, lv] of level) if (lv === inner && !lanewise32(k, e)) return false;
  return true;
}

export const F32X4: LaneForm = {
  width: 4,
  scratchLocals: INLINE32_LOCALS,
  constant: f32c,
  splat: [OP.f32_demote_f64, ...v(V.f32x4_splat)],
  compute(e, vv, x, scratch) {
    switch (e.t) {
      case 'load': return [...x.loadAddr(e), ...simd(V.load, 0, 0)];
      case 'un': {
        if (e.op === 'log1p') {
          const [lo, hi] = range(e.a);
          if (lo >= -0.5 && hi <= 1) return [...vv(e.a), ...inlineLog1pSmall(scratch)];
        }
        if (e.op === 'exp' || e.op === 'expm1' || e.op === 'log' || e.op === 'log1p' || e.op === 'tanh') return [...vv(e.a), ...inline32(e.op, scratch)];
        break;
      }
      // float32 → bool is `laneArith`'s; bool → float32 and float32 → float32 change nothing (bool lanes hold 0/1).
      case 'cast':
        if (e.dtype !== 'bool' || e.a.dtype === 'bool') return vv(e.a);
        break;
      default: break;
    }
    return laneArith(e, vv, F32X4_OPS) ?? unexpected('f32x4', e);
  },
  store: (x, value) => [...x.outAddr(), ...value, ...simd(V.store, 0, 0)],
  one: {
    load: (x, e) => [...x.loadAddr(e), ...simd(V.load32_zero, 2, 0)],
    store: (x, value) => [...x.outAddr(), ...value, ...simd(V.store32_lane, 2, 0, 0)],
    lane0: [...simd(V.f32x4_extract, 0), OP.f64_promote_f32],
  },
  accumulator(op, acc, x) {
    const { get, set } = x;
    if (op === 'sum') {
      // Lanes 0–1 into acc, 2–3 into acc + 1, in float64.
      return {
        locals: 3,
        init: [...f64x2Const(0), ...set(acc), ...f64x2Const(0), ...set(acc + 1)],
        step: (value) => [
          ...value, ...set(acc + 2),
          ...get(acc), ...get(acc + 2), ...v(V.f64x2_promote), ...v(V.f64x2_add), ...set(acc),
          ...get(acc + 1), ...get(acc + 2), ...get(acc + 2), ...HIGH_TO_LOW, ...v(V.f64x2_promote), ...v(V.f64x2_add), ...set(acc + 1),
        ],
        fold: [acc, acc + 1].flatMap((a) => [0, 1].flatMap((lane) => [...get(a), ...simd(V.f64x2_extract, lane), ...foldScalar(op, x)])),
      };
    }
    // pmax/pmin (one instruction; f32x4.max's NaN rules cost V8 a sequence on the loop-carried
    // chain) with NaN tracked in a mask beside it (acc + 1).
    return {
      locals: 2,
      init: [...f32c(op === 'max' ? -Infinity : Infinity), ...set(acc), ...F32X4_OPS.c0, ...set(acc + 1)],
      step: (value) => [
        ...get(acc), ...value, ...v(op === 'max' ? V.f32x4_pmax : V.f32x4_pmin), ...set(acc),
        ...get(acc + 1), ...value, ...value, ...v(V.f32x4_ne), ...v(V.or), ...set(acc + 1),
      ],
      fold: [
        ...[0, 1, 2, 3].flatMap((lane) => [...get(acc), ...simd(V.f32x4_extract, lane), OP.f64_promote_f32, ...foldScalar(op, x)]),
        OP.f64_const, ...f64(NaN), ...get(x.ACC), ...get(acc + 1), ...v(V.any_true), OP.select, ...set(x.ACC),
      ],
    };
  },
};
