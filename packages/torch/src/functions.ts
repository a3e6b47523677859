/** `torch.*` operator functions (`torch.cat`, `torch.where`, `torch.sum`, …) and `torch.no_grad`. */
import {
  concat, fullLike, isGradEnabled, matmul as coreMatmul, maximum as coreMaximum, minimum as coreMinimum, noGrad, stack as coreStack,
  where as coreWhere, withGradMode, ArgTypeError, checkNumber, memoryScope,
} from '@rosetta/core';
import { Tensor, val, type Operand } from './tensor.js';

/** `torch.cat(tensors, dim=0)` (also spelled `axis`, as PyTorch accepts). */
export function cat(tensors: readonly Tensor[], opts: number | { dim?: number; axis?: number } = 0): Tensor {
  const dim = typeof opts === 'number' ? opts : (opts.dim ?? opts.axis ?? 0);
  return new Tensor(concat(tensors.map((x) => x.value), dim));
}
export const concatenate = cat;
/** `torch.stack(tensors, dim=0)`. */
export function stack(tensors: readonly Tensor[], opts: number | { dim?: number } = 0): Tensor {
  const dim = typeof opts === 'number' ? opts : (opts.dim ?? 0);
  return new Tensor(coreStack(tensors.map((x) => x.value), dim));
}
/** `torch.where(condition, input, other)`. */
export const where = (condition: Tensor, input: Operand, other: Operand): Tensor => new Tensor(coreWhere(condition.value, val(input), val(other)));
/** `torch.matmul(input, other)`. */
export const matmul = (input: Tensor, other: Tensor): Tensor => new Tensor(coreMatmul(input.value, other.value));
export const mm = matmul;
/** `torch.maximum` / `torch.minimum`. */
export const maximum = (a: Tensor, b: Tensor): Tensor => new Tensor(coreMaximum(a.value, b.value));
export const minimum = (a: Tensor, b: Tensor): Tensor => new Tensor(coreMinimum(a.value, b.value));

/** Binary ops with a number on either side (`torch.sub(1, y)`). */
function binary(op: 'add' | 'sub' | 'mul' | 'div' | 'pow', a: Operand, b: Operand): Tensor {
  if (a instanceof Tensor) return a[op](b);
  if (!(b instanceof Tensor)) throw new ArgTypeError(`${op}(): expected a Tensor argument, got two numbers`);
  checkNumber(op, 'input', a, 1);
  if (op === 'pow') return new Tensor(fullLike(b.value, a).pow(b.value));
  return op === 'sub' ? b.rsub(a) : op === 'div' ? b.rdiv(a) : b[op](a);
}
export const add = (a: Operand, b: Operand): Tensor => binary('add', a, b);
export const sub = (a: Operand, b: Operand): Tensor => binary('sub', a, b);
export const subtract = sub;
export const mul = (a: Operand, b: Operand): Tensor => binary('mul', a, b);
export const multiply = mul;
export const div = (a: Operand, b: Operand): Tensor => binary('div', a, b);
export const divide = div;
/** `torch.pow(input, exponent)`. */
export const pow = (input: Operand, exponent: Operand): Tensor => binary('pow', input, exponent);

type Dim = number | readonly number[] | null | undefined;
/** `torch.sum(input, dim=None, keepdim=False)`. */
export const sum = (input: Tensor, dim?: Dim, keepdim = false): Tensor => input.sum(dim, keepdim);
/** `torch.mean(input, dim=None, keepdim=False)`. */
export const mean = (input: Tensor, dim?: Dim, keepdim = false): Tensor => input.mean(dim, keepdim);
export const abs = (x: Tensor): Tensor => x.abs();
export const exp = (x: Tensor): Tensor => x.exp();
export const log = (x: Tensor): Tensor => x.log();
export const sqrt = (x: Tensor): Tensor => x.sqrt();
export const square = (x: Tensor): Tensor => x.square();
export const sin = (x: Tensor): Tensor => x.sin();
export const cos = (x: Tensor): Tensor => x.cos();
export const tanh = (x: Tensor): Tensor => x.tanh();
export const sigmoid = (x: Tensor): Tensor => x.sigmoid();
export const relu = (x: Tensor): Tensor => x.relu();
export const neg = (x: Tensor): Tensor => x.neg();
export const clamp = (x: Tensor, min?: number | null, max?: number | null): Tensor => x.clamp(min, max);
export const squeeze = (x: Tensor, dim?: number): Tensor => x.squeeze(dim);
export const unsqueeze = (x: Tensor, dim: number): Tensor => x.unsqueeze(dim);
export const flatten = (x: Tensor, start_dim = 0, end_dim = -1): Tensor => x.flatten(start_dim, end_dim);
export const reshape = (x: Tensor, shape: readonly number[]): Tensor => x.reshape(shape);
export const transpose = (x: Tensor, a: number, b: number): Tensor => x.transpose(a, b);
export const argmax = (x: Tensor, dim?: number, keepdim = false): Tensor => x.argmax(dim, keepdim);
export const argmin = (x: Tensor, dim?: number, keepdim = false): Tensor => x.argmin(dim, keepdim);
/** `torch.amax(input, dim=(), keepdim=False)` / `torch.amin`. */
export const amax = (x: Tensor, dim?: number | number[] | null, keepdim = false): Tensor => x.amax(dim, keepdim);
export const amin = (x: Tensor, dim?: number | number[] | null, keepdim = false): Tensor => x.amin(dim, keepdim);
export const softmax = (x: Tensor, dim: number): Tensor => x.softmax(dim);
export const log_softmax = (x: Tensor, dim: number): Tensor => x.log_softmax(dim);
export const numel = (x: Tensor): number => x.numel();
export const is_tensor = (x: unknown): x is Tensor => x instanceof Tensor;

/** `with torch.no_grad(): …` → `torch.no_grad(() => …)`. */
export const no_grad = <T>(fn: () => T): T => noGrad(fn);
/** `with torch.enable_grad(): …` → `torch.enable_grad(() => …)`. */
export const enable_grad = <T>(fn: () => T): T => withGradMode(true, fn);
/**
 * `torch.memory_scope(() => …)`: runs `fn` (a training step) and frees every buffer it made except
 * what it returns and what it wrote to tensors made before it: parameters after `optimizer.step()`,
 * their `.grad`, optimizer state (core `memoryScope`). Call `backward()` inside.
 * NOTE: PyTorch has no such call; it frees memory by reference counting. Here the garbage collector
 * frees it, but a browser page runs its callbacks only when it yields, so a synchronous training
 * loop in a page wraps each step: `for (…) torch.memory_scope(() => { … optimizer.step(); })`.
 */
export const memory_scope = <T>(fn: () => T): T => memoryScope(fn);
/** `torch.is_grad_enabled()`. */
export const is_grad_enabled = (): boolean => isGradEnabled();
