/**
 * `mindspore.ops` primitive classes: built once (`self.abs = ops.Abs()`), then called
 * (`self.abs(x)`); attributes are constructor arguments (`ops.ReduceMean(keep_dims=True)`).
 */
import { Callable, newless, type Newless } from '@rosetta/core';
import type { Type } from '../dtype.js';
import type { Operand, Tensor } from '../tensor.js';
import * as F from './functional.js';

export class PrimitiveImpl extends Callable {
  constructor(readonly fn: (...args: any[]) => Tensor) {
    super();
  }
  __call__(...args: unknown[]): Tensor {
    return this.fn(...args);
  }
  /** `Abs`, as MindSpore prints a primitive. */
  override toString(): string {
    return `Prim[${this.constructor.name}]`;
  }
}
export interface PrimitiveImpl {
  (...args: any[]): Tensor;
}

/** A primitive class `name` without attributes. */
function prim(name: string, fn: (...args: any[]) => Tensor): Newless<new () => PrimitiveImpl> {
  const cls = { [name]: class extends PrimitiveImpl { constructor() { super(fn); } } }[name]!;
  return newless(cls);
}

/** A reduction primitive: `ReduceMean(keep_dims=False)(x, axis=())`. */
function reduction(name: string, fn: (x: Tensor, axis: number | readonly number[] | undefined, keep: boolean) => Tensor): Newless<new (keep_dims?: boolean | { keep_dims?: boolean }) => PrimitiveImpl> {
  const cls = {
    [name]: class extends PrimitiveImpl {
      constructor(keep_dims: boolean | { keep_dims?: boolean } = false) {
        const keep = typeof keep_dims === 'boolean' ? keep_dims : (keep_dims.keep_dims ?? false);
        super((x: Tensor, axis: number | readonly number[] = []) => fn(x, axis, keep));
      }
    },
  }[name]!;
  return newless(cls);
}

/** An axis-attribute primitive: `Softmax(axis=-1)(x)`. */
function withAxis(name: string, fn: (x: Tensor, axis: number) => Tensor): Newless<new (axis?: number | { axis?: number }) => PrimitiveImpl> {
  const cls = {
    [name]: class extends PrimitiveImpl {
      constructor(axis: number | { axis?: number } = -1) {
        const a = typeof axis === 'number' ? axis : (axis.axis ?? -1);
        super((x: Tensor) => fn(x, a));
      }
    },
  }[name]!;
  return newless(cls);
}

export const Abs = prim('Abs', F.abs);
export const Square = prim('Square', F.square);
export const Exp = prim('Exp', F.exp);
export const Log = prim('Log', F.log);
export const Sqrt = prim('Sqrt', F.sqrt);
export const Neg = prim('Neg', F.neg);
export const ReLU = prim('ReLU', F.relu);
export const Sigmoid = prim('Sigmoid', F.sigmoid);
export const Tanh = prim('Tanh', F.tanh);
export const Add = prim('Add', (x: Tensor, y: Operand) => F.add(x, y));
export const Sub = prim('Sub', (x: Tensor, y: Operand) => F.sub(x, y));
export const Mul = prim('Mul', (x: Tensor, y: Operand) => F.mul(x, y));
export const Div = prim('Div', (x: Tensor, y: Operand) => F.div(x, y));
export const Pow = prim('Pow', (x: Tensor, y: Operand) => F.pow(x, y));
export const Maximum = prim('Maximum', (x: Tensor, y: Operand) => F.maximum(x, y));
export const Minimum = prim('Minimum', (x: Tensor, y: Operand) => F.minimum(x, y));
export const Reshape = prim('Reshape', (x: Tensor, shape: readonly number[]) => F.reshape(x, shape));
export const Transpose = prim('Transpose', (x: Tensor, perm: readonly number[]) => F.transpose(x, perm));
export const Cast = prim('Cast', (x: Tensor, dtype: Type) => F.cast(x, dtype));
export const OnesLike = prim('OnesLike', F.ones_like);
export const ZerosLike = prim('ZerosLike', F.zeros_like);
export const ExpandDims = prim('ExpandDims', (x: Tensor, axis: number) => F.expand_dims(x, axis));
/** `ReduceMean(keep_dims=False)(x, axis=())`: an empty axis reduces every axis. */
export const ReduceMean = reduction('ReduceMean', (x, axis, keep) => F.mean(x, axis, keep));
export const ReduceSum = reduction('ReduceSum', (x, axis, keep) => F.sum(x, axis, keep));
export const ReduceMax = reduction('ReduceMax', (x, axis, keep) => x.max(axis, keep));
export const ReduceMin = reduction('ReduceMin', (x, axis, keep) => x.min(axis, keep));
export const Softmax = withAxis('Softmax', F.softmax);
export const LogSoftmax = withAxis('LogSoftmax', F.log_softmax);

class MatMulImpl extends PrimitiveImpl {
  /** `MatMul(transpose_a=False, transpose_b=False)`. */
  constructor(transpose_a: boolean | { transpose_a?: boolean; transpose_b?: boolean } = false, transpose_b = false) {
    const [ta, tb] = typeof transpose_a === 'boolean' ? [transpose_a, transpose_b] : [transpose_a.transpose_a ?? false, transpose_a.transpose_b ?? false];
    super((a: Tensor, b: Tensor) => F.matmul(ta ? a.transpose() : a, tb ? b.transpose() : b));
  }
}
export const MatMul = newless(MatMulImpl);
