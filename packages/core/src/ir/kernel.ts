import type { DType } from '../dtype.js';
import type { BinaryOp, ReduceOp, UnaryOp } from './lazy.js';
import { pyTypeName } from '../arg-types.js';
import { ArgTypeError } from '../errors.js';

/**
 * The kernel IR every backend compiles. A kernel walks a loop nest (`loops`, outermost first);
 * the innermost `nReduce` loops are reduced with `reduceOp`. `body` is an elementwise expression
 * DAG over indexed reads (`load`) of the inputs; for a reduce kernel, `epilogue` maps the
 * accumulated value (`acc`) and reads of `epiInputs` (indexed by the flat output position) to the
 * stored value. The output is contiguous. Input offsets are run-time arguments, not part of `key`.
 */
export interface Kernel {
  readonly key: string;
  readonly loops: readonly number[];
  readonly nReduce: number;
  readonly reduceOp: ReduceOp | null;
  readonly inputs: readonly KernelInput[];
  readonly body: Expr;
  readonly epilogue: Expr | null;
  readonly epiInputs: readonly EpiInput[];
  readonly outDtype: DType;
  readonly outSize: number;
}

/** A body input: its stride and optional valid range `[lo, hi)` per loop (reads 0 outside). */
export interface KernelInput {
  readonly dtype: DType;
  /** The offset is 0 (specialized into the code) rather than a run-time argument. */
  readonly zeroOffset: boolean;
  readonly strides: readonly number[];
  readonly masks: readonly ((readonly [number, number]) | null)[] | null;
}

/** An epilogue input: read at `offset + stride·o` for output position o (stride 0 or 1). */
export interface EpiInput {
  readonly dtype: DType;
  readonly zeroOffset: boolean;
  readonly stride: 0 | 1;
}

export type Expr =
  | { readonly t: 'load'; readonly i: number; readonly dtype: DType }
  | { readonly t: 'eload'; readonly i: number; readonly dtype: DType }
  | { readonly t: 'acc'; readonly dtype: DType }
  | { readonly t: 'const'; readonly v: number; readonly dtype: DType }
  | { readonly t: 'un'; readonly op: UnaryOp; readonly a: Expr; readonly dtype: DType }
  | { readonly t: 'bin'; readonly op: BinaryOp; readonly a: Expr; readonly b: Expr; readonly dtype: DType }
  | { readonly t: 'where'; readonly c: Expr; readonly a: Expr; readonly b: Expr; readonly dtype: DType }
  | { readonly t: 'cast'; readonly a: Expr; readonly dtype: DType };

/** Children of an expression node, in a fixed order. */
export function exprChildren(e: Expr): Expr[] {
  switch (e.t) {
    case 'un': case 'cast': return [e.a];
    case 'bin': return [e.a, e.b];
    case 'where': return [e.c, e.a, e.b];
    default: return [];
  }
}

/**
 * The body's nodes in dependency order, each with its loop level: the innermost loop its value
 * varies in (−1 for loop-invariant nodes). Code generators compute each node once, at its level.
 */
export function bodyLevels(k: Kernel): { level: Map<Expr, number>; order: Expr[] } {
  const L = k.loops.length;
  const level = new Map<Expr, number>();
  const order: Expr[] = [];
  const visit = (e: Expr): number => {
    const known = level.get(e);
    if (known !== undefined) return known;
    let lv = -1;
    if (e.t === 'load') {
      const inp = k.inputs[e.i]!;
      for (let d = 0; d < L; d++) if (inp.strides[d] !== 0 || inp.masks?.[d]) lv = d;
    }
    for (const c of exprChildren(e)) lv = Math.max(lv, visit(c));
    level.set(e, lv);
    order.push(e);
    return lv;
  };
  visit(k.body);
  return { level, order };
}

/** The value a reduction starts from (0, −∞ or +∞). */
export function reduceIdentity(op: ReduceOp): number {
  return op === 'sum' ? 0 : op === 'max' ? -Infinity : Infinity;
}

/**
 * Folds a partial result `v` (a chunk's, a thread's) into `acc` as the kernels fold elements:
 * NaN propagates through max and min.
 */
export function foldReduce(op: ReduceOp, acc: number, v: number): number {
  if (op === 'sum') return acc + v;
  if (v !== v) return v;
  return (op === 'max' ? v > acc : v < acc) ? v : acc;
}

/**
 * The guard every kernel passes before a backend generates code for it: loop sizes, strides and
 * masks are safe integers and every constant is a number. APIs check their arguments first (with
 * the framework's wording); this keeps any future API from pasting data into generated code.
 */
export function assertKernelNumeric(k: Kernel): Kernel {
  const isInt = (v: unknown): boolean => typeof v === 'number' && Number.isSafeInteger(v);
  const bad = (what: string, v: unknown): never => {
    throw new ArgTypeError(`kernel ${what} must be a ${what.endsWith('constant') ? 'number' : 'whole number'}, got ${pyTypeName(v)} ${String(v)}`);
  };
  k.loops.forEach((n) => (isInt(n) && n >= 0) || bad('loop size', n));
  for (const inp of k.inputs) {
    inp.strides.forEach((s) => isInt(s) || bad('stride', s));
    inp.masks?.forEach((m) => m && m.forEach((b) => isInt(b) || bad('mask bound', b)));
  }
  const seen = new Set<Expr>();
  const visit = (e: Expr): void => {
    if (seen.has(e)) return;
    seen.add(e);
    if (e.t === 'const' && typeof e.v !== 'number') bad('constant', e.v);
    exprChildren(e).forEach(visit);
  };
  visit(k.body);
  if (k.epilogue) visit(k.epilogue);
  return k;
}
