/**
 * The ops fuzz programs are made of (test helper; excluded from the build): for each, how to run it
 * on tensors and the rounding-error bound of its result (`bound.ts`) in the float64 reference run.
 * Scalar operands and options are step parameters (`p`); every scalar is float32-representable, so
 * the float32 program and the float64 reference see the same constant.
 */
import type { DType } from '../dtype.js';
import * as core from '../index.js';
import type { Tensor } from '../tensor/tensor.js';
import { F32_MAX, U64, eta, finish, local, mag, monotone, plus, times, unit, type Bound, type UnitClass } from './bound.js';
import type { Param } from './program.js';

type P = { readonly [k: string]: Param };

export interface BoundCtx {
  /** Reference (float64) operands and their bounds. */
  readonly xs: readonly Tensor[];
  readonly es: readonly Bound[];
  readonly out: Tensor;
  readonly p: P;
  /** The result's dtype in the program itself (float32 picks float32's units). */
  readonly dtype: DType;
  /** The operands' dtypes in the program itself. */
  readonly argDtypes: readonly DType[];
}

export interface OpDef {
  run(xs: readonly Tensor[], p: P): Tensor;
  /** The bound of the result before `finish` (null: exactly 0). */
  bound(c: BoundCtx): Bound;
}

const num = (v: Param | undefined): number => v as number;
const nums = (v: Param | undefined): number[] => v as number[];
const axesOf = (p: P): number | number[] | null => (p.axes === undefined ? null : (p.axes as number | number[] | null));

/** Discontinuous ops only take exact operands (the generator guarantees it); a bound here is a generator bug. */
function exact(c: BoundCtx): Bound {
  if (c.es.some((e) => e !== null)) throw new Error('fuzz: a discontinuous op got an inexact operand (generator bug)');
  return null;
}

const unaryMonotone = (f: (t: Tensor) => Tensor, cls: UnitClass): OpDef => ({
  run: ([x]) => f(x!),
  bound: (c) => plus(monotone(f, c.xs[0]!, c.es[0]!), local(c.out, unit(cls, c.dtype), c.dtype)),
});
const unaryExact = (f: (t: Tensor) => Tensor): OpDef => ({ run: ([x]) => f(x!), bound: exact });
/** 1-Lipschitz ops with no rounding of their own (neg, abs, relu, clamp). */
const unaryLipschitz = (f: (t: Tensor) => Tensor): OpDef => ({ run: ([x]) => f(x!), bound: (c) => c.es[0]! });

/** The operands of a binary op: two tensors, or a tensor and the scalar `p.scalar` on the side `p.left` says. */
function operands(c: BoundCtx): { a: Tensor | number; b: Tensor | number; ea: Bound; eb: Bound } {
  if (c.p.scalar === undefined) return { a: c.xs[0]!, b: c.xs[1]!, ea: c.es[0]!, eb: c.es[1]! };
  const s = num(c.p.scalar);
  return c.p.left ? { a: s, b: c.xs[0]!, ea: null, eb: c.es[0]! } : { a: c.xs[0]!, b: s, ea: c.es[0]!, eb: null };
}
const zerosOf = (t: Tensor): Tensor => core.zeros(t.shape, { dtype: 'float64' });
const absOf = (v: Tensor | number): Tensor | number => (typeof v === 'number' ? Math.abs(v) : mag(v));

function binaryRun(f: (a: Tensor | number, b: Tensor | number) => Tensor): OpDef['run'] {
  return (xs, p) => (p.scalar === undefined ? f(xs[0]!, xs[1]!) : p.left ? f(num(p.scalar), xs[0]!) : f(xs[0]!, num(p.scalar)));
}

const addSub = (f: (a: Tensor | number, b: Tensor | number) => Tensor): OpDef => ({
  run: binaryRun(f),
  bound: (c) => {
    const { ea, eb } = operands(c);
    return plus(ea, eb, local(c.out, unit('round', c.dtype), c.dtype));
  },
});

const mulOp: OpDef = {
  run: binaryRun(core.mul),
  bound: (c) => {
    const { a, b, ea, eb } = operands(c);
    const second = ea !== null && eb !== null ? ea.mul(eb) : null;
    return plus(times(ea, absOf(b)), times(eb, absOf(a)), second, local(c.out, unit('round', c.dtype), c.dtype));
  },
};

/** |a/b − â/b̂| ≤ (E_a + |a/b|·E_b)/(|b| − E_b); unknown once the interval of b reaches 0. */
const divOp: OpDef = {
  run: binaryRun(core.div),
  bound: (c) => {
    const { b, ea, eb } = operands(c);
    const own = local(c.out, unit('round', c.dtype), c.dtype);
    if (eb === null) return plus(times(ea, typeof b === 'number' ? 1 / Math.abs(b) : b.abs().reciprocal()), own);
    const den = (typeof b === 'number' ? core.full([], Math.abs(b), { dtype: 'float64' }) : b.abs()).sub(eb);
    const prop = plus(ea, times(eb, mag(c.out)))!;
    return plus(core.where(den.le(0), Infinity, core.where(prop.eq(0), 0, prop.div(den))), own);
  },
};

/** a^b through the host's pow: exact interval ends for a fixed exponent (a's interval away from 0) or a fixed positive base. */
const powOp: OpDef = {
  run: binaryRun(core.pow),
  bound: (c) => {
    const { a, b, ea, eb } = operands(c);
    const own = local(c.out, unit('host', c.dtype), c.dtype);
    if (eb !== null) {
      if (typeof a !== 'number' || ea !== null) throw new Error('fuzz: pow with an inexact exponent needs a scalar base (generator bug)');
      return plus(monotone((t) => core.pow(a, t), b as Tensor, eb), own);
    }
    if (ea === null) return own;
    const at = a as Tensor;
    const e = monotone((t) => core.pow(t, b), at, ea)!;
    return plus(core.where(ea.ge(at.abs()).logicalAnd(ea.gt(0)), Infinity, e), own);
  },
};

const extremum = (f: (a: Tensor | number, b: Tensor | number) => Tensor): OpDef => ({
  run: binaryRun(f),
  bound: (c) => {
    const { ea, eb } = operands(c);
    if (ea === null && eb === null) return null;
    return (ea ?? zerosOf(c.out)).maximum(eb ?? zerosOf(c.out));
  },
});

const compare = (f: (a: Tensor | number, b: Tensor | number) => Tensor): OpDef => ({ run: binaryRun(f), bound: exact });

/** The reduced axes (`p.axes`, or `p.axis` for softmax), non-negative. */
function axesList(x: Tensor, p: P): number[] {
  const ax = p.axis !== undefined ? num(p.axis) : axesOf(p);
  return ax === null ? x.shape.map((_, i) => i) : (typeof ax === 'number' ? [ax] : ax).map((a) => (a < 0 ? a + x.ndim : a));
}

/** The reduction's element count. */
const countOf = (x: Tensor, p: P): number => axesList(x, p).reduce((n, a) => n * x.shape[a]!, 1);

/** logsumexp, softmax and logSoftmax over an empty axis give −∞ or an empty tensor, exactly. */
const emptyAxis = (c: BoundCtx): boolean => countOf(c.xs[0]!, c.p) === 0;

/** Σ with float64 accumulation on every backend: Σ E + (u + n·u64)·Σ|x|. */
function sumBound(c: BoundCtx, scale: number): Bound {
  const [x] = c.xs;
  if (c.dtype !== 'float32' && c.dtype !== 'float64') return exact(c);
  const ax = axesOf(c.p);
  const kd = Boolean(c.p.keepdims);
  const n = countOf(x!, c.p);
  const prop = c.es[0] ? c.es[0].sum(ax, kd).mul(scale) : null;
  const own = mag(x!).sum(ax, kd).mul(scale * (unit('round', c.dtype) + n * U64));
  return plus(prop, own, local(c.out, unit('round', c.dtype), c.dtype));
}

const maxOfBound = (c: BoundCtx): Bound => (c.es[0] ? c.es[0].max(axesOf(c.p), Boolean(c.p.keepdims)) : null);

export const OPS: Record<string, OpDef> = {
  neg: unaryLipschitz((x) => x.neg()),
  abs: unaryLipschitz((x) => x.abs()),
  relu: unaryLipschitz((x) => x.relu()),
  clamp: { run: ([x], p) => x!.clamp(p.min as number | null, p.max as number | null), bound: (c) => c.es[0]! },
  sign: unaryExact((x) => x.sign()),
  floor: unaryExact((x) => x.floor()),
  ceil: unaryExact((x) => x.ceil()),
  round: unaryExact((x) => x.round()),
  logicalNot: unaryExact((x) => x.logicalNot()),
  exp: unaryMonotone((x) => x.exp(), 'vmath'),
  expm1: unaryMonotone((x) => x.expm1(), 'vmath'),
  log: unaryMonotone((x) => x.log(), 'vmath'),
  log1p: unaryMonotone((x) => x.log1p(), 'vmath'),
  tanh: unaryMonotone((x) => x.tanh(), 'vmath'),
  sqrt: unaryMonotone((x) => x.sqrt(), 'round'),
  sigmoid: unaryMonotone((x) => x.sigmoid(), 'composite'),
  softplus: unaryMonotone((x) => x.softplus(), 'composite'),
  logSigmoid: unaryMonotone((x) => core.logSigmoid(x), 'composite'),
  reciprocal: {
    run: ([x]) => x!.reciprocal(),
    bound: (c) => {
      const [x] = c.xs;
      const e = c.es[0]!;
      const own = local(c.out, unit('round', c.dtype), c.dtype);
      if (e === null) return own;
      return plus(core.where(e.ge(x!.abs()).logicalAnd(e.gt(0)), Infinity, monotone((t) => t.reciprocal(), x!, e)!), own);
    },
  },
  sin: { run: ([x]) => x!.sin(), bound: (c) => plus(c.es[0] ? c.es[0].minimum(2) : null, local(c.out, unit('host', c.dtype), c.dtype)) },
  cos: { run: ([x]) => x!.cos(), bound: (c) => plus(c.es[0] ? c.es[0].minimum(2) : null, local(c.out, unit('host', c.dtype), c.dtype)) },
  /** x·x: |(x + δ)² − x²| ≤ 2|x|·E + E². */
  square: {
    run: ([x]) => x!.square(),
    bound: (c) => {
      const e = c.es[0]!;
      return plus(times(e, mag(c.xs[0]!).mul(2)), e ? e.mul(e) : null, local(c.out, unit('round', c.dtype), c.dtype));
    },
  },

  add: addSub(core.add),
  sub: addSub(core.sub),
  mul: mulOp,
  div: divOp,
  pow: powOp,
  maximum: extremum(core.maximum),
  minimum: extremum(core.minimum),
  eq: compare(core.eq),
  ne: compare(core.ne),
  lt: compare(core.lt),
  le: compare(core.le),
  gt: compare(core.gt),
  ge: compare(core.ge),
  logicalAnd: compare(core.logicalAnd),
  logicalOr: compare(core.logicalOr),
  /** where(c, a, b); `p.a` / `p.b` replace a missing tensor operand by a scalar (then xs = [c, other]). */
  where: {
    run: (xs, p) => {
      const c = xs[0]!;
      const a = p.a !== undefined ? num(p.a) : xs[1]!;
      const b = p.b !== undefined ? num(p.b) : xs[p.a !== undefined ? 1 : 2]!;
      return core.where(c, a, b);
    },
    bound: (c) => {
      if (c.es[0] !== null) return exact(c);
      const ea = c.p.a !== undefined ? null : c.es[1]!;
      const eb = c.p.b !== undefined ? null : c.es[c.p.a !== undefined ? 1 : 2]!;
      if (ea === null && eb === null) return null;
      return core.where(c.xs[0]!, ea ?? zerosOf(c.out), eb ?? zerosOf(c.out));
    },
  },
  cast: {
    run: ([x], p) => x!.cast(p.dtype as DType),
    /** Only float64 → float32 rounds (integers here are small, bool is 0/1). */
    bound: (c) => {
      const to = c.dtype;
      if (to === 'float32' && c.argDtypes[0] === 'float64') return plus(c.es[0]!, local(c.out, unit('round', 'float32'), 'float32'));
      if (to === 'float32' || to === 'float64') return c.es[0]!;
      return exact(c);
    },
  },

  sum: { run: ([x], p) => x!.sum(axesOf(p), Boolean(p.keepdims)), bound: (c) => sumBound(c, 1) },
  /** mean = Σ·(1/n): the sum's bound over n, plus the rounding of the 1/n constant and of the product. */
  mean: {
    run: ([x], p) => x!.mean(axesOf(p), Boolean(p.keepdims)),
    bound: (c) => plus(sumBound(c, 1 / Math.max(1, countOf(c.xs[0]!, c.p))), local(c.out, 2 * unit('round', c.dtype), c.dtype)),
  },
  max: { run: ([x], p) => x!.max(axesOf(p), Boolean(p.keepdims)), bound: maxOfBound },
  min: { run: ([x], p) => x!.min(axesOf(p), Boolean(p.keepdims)), bound: maxOfBound },
  argmax: { run: ([x], p) => x!.argmax(p.axes as number | null, Boolean(p.keepdims)), bound: exact },
  /**
   * logsumexp = m + log Σ e^(x − m) moves by at most max E. Its own error: each x − m rounded (u·|x − m|
   * in an exponent), the exps and the log (the composite unit, relative to |result| + max|x|), and
   * the sum of n terms accumulated in float64 (n·u64 relative, so n·u64 absolute after the log).
   */
  logsumexp: {
    run: ([x], p) => x!.logsumexp(axesOf(p), Boolean(p.keepdims)),
    bound: (c) => {
      if (emptyAxis(c)) return null;
      const ax = axesOf(c.p);
      const kd = Boolean(c.p.keepdims);
      const n = countOf(c.xs[0]!, c.p);
      const own = mag(c.out).add(mag(c.xs[0]!).max(ax, kd).mul(3)).mul(unit('composite', c.dtype)).add(n * U64);
      return plus(maxOfBound(c), own);
    },
  },
  /**
   * |δs_i| ≤ s_i·(|δx_i| + Σ_j s_j|δx_j|) ≤ 2·s_i·max E. Own error, relative to s_i: the exponent
   * x_i − m rounded (u·(|x_i| + max|x|)), exp, the division (composite unit), the row sum (n·u64).
   */
  softmax: {
    run: ([x], p) => x!.softmax(num(p.axis)),
    bound: (c) => {
      if (emptyAxis(c)) return null;
      const ax = num(c.p.axis);
      const x = mag(c.xs[0]!);
      const rel = x.add(x.max(ax, true)).mul(unit('round', c.dtype)).add(unit('composite', c.dtype) + countOf(c.xs[0]!, c.p) * U64);
      return plus(c.es[0] ? c.out.abs().mul(c.es[0].max(ax, true)).mul(2) : null, mag(c.out).mul(rel).add(eta(c.dtype)));
    },
  },
  /** x_i − logsumexp(x): E_i + max E, and the rounding of both terms (as logsumexp's). */
  logSoftmax: {
    run: ([x], p) => x!.logSoftmax(num(p.axis)),
    bound: (c) => {
      if (emptyAxis(c)) return null;
      const ax = num(c.p.axis);
      const e = c.es[0]!;
      const scale = mag(c.xs[0]!).add(mag(c.xs[0]!).max(ax, true).mul(3)).add(mag(c.out));
      return plus(e ? e.add(e.max(ax, true)) : null, scale.mul(unit('composite', c.dtype)).add(countOf(c.xs[0]!, c.p) * U64));
    },
  },

  /** γ_K = K·u + u: K products summed (float32 matmul accumulates in float32 on wasm), one final rounding; K·η for products that underflow. */
  matmul: {
    run: ([a, b]) => a!.matmul(b!),
    bound: (c) => {
      const [a, b] = c.xs as [Tensor, Tensor];
      const [ea, eb] = c.es;
      const k = a.shape[a.ndim - 1]!;
      const u = unit('round', c.dtype);
      const absProduct = mag(a).matmul(mag(b));
      let own = absProduct.mul((k + 1) * u).add(k * eta(c.dtype));
      // A float32 partial sum may overflow (wasm accumulates in float32) once Σ|a||b| leaves float32's range.
      if (c.dtype === 'float32') own = core.where(absProduct.ge(F32_MAX), Infinity, own);
      return plus(ea ? ea.matmul(mag(b)) : null, eb ? mag(a).matmul(eb) : null, ea && eb ? ea.matmul(eb) : null, own);
    },
  },

  reshape: viewOp((x, p) => x.reshape(nums(p.shape))),
  permute: viewOp((x, p) => x.permute(nums(p.perm))),
  transpose: viewOp((x, p) => x.transpose(num(p.a), num(p.b))),
  expand: viewOp((x, p) => x.expand(nums(p.shape))),
  squeeze: viewOp((x, p) => x.squeeze(p.axis === null ? undefined : num(p.axis))),
  unsqueeze: viewOp((x, p) => x.unsqueeze(num(p.axis))),
  flatten: viewOp((x, p) => x.flatten(num(p.start), num(p.end))),
  slice: viewOp((x, p) => x.slice(p.spec as ([number | null, number | null, number] | null)[])),
  /** Padding with a float32-representable value: the padded elements are exact. */
  pad: {
    run: ([x], p) => x!.pad(nums(p.before), nums(p.after), num(p.value)),
    bound: (c) => (c.es[0] ? c.es[0].pad(nums(c.p.before), nums(c.p.after), 0) : null),
  },
  concat: {
    run: (xs, p) => core.concat(xs, num(p.axis)),
    bound: (c) => {
      if (c.es.every((e) => e === null)) return null;
      return core.concat(c.es.map((e, i) => e ?? core.zeros(c.xs[i]!.shape, { dtype: 'float64' })), num(c.p.axis));
    },
  },
  gather: {
    run: ([x, idx], p) => x!.gather(num(p.axis), idx!),
    bound: (c) => (c.es[0] ? c.es[0].gather(num(c.p.axis), c.xs[1]!) : null),
  },
  /** base + Σ src at the indexed positions, each addition rounded in the base's dtype: n·u·(|base| + Σ|src|). */
  scatterAdd: {
    run: ([base, idx, src], p) => base!.scatterAdd(num(p.axis), idx!, src!),
    bound: (c) => {
      const [base, idx, src] = c.xs as [Tensor, Tensor, Tensor];
      const ax = num(c.p.axis);
      const [eb, , es] = c.es;
      if (c.dtype !== 'float32' && c.dtype !== 'float64') return exact(c);
      const zero = core.zeros(base.shape, { dtype: 'float64' });
      const n = src.shape[ax < 0 ? ax + src.ndim : ax]! + 1;
      const own = mag(base).scatterAdd(ax, idx, mag(src)).mul(n * unit('round', c.dtype));
      return plus(eb, es ? zero.scatterAdd(ax, idx, es) : null, own);
    },
  },
};

function viewOp(f: (x: Tensor, p: P) => Tensor): OpDef {
  return { run: ([x], p) => f(x!, p), bound: (c) => (c.es[0] ? f(c.es[0], c.p) : null) };
}

/** An op's result bound, finished (`bound.ts`) and broadcast to the result's shape. */
export function boundOf(op: string, c: BoundCtx): Bound {
  const raw = OPS[op]!.bound(c);
  const b = finish(raw, c.out, c.dtype);
  if (b === null) return null;
  return b.shape.join() === c.out.shape.join() ? b : b.expand(c.out.shape);
}
