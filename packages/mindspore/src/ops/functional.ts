/** `mindspore.ops` functions (`ops.abs(x)`, `ops.mean(x, axis, keep_dims)`, …). */
import {
  concat as coreConcat, full, matmul as coreMatmul, maximum as coreMaximum, minimum as coreMinimum, stack as coreStack,
  where as coreWhere,
} from '@rosetta/core';
import { coreDType, type Type } from '../dtype.js';
import { checkMsShape } from '../errors.js';
import { val, wrap, type Operand, type Tensor } from '../tensor.js';

type Axis = number | readonly number[] | null | undefined;

export const abs = (x: Tensor): Tensor => x.abs();
export const square = (x: Tensor): Tensor => x.square();
export const exp = (x: Tensor): Tensor => x.exp();
export const log = (x: Tensor): Tensor => x.log();
export const sqrt = (x: Tensor): Tensor => x.sqrt();
export const neg = (x: Tensor): Tensor => x.neg();
export const relu = (x: Tensor): Tensor => wrap(x.value.relu());
export const sigmoid = (x: Tensor): Tensor => wrap(x.value.sigmoid());
export const tanh = (x: Tensor): Tensor => wrap(x.value.tanh());
/** `ops.softmax(x, axis=-1)`. */
export const softmax = (x: Tensor, axis = -1): Tensor => wrap(x.value.softmax(axis));
/** `ops.log_softmax(x, axis=-1)`. */
export const log_softmax = (x: Tensor, axis = -1): Tensor => wrap(x.value.logSoftmax(axis));
/** `ops.mean(x, axis=None, keep_dims=False)`. */
export const mean = (x: Tensor, axis?: Axis, keep_dims = false): Tensor => x.mean(axis, keep_dims);
/** `ops.sum(input, dim=None, keepdim=False)`. */
export const sum = (x: Tensor, dim?: Axis, keepdim = false): Tensor => x.sum(dim, keepdim);
export const add = (x: Tensor, y: Operand): Tensor => x.add(y);
export const sub = (x: Tensor, y: Operand): Tensor => x.sub(y);
export const mul = (x: Tensor, y: Operand): Tensor => x.mul(y);
export const div = (x: Tensor, y: Operand): Tensor => x.div(y);
export const pow = (x: Tensor, y: Operand): Tensor => x.pow(y);
export const maximum = (x: Tensor, y: Operand): Tensor => wrap(coreMaximum(x.value, val(y)));
export const minimum = (x: Tensor, y: Operand): Tensor => wrap(coreMinimum(x.value, val(y)));
/** `ops.matmul(x1, x2)`. */
export const matmul = (x1: Tensor, x2: Tensor): Tensor => wrap(coreMatmul(x1.value, x2.value));
export const reshape = (x: Tensor, shape: readonly number[]): Tensor => x.reshape(shape);
export const transpose = (x: Tensor, perm: readonly number[]): Tensor => x.transpose(...perm);
export const squeeze = (x: Tensor, axis?: number): Tensor => x.squeeze(axis);
export const expand_dims = (x: Tensor, axis: number): Tensor => x.expand_dims(axis);
/** `ops.cast(x, dtype)`. */
export const cast = (x: Tensor, dtype: Type | string): Tensor => x.astype(dtype);
/** `ops.ones(shape, dtype=float32)` / `ops.zeros`. */
export const ones = (shape: readonly number[] | number, dtype: Type | string = 'float32'): Tensor => wrap(full(checkMsShape('ones', shape), 1, { dtype: coreDType('ones', dtype) }));
export const zeros = (shape: readonly number[] | number, dtype: Type | string = 'float32'): Tensor => wrap(full(checkMsShape('zeros', shape), 0, { dtype: coreDType('zeros', dtype) }));
export const ones_like = (x: Tensor): Tensor => wrap(full(x.shape, 1, { dtype: x.value.dtype }));
export const zeros_like = (x: Tensor): Tensor => wrap(full(x.shape, 0, { dtype: x.value.dtype }));
/** `ops.concat(tensors, axis=0)` / `ops.stack(tensors, axis=0)`. */
export const concat = (tensors: readonly Tensor[], axis = 0): Tensor => wrap(coreConcat(tensors.map((t) => t.value), axis));
export const stack = (tensors: readonly Tensor[], axis = 0): Tensor => wrap(coreStack(tensors.map((t) => t.value), axis));
/** `ops.where(condition, x, y)`. */
export const where = (condition: Tensor, x: Operand, y: Operand): Tensor => wrap(coreWhere(condition.value, val(x), val(y)));
