import type { DType } from '../../dtype.js';
import type { BinaryOp, ReduceOp, UnaryOp } from '../../ir/lazy.js';
import { reduceIdentity } from '../../ir/kernel.js';

/** JavaScript source of a number literal (keeps -0, Infinity and NaN). */
export function jsNumber(v: number): string {
  if (typeof v !== 'number') throw new TypeError(`jsNumber: only numbers become source text, got ${typeof v}`);
  if (Object.is(v, -0)) return '(-0)';
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '(-Infinity)';
  return v < 0 ? `(${v})` : String(v);
}

/**
 * JavaScript for a unary op; all values are JS doubles (float32 inputs compute in float64).
 * `dtype` is the op's result type: float32 exp and log1p use the kernel library's `exp32`, `log1p32`.
 */
export function jsUnary(op: UnaryOp, a: string, dtype: DType): string {
  switch (op) {
    case 'neg': return `(-${a})`;
    case 'exp': return dtype === 'float32' ? `exp32(${a})` : `Math.exp(${a})`;
    case 'log': return `Math.log(${a})`;
    case 'sqrt': return `Math.sqrt(${a})`;
    case 'abs': return `Math.abs(${a})`;
    // Branch-free sign; NaN stays NaN.
    case 'sign': return `(${a} !== ${a} ? ${a} : (${a} > 0) - (${a} < 0))`;
    case 'sin': return `Math.sin(${a})`;
    case 'cos': return `Math.cos(${a})`;
    case 'tanh': return `Math.tanh(${a})`;
    case 'reciprocal': return `(1 / ${a})`;
    case 'log1p': return dtype === 'float32' ? `log1p32(${a})` : `Math.log1p(${a})`;
    case 'expm1': return `Math.expm1(${a})`;
    case 'floor': return `Math.floor(${a})`;
    case 'ceil': return `Math.ceil(${a})`;
    case 'round': return `rint(${a})`;
    case 'not': return `(${a} ? 0 : 1)`;
  }
}

/** JavaScript for a binary op; comparisons and logic give 0/1. */
export function jsBinary(op: BinaryOp, a: string, b: string, bConst: number | null): string {
  switch (op) {
    case 'add': return `(${a} + ${b})`;
    case 'sub': return `(${a} - ${b})`;
    case 'mul': return `(${a} * ${b})`;
    case 'div': return `(${a} / ${b})`;
    case 'pow':
      if (bConst === 2) return `(${a} * ${a})`;
      if (bConst === 1) return a;
      return `Math.pow(${a}, ${b})`;
    // NaN in either operand propagates, as in torch.maximum / torch.minimum.
    case 'maximum': return `((${a} > ${b} || ${a} !== ${a}) ? ${a} : ${b})`;
    case 'minimum': return `((${a} < ${b} || ${a} !== ${a}) ? ${a} : ${b})`;
    case 'eq': return `(${a} === ${b} ? 1 : 0)`;
    case 'ne': return `(${a} !== ${b} ? 1 : 0)`;
    case 'lt': return `(${a} < ${b} ? 1 : 0)`;
    case 'le': return `(${a} <= ${b} ? 1 : 0)`;
    case 'gt': return `(${a} > ${b} ? 1 : 0)`;
    case 'ge': return `(${a} >= ${b} ? 1 : 0)`;
    case 'and': return `((${a} && ${b}) ? 1 : 0)`;
    case 'or': return `((${a} || ${b}) ? 1 : 0)`;
  }
}

/** JavaScript converting a value of dtype `from` to dtype `to` (PyTorch's truncation toward zero). */
export function jsCast(a: string, from: DType, to: DType): string {
  if (from === to) return a;
  switch (to) {
    case 'float32': return from === 'bool' ? a : `Math.fround(${a})`;
    case 'float64': return a;
    case 'int32': return from === 'bool' ? a : `(${a} | 0)`;
    case 'int64': return from === 'bool' || from === 'int32' ? a : `Math.trunc(${a})`;
    case 'bool': return `(${a} !== 0 ? 1 : 0)`;
  }
}

export function reduceInit(op: ReduceOp): string {
  return String(reduceIdentity(op));
}

/** Folds value `v` into accumulator `acc` (NaN propagates through max and min). */
export function reduceStep(op: ReduceOp, acc: string, v: string): string {
  if (op === 'sum') return `${acc} += ${v};`;
  const cmp = op === 'max' ? '>' : '<';
  return `if (${v} ${cmp} ${acc} || ${v} !== ${v}) ${acc} = ${v};`;
}
