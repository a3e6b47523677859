/**
 * `mindspore.Tensor(input_data, dtype)`: a core tensor with MindSpore's method names and NumPy-style
 * printing (`0.033333335`, `[[1. 0. 2.]\n [1. 2. 3.]]`). Usable with and without `new`.
 */
import { ArgTypeError, pyTypeName, inspectSymbol, indexTensor, newless, tensor as coreTensor, toNumpy, type NDArray as NpArray, type Tensor as CoreTensor, type TensorData } from '@rosetta/core';
import { Type, coreDType } from './dtype.js';

/** A Tensor or a Python number operand. */
export type Operand = TensorImpl | number;
export const val = (x: Operand): CoreTensor | number => (typeof x === 'number' ? x : x.value);

type Axis = number | readonly number[] | null | undefined;
const axes = (a: Axis): number | number[] | undefined => (a === null || a === undefined ? undefined : typeof a === 'number' ? a : a.length ? [...a] : undefined);

export class TensorImpl {
  /** The engine tensor. */
  readonly value: CoreTensor;

  /**
   * `Tensor(input_data, dtype=None)`: from numbers, nested lists or `np` arrays (their dtype is kept
   * unless `dtype` says otherwise; JavaScript numbers give float32).
   */
  constructor(input_data: TensorData | TensorImpl | CoreTensor, dtype?: Type | string | null) {
    if (input_data instanceof TensorImpl) this.value = dtype ? input_data.value.cast(coreDType('Tensor', dtype)) : input_data.value;
    else if (typeof input_data === 'object' && input_data !== null && 'lazy' in input_data) this.value = input_data as CoreTensor;
    else this.value = coreTensor(input_data as TensorData, dtype ? { dtype: coreDType('Tensor', dtype) } : {});
  }

  get shape(): number[] { return this.value.shape; }
  get dtype(): Type { return Type.of(this.value.dtype); }
  get ndim(): number { return this.value.ndim; }
  get size(): number { return this.value.size; }
  /** `len(t)`. */
  get length(): number { return this.shape[0] ?? 0; }
  /** `t.asnumpy()`: a host `np` array. */
  asnumpy(): NpArray { return toNumpy(this.value); }
  item(): number { return this.value.item(); }
  tolist(): unknown { return this.value.tolist(); }
  astype(dtype: Type | string): TensorImpl { return wrap(this.value.cast(coreDType('astype', dtype))); }

  add(o: Operand): TensorImpl { return wrap(this.value.add(val(o))); }
  sub(o: Operand): TensorImpl { return wrap(this.value.sub(val(o))); }
  mul(o: Operand): TensorImpl { return wrap(this.value.mul(val(o))); }
  div(o: Operand): TensorImpl { return wrap(this.value.div(val(o))); }
  pow(o: Operand): TensorImpl { return wrap(this.value.pow(val(o))); }
  rsub(o: number): TensorImpl { return wrap(this.value.rsub(o)); }
  rdiv(o: number): TensorImpl { return wrap(this.value.rdiv(o)); }
  neg(): TensorImpl { return wrap(this.value.neg()); }
  gt(o: Operand): TensorImpl { return wrap(this.value.gt(val(o))); }
  lt(o: Operand): TensorImpl { return wrap(this.value.lt(val(o))); }
  ge(o: Operand): TensorImpl { return wrap(this.value.ge(val(o))); }
  le(o: Operand): TensorImpl { return wrap(this.value.le(val(o))); }
  eq(o: Operand): TensorImpl { return wrap(this.value.eq(val(o))); }
  abs(): TensorImpl { return wrap(this.value.abs()); }
  exp(): TensorImpl { return wrap(this.value.exp()); }
  log(): TensorImpl { return wrap(this.value.log()); }
  sqrt(): TensorImpl { return wrap(this.value.sqrt()); }
  square(): TensorImpl { return wrap(this.value.square()); }
  matmul(o: TensorImpl): TensorImpl { return wrap(this.value.matmul(o.value)); }
  /** `mean(axis=None, keep_dims=False)`. */
  mean(axis?: Axis, keep_dims = false): TensorImpl { return wrap(this.value.mean(axes(axis), keep_dims)); }
  /** `sum(axis=None, keepdims=False)`. */
  sum(axis?: Axis, keepdims = false): TensorImpl { return wrap(this.value.sum(axes(axis), keepdims)); }
  max(axis?: Axis, keepdims = false): TensorImpl { return wrap(this.value.max(axes(axis), keepdims)); }
  min(axis?: Axis, keepdims = false): TensorImpl { return wrap(this.value.min(axes(axis), keepdims)); }
  argmax(axis?: number): TensorImpl { return wrap(this.value.argmax(axis).cast('int32')); }
  reshape(...shape: (number | readonly number[])[]): TensorImpl {
    return wrap(this.value.reshape((shape.length === 1 && Array.isArray(shape[0]) ? shape[0] : shape) as number[]));
  }
  transpose(...perm: number[]): TensorImpl { return wrap(this.value.permute(perm.length ? perm : this.shape.map((_, i) => this.ndim - 1 - i))); }
  squeeze(axis?: number): TensorImpl { return wrap(this.value.squeeze(axis)); }
  expand_dims(axis: number): TensorImpl { return wrap(this.value.unsqueeze(axis)); }
  /**
   * Indexing, the method form of `x[...]`: numbers pick, `':'` / `'a:b:s'` slice, `null` adds an
   * axis, `'...'` fills the rest, a bool Tensor selects rows, an integer Tensor gathers.
   */
  index(...keys: (number | string | null | TensorImpl)[]): TensorImpl {
    return wrap(indexTensor(this.value, keys.map((k) => (k instanceof TensorImpl ? k.value : k))));
  }

  /** MindSpore prints a tensor as NumPy prints the array. */
  toString(): string { return String(this.asnumpy()); }
  [inspectSymbol](): string { return this.toString(); }
}

/** The MindSpore Tensor of a core tensor. */
export const wrap = (t: CoreTensor): TensorImpl => new TensorImpl(t);

export const Tensor = newless(TensorImpl);
export type Tensor = TensorImpl;

/** The core tensor of a Tensor argument, or MindSpore's TypeError (`nn_func._check_is_tensor`'s wording). */
export function tensorArg(cls: string, arg: string, x: unknown): CoreTensor {
  if (x instanceof TensorImpl) return x.value;
  throw new ArgTypeError(`For '${cls}', the '${arg}' must be a Tensor, but got ${pyTypeName(x)}.`);
}
