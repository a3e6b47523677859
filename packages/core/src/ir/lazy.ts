import type { DType } from '../dtype.js';
import type { Backend, DeviceBuffer } from '../backend/backend.js';
import { isIdentity, type View } from './view.js';
import { pyTypeName } from '../arg-types.js';
import { ArgTypeError } from '../errors.js';

export type UnaryOp =
  | 'neg' | 'exp' | 'log' | 'sqrt' | 'abs' | 'sign' | 'sin' | 'cos' | 'tanh'
  | 'reciprocal' | 'log1p' | 'expm1' | 'floor' | 'ceil' | 'round' | 'not';
export type BinaryOp =
  | 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'maximum' | 'minimum'
  | 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge' | 'and' | 'or';
export type ReduceOp = 'sum' | 'max' | 'min';

/** Unary ops whose cost makes recomputation (under expand) worse than a write. */
export const HEAVY_UNARY: ReadonlySet<UnaryOp> = new Set(['exp', 'log', 'sqrt', 'sin', 'cos', 'tanh', 'log1p', 'expm1']);

interface Base {
  readonly shape: readonly number[];
  readonly dtype: DType;
  /** Node count of the expression below (shared nodes counted per use): bounds kernel size. */
  readonly cost: number;
  /** Holds a transcendental or a reduction: recomputing it per broadcast element would cost. */
  readonly heavy: boolean;
  /** Set once realized; later consumers read this buffer instead of recomputing. */
  buf: DeviceBuffer | null;
  /** Scratch for graph walks: the walk's epoch and this node's number in it. */
  mark: number;
  markId: number;
}

/** A realized buffer read through a view (permute/expand/slice/pad without copies). */
export interface LLoad extends Base { readonly kind: 'load'; readonly src: DeviceBuffer; readonly view: View }
/** A constant broadcast to `shape`, owned by the backend its tensor was made on (a kernel of constants alone runs there). */
export interface LConst extends Base { readonly kind: 'const'; readonly value: number; readonly backend: Backend }
export interface LUnary extends Base { readonly kind: 'unary'; readonly op: UnaryOp; readonly a: Lazy }
/** Both operands already have the node's shape (the op layer expands first). */
export interface LBinary extends Base { readonly kind: 'binary'; readonly op: BinaryOp; readonly a: Lazy; readonly b: Lazy }
export interface LWhere extends Base { readonly kind: 'where'; readonly c: Lazy; readonly a: Lazy; readonly b: Lazy }
export interface LCast extends Base { readonly kind: 'cast'; readonly a: Lazy }
/**
 * A reduction of `src` over `axes` (in src's space). Its result is laid out row-major over the kept
 * dims; `shape` is any shape of that size (keepdims or not), so reshapes stay lazy.
 */
export interface LReduce extends Base { readonly kind: 'reduce'; readonly op: ReduceOp; readonly src: Lazy; readonly axes: readonly number[] }

/** A lazily evaluated tensor value: an expression DAG over realized buffers. */
export type Lazy = LLoad | LConst | LUnary | LBinary | LWhere | LCast | LReduce;

/** Expressions bigger than this are realized before more is built on them. */
export const MAX_COST = 40;

/** A read of `src` through `view`; a view that is the whole buffer in order counts as realized. */
export function mkLoad(src: DeviceBuffer, view: View): LLoad {
  return { kind: 'load', src, view, shape: view.shape, dtype: src.dtype, cost: 1, heavy: false, buf: isIdentity(view, src.size) ? src : null, mark: 0, markId: 0 };
}

export function mkConst(value: number, dtype: DType, shape: readonly number[], backend: Backend): LConst {
  // The last guard before code generation: only numbers become kernel constants.
  if (typeof value !== 'number') throw new ArgTypeError(`a tensor constant must be a number, not ${pyTypeName(value)}`);
  return { kind: 'const', value, backend, shape, dtype, cost: 0, heavy: false, buf: null, mark: 0, markId: 0 };
}

export function mkUnary(op: UnaryOp, a: Lazy, dtype: DType): LUnary {
  return { kind: 'unary', op, a, shape: a.shape, dtype, cost: a.cost + 1, heavy: a.heavy || HEAVY_UNARY.has(op), buf: null, mark: 0, markId: 0 };
}

export function mkBinary(op: BinaryOp, a: Lazy, b: Lazy, dtype: DType): LBinary {
  return { kind: 'binary', op, a, b, shape: a.shape, dtype, cost: a.cost + b.cost + 1, heavy: a.heavy || b.heavy || op === 'pow', buf: null, mark: 0, markId: 0 };
}

export function mkWhere(c: Lazy, a: Lazy, b: Lazy): LWhere {
  return { kind: 'where', c, a, b, shape: a.shape, dtype: a.dtype, cost: c.cost + a.cost + b.cost + 1, heavy: c.heavy || a.heavy || b.heavy, buf: null, mark: 0, markId: 0 };
}

export function mkCast(a: Lazy, dtype: DType): LCast {
  return { kind: 'cast', a, shape: a.shape, dtype, cost: a.cost + 1, heavy: a.heavy, buf: null, mark: 0, markId: 0 };
}

export function mkReduce(op: ReduceOp, src: Lazy, axes: readonly number[], shape: readonly number[], dtype: DType): LReduce {
  return { kind: 'reduce', op, src, axes, shape, dtype, cost: 1, heavy: true, buf: null, mark: 0, markId: 0 };
}
