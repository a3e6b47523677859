import type { Tensor } from '../tensor/tensor.js';
import { stored } from '../ops/lift.js';
import { isFloat } from '../dtype.js';
import { shapesEqual } from '../shape.js';
import * as ew from '../ops/elementwise.js';
import { max, min, sum } from '../ops/reduce.js';
import { concatBackward, sliceBackward } from './movement-grads.js';
import { gather, scatterAdd, zerosLazyLike } from '../ops/index-ops.js';
import { matmul, mT } from '../ops/matmul.js';
import type { PrimAttrs, Primitive } from './primitives.js';

export interface VjpContext<P extends Primitive> {
  readonly inputs: readonly Tensor[];
  /** The op's output value (detached). */
  readonly out: Tensor;
  readonly attrs: PrimAttrs[P];
}

/** Maps the output gradient to one gradient per input (null: none). */
export type VjpRule<P extends Primitive> = (g: Tensor, ctx: VjpContext<P>) => (Tensor | null)[];

/** Sums a broadcast gradient back to `shape` (the VJP of broadcasting). */
export function sumTo(g: Tensor, shape: readonly number[]): Tensor {
  if (shapesEqual(g.lazy.shape, shape)) return g;
  const lead = g.ndim - shape.length;
  const axes: number[] = [];
  for (let i = 0; i < g.ndim; i++) if (i < lead || (shape[i - lead] === 1 && g.lazy.shape[i] !== 1)) axes.push(i);
  return sum(g, axes, true).reshape([...shape]);
}

const none = (_g: Tensor, ctx: { inputs: readonly Tensor[] }): null[] => ctx.inputs.map(() => null);
/** Piecewise-constant ops (sign, floor, ...): a zero gradient, as PyTorch gives, so `x.grad` is zeros, not null. */
const zero = (_g: Tensor, ctx: { inputs: readonly Tensor[] }): Tensor[] => [zerosLazyLike(ctx.inputs[0]!)];
const x0 = (ctx: { inputs: readonly Tensor[] }): Tensor => ctx.inputs[0]!;
const x1 = (ctx: { inputs: readonly Tensor[] }): Tensor => ctx.inputs[1]!;

/** The gradient of a reduction's kept value, broadcast back over the reduced axes. */
function unreduce(g: Tensor, x: Tensor, axes: readonly number[]): Tensor {
  const keep = x.shape.map((d, i) => (axes.includes(i) ? 1 : d));
  return g.reshape(keep).expand(x.shape);
}

/**
 * Max/min: the gradient is shared evenly among the positions equal to the extremum
 * (`torch.amax`: a NaN extremum gives NaN gradients). A full reduction (`torch.max()`) whose
 * result is NaN shares it among the NaN positions instead (PyTorch's `evenly_distribute_backward`).
 * The input is compared as stored (a computed input is realized) with its extremum taken again from
 * those stored values, not with the forward's output: a fused recomputation may round an element
 * differently (float64 on cpu, f32x4 lanes vs the scalar tail on wasm) and then match nothing.
 */
function extremumGrad(g: Tensor, ctx: VjpContext<'max' | 'min'>, reduce: typeof max): Tensor[] {
  const x = stored(x0(ctx));
  const ext = unreduce(reduce(x, ctx.attrs.axes), x, ctx.attrs.axes);
  let hit = x.eq(ext);
  if (ctx.attrs.all) hit = hit.logicalOr(x.ne(x).logicalAnd(ext.ne(ext)));
  const mask = hit.cast(x.dtype);
  const count = sum(mask, ctx.attrs.axes, true);
  return [unreduce(g, x, ctx.attrs.axes).mul(mask).div(count.expand(x.shape))];
}

/**
 * maximum/minimum (PyTorch's formula): ties split the gradient in halves, the losing side gets 0,
 * and a NaN (which neither wins nor ties) passes the whole gradient to both sides.
 */
function extremeOf2Grad(g: Tensor, a: Tensor, b: Tensor, aLoses: Tensor, bLoses: Tensor): Tensor[] {
  const share = ew.where(a.eq(b), g.mul(0.5), g);
  return [sumTo(ew.where(aLoses, 0, share), a.shape), sumTo(ew.where(bLoses, 0, share), b.shape)];
}

/** One VJP per primitive; a primitive without a rule is a compile error. */
export const vjpRules: { [P in Primitive]: VjpRule<P> } = {
  neg: (g) => [g.neg()],
  exp: (g, c) => [g.mul(c.out)],
  log: (g, c) => [g.div(x0(c))],
  sqrt: (g, c) => [g.div(c.out.mul(2))],
  // g·sgn(x) with sgn(NaN) = 0, as PyTorch's abs backward (a NaN g still gives NaN).
  abs: (g, c) => [g.mul(ew.where(x0(c).ne(x0(c)), 0, x0(c).sign()))],
  sign: zero, floor: zero, ceil: zero, round: zero, logicalNot: none,
  sin: (g, c) => [g.mul(x0(c).cos())],
  cos: (g, c) => [g.mul(x0(c).sin()).neg()],
  tanh: (g, c) => [g.mul(ew.sub(1, c.out.mul(c.out)))],
  reciprocal: (g, c) => [g.mul(c.out).mul(c.out).neg()],
  log1p: (g, c) => [g.div(x0(c).add(1))],
  expm1: (g, c) => [g.mul(c.out.add(1))],
  add: (g, c) => [sumTo(g, x0(c).shape), sumTo(g, x1(c).shape)],
  sub: (g, c) => [sumTo(g, x0(c).shape), sumTo(g.neg(), x1(c).shape)],
  mul: (g, c) => [sumTo(g.mul(x1(c)), x0(c).shape), sumTo(g.mul(x0(c)), x1(c).shape)],
  div: (g, c) => [sumTo(g.div(x1(c)), x0(c).shape), x1(c).requiresGrad ? sumTo(g.mul(c.out).div(x1(c)).neg(), x1(c).shape) : null],
  pow: (g, c) => {
    const [a, b] = [x0(c), x1(c)];
    const ga = a.requiresGrad ? ew.where(b.eq(0), 0, g.mul(b).mul(a.pow(b.sub(1)))) : null;
    const gb = b.requiresGrad ? ew.where(a.eq(0).logicalAnd(b.ge(0)), 0, g.mul(c.out).mul(a.log())) : null;
    return [ga && sumTo(ga, a.shape), gb && sumTo(gb, b.shape)];
  },
  maximum: (g, c) => extremeOf2Grad(g, x0(c), x1(c), x0(c).lt(x1(c)), x0(c).gt(x1(c))),
  minimum: (g, c) => extremeOf2Grad(g, x0(c), x1(c), x0(c).gt(x1(c)), x0(c).lt(x1(c))),
  eq: none, ne: none, lt: none, le: none, gt: none, ge: none, logicalAnd: none, logicalOr: none,
  where: (g, c) => {
    const [cond, a, b] = c.inputs as [Tensor, Tensor, Tensor];
    return [null, sumTo(ew.where(cond, g, 0), a.shape), sumTo(ew.where(cond, 0, g), b.shape)];
  },
  cast: (g, c) => [isFloat(c.attrs.from) ? g.cast(c.attrs.from) : null],
  sum: (g, c) => [unreduce(g, x0(c), c.attrs.axes)],
  max: (g, c) => extremumGrad(g, c, max),
  min: (g, c) => extremumGrad(g, c, min),
  reshape: (g, c) => [g.reshape(x0(c).shape)],
  permute: (g, c) => {
    const inv = new Array<number>(c.attrs.perm.length);
    c.attrs.perm.forEach((p, i) => (inv[p] = i));
    return [g.permute(inv)];
  },
  expand: (g, c) => [sumTo(g, x0(c).shape)],
  slice: (g, c) => [sliceBackward(g, x0(c).shape, c.attrs)],
  pad: (g, c) => [g.slice(x0(c).shape.map((n, d) => [c.attrs.before[d]!, c.attrs.before[d]! + n, 1]))],
  concat: (g, c) => concatBackward(g, c.inputs, c.attrs.axis),
  gather: (g, c) => [scatterAdd(zerosLazyLike(x0(c)), c.attrs.axis, x1(c), g), null],
  scatterAdd: (g, c) => [g, null, gather(g, c.attrs.axis, x1(c))],
  matmul: (g, c) => [
    x0(c).requiresGrad ? matmul(g, mT(x1(c))) : null,
    x1(c).requiresGrad ? matmul(mT(x0(c)), g) : null,
  ],
};
