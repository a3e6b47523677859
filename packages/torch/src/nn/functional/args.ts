/** Argument handling shared by the `torch.nn.functional` losses: tensors, legacy reduction flags. */
import { bindArgs, type ReductionMode, type Tensor as CoreTensor } from '@rosetta/core';
import { Tensor } from '../../tensor.js';

const warned = new Set<string>();

/**
 * PyTorch's `_Reduction.legacy_get_string(size_average, reduce)`: `reduce=False` → 'none', else
 * `size_average=False` → 'sum', else 'mean'; warns once that the flags are deprecated.
 */
export function reductionOf(o: { size_average?: boolean | null; reduce?: boolean | null; reduction?: string }): ReductionMode {
  if ((o.size_average === null || o.size_average === undefined) && (o.reduce === null || o.reduce === undefined)) {
    return (o.reduction ?? 'mean') as ReductionMode;
  }
  const size_average = o.size_average ?? true;
  const reduce = o.reduce ?? true;
  const ret = !reduce ? 'none' : size_average ? 'mean' : 'sum';
  if (!warned.has(ret)) {
    warned.add(ret);
    console.warn(`UserWarning: size_average and reduce args will be deprecated, please use reduction='${ret}' instead.`);
  }
  return ret;
}

/** The core tensor of a Tensor argument, or PyTorch's TypeError. */
export function tensorArg(fn: string, arg: string, x: unknown): CoreTensor {
  if (x instanceof Tensor) return x.value;
  const kind = x === null || x === undefined ? 'NoneType' : Array.isArray(x) ? 'list' : typeof x === 'number' ? 'float' : typeof x === 'object' ? x.constructor.name : typeof x;
  throw new TypeError(`${fn}(): argument '${arg}' (position ${arg === 'input' || arg === 'input1' || arg === 'anchor' || arg === 'log_probs' ? 1 : 2}) must be Tensor, not ${kind}`);
}

/** An optional Tensor argument (None → null). */
export const optTensor = (fn: string, arg: string, x: unknown): CoreTensor | null => (x === null || x === undefined ? null : tensorArg(fn, arg, x));

/** Binds keyword/positional options; `_name` carries the class name for error messages (internal). */
export function opts<T extends Record<string, unknown>>(fn: string, names: (keyof T & string)[], defaults: T, args: unknown[]): T & { _name: string } {
  return bindArgs(fn, names, { ...defaults, _name: fn }, args) as T & { _name: string };
}

export const legacy = { size_average: null as boolean | null, reduce: null as boolean | null };
