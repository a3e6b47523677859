/**
 * SIMD128 forms of a kernel's innermost loop, for loops whose varying reads are contiguous and
 * unmasked: `vectorLoop` is the skeleton (values invariant in the loop are splatted once before it;
 * a reduction keeps vector accumulators folded into the scalar one after it; the scalar loop then
 * finishes the last elements), a `LaneForm` the arithmetic. `F64X2` here: two elements per step
 * in f64 lanes, the same float64 arithmetic as the scalar code; `F32X4` in `vector32.ts`.
 */
import type { Expr, Kernel } from '../../ir/kernel.js';
import { exprChildren } from '../../ir/kernel.js';
import { BLOCK_VOID, OP, V, f64x2Const as f64x2c, s32, simd, u32 } from './encoding.js';
import { vmathOf, type VMathName } from './vmath.js';

/** What the scalar generator shares with the vector loop. */
export interface VectorContext {
  readonly k: Kernel;
  readonly level: Map<Expr, number>;
  readonly order: readonly Expr[];
  /** The scalar value of a node computed outside the innermost loop (local or constant). */
  readonly val: (e: Expr) => number[];
  readonly loadAddr: (e: Extract<Expr, { t: 'load' }>) => number[];
  readonly outAddr: () => number[];
  readonly get: (i: number) => number[];
  readonly set: (i: number) => number[];
  readonly I: (d: number) => number;
  readonly O: number;
  readonly ACC: number;
  readonly TMP: number;
  /** First v128 local. */
  readonly V0: number;
  readonly helpers: Map<VMathName, number>;
  /** Loop d's first index; its end less `minus`. */
  readonly start: (d: number) => number[];
  readonly end: (d: number, minus?: number) => number[];
}

/** Whether a node can be computed in f64x2 lanes. */
function lanewise(k: Kernel, e: Expr): boolean {
  const inner = k.loops.length - 1;
  switch (e.t) {
    case 'load': {
      const inp = k.inputs[e.i]!;
      return inp.dtype !== 'bool' && inp.strides[inner] === 1 && !inp.masks?.some((m) => m);
    }
    case 'un':
      if (e.op === 'sin' || e.op === 'cos') return false;
      if (e.op === 'exp' || e.op === 'log' || e.op === 'log1p' || e.op === 'tanh' || e.op === 'expm1') return vmathOf(e.op, e.dtype) !== null;
      return true;
    case 'bin': return e.op !== 'pow' || (e.b.t === 'const' && (e.b.v === 1 || e.b.v === 2));
    case 'where': case 'cast': return true;
    default: return false;
  }
}

/** Whether the kernel's innermost loop gets a SIMD form. */
export function vectorizable(k: Kernel, level: Map<Expr, number>): boolean {
  const inner = k.loops.length - 1;
  if (k.loops[inner]! < 2) return false;
  if (k.reduceOp !== null ? k.nReduce === 0 : k.outDtype === 'bool') return false;
  for (const [e, lv] of level) if (lv === inner && !lanewise(k, e)) return false;
  return true;
}

const v = (op: number) => simd(op);

/** The opcodes of one lane type for `laneArith`, and its constants 0 and 1. */
export interface LaneOps {
  readonly c0: number[];
  readonly c1: number[];
  readonly neg: number; readonly abs: number; readonly sqrt: number; readonly floor: number; readonly ceil: number; readonly nearest: number;
  readonly add: number; readonly sub: number; readonly mul: number; readonly div: number; readonly max: number; readonly min: number;
  readonly eq: number; readonly ne: number; readonly lt: number; readonly le: number; readonly gt: number; readonly ge: number;
}

/**
 * The vector of an arithmetic, comparison, logic or `where` node, the same for every lane type
 * (comparisons and logic give 1/0 lanes, as the scalar code does); null for other nodes.
 */
export function laneArith(e: Expr, vv: (e: Expr) => number[], o: LaneOps): number[] | null {
  const to01 = [...o.c1, ...v(V.and)];
  switch (e.t) {
    case 'un': {
      const a = vv(e.a);
      switch (e.op) {
        case 'neg': return [...a, ...v(o.neg)];
        case 'abs': return [...a, ...v(o.abs)];
        case 'sqrt': return [...a, ...v(o.sqrt)];
        case 'floor': return [...a, ...v(o.floor)];
        case 'ceil': return [...a, ...v(o.ceil)];
        case 'round': return [...a, ...v(o.nearest)];
        case 'reciprocal': return [...o.c1, ...a, ...v(o.div)];
        case 'not': return [...a, ...o.c0, ...v(o.eq), ...to01];
        // (a > 0) − (a < 0); NaN stays NaN.
        case 'sign': return [
          ...a, ...a, ...o.c0, ...v(o.gt), ...to01, ...a, ...o.c0, ...v(o.lt), ...to01, ...v(o.sub),
          ...a, ...a, ...v(o.ne), ...v(V.bitselect),
        ];
        default: return null;
      }
    }
    case 'bin': {
      const a = vv(e.a);
      const b = vv(e.b);
      const cmp = (op: number) => [...a, ...b, ...v(op), ...to01];
      switch (e.op) {
        case 'add': return [...a, ...b, ...v(o.add)];
        case 'sub': return [...a, ...b, ...v(o.sub)];
        case 'mul': return [...a, ...b, ...v(o.mul)];
        case 'div': return [...a, ...b, ...v(o.div)];
        case 'pow': return e.b.t === 'const' && e.b.v === 1 ? a : [...a, ...a, ...v(o.mul)];
        case 'maximum': return [...a, ...b, ...v(o.max)];
        case 'minimum': return [...a, ...b, ...v(o.min)];
        case 'eq': return cmp(o.eq);
        case 'ne': return cmp(o.ne);
        case 'lt': return cmp(o.lt);
        case 'le': return cmp(o.le);
        case 'gt': return cmp(o.gt);
        case 'ge': return cmp(o.ge);
        case 'and': case 'or':
          return [...a, ...o.c0, ...v(o.ne), ...b, ...o.c0, ...v(o.ne), ...v(e.op === 'and' ? V.and : V.or), ...to01];
      }
      return null;
    }
    case 'where': return [...vv(e.a), ...vv(e.b), ...vv(e.c), ...o.c0, ...v(o.ne), ...v(V.bitselect)];
    case 'cast': return e.dtype === 'bool' && e.a.dtype !== 'bool' ? [...vv(e.a), ...o.c0, ...v(o.ne), ...to01] : null;
    default: return null;
  }
}

/** The error for a node a form was not meant to get (`vectorizable` and `vectorizable32` rule it out). */
export function unexpected(form: string, e: Expr): never {
  throw new Error(`wasm ${form} codegen: unexpected ${e.t} node (bug)`);
}

const F64X2_OPS: LaneOps = {
  c0: f64x2c(0), c1: f64x2c(1),
  neg: V.f64x2_neg, abs: V.f64x2_abs, sqrt: V.f64x2_sqrt, floor: V.f64x2_floor, ceil: V.f64x2_ceil, nearest: V.f64x2_nearest,
  add: V.f64x2_add, sub: V.f64x2_sub, mul: V.f64x2_mul, div: V.f64x2_div, max: V.f64x2_max, min: V.f64x2_min,
  eq: V.f64x2_eq, ne: V.f64x2_ne, lt: V.f64x2_lt, le: V.f64x2_le, gt: V.f64x2_gt, ge: V.f64x2_ge,
};

/**
 * One SIMD form of the innermost loop: its lane count, how a varying node is computed from its
 * operands' vectors, how a result is stored, and how a reduction accumulates and folds.
 */
export interface LaneForm {
  readonly width: number;
  /** v128 locals `compute` may use as scratch (from the base it is given). */
  readonly scratchLocals: number;
  /** A constant in every lane. */
  constant(v: number): number[];
  /** The scalar (f64) value on the stack → a vector of it. */
  readonly splat: number[];
  /** A varying node's vector, given its operands' (`vv`), the context and its scratch locals' base. */
  compute(e: Expr, vv: (e: Expr) => number[], x: VectorContext, scratch: number): number[];
  /** Stores the body's vector (`value`) at the output address. */
  store(x: VectorContext, value: number[]): number[];
  /** Vector accumulators of a reduction from local `acc`: how many, their start, a step with the body's vector, their fold into ACC. */
  accumulator(op: 'sum' | 'max' | 'min', acc: number, x: VectorContext): { locals: number; init: number[]; step(value: number[]): number[]; fold: number[] };
  /**
   * The tail in lane form, one element a step, when the scalar code would round differently from the
   * lanes: a load of one element into lane 0, the store of lane 0, and lane 0 as an f64.
   */
  readonly one?: { load(x: VectorContext, e: Extract<Expr, { t: 'load' }>): number[]; store(x: VectorContext, value: number[]): number[]; lane0: number[] };
}

/** Folds the f64 on the stack into the scalar accumulator, as the scalar loop folds an element. */
export function foldScalar(op: 'sum' | 'max' | 'min', x: VectorContext): number[] {
  const { get, set } = x;
  if (op === 'sum') return [...set(x.TMP), ...get(x.ACC), ...get(x.TMP), OP.f64_add, ...set(x.ACC)];
  const t = get(x.TMP);
  return [...set(x.TMP), ...t, ...get(x.ACC), ...t, ...get(x.ACC), op === 'max' ? OP.f64_gt : OP.f64_lt, ...t, ...t, OP.f64_ne, OP.i32_or, OP.select, ...set(x.ACC)];
}

/**
 * The vector loop's code (in `form`) and the number of v128 locals it uses. With `tail`, the loop
 * over the elements left after the vector steps, one a step in the same lane arithmetic (`form.one`),
 * so that an element's value does not depend on whether it fell in a lane or in the tail.
 */
export function vectorLoop(x: VectorContext, form: LaneForm, tail = false): { code: number[]; nV128: number } {
  const { k, level, get, set } = x;
  const one = tail ? form.one ?? unexpected('tail', k.body) : null;
  const W = one ? 1 : form.width;
  const d = k.loops.length - 1;
  const vary = x.order.filter((e) => level.get(e) === d);
  const slots = new Map<Expr, number>();
  let next = x.V0;
  vary.forEach((e) => slots.set(e, next++));
  const splats: Expr[] = [];
  const needSplat = (e: Expr): void => {
    if (e.t !== 'const' && !slots.has(e)) {
      slots.set(e, next++);
      splats.push(e);
    }
  };
  vary.forEach((e) => exprChildren(e).forEach(needSplat));
  needSplat(k.body);
  const vv = (e: Expr): number[] => (e.t === 'const' ? form.constant(e.v) : get(slots.get(e)!));
  const op = k.reduceOp;
  const acc = op === null || one ? null : form.accumulator(op, next, x);
  next += acc?.locals ?? 0;
  const scratch = next;
  next += form.scratchLocals;
  const step = op !== null && one
    ? [...vv(k.body), ...one.lane0, ...foldScalar(op, x)]
    : acc === null
      ? [...(one ? one.store(x, vv(k.body)) : form.store(x, vv(k.body))), ...get(x.O), OP.i32_const, ...s32(W), OP.i32_add, ...set(x.O)]
      : acc.step(vv(k.body));
  // The tail goes on from the vector loop's index, with its splatted invariants.
  const code = [
    ...(one ? [] : splats.flatMap((e) => [...x.val(e), ...form.splat, ...set(slots.get(e)!)])),
    ...(acc?.init ?? []),
    ...(one ? [] : [...x.start(d), ...set(x.I(d))]),
    OP.block, BLOCK_VOID, OP.loop, BLOCK_VOID,
    ...get(x.I(d)), ...x.end(d, W - 1), OP.i32_ge_s, OP.br_if, 1,
    ...vary.flatMap((e) => [...(one && e.t === 'load' ? one.load(x, e) : form.compute(e, vv, x, scratch)), ...set(slots.get(e)!)]),
    ...step,
    ...get(x.I(d)), OP.i32_const, ...s32(W), OP.i32_add, ...set(x.I(d)),
    OP.br, 0, OP.end, OP.end,
    ...(acc?.fold ?? []),
  ];
  return { code, nV128: next - x.V0 };
}

/** The f64 opcodes `wrapInt32` is made of, in scalar or lane form. */
export interface WrapOps {
  readonly trunc: readonly number[];
  readonly floor: readonly number[];
  readonly add: readonly number[];
  readonly sub: readonly number[];
  readonly mul: readonly number[];
  constant(v: number): number[];
  /** Converts the (in-range) result to int32; NaN gives 0. */
  readonly toInt32: readonly number[];
}

/**
 * JavaScript's ToInt32 of the f64 value `a` (a local or a constant: it is read four times), so NaN
 * and ±Inf give 0 and anything else wraps modulo 2^32: t = trunc(a); r = t − 2^32·trunc(t·2^−32),
 * exact for every finite t, in (−2^32, 2^32); r − 2^32·⌊(r + 2^31)·2^−32⌋ in [−2^31, 2^31), then
 * converted. It is what the cpu backend's Int32Array store does, and how PyTorch's int32 arithmetic
 * wraps (2147483647 + 1 = −2147483648); saturating instead made wasm differ.
 */
export function wrapInt32(a: readonly number[], o: WrapOps): number[] {
  const t = [...a, ...o.trunc];
  const r = [...t, ...t, ...o.constant(2 ** -32), ...o.mul, ...o.trunc, ...o.constant(2 ** 32), ...o.mul, ...o.sub];
  return [...r, ...r, ...o.constant(2 ** 31), ...o.add, ...o.constant(2 ** -32), ...o.mul, ...o.floor, ...o.constant(2 ** 32), ...o.mul, ...o.sub, ...o.toInt32];
}

const LANE_WRAP: WrapOps = {
  trunc: v(V.f64x2_trunc), floor: v(V.f64x2_floor), add: v(V.f64x2_add), sub: v(V.f64x2_sub), mul: v(V.f64x2_mul),
  constant: f64x2c, toInt32: v(V.i32x4_trunc_sat_f64x2_s_zero),
};

/** Two f64 lanes: the same float64 arithmetic as the scalar code. */
export const F64X2: LaneForm = {
  width: 2,
  scratchLocals: 0,
  constant: f64x2c,
  splat: simd(V.f64x2_splat),
  compute(e, vv, x) {
    const k = x.k;
    switch (e.t) {
      case 'load': {
        const dt = k.inputs[e.i]!.dtype;
        const addr = x.loadAddr(e);
        if (dt === 'float64' || dt === 'int64') return [...addr, ...simd(V.load, 0, 0)];
        return [...addr, ...simd(V.load64_zero, 0, 0), ...v(dt === 'float32' ? V.f64x2_promote : V.f64x2_convert_low_i32x4_s)];
      }
      case 'un':
        if (vmathOf(e.op, e.dtype)) return [...vv(e.a), OP.call, ...u32(x.helpers.get(vmathOf(e.op, e.dtype)!)!)];
        break;
      case 'cast': {
        const a = vv(e.a);
        const from = e.a.dtype;
        if (from === e.dtype || e.dtype === 'float64') return a;
        switch (e.dtype) {
          case 'float32': return from === 'bool' ? a : [...a, ...v(V.f32x4_demote), ...v(V.f64x2_promote)];
          case 'int32': return from === 'bool' ? a : [...wrapInt32(a, LANE_WRAP), ...v(V.f64x2_convert_low_i32x4_s)];
          case 'int64': return from === 'bool' || from === 'int32' ? a : [...a, ...v(V.f64x2_trunc)];
          case 'bool': break;
        }
        break;
      }
      default: break;
    }
    return laneArith(e, vv, F64X2_OPS) ?? unexpected('f64x2', e);
  },
  store(x, value) {
    switch (x.k.outDtype) {
      case 'float64': case 'int64': return [...x.outAddr(), ...value, ...simd(V.store, 0, 0)];
      case 'float32': return [...x.outAddr(), ...value, ...v(V.f32x4_demote), ...simd(V.store64_lane, 0, 0, 0)];
      case 'int32': return [...x.outAddr(), ...wrapInt32(value, LANE_WRAP), ...simd(V.store64_lane, 0, 0, 0)];
      default: return [...x.outAddr(), ...value, ...v(V.i32x4_trunc_sat_f64x2_s_zero), ...simd(V.store64_lane, 0, 0, 0)];
    }
  },
  accumulator(op, acc, x) {
    const accumulate = op === 'sum' ? V.f64x2_add : op === 'max' ? V.f64x2_max : V.f64x2_min;
    return {
      locals: 1,
      init: [...f64x2c(op === 'sum' ? 0 : op === 'max' ? -Infinity : Infinity), ...x.set(acc)],
      step: (value) => [...x.get(acc), ...value, ...v(accumulate), ...x.set(acc)],
      fold: [0, 1].flatMap((lane) => [...x.get(acc), ...simd(V.f64x2_extract, lane), ...foldScalar(op, x)]),
    };
  },
};
