/**
 * Kernel IR → WebAssembly. One exported `run(base_0 … base_{n−1}, out, lo, hi, raw, init)` walks the
 * loop nest for indices [lo, hi) of the outermost loop (so threads can share a kernel); each base is
 * an element index into the memory (buffer address / element size + offset). A reduction starts
 * from `init`; when the outermost loop is reduced and `raw` ≠ 0, the accumulator is stored as a
 * float64 at byte address 8·out instead of going through the epilogue (a thread's partial result).
 * Values are f64 (as the cpu backend computes in doubles); loads and stores convert from and to
 * each dtype's storage. Every IR node is computed once, into a local, at the outermost loop where it
 * is invariant; reductions accumulate in f64; the epilogue runs per output element. The innermost
 * loop runs in SIMD128 when its reads are contiguous — four float32 lanes (`vector32.ts`) when every
 * value varying in it is float32, else two f64 lanes (`vector.ts`) — then finishes in scalar code.
 * Float32 kernels use the module's own vectorised exp/expm1/log/log1p/tanh (`vmath32.ts` in the
 * f32x4 loops, `vmath.ts` elsewhere); float64 kernels and sin/cos/pow call the host's `Math`.
 */
import type { DType } from '../../dtype.js';
import type { Expr, Kernel } from '../../ir/kernel.js';
import { bodyLevels, exprChildren } from '../../ir/kernel.js';
import type { UnaryOp } from '../../ir/lazy.js';
import { BLOCK_F64, BLOCK_VOID, F64, I32, I32_TRUNC_SAT_F64_S, I32_TRUNC_SAT_F64_U, OP, V128, f64, kernelModule, s32, u32 } from './encoding.js';
import { F64X2, vectorLoop, vectorizable, wrapInt32, type WrapOps } from './vector.js';
import { F32X4, vectorizable32 } from './vector32.js';
import { scalarCall, vmathFunctions, vmathOf, type VMathName } from './vmath.js';

/** Host functions every kernel module imports, in this order (arity 1 unless noted). */
export const HOST_FUNCTIONS = [
  { name: 'exp', arity: 1 }, { name: 'log', arity: 1 }, { name: 'sin', arity: 1 }, { name: 'cos', arity: 1 },
  { name: 'tanh', arity: 1 }, { name: 'log1p', arity: 1 }, { name: 'expm1', arity: 1 }, { name: 'pow', arity: 2 },
] as const;
const fnIndex = (n: (typeof HOST_FUNCTIONS)[number]['name']): number => HOST_FUNCTIONS.findIndex((f) => f.name === n);

/** log2 of a dtype's storage element size (int64 is stored as float64, bool as bytes). */
export function elemShift(dtype: DType): number {
  return dtype === 'float64' || dtype === 'int64' ? 3 : dtype === 'bool' ? 0 : 2;
}

/** Load the element at byte address (on the stack) of `dtype` and leave it as f64. */
function loadAs(dtype: DType): number[] {
  switch (dtype) {
    case 'float32': return [OP.f32_load, 2, 0, OP.f64_promote_f32];
    case 'float64': case 'int64': return [OP.f64_load, 3, 0];
    case 'int32': return [OP.i32_load, 2, 0, OP.f64_convert_i32_s];
    case 'bool': return [OP.i32_load8_u, 0, 0, OP.f64_convert_i32_u];
  }
}

const SCALAR_WRAP: WrapOps = {
  trunc: [OP.f64_trunc], floor: [OP.f64_floor], add: [OP.f64_add], sub: [OP.f64_sub], mul: [OP.f64_mul],
  constant: (v) => [OP.f64_const, ...f64(v)], toInt32: I32_TRUNC_SAT_F64_S,
};

/** Store the f64 `value` (a local or a constant) at the byte address on the stack, as `dtype`; int32 wraps (`wrapInt32`). */
function storeAs(dtype: DType, value: number[]): number[] {
  switch (dtype) {
    case 'float32': return [...value, OP.f32_demote_f64, OP.f32_store, 2, 0];
    case 'float64': case 'int64': return [...value, OP.f64_store, 3, 0];
    case 'int32': return [...wrapInt32(value, SCALAR_WRAP), OP.i32_store, 2, 0];
    case 'bool': return [...value, ...I32_TRUNC_SAT_F64_U, OP.i32_store8, 0, 0];
  }
}

const b2f = [OP.f64_convert_i32_u];

/** Compiles a kernel to a module's bytes (importing a shared memory when `shared`). */
export function kernelWasm(k: Kernel, shared = false): Uint8Array {
  const L = k.loops.length;
  const outer = L - k.nReduce;
  const nIn = k.inputs.length + k.epiInputs.length;
  // Locals: params (bases, out, lo, hi, raw, init), i32 loop counters, i32 o, then f64 node values, acc, tmp.
  const OUT = nIn, LO = nIn + 1, HI = nIn + 2, RAW = nIn + 3, INIT = nIn + 4;
  const I = (d: number) => nIn + 5 + d;
  const O = nIn + 5 + L;
  const { level, order } = bodyLevels(k);
  const epiOrder: Expr[] = [];
  const seenEpi = new Set<Expr>();
  const visitEpi = (e: Expr): void => {
    if (seenEpi.has(e)) return;
    seenEpi.add(e);
    exprChildren(e).forEach(visitEpi);
    epiOrder.push(e);
  };
  if (k.epilogue) visitEpi(k.epilogue);
  const F0 = O + 1;
  const slot = new Map<Expr, number>();
  [...order, ...epiOrder].forEach((e) => {
    if (!slot.has(e)) slot.set(e, F0 + slot.size);
  });
  const ACC = F0 + slot.size;
  const TMP = ACC + 1;
  const nF64 = slot.size + 2;
  const V0 = TMP + 1;
  const used = new Set<VMathName>();
  [...order, ...epiOrder].forEach((e) => {
    const m = e.t === 'un' ? vmathOf(e.op, e.dtype) : null;
    if (m) used.add(m);
  });
  const helpers = vmathFunctions(used, HOST_FUNCTIONS.length + 1);
  const lanes32 = vectorizable32(k, level);

  const get = (i: number) => [OP.local_get, ...u32(i)];
  const set = (i: number) => [OP.local_set, ...u32(i)];
  const i32c = (v: number) => [OP.i32_const, ...s32(v)];
  const f64c = (v: number) => [OP.f64_const, ...f64(v)];
  const val = (e: Expr): number[] => (e.t === 'const' ? f64c(e.v) : e.t === 'acc' ? get(ACC) : get(slot.get(e)!));

  const addr = (base: number[], shift: number): number[] => (shift ? [...base, ...i32c(shift), OP.i32_shl] : base);
  /** Byte address of a load's element at the current loop indices. */
  const loadAddr = (e: Extract<Expr, { t: 'load' }>): number[] => {
    const inp = k.inputs[e.i]!;
    const lv = level.get(e)!;
    const idx = [...get(e.i)];
    for (let j = 0; j <= lv; j++) {
      const st = inp.strides[j]!;
      if (st === 0) continue;
      idx.push(...get(I(j)), ...(st === 1 ? [] : [...i32c(st), OP.i32_mul]), OP.i32_add);
    }
    return addr(idx, elemShift(inp.dtype));
  };
  const outAddr = (): number[] => addr([...get(OUT), ...get(O), OP.i32_add], elemShift(k.outDtype));
  const loadBody = (e: Extract<Expr, { t: 'load' }>): number[] => {
    const inp = k.inputs[e.i]!;
    const read = [...loadAddr(e), ...loadAs(inp.dtype)];
    const conds: number[][] = [];
    (inp.masks ?? []).forEach((m, d) => {
      if (m) conds.push([...get(I(d)), ...i32c(m[0]), OP.i32_ge_s, ...get(I(d)), ...i32c(m[1]), OP.i32_lt_s, OP.i32_and]);
    });
    if (!conds.length) return read;
    const cond = conds.reduce((a, c) => [...a, ...c, OP.i32_and]);
    return [...cond, OP.if, BLOCK_F64, ...read, OP.else, ...f64c(0), OP.end];
  };
  const unary = (op: UnaryOp, a: number[], dtype: DType): number[] => {
    switch (op) {
      case 'neg': return [...a, OP.f64_neg];
      case 'abs': return [...a, OP.f64_abs];
      case 'sqrt': return [...a, OP.f64_sqrt];
      case 'floor': return [...a, OP.f64_floor];
      case 'ceil': return [...a, OP.f64_ceil];
      case 'round': return [...a, OP.f64_nearest];
      case 'reciprocal': return [...f64c(1), ...a, OP.f64_div];
      case 'not': return [...a, ...f64c(0), OP.f64_eq, ...b2f];
      // NaN stays NaN; otherwise (a > 0) − (a < 0).
      case 'sign': return [...a, ...a, ...f64c(0), OP.f64_gt, ...b2f, ...a, ...f64c(0), OP.f64_lt, ...b2f, OP.f64_sub, ...a, ...a, OP.f64_ne, OP.select];
      case 'exp': case 'log1p': case 'log': case 'tanh': case 'expm1': {
        const m = vmathOf(op, dtype);
        return m ? [...a, ...scalarCall(helpers.index.get(m)!)] : [...a, OP.call, ...u32(fnIndex(op))];
      }
      case 'sin': case 'cos': return [...a, OP.call, ...u32(fnIndex(op))];
    }
  };
  const compute = (e: Expr): number[] => {
    switch (e.t) {
      case 'load': return loadBody(e);
      case 'eload': {
        const inp = k.epiInputs[e.i]!;
        const idx = [...get(k.inputs.length + e.i), ...(inp.stride ? [...get(O), OP.i32_add] : [])];
        return [...addr(idx, elemShift(inp.dtype)), ...loadAs(inp.dtype)];
      }
      case 'acc': return get(ACC);
      case 'const': return f64c(e.v);
      case 'un': return unary(e.op, val(e.a), e.dtype);
      case 'where': return [...val(e.a), ...val(e.b), ...val(e.c), ...f64c(0), OP.f64_ne, OP.select];
      case 'cast': {
        const a = val(e.a);
        const from = e.a.dtype;
        if (from === e.dtype || e.dtype === 'float64') return a;
        switch (e.dtype) {
          case 'float32': return from === 'bool' ? a : [...a, OP.f32_demote_f64, OP.f64_promote_f32];
          case 'int32': return from === 'bool' ? a : [...wrapInt32(a, SCALAR_WRAP), OP.f64_convert_i32_s];
          case 'int64': return from === 'bool' || from === 'int32' ? a : [...a, OP.f64_trunc];
          case 'bool': return [...a, ...f64c(0), OP.f64_ne, ...b2f];
        }
        return a;
      }
      case 'bin': {
        const a = val(e.a);
        const b = val(e.b);
        switch (e.op) {
          case 'add': return [...a, ...b, OP.f64_add];
          case 'sub': return [...a, ...b, OP.f64_sub];
          case 'mul': return [...a, ...b, OP.f64_mul];
          case 'div': return [...a, ...b, OP.f64_div];
          case 'pow':
            if (e.b.t === 'const' && e.b.v === 2) return [...a, ...a, OP.f64_mul];
            if (e.b.t === 'const' && e.b.v === 1) return a;
            return [...a, ...b, OP.call, ...u32(fnIndex('pow'))];
          // NaN in either operand propagates (torch.maximum / minimum).
          case 'maximum': return [...a, ...b, ...a, ...b, OP.f64_gt, ...a, ...a, OP.f64_ne, OP.i32_or, OP.select];
          case 'minimum': return [...a, ...b, ...a, ...b, OP.f64_lt, ...a, ...a, OP.f64_ne, OP.i32_or, OP.select];
          case 'eq': return [...a, ...b, OP.f64_eq, ...b2f];
          case 'ne': return [...a, ...b, OP.f64_ne, ...b2f];
          case 'lt': return [...a, ...b, OP.f64_lt, ...b2f];
          case 'le': return [...a, ...b, OP.f64_le, ...b2f];
          case 'gt': return [...a, ...b, OP.f64_gt, ...b2f];
          case 'ge': return [...a, ...b, OP.f64_ge, ...b2f];
          case 'and': return [...a, ...f64c(0), OP.f64_ne, ...b, ...f64c(0), OP.f64_ne, OP.i32_and, ...b2f];
          case 'or': return [...a, ...f64c(0), OP.f64_ne, ...b, ...f64c(0), OP.f64_ne, OP.i32_or, ...b2f];
        }
      }
    }
  };
  const emitLevel = (lv: number): number[] =>
    order.filter((e) => level.get(e) === lv && e.t !== 'const').flatMap((e) => [...compute(e), ...set(slot.get(e)!)]);
  /** Loop d's first index, and its end less `minus` (loop 0 runs over [lo, hi)). */
  const start = (d: number): number[] => (d === 0 ? get(LO) : i32c(0));
  const end = (d: number, minus = 0): number[] =>
    d === 0 ? [...get(HI), ...(minus ? [...i32c(minus), OP.i32_sub] : [])] : i32c(k.loops[d]! - minus);
  const loop = (d: number, inner: number[], first = true): number[] => [
    ...(first ? [...start(d), ...set(I(d))] : []),
    OP.block, BLOCK_VOID, OP.loop, BLOCK_VOID,
    ...get(I(d)), ...end(d), OP.i32_ge_s, OP.br_if, 1,
    ...emitLevel(d), ...inner,
    ...get(I(d)), ...i32c(1), OP.i32_add, ...set(I(d)),
    OP.br, 0, OP.end, OP.end,
  ];
  const store = (value: number[]): number[] => [
    ...outAddr(), ...storeAs(k.outDtype, value),
    ...get(O), ...i32c(1), OP.i32_add, ...set(O),
  ];
  const simd = lanes32 || vectorizable(k, level)
    ? { k, level, order, val, loadAddr, outAddr, get, set, I, O, ACC, TMP, V0, helpers: helpers.index, start, end }
    : null;
  let nV128 = 0;
  /** The innermost loop: SIMD steps (f32x4 for float32 kernels, else f64x2) then the tail when vectorizable, else scalar. */
  const innermost = (inner: number[]): number[] => {
    if (!simd) return loop(L - 1, inner);
    const v = vectorLoop(simd, lanes32 ? F32X4 : F64X2);
    nV128 = v.nV128;
    // f32x4 lanes round each op to float32: their tail runs in lane form too (the scalar code would not).
    return [...v.code, ...(lanes32 ? vectorLoop(simd, F32X4, true).code : loop(L - 1, inner, false))];
  };

  let inner: number[];
  if (k.reduceOp === null) {
    inner = store(val(k.body));
  } else {
    const op = k.reduceOp;
    const step = op === 'sum'
      ? [...get(ACC), ...val(k.body), OP.f64_add, ...set(ACC)]
      : [...val(k.body), ...set(TMP), ...get(TMP), ...get(ACC), ...get(TMP), ...get(ACC), op === 'max' ? OP.f64_gt : OP.f64_lt,
        ...get(TMP), ...get(TMP), OP.f64_ne, OP.i32_or, OP.select, ...set(ACC)];
    let red = step;
    for (let d = L - 1; d >= outer; d--) red = d === L - 1 ? innermost(red) : loop(d, red);
    const epi = k.epilogue ? epiOrder.filter((e) => e.t !== 'const' && e.t !== 'acc').flatMap((e) => [...compute(e), ...set(slot.get(e)!)]) : [];
    const finish = [...epi, ...store(k.epilogue ? val(k.epilogue) : get(ACC))];
    const raw = [...get(OUT), ...i32c(3), OP.i32_shl, ...get(ACC), OP.f64_store, 3, 0];
    inner = [...get(INIT), ...set(ACC), ...red, ...(outer === 0 ? [...get(RAW), OP.if, BLOCK_VOID, ...raw, OP.else, ...finish, OP.end] : finish)];
  }
  let body = inner;
  for (let d = outer - 1; d >= 0; d--) body = d === L - 1 ? innermost(body) : loop(d, body);
  // Output position of the first index of loop 0 when it is an output loop.
  const rowSize = k.loops.slice(1, outer).reduce((a, b) => a * b, 1);
  body = [...(outer > 0 ? [...get(LO), ...i32c(rowSize), OP.i32_mul] : i32c(0)), ...set(O), ...emitLevel(-1), ...body];
  const params = [...new Array<number>(nIn + 4).fill(I32), F64];
  return kernelModule(HOST_FUNCTIONS, params, { locals: [[L + 1, I32], [nF64, F64], [nV128, V128]], code: body }, helpers.bodies, shared);
}
