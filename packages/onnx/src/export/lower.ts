import { promoteTypes, type DType, type PrimAttrs, type Primitive, type Tensor, type TraceEntry } from '@rosetta/core';
import { DataType } from '../proto/types.js';
import type { LowerContext } from './context.js';

type Lowering<P extends Primitive> = (cx: LowerContext, inputs: readonly Tensor[], attrs: PrimAttrs[P], out: Tensor) => string;
/** A lowering whose primitive has no attributes. */
type Plain = (cx: LowerContext, inputs: readonly Tensor[], attrs: object, out: Tensor) => string;

const isFloat = (d: DType): boolean => d === 'float32' || d === 'float64';
/** PyTorch promotion over Rosetta's dtypes (the dtype a comparison computes in). */
const promote = promoteTypes;

/** A scalar constant of `dtype` (1 for log1p/expm1). */
function scalar(cx: LowerContext, dtype: DType, v: number): string {
  return cx.g.constant(dtype, [], [v], 'one');
}

/** Elementwise unary ONNX op on the input cast to the output dtype; identity ops where ONNX has no integer kernel. */
function unary(onnxOp: string, integerIdentity = false): Plain {
  return (cx, [x], _a, out) => {
    const v = cx.value(x!, out.dtype);
    if (integerIdentity && !isFloat(out.dtype)) return cx.g.op('Identity', [v]);
    return cx.g.op(onnxOp, [v]);
  };
}

/** Arithmetic binary op on both operands cast to the output dtype. */
function arith(onnxOp: string): Plain {
  return (cx, [a, b], _x, out) => cx.g.op(onnxOp, [cx.value(a!, out.dtype), cx.value(b!, out.dtype)]);
}

/** Comparison in the promoted dtype (bool operands compare as int32 where ONNX has no bool kernel). */
function compare(onnxOp: string, negate = false): Plain {
  return (cx, [a, b]) => {
    let d = promote(a!.dtype, b!.dtype);
    if (d === 'bool' && onnxOp !== 'Equal') d = 'int32';
    const r = cx.g.op(onnxOp, [cx.value(a!, d), cx.value(b!, d)]);
    return negate ? cx.g.op('Not', [r]) : r;
  };
}

function logical(onnxOp: string): Plain {
  return (cx, [a, b]) => cx.g.op(onnxOp, [cx.value(a!, 'bool'), cx.value(b!, 'bool')]);
}

/** Reduce over `axes` (an input from opset 18); keepdims read off the output's rank. */
function reduce(onnxOp: string): (cx: LowerContext, inputs: readonly Tensor[], attrs: { axes: number[] }, out: Tensor) => string {
  return (cx, [x], { axes }, out) => {
    let work: DType = out.dtype;
    // ReduceMax/Min have no bool kernel before opset 20: reduce as int32 and cast back.
    if (work === 'bool' && onnxOp !== 'ReduceSum') work = 'int32';
    if (axes.length === 0) return cx.g.op('Identity', [cx.value(x!, out.dtype)]);
    const v = cx.value(x!, work);
    const keepdims = out.ndim === x!.ndim ? 1 : 0;
    const axesName = cx.g.int64s(axes, 'axes');
    const r = cx.g.op(onnxOp, [v, axesName], { keepdims });
    if (onnxOp !== 'ReduceSum' && isFloat(work)) {
      // ORT's ReduceMax/ReduceMin skip NaN; the engine (as torch.amax) propagates it.
      const nanCount = cx.g.op('ReduceMax', [cx.g.op('Cast', [cx.g.op('IsNaN', [v])], { to: DataType.INT32 }), axesName], { keepdims });
      const anyNaN = cx.g.op('Cast', [nanCount], { to: DataType.BOOL });
      return cx.g.op('Where', [anyNaN, cx.g.constant(work, [], [NaN], 'nan'), r]);
    }
    return work === out.dtype ? r : cx.cast(r, out.dtype);
  };
}

/**
 * Slice bounds in ONNX's convention. Rosetta's ends are start + step·count, so with a negative
 * step an end below 0 means "through index 0": ONNX would read a negative end from the back, so
 * it becomes −(n+1), which ONNX clamps to −1 (exclusive). An empty axis selects [0, 0).
 */
export function onnxSliceBounds(shape: readonly number[], starts: readonly number[], ends: readonly number[], steps: readonly number[]): { starts: number[]; ends: number[]; steps: number[] } {
  const s: number[] = [];
  const e: number[] = [];
  const st: number[] = [];
  shape.forEach((n, d) => {
    const step = steps[d]!;
    const count = Math.max(0, Math.ceil((ends[d]! - starts[d]!) / step));
    if (count === 0) {
      s.push(0); e.push(0); st.push(1);
    } else {
      s.push(starts[d]!);
      e.push(step < 0 && ends[d]! < 0 ? -(n + 1) : ends[d]!);
      st.push(step);
    }
  });
  return { starts: s, ends: e, steps: st };
}

/**
 * One ONNX lowering per core primitive (the mapped type makes a new primitive without a
 * lowering a compile error). Each returns the ONNX value holding the primitive's output.
 */
export const lowerings: { [P in Primitive]: Lowering<P> } = {
  neg: unary('Neg'),
  exp: unary('Exp'),
  log: unary('Log'),
  sqrt: unary('Sqrt'),
  abs: (cx, [x], a, out) => (out.dtype === 'bool' ? cx.g.op('Identity', [cx.value(x!)]) : unary('Abs')(cx, [x!], a, out)),
  sign: (cx, [x], a, out) => (out.dtype === 'bool' ? cx.g.op('Identity', [cx.value(x!)]) : unary('Sign')(cx, [x!], a, out)),
  sin: unary('Sin'),
  cos: unary('Cos'),
  tanh: unary('Tanh'),
  reciprocal: unary('Reciprocal'),
  log1p: (cx, [x], _a, out) => cx.g.op('Log', [cx.g.op('Add', [cx.value(x!, out.dtype), scalar(cx, out.dtype, 1)])]),
  expm1: (cx, [x], _a, out) => cx.g.op('Sub', [cx.g.op('Exp', [cx.value(x!, out.dtype)]), scalar(cx, out.dtype, 1)]),
  floor: unary('Floor', true),
  ceil: unary('Ceil', true),
  round: unary('Round', true),
  logicalNot: (cx, [x]) => cx.g.op('Not', [cx.value(x!, 'bool')]),
  add: arith('Add'),
  sub: arith('Sub'),
  mul: arith('Mul'),
  div: arith('Div'),
  pow: arith('Pow'),
  maximum: arith('Max'),
  minimum: arith('Min'),
  eq: compare('Equal'),
  ne: compare('Equal', true),
  lt: compare('Less'),
  le: compare('LessOrEqual'),
  gt: compare('Greater'),
  ge: compare('GreaterOrEqual'),
  logicalAnd: logical('And'),
  logicalOr: logical('Or'),
  where: (cx, [c, a, b], _x, out) => cx.g.op('Where', [cx.value(c!, 'bool'), cx.value(a!, out.dtype), cx.value(b!, out.dtype)]),
  cast: (cx, [x], _a, out) => cx.cast(cx.value(x!), out.dtype),
  sum: reduce('ReduceSum'),
  max: reduce('ReduceMax'),
  min: reduce('ReduceMin'),
  reshape: (cx, [x], _a, out) => cx.g.op('Reshape', [cx.value(x!), cx.g.int64s(out.shape, 'shape')], out.shape.includes(0) ? { allowzero: 1 } : {}),
  permute: (cx, [x], { perm }) => cx.g.op('Transpose', [cx.value(x!)], { perm }),
  expand: (cx, [x], _a, out) => cx.g.op('Expand', [cx.value(x!), cx.g.int64s(out.shape, 'shape')]),
  slice: (cx, [x], { starts, ends, steps }) => {
    if (x!.ndim === 0) return cx.g.op('Identity', [cx.value(x!)]);
    const b = onnxSliceBounds(x!.shape, starts, ends, steps);
    const axes = x!.shape.map((_, d) => d);
    return cx.g.op('Slice', [cx.value(x!), cx.g.int64s(b.starts, 'starts'), cx.g.int64s(b.ends, 'ends'), cx.g.int64s(axes, 'axes'), cx.g.int64s(b.steps, 'steps')]);
  },
  pad: (cx, [x], { before, after }) => {
    if (x!.ndim === 0) return cx.g.op('Identity', [cx.value(x!)]);
    return cx.g.op('Pad', [cx.value(x!), cx.g.int64s([...before, ...after], 'pads')], { mode: 'constant' });
  },
  concat: (cx, xs, { axis }, out) => cx.g.op('Concat', xs.map((x) => cx.value(x, out.dtype)), { axis }),
  gather: (cx, [x, index], { axis }, out) => cx.g.op('GatherElements', [cx.value(x!, out.dtype), cx.value(index!, 'int64')], { axis }),
  scatterAdd: (cx, [base, index, src], { axis }, out) =>
    cx.g.op('ScatterElements', [cx.value(base!, out.dtype), cx.value(index!, 'int64'), cx.value(src!, out.dtype)], { axis, reduction: 'add' }),
  matmul: arith('MatMul'),
};

/** Lowers one trace entry; returns the ONNX value of its output. */
export function lowerEntry(cx: LowerContext, e: TraceEntry): string {
  const f = lowerings[e.prim] as Lowering<Primitive>;
  return f(cx, e.inputs, e.attrs, e.out);
}
