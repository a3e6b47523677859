import { record } from '../autograd/record.js';
import type { Primitive } from '../autograd/primitives.js';
import { ArgTypeError, DTypeError, fmtShape, ShapeError } from '../errors.js';
import { checkDType, isFloat, promoteTypes, promoteWithScalar, type DType } from '../dtype.js';
import { mkBinary, mkCast, mkConst, mkUnary, mkWhere, type BinaryOp, type Lazy, type UnaryOp } from '../ir/lazy.js';
import { lzExpand } from '../ir/movement.js';
import { broadcastShapes, shapesEqual } from '../shape.js';
import { checkNumber, pyTypeName } from '../arg-types.js';
import { Tensor } from '../tensor/tensor.js';
import { bounded, isTensor, scalarTensor } from './lift.js';

type Operand = Tensor | number;

function castLazy(n: Lazy, dtype: DType): Lazy {
  return n.dtype === dtype ? n : mkCast(n, dtype);
}

/** Unary primitive `op(x)`; integer inputs of float-valued ops compute in float32 (as PyTorch). */
function unary(prim: Primitive & UnaryOp, x: Tensor, floatOnly: boolean): Tensor {
  if (!isTensor(x)) throw new DTypeError(`${prim}: expected a Tensor, got ${typeof x}`);
  const dtype = floatOnly && !isFloat(x.dtype) ? 'float32' : x.dtype;
  const out = new Tensor(mkUnary(prim, castLazy(bounded(x.lazy), dtype), dtype), x.backend);
  return record(prim, [x], {}, out);
}

export const neg = (x: Tensor): Tensor => {
  if (x.dtype === 'bool') throw new DTypeError('neg: negation of a bool tensor is not supported; use logicalNot');
  return unary('neg', x, false);
};
/** e^x (`torch.exp`). */
export const exp = (x: Tensor): Tensor => unary('exp', x, true);
/** Natural log (`torch.log`). */
export const log = (x: Tensor): Tensor => unary('log', x, true);
export const sqrt = (x: Tensor): Tensor => unary('sqrt', x, true);
export const abs = (x: Tensor): Tensor => unary('abs', x, false);
export const sign = (x: Tensor): Tensor => unary('sign', x, false);
export const sin = (x: Tensor): Tensor => unary('sin', x, true);
export const cos = (x: Tensor): Tensor => unary('cos', x, true);
export const tanh = (x: Tensor): Tensor => unary('tanh', x, true);
/** 1/x (`torch.reciprocal`). */
export const reciprocal = (x: Tensor): Tensor => unary('reciprocal', x, true);
/** log(1 + x), accurate near 0 (`torch.log1p`). */
export const log1p = (x: Tensor): Tensor => unary('log1p', x, true);
/** e^x − 1, accurate near 0 (`torch.expm1`). */
export const expm1 = (x: Tensor): Tensor => unary('expm1', x, true);
export const floor = (x: Tensor): Tensor => unary('floor', x, false);
export const ceil = (x: Tensor): Tensor => unary('ceil', x, false);
/** Round half to even (`torch.round`). */
export const round = (x: Tensor): Tensor => unary('round', x, false);

/** Logical not; the result is bool (`torch.logical_not`). */
export function logicalNot(x: Tensor): Tensor {
  return record('logicalNot', [x], {}, new Tensor(mkUnary('not', bounded(x.lazy), 'bool'), x.backend));
}

type Kind = 'arith' | 'div' | 'compare' | 'logical';

/**
 * Binary primitive with NumPy broadcasting and PyTorch type promotion (a JS number acts as a
 * Python scalar). Division of integers is true division (float32).
 */
function binary(prim: Primitive, op: BinaryOp, a: Operand, b: Operand, kind: Kind): Tensor {
  const ta = isTensor(a);
  const tb = isTensor(b);
  if (!ta && !tb) throw new DTypeError(`${prim}: at least one operand must be a Tensor`);
  if (!ta && typeof a !== 'number') throw new ArgTypeError(`${prim}(): argument 'input' (position 1) must be Tensor or Number, not ${pyTypeName(a)}`);
  if (!tb && typeof b !== 'number') throw new ArgTypeError(`${prim}(): argument 'other' (position 2) must be Tensor or Number, not ${pyTypeName(b)}`);
  let compute: DType = ta && tb ? promoteTypes(a.dtype, b.dtype) : ta ? promoteWithScalar(a.dtype, b as number) : promoteWithScalar((b as Tensor).dtype, a as number);
  if (kind === 'arith' && compute === 'bool') compute = 'int64';
  if (kind === 'div' && !isFloat(compute)) compute = 'float32';
  const outDtype: DType = kind === 'compare' || kind === 'logical' ? 'bool' : compute;
  const like = (ta ? a : b) as Tensor;
  const A = ta ? a : scalarTensor(a as number, compute, [], like);
  const B = tb ? b : scalarTensor(b as number, compute, [], like);
  let la = bounded(A.lazy);
  let lb = bounded(B.lazy);
  if (!shapesEqual(la.shape, lb.shape)) {
    const shape = broadcastShapes(prim, la.shape, lb.shape);
    la = la.kind === 'const' ? mkConst(la.value, la.dtype, shape, la.backend) : lzExpand(la, shape);
    lb = lb.kind === 'const' ? mkConst(lb.value, lb.dtype, shape, lb.backend) : lzExpand(lb, shape);
  }
  if (kind !== 'logical') {
    la = castLazy(la, compute);
    lb = castLazy(lb, compute);
  }
  return record(prim, [A, B], {}, new Tensor(mkBinary(op, la, lb, outDtype), like.backend));
}

/** a + b (`torch.add`). */
export const add = (a: Operand, b: Operand): Tensor => binary('add', 'add', a, b, 'arith');
/** a − b (`torch.sub`). */
export const sub = (a: Operand, b: Operand): Tensor => binary('sub', 'sub', a, b, 'arith');
/** a · b (`torch.mul`). */
export const mul = (a: Operand, b: Operand): Tensor => binary('mul', 'mul', a, b, 'arith');
/** a / b, true division (`torch.div`). */
export const div = (a: Operand, b: Operand): Tensor => binary('div', 'div', a, b, 'div');
/** a^b (`torch.pow`). */
export const pow = (a: Operand, b: Operand): Tensor => binary('pow', 'pow', a, b, 'arith');
/** Elementwise max, NaN-propagating (`torch.maximum`). */
export const maximum = (a: Operand, b: Operand): Tensor => binary('maximum', 'maximum', a, b, 'arith');
/** Elementwise min, NaN-propagating (`torch.minimum`). */
export const minimum = (a: Operand, b: Operand): Tensor => binary('minimum', 'minimum', a, b, 'arith');
export const eq = (a: Operand, b: Operand): Tensor => binary('eq', 'eq', a, b, 'compare');
export const ne = (a: Operand, b: Operand): Tensor => binary('ne', 'ne', a, b, 'compare');
export const lt = (a: Operand, b: Operand): Tensor => binary('lt', 'lt', a, b, 'compare');
export const le = (a: Operand, b: Operand): Tensor => binary('le', 'le', a, b, 'compare');
export const gt = (a: Operand, b: Operand): Tensor => binary('gt', 'gt', a, b, 'compare');
export const ge = (a: Operand, b: Operand): Tensor => binary('ge', 'ge', a, b, 'compare');
export const logicalAnd = (a: Operand, b: Operand): Tensor => binary('logicalAnd', 'and', a, b, 'logical');
export const logicalOr = (a: Operand, b: Operand): Tensor => binary('logicalOr', 'or', a, b, 'logical');

/** `cond ? a : b` elementwise with broadcasting (`torch.where(cond, a, b)`). */
export function where(cond: Tensor, a: Operand, b: Operand): Tensor {
  if (!isTensor(cond)) throw new DTypeError('where: condition must be a Tensor');
  if (cond.dtype !== 'bool') throw new DTypeError(`where: condition must be a bool tensor, got ${cond.dtype}`);
  const ta = isTensor(a);
  const tb = isTensor(b);
  if (!ta) checkNumber('where', 'input', a, 2);
  if (!tb) checkNumber('where', 'other', b, 3);
  const dtype: DType = ta && tb ? promoteTypes(a.dtype, b.dtype) : ta ? promoteWithScalar(a.dtype, b as number) : tb ? promoteWithScalar(b.dtype, a as number) : 'float32';
  const A = ta ? a : scalarTensor(a as number, dtype, [], cond);
  const B = tb ? b : scalarTensor(b as number, dtype, [], cond);
  let shape: readonly number[];
  try {
    shape = broadcastShapes('where', broadcastShapes('where', cond.lazy.shape, A.lazy.shape), B.lazy.shape);
  } catch {
    throw new ShapeError(`where: condition ${fmtShape(cond.shape)}, input ${fmtShape(A.shape)} and other ${fmtShape(B.shape)} cannot be broadcast together`);
  }
  const ex = (n: Lazy): Lazy => (n.kind === 'const' ? mkConst(n.value, n.dtype, shape, n.backend) : lzExpand(bounded(n), shape));
  const out = new Tensor(mkWhere(ex(cond.lazy), castLazy(ex(A.lazy), dtype), castLazy(ex(B.lazy), dtype)), cond.backend);
  return record('where', [cond, A, B], {}, out);
}

/** Converts to `dtype` (`tensor.to(dtype)`); float → int truncates toward zero. */
export function cast(x: Tensor, dtype: DType): Tensor {
  if (x.dtype === dtype) return x;
  checkDType('cast', dtype); // a name like 'float' is refused here, not by a kernel later (issue 13, defect 8)
  const out = new Tensor(mkCast(bounded(x.lazy), dtype), x.backend);
  return record('cast', [x], { from: x.dtype }, out);
}
