/**
 * The SIMD128 form of a kernel's innermost loop: two elements per step in f64x2 lanes (the same
 * f64 arithmetic as the scalar code, so both give the same numbers), for loops whose varying reads
 * are contiguous and unmasked. Values invariant in the loop are splatted once before it; a
 * reduction keeps a two-lane accumulator folded into the scalar one after the loop. The scalar
 * loop then finishes the odd element.
 */
import type { Expr, Kernel } from '../../ir/kernel.js';
import { exprChildren } from '../../ir/kernel.js';
import { BLOCK_VOID, OP, V, f64x2Const as f64x2c, s32, simd, u32 } from './encoding.js';
import { vmathOf, type VMathName } from './vmath.js';

const W = 2;

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
  if (k.loops[inner]! < W) return false;
  if (k.reduceOp !== null ? k.nReduce === 0 : k.outDtype === 'bool') return false;
  for (const [e, lv] of level) if (lv === inner && !lanewise(k, e)) return false;
  return true;
}

const c0 = f64x2c(0);
const c1 = f64x2c(1);
const v = (op: number) => simd(op);
const to01 = [...c1, ...v(V.and)];

/** The vector loop's code and the number of v128 locals it uses. */
export function vectorLoop(x: VectorContext): { code: number[]; nV128: number } {
  const { k, level, get, set } = x;
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
  const VACC = next++;
  const vv = (e: Expr): number[] => (e.t === 'const' ? f64x2c(e.v) : get(slots.get(e)!));

  const compute = (e: Expr): number[] => {
    switch (e.t) {
      case 'load': {
        const dt = k.inputs[e.i]!.dtype;
        const addr = x.loadAddr(e);
        if (dt === 'float64' || dt === 'int64') return [...addr, ...simd(V.load, 0, 0)];
        return [...addr, ...simd(V.load64_zero, 0, 0), ...v(dt === 'float32' ? V.f64x2_promote : V.f64x2_convert_low_i32x4_s)];
      }
      case 'un': {
        const a = vv(e.a);
        switch (e.op) {
          case 'neg': return [...a, ...v(V.f64x2_neg)];
          case 'abs': return [...a, ...v(V.f64x2_abs)];
          case 'sqrt': return [...a, ...v(V.f64x2_sqrt)];
          case 'floor': return [...a, ...v(V.f64x2_floor)];
          case 'ceil': return [...a, ...v(V.f64x2_ceil)];
          case 'round': return [...a, ...v(V.f64x2_nearest)];
          case 'reciprocal': return [...c1, ...a, ...v(V.f64x2_div)];
          case 'not': return [...a, ...c0, ...v(V.f64x2_eq), ...to01];
          // (a > 0) − (a < 0); NaN stays NaN.
          case 'sign': return [
            ...a, ...a, ...c0, ...v(V.f64x2_gt), ...to01, ...a, ...c0, ...v(V.f64x2_lt), ...to01, ...v(V.f64x2_sub),
            ...a, ...a, ...v(V.f64x2_ne), ...v(V.bitselect),
          ];
          default: return [...a, OP.call, ...u32(x.helpers.get(vmathOf(e.op, e.dtype)!)!)];
        }
      }
      case 'bin': {
        const a = vv(e.a);
        const b = vv(e.b);
        switch (e.op) {
          case 'add': return [...a, ...b, ...v(V.f64x2_add)];
          case 'sub': return [...a, ...b, ...v(V.f64x2_sub)];
          case 'mul': return [...a, ...b, ...v(V.f64x2_mul)];
          case 'div': return [...a, ...b, ...v(V.f64x2_div)];
          case 'pow': return e.b.t === 'const' && e.b.v === 1 ? a : [...a, ...a, ...v(V.f64x2_mul)];
          case 'maximum': return [...a, ...b, ...v(V.f64x2_max)];
          case 'minimum': return [...a, ...b, ...v(V.f64x2_min)];
          case 'eq': return [...a, ...b, ...v(V.f64x2_eq), ...to01];
          case 'ne': return [...a, ...b, ...v(V.f64x2_ne), ...to01];
          case 'lt': return [...a, ...b, ...v(V.f64x2_lt), ...to01];
          case 'le': return [...a, ...b, ...v(V.f64x2_le), ...to01];
          case 'gt': return [...a, ...b, ...v(V.f64x2_gt), ...to01];
          case 'ge': return [...a, ...b, ...v(V.f64x2_ge), ...to01];
          case 'and': case 'or':
            return [...a, ...c0, ...v(V.f64x2_ne), ...b, ...c0, ...v(V.f64x2_ne), ...v(e.op === 'and' ? V.and : V.or), ...to01];
        }
        break;
      }
      case 'where': return [...vv(e.a), ...vv(e.b), ...vv(e.c), ...c0, ...v(V.f64x2_ne), ...v(V.bitselect)];
      case 'cast': {
        const a = vv(e.a);
        const from = e.a.dtype;
        if (from === e.dtype || e.dtype === 'float64') return a;
        switch (e.dtype) {
          case 'float32': return from === 'bool' ? a : [...a, ...v(V.f32x4_demote), ...v(V.f64x2_promote)];
          case 'int32': return from === 'bool' ? a : [...a, ...v(V.i32x4_trunc_sat_f64x2_s_zero), ...v(V.f64x2_convert_low_i32x4_s)];
          case 'int64': return from === 'bool' || from === 'int32' ? a : [...a, ...v(V.f64x2_trunc)];
          case 'bool': return [...a, ...c0, ...v(V.f64x2_ne), ...to01];
        }
        return a;
      }
      default: break;
    }
    throw new Error(`wasm vector codegen: unexpected ${e.t} node (bug)`);
  };

  const storeVec = (): number[] => {
    const value = vv(k.body);
    switch (k.outDtype) {
      case 'float64': case 'int64': return [...x.outAddr(), ...value, ...simd(V.store, 0, 0)];
      case 'float32': return [...x.outAddr(), ...value, ...v(V.f32x4_demote), ...simd(V.store64_lane, 0, 0, 0)];
      default: return [...x.outAddr(), ...value, ...v(V.i32x4_trunc_sat_f64x2_s_zero), ...simd(V.store64_lane, 0, 0, 0)];
    }
  };
  const op = k.reduceOp;
  const accumulate = op === 'sum' ? V.f64x2_add : op === 'max' ? V.f64x2_max : V.f64x2_min;
  const step = op === null
    ? [...storeVec(), ...get(x.O), OP.i32_const, ...s32(W), OP.i32_add, ...set(x.O)]
    : [...get(VACC), ...vv(k.body), ...v(accumulate), ...set(VACC)];
  /** Folds lane `lane` of the vector accumulator into the scalar one, as the scalar loop folds an element. */
  const fold = (lane: number): number[] => {
    const value = [...get(VACC), ...simd(V.f64x2_extract, lane)];
    if (op === 'sum') return [...get(x.ACC), ...value, OP.f64_add, ...set(x.ACC)];
    const t = get(x.TMP);
    return [...value, ...set(x.TMP), ...t, ...get(x.ACC), ...t, ...get(x.ACC), op === 'max' ? OP.f64_gt : OP.f64_lt, ...t, ...t, OP.f64_ne, OP.i32_or, OP.select, ...set(x.ACC)];
  };
  const init = op === null ? [] : [...f64x2c(op === 'sum' ? 0 : op === 'max' ? -Infinity : Infinity), ...set(VACC)];
  const code = [
    ...splats.flatMap((e) => [...x.val(e), ...v(V.f64x2_splat), ...set(slots.get(e)!)]),
    ...init,
    ...x.start(d), ...set(x.I(d)),
    OP.block, BLOCK_VOID, OP.loop, BLOCK_VOID,
    ...get(x.I(d)), ...x.end(d, W - 1), OP.i32_ge_s, OP.br_if, 1,
    ...vary.flatMap((e) => [...compute(e), ...set(slots.get(e)!)]),
    ...step,
    ...get(x.I(d)), OP.i32_const, ...s32(W), OP.i32_add, ...set(x.I(d)),
    OP.br, 0, OP.end, OP.end,
    ...(op === null ? [] : [...fold(0), ...fold(1)]),
  ];
  return { code, nV128: next - x.V0 };
}
