/**
 * Seeded random programs for the cross-backend fuzz suite (test helper; excluded from the build).
 * `generateProgram(seed, index)` is a pure function of its arguments, so any case is replayed alone.
 *
 * Classes: elementwise chains (every unary and binary op, comparisons, where, cast, clamp, with
 * broadcasting), reductions over random axes, matmul (batched, broadcast batches, transposed and
 * strided views, 1-D and size-1 operands), movement chains (reshape, permute, expand, slice with
 * steps, pad, concat, squeeze/unsqueeze, gather, scatter-add, with size-0 and size-1 dims), and
 * every core loss. Dtypes: all float32, all float64, mixed (float32, float64, int64, small int32,
 * bool), or integers only (int32 over its whole range, int64, bool). Shapes and dtypes of each value
 * come from the engine itself, by building the program on cpu as it is generated (ops stay lazy,
 * nothing is read), so every generated program is valid; ops that are discontinuous in their input
 * (comparisons, floor/ceil/round/sign, casts to integers, argmax) only take exact operands.
 */
import { withBackend } from '../backend/registry.js';
import { isFloat, type DType } from '../dtype.js';
import * as core from '../index.js';
import { sizeOf } from '../shape.js';
import type { Tensor } from '../tensor/tensor.js';
import { Rng } from '../test-utils/rng.js';
import { randomMoveOp } from '../test-utils/shapes.js';
import { LOSSES, type FloatDType } from './losses.js';
import { OPS } from './ops.js';
import type { LeafSpec, Param, Program, ProgramClass, ProgramDType, Step, ValueInfo } from './program.js';
import { floatKind, makeLeaf, pick, type FloatKind } from './values.js';

type P = { [k: string]: Param };

/** Ops whose result is exact when their operands are (no rounding of their own). */
const EXACT_IF_EXACT = new Set([
  'neg', 'abs', 'relu', 'clamp', 'sign', 'floor', 'ceil', 'round', 'logicalNot', 'maximum', 'minimum',
  'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'logicalAnd', 'logicalOr', 'where', 'max', 'min', 'argmax',
  'reshape', 'permute', 'transpose', 'expand', 'squeeze', 'unsqueeze', 'flatten', 'slice', 'pad', 'concat', 'gather',
]);

/** A deterministic 32-bit mix of the seed and the case index. */
export function caseSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

class Builder {
  readonly leaves: LeafSpec[] = [];
  readonly steps: Step[] = [];
  readonly info: ValueInfo[] = [];
  /** Each value built on cpu as the program grows (lazy), for the engine's shape and dtype inference. */
  private readonly dummies: (Tensor | null)[] = [];

  /** An integer program: only integer-valued ops (see `elementwiseStep`). */
  constructor(readonly r: Rng, readonly ints = false) {}

  leaf(spec: LeafSpec): number {
    this.steps.push({ op: 'leaf', args: [], p: { leaf: this.leaves.length } });
    this.leaves.push(spec);
    this.info.push({ shape: spec.shape, dtype: spec.dtype, exact: true });
    this.dummies.push(core.tensor(spec.data, { dtype: spec.dtype, shape: spec.shape }));
    return this.info.length - 1;
  }

  /** Appends a step; its shape and dtype come from applying the op to the values built so far. */
  step(op: string, args: readonly number[], p: P = {}): number {
    const xs = args.map((a) => this.dummies[a]!);
    const out = OPS[op]!.run(xs, p);
    const exact = args.every((a) => this.info[a]!.exact) && (EXACT_IF_EXACT.has(op) || exactAnyway(op, args.map((a) => this.info[a]!.dtype), out.dtype, p));
    this.steps.push({ op, args: [...args], p });
    this.info.push({ shape: out.shape, dtype: out.dtype, exact });
    this.dummies.push(out);
    return this.info.length - 1;
  }

  loss(name: string, args: readonly number[], p: P, dtype: DType): number {
    this.steps.push({ op: 'loss', args: [...args], p: { ...p, loss: name } });
    this.info.push({ shape: null, dtype, exact: false });
    this.dummies.push(null);
    return this.info.length - 1;
  }

  shape(v: number): number[] { return [...this.info[v]!.shape!]; }
  dtype(v: number): DType { return this.info[v]!.dtype; }
  exact(v: number): boolean { return this.info[v]!.exact; }
  get last(): number { return this.info.length - 1; }
}

/** Casts and integer arithmetic that are exact on exact operands. */
function exactAnyway(op: string, argDtypes: DType[], out: DType, p: P): boolean {
  if (op === 'cast') return p.dtype !== 'float32' || argDtypes[0] !== 'float64';
  if (op === 'add' || op === 'sub' || op === 'mul' || op === 'square' || op === 'sum') return !isFloat(out);
  return false;
}

/** A float32-representable scalar operand; whole numbers (int32's extremes among them) in integer programs. */
const scalar = (r: Rng, ints = false): number => ints
  ? pick(r, [0, 1, -1, 2, 3, -7, 65536, 2147483647, -2147483648])
  : Math.fround(pick(r, [0, 1, -1, 2, 0.5, -0.5, 3, -2.5, 0.1, 1.7, -0.3]));

const UNARY_FLOAT = ['exp', 'expm1', 'log', 'log1p', 'sqrt', 'tanh', 'sin', 'cos', 'reciprocal', 'sigmoid', 'softplus', 'logSigmoid', 'square'];
const UNARY_ANY = ['neg', 'abs', 'relu'];
const UNARY_EXACT = ['sign', 'floor', 'ceil', 'round'];
const DOMAIN = new Set(['log', 'sqrt', 'reciprocal']);
const BINARY = ['add', 'sub', 'mul', 'div', 'pow', 'maximum', 'minimum'];
const BINARY_INT = ['add', 'sub', 'mul', 'maximum', 'minimum'];
const COMPARE = ['eq', 'ne', 'lt', 'le', 'gt', 'ge'];

/** Shapes of `n` operands that broadcast to `out`: each drops leading dims and sets some to 1. */
function broadcastShapes(r: Rng, out: readonly number[], n: number): number[][] {
  return Array.from({ length: n }, (_, i) => {
    if (i === 0 && r.next() < 0.5) return [...out];
    const lead = r.next() < 0.3 ? r.int(out.length + 1) : 0;
    return out.slice(lead).map((d) => (r.next() < 0.3 ? 1 : d));
  });
}

function randomShape(r: Rng, minRank: number, maxRank: number, maxDim: number, zero: boolean): number[] {
  const rank = minRank + r.int(maxRank - minRank + 1);
  return Array.from({ length: rank }, () => (zero && r.next() < 0.06 ? 0 : r.next() < 0.25 ? 1 : 1 + r.int(maxDim)));
}

/** The dtype of a leaf: the program's, or a random one in a mixed or integer program (`ints`: integers allowed). */
function leafDtype(r: Rng, dt: ProgramDType, ints: boolean): DType {
  if (dt === 'int') return pick(r, ['int32', 'int32', 'int64', 'bool']);
  if (dt !== 'mixed') return dt;
  return pick(r, ints ? ['float32', 'float64', 'int64', 'int32', 'bool'] : ['float32', 'float64']);
}

/** A leaf; int32 leaves of integer programs span int32's whole range half the time (overflow wraps). */
function addLeaf(b: Builder, shape: readonly number[], dtype: DType, kind?: FloatKind, grad = true): number {
  const wide = b.ints && dtype === 'int32' && b.r.next() < 0.5;
  const range = wide ? { lo: -(2 ** 31), hi: 2 ** 31 } : {};
  return b.leaf(makeLeaf(b.r, shape, dtype, { kind: kind ?? floatKind(b.r, true), grad: grad && isFloat(dtype), ...range }));
}

/**
 * One random elementwise step over the values in `pool` (indices into the builder's values). An
 * integer program (`b.ints`) stays in integers: no float-valued ops, whole scalars, integer casts.
 */
function elementwiseStep(b: Builder, pool: number[]): void {
  const r = b.r;
  const ints = b.ints;
  const recent = pool[pool.length - 1]!;
  const any = (): number => (r.next() < 0.5 ? recent : pick(r, pool));
  const exacts = pool.filter((v) => b.exact(v));
  const bools = exacts.filter((v) => b.dtype(v) === 'bool');
  const nonBool = (v: number): boolean => b.dtype(v) !== 'bool';
  for (;;) {
    const kind = r.int(10);
    if (kind <= 1) {
      let x = any();
      if (!nonBool(x) || ints) continue;
      const op = pick(r, UNARY_FLOAT);
      if (DOMAIN.has(op) && r.next() < 0.6) x = b.step('abs', [x]);
      if (op === 'sqrt' || op === 'log') pool.push(x);
      pool.push(b.step(op, [x]));
      return;
    }
    if (kind === 2) {
      const x = any();
      if (!nonBool(x)) continue;
      pool.push(b.step(pick(r, UNARY_ANY), [x]));
      return;
    }
    if (kind === 3) {
      const cands = exacts.filter(nonBool);
      if (!cands.length) continue;
      pool.push(b.step(pick(r, UNARY_EXACT), [pick(r, cands)]));
      return;
    }
    if (kind <= 5) {
      const op = pick(r, ints ? BINARY_INT : BINARY);
      const x = any();
      if (!nonBool(x)) continue;
      if (op === 'pow') {
        if (!isFloat(b.dtype(x))) continue;
        if (r.next() < 0.3) pool.push(b.step('pow', [x], { scalar: pick(r, [0.5, 2, 1.5, 2.5]), left: true }));
        else pool.push(b.step('pow', [x], { scalar: pick(r, [2, 3, 0.5, -1, 1.5, -2, 0]) }));
        return;
      }
      if (r.next() < 0.35) {
        pool.push(b.step(op, [x], { scalar: scalar(r, ints), left: r.next() < 0.3 }));
        return;
      }
      const y = pick(r, pool);
      if (!nonBool(y)) continue;
      pool.push(b.step(op, [x, y]));
      return;
    }
    if (kind === 6) {
      const cands = exacts.filter(nonBool);
      if (!cands.length) continue;
      const x = pick(r, cands);
      pool.push(r.next() < 0.4 ? b.step(pick(r, COMPARE), [x], { scalar: scalar(r, ints), left: r.next() < 0.3 }) : b.step(pick(r, COMPARE), [x, pick(r, cands)]));
      return;
    }
    if (kind === 7) {
      if (!bools.length) continue;
      const c = pick(r, bools);
      const u = r.next();
      if (u < 0.2) pool.push(b.step('logicalNot', [c]));
      else if (u < 0.35) pool.push(b.step(pick(r, ['logicalAnd', 'logicalOr']), [c, pick(r, bools)]));
      else if (u < 0.55) pool.push(b.step('where', [c, any()], { b: scalar(r, ints) }));
      else if (u < 0.65) pool.push(b.step('where', [c, any()], { a: scalar(r, ints) }));
      else pool.push(b.step('where', [c, any(), any()]));
      return;
    }
    if (kind === 8) {
      const x = any();
      const to: DType = pick(r, ints ? ['int32', 'int64', 'bool'] : ['float32', 'float64', 'int32', 'int64', 'bool']);
      if (!isFloat(to) && !b.exact(x)) continue;
      pool.push(b.step('cast', [x], { dtype: to }));
      return;
    }
    const x = any();
    if (!nonBool(x)) continue;
    const lo = r.next() < 0.8 ? scalar(r, ints) : null;
    const hi = lo === null || r.next() < 0.6 ? Math.fround((lo ?? 0) + pick(r, ints ? [0, 1, 5] : [0.5, 1, 2])) : null;
    pool.push(b.step('clamp', [x], { min: lo, max: hi }));
    return;
  }
}

function elementwiseProgram(b: Builder, dt: ProgramDType): number {
  const r = b.r;
  const out = randomShape(r, 0, 4, 4, true);
  const n = 1 + r.int(3);
  const pool = broadcastShapes(r, out, n).map((s) => addLeaf(b, s, leafDtype(r, dt, true)));
  if (r.next() < 0.4) pool.push(addLeaf(b, broadcastShapes(r, out, 1)[0]!, 'bool'));
  const len = 2 + r.int(6);
  for (let i = 0; i < len; i++) elementwiseStep(b, pool);
  return b.last;
}

/** Reductions over random axes (negative spellings, all axes, keepdims), between elementwise steps. */
function reduceProgram(b: Builder, dt: ProgramDType, large: boolean): number {
  const r = b.r;
  const s = large ? pick(r, [[512, 520], [72, 64, 60], [1 << 18]]) : randomShape(r, 1, 4, 6, true);
  const pool = [addLeaf(b, s, leafDtype(r, dt, false), large ? pick(r, ['normal', 'positive', 'specials'] as const) : undefined)];
  if (r.next() < 0.5) pool.push(addLeaf(b, broadcastShapes(r, s, 1)[0]!, leafDtype(r, dt, true)));
  const pre = r.int(3);
  for (let i = 0; i < pre; i++) elementwiseStep(b, pool);
  const x = pool[pool.length - 1]!;
  const shape = b.shape(x);
  const rank = shape.length;
  const op = pick(r, ['sum', 'sum', 'mean', 'max', 'min', 'argmax', 'logsumexp', 'softmax', 'logSoftmax']);
  const someAxes = (): number | number[] | null => {
    if (rank === 0 || r.next() < 0.2) return null;
    const axes = Array.from({ length: rank }, (_, i) => i).filter(() => r.next() < 0.5);
    if (!axes.length) axes.push(r.int(rank));
    const spelled = axes.map((a) => (r.next() < 0.3 ? a - rank : a));
    return spelled.length === 1 && r.next() < 0.5 ? spelled[0]! : spelled;
  };
  const keepdims = r.next() < 0.4;
  const isBool = b.dtype(x) === 'bool';
  const floatX = isFloat(b.dtype(x));
  let y: number;
  const axes = someAxes();
  const axisList = axes === null ? shape.map((_, i) => i) : (typeof axes === 'number' ? [axes] : axes).map((a) => (a < 0 ? a + rank : a));
  const empty = axisList.some((a) => shape[a] === 0);
  if (op === 'sum' || (op === 'mean' && floatX)) y = b.step(op, [x], { axes, keepdims });
  else if ((op === 'max' || op === 'min') && !isBool && !empty) y = b.step(op, [x], { axes, keepdims });
  else if (op === 'argmax' && b.exact(x) && !isBool && rank > 0) {
    const axis = r.next() < 0.2 ? null : r.int(rank) - (r.next() < 0.3 ? rank : 0);
    const n = axis === null ? sizeOf(shape) : shape[axis < 0 ? axis + rank : axis]!;
    if (n === 0) y = b.step('sum', [x], { axes, keepdims });
    else y = b.step('argmax', [x], { axes: axis, keepdims: axis === null ? false : keepdims });
  } else if (op === 'logsumexp' && floatX && !empty) y = b.step(op, [x], { axes, keepdims });
  else if ((op === 'softmax' || op === 'logSoftmax') && floatX && rank > 0) y = b.step(op, [x], { axis: r.int(rank) - (r.next() < 0.3 ? rank : 0) });
  else y = b.step('sum', [x], { axes, keepdims });
  if (r.next() < 0.3 && isFloat(b.dtype(y))) {
    const post = [y];
    elementwiseStep(b, post);
  }
  return b.last;
}

/** A matmul operand of logical shape `s`: a plain leaf, a transposed view of a leaf, a strided slice, or a computed value. */
function operand(b: Builder, s: readonly number[], dtype: DType, kind?: FloatKind): number {
  const r = b.r;
  const u = r.next();
  if (s.length >= 2 && u < 0.35) {
    const t = [...s];
    [t[t.length - 1], t[t.length - 2]] = [t[t.length - 2]!, t[t.length - 1]!];
    return b.step('transpose', [addLeaf(b, t, dtype, kind)], { a: -1, b: -2 });
  }
  if (s.length >= 1 && u < 0.5) {
    const wide = [...s];
    wide[wide.length - 1] = 2 * s[s.length - 1]!;
    return b.step('slice', [addLeaf(b, wide, dtype, kind)], { spec: [...s.slice(0, -1).map(() => null), [0, null, 2]] });
  }
  return addLeaf(b, s, dtype, kind);
}

function matmulProgram(b: Builder, dt: ProgramDType, large: boolean): number {
  const r = b.r;
  const dimPick = (): number => pick(r, [1, 1, 2, 3, 4, 5, 7, 8, 9, 16, 17]);
  const [m, k, n] = large ? [pick(r, [96, 128, 200]), pick(r, [64, 96, 130]), pick(r, [80, 128])] : [dimPick(), r.next() < 0.05 ? 0 : dimPick(), dimPick()];
  const batch = large ? [] : randomShape(r, 0, 2, 3, false);
  const [ba, bb] = broadcastShapes(r, batch, 2);
  const floatOf = (): DType => (dt === 'float32' || dt === 'float64' ? dt : pick(r, ['float32', 'float64']));
  const da = floatOf();
  const db = floatOf();
  const kind = large ? 'normal' : pick(r, ['normal', 'normal', 'dyadic', 'distinct', 'specials'] as const);
  const aShape = r.next() < 0.1 ? [k] : [...ba!, m, k];
  const bShape = r.next() < 0.1 ? [k] : [...bb!, k, n];
  let av = operand(b, aShape, da, kind);
  let bv = operand(b, bShape, db, kind);
  if (r.next() < 0.2) av = b.step('mul', [av], { scalar: scalar(r) });
  if (r.next() < 0.1) bv = b.step('exp', [bv]);
  const y = b.step('matmul', [av, bv]);
  if (r.next() < 0.3) {
    const pool = [y];
    elementwiseStep(b, pool);
  }
  return b.last;
}

function movementProgram(b: Builder, dt: ProgramDType): number {
  const r = b.r;
  const s = randomShape(r, 0, 4, 4, true);
  const dtype = leafDtype(r, dt, true);
  let x = addLeaf(b, s, dtype);
  const other = r.next() < 0.5 ? addLeaf(b, s.length ? [...s.slice(0, -1), 1 + r.int(3)] : [], dtype === 'bool' ? 'bool' : leafDtype(r, dt, false)) : null;
  const indexBound = Math.max(1, s[s.length - 1] ?? 1);
  const index = s.length && r.next() < 0.4 ? b.leaf(makeLeaf(r, [...s.slice(0, -1), 1 + r.int(3)], 'int64', { lo: 0, hi: indexBound })) : null;
  const len = 2 + r.int(4);
  for (let i = 0; i < len; i++) {
    const shape = b.shape(x);
    const u = r.next();
    if (u < 0.55 || shape.length === 0) {
      const mv = randomMoveOp(r, shape, 96, false);
      switch (mv.k) {
        case 'permute': x = b.step('permute', [x], { perm: mv.perm }); break;
        case 'reshape': x = b.step('reshape', [x], { shape: mv.shape }); break;
        case 'expand': x = b.step('expand', [x], { shape: mv.shape }); break;
        case 'slice': x = b.step('slice', [x], { spec: mv.spec }); break;
        // Integer tensors pad with whole numbers (a fractional value makes the engine promote to float32).
        case 'pad': x = b.step('pad', [x], { before: mv.before, after: mv.after, value: isFloat(b.dtype(x)) ? mv.value : b.dtype(x) === 'bool' ? 0 : Math.round(mv.value) }); break;
        default: break;
      }
    } else if (u < 0.65) {
      x = b.step('unsqueeze', [x], { axis: r.int(shape.length + 1) - (r.next() < 0.3 ? shape.length + 1 : 0) });
    } else if (u < 0.72) {
      const ones = shape.map((d, i) => (d === 1 ? i : -1)).filter((i) => i >= 0);
      x = b.step('squeeze', [x], { axis: ones.length && r.next() < 0.6 ? pick(r, ones) : null });
    } else if (u < 0.78) {
      x = b.step('flatten', [x], { start: r.int(shape.length), end: -1 });
    } else if (u < 0.84 && shape.length >= 2) {
      x = b.step('transpose', [x], { a: r.int(shape.length), b: r.int(shape.length) });
    } else if (u < 0.9 && other !== null && b.shape(other).length === shape.length && b.shape(other).slice(0, -1).join() === shape.slice(0, -1).join()) {
      x = b.step('concat', r.next() < 0.5 ? [x, other] : [other, x, x], { axis: shape.length - 1 - (r.next() < 0.5 ? shape.length : 0) });
    } else if (u < 0.95 && index !== null && b.shape(index).slice(0, -1).join() === shape.slice(0, -1).join() && shape[shape.length - 1]! >= indexBound) {
      const ax = shape.length - 1;
      if (r.next() < 0.5 || !isFloat(b.dtype(x))) x = b.step('gather', [x, index], { axis: ax });
      else x = b.step('scatterAdd', [x, index, b.step('gather', [x, index], { axis: ax })], { axis: ax });
    } else if (b.dtype(x) !== 'bool') {
      const pool = [x];
      elementwiseStep(b, pool);
      x = b.last;
    }
  }
  return b.last;
}

function lossProgram(b: Builder, dt: FloatDType, name: string): number {
  const r = b.r;
  const { args, tensors, opts } = LOSSES[name]!.gen(r, dt);
  const argIds = args.map((l) => b.leaf(l));
  const tensorIds: Record<string, number> = {};
  for (const [k, l] of Object.entries(tensors)) tensorIds[k] = b.leaf(l);
  const resolve = (v: Param): Param => {
    if (Array.isArray(v)) return v.map(resolve);
    if (v !== null && typeof v === 'object') {
      const o = v as { [k: string]: Param };
      if ('$t' in o) return { $v: tensorIds[o.$t as string]! };
      return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, resolve(x)]));
    }
    return v;
  };
  // A computed (not leaf) first input sometimes: x·1 is exact, and the VJP then runs on a computed tensor.
  const ids = argIds.map((id, i) => (i === 0 && r.next() < 0.3 ? b.step('mul', [id], { scalar: 1 }) : id));
  return b.loss(name, ids, resolve(opts) as P, dt);
}

/** The class and dtype schedule: index i cycles through the classes; dtypes rotate within each. */
const CLASSES: readonly ProgramClass[] = ['elementwise', 'reduce', 'movement', 'loss', 'elementwise', 'matmul', 'reduce', 'loss', 'movement', 'elementwise'];
const DTYPES: readonly ProgramDType[] = ['float32', 'float64', 'mixed', 'int'];
export const LOSS_NAMES = Object.keys(LOSSES);
const LOSS_SLOTS = CLASSES.flatMap((c, i) => (c === 'loss' ? [i] : []));
/** How many loss programs come before case `index` (large cases included in the count). */
const lossOrdinal = (index: number): number => Math.floor(index / CLASSES.length) * LOSS_SLOTS.length + LOSS_SLOTS.indexOf(index % CLASSES.length);

/**
 * Program `index` of `seed`. Every 25th program is large (≥ 2^18 iterations in a kernel or matmul,
 * so 2 wasm threads split it); one in 4 of the rest also runs on 2 threads; 3 in 10 also run with
 * their leaves on one backend while another is current.
 */
export function generateProgram(seed: number, index: number): Program {
  const r = new Rng(caseSeed(seed, index));
  const large = index % 25 === 24;
  const cls: ProgramClass = large ? pick(r, ['elementwise', 'reduce', 'matmul'] as const) : CLASSES[index % CLASSES.length]!;
  // The n-th loss program takes the losses in turn, float32 on one pass through them and float64 on the next.
  const n = lossOrdinal(index);
  if (cls === 'loss') return build(seed, index, r, cls, n % (2 * LOSS_NAMES.length) < LOSS_NAMES.length ? 'float32' : 'float64', LOSS_NAMES[n % LOSS_NAMES.length]!, false);
  let dtype: ProgramDType = DTYPES[Math.floor(index / CLASSES.length) % DTYPES.length]!;
  if (cls === 'matmul' && dtype === 'int') dtype = pick(r, ['float32', 'float64']);
  return build(seed, index, r, cls, dtype, null, large);
}

function build(seed: number, index: number, r: Rng, cls: ProgramClass, dtype: ProgramDType, loss: string | null, large: boolean): Program {
  return withBackend('cpu', () => {
    const b = new Builder(r, dtype === 'int');
    let output: number;
    if (cls === 'loss') output = lossProgram(b, dtype as FloatDType, loss!);
    else if (cls === 'elementwise') output = large ? largeElementwise(b, dtype) : elementwiseProgram(b, dtype);
    else if (cls === 'reduce') output = reduceProgram(b, dtype, large);
    else if (cls === 'matmul') output = matmulProgram(b, dtype, large);
    else output = movementProgram(b, dtype);
    const outInfo = b.info[output]!;
    const hasGradLeaf = b.leaves.some((l) => l.grad);
    const grad = hasGradLeaf && isFloat(outInfo.dtype) && (cls === 'loss' || r.next() < 0.6);
    return {
      id: `${seed}:${index}`, cls, dtype, leaves: b.leaves.map((l) => ({ ...l, grad: l.grad && grad })), steps: b.steps, info: b.info, output, grad,
      threads: large || r.next() < 0.25,
      otherCurrent: r.next() < 0.3,
    };
  });
}

/** A large elementwise chain: [512, 520] or a 2^18 vector with a broadcast row. */
function largeElementwise(b: Builder, dt: ProgramDType): number {
  const r = b.r;
  const s = pick(r, [[512, 520], [1 << 18], [64, 64, 66]]);
  const pool = [addLeaf(b, s, leafDtype(r, dt, false), pick(r, ['normal', 'positive', 'specials'] as const)), addLeaf(b, [s[s.length - 1]!], leafDtype(r, dt, false), 'normal')];
  const len = 2 + r.int(4);
  for (let i = 0; i < len; i++) elementwiseStep(b, pool);
  return b.last;
}
