/** Argument handling shared by the `torch.nn.functional` losses: tensors, legacy reduction flags, `reduction`. */
import { ArgTypeError, ValueError, bindArgs, pyStr, pyTypeName, type ReductionMode, type Tensor as CoreTensor } from '@rosetta/core';
import { Tensor } from '../../tensor.js';

const warned = new Set<string>();

/**
 * PyTorch's `_Reduction.legacy_get_string(size_average, reduce)`: `reduce=False` → 'none', else
 * `size_average=False` → 'sum', else 'mean'; warns once that the flags are deprecated. Without the
 * flags, `reduction` as given (checked by `reductionArg`).
 */
export function reductionOf(o: { size_average?: boolean | null; reduce?: boolean | null; reduction?: unknown }): unknown {
  if ((o.size_average === null || o.size_average === undefined) && (o.reduce === null || o.reduce === undefined)) {
    return o.reduction === undefined ? 'mean' : o.reduction;
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

/**
 * The checked `reduction` of a loss call (legacy flags folded in), with PyTorch's ValueError:
 * `_Reduction.get_enum`'s `avg is not a valid value for reduction`, or, for the losses whose
 * Python code checks it itself (`poisson_nll_loss`, `gaussian_nll_loss`,
 * `multilabel_soft_margin_loss`), `avg is not valid`. `kl_div` also takes 'batchmean'.
 */
export function reductionArg(o: { _name: string; size_average?: boolean | null; reduce?: boolean | null; reduction?: unknown }, wording: 'enum' | 'short' = 'enum', extra: readonly string[] = []): ReductionMode {
  const r = reductionOf(o);
  if (r === 'none' || r === 'mean' || r === 'sum' || (typeof r === 'string' && extra.includes(r))) return r as ReductionMode;
  throw new ValueError(wording === 'enum' ? `${o._name}: ${pyStr(r)} is not a valid value for reduction` : `${o._name}: reduction ${pyStr(r)} is not valid`);
}

/** The core tensor of a Tensor argument, or PyTorch's TypeError: `l1_loss(): argument 'input' (position 1) must be Tensor, not list`. */
export function tensorArg(fn: string, arg: string, position: number, x: unknown): CoreTensor {
  if (x instanceof Tensor) return x.value;
  throw new ArgTypeError(`${fn}(): argument '${arg}' (position ${position}) must be Tensor, not ${pyTypeName(x)}`);
}

/** An optional Tensor argument (None → null). */
export const optTensor = (fn: string, arg: string, position: number, x: unknown): CoreTensor | null => (x === null || x === undefined ? null : tensorArg(fn, arg, position, x));

/** Binds keyword/positional options; `_name` carries the class name for error messages (internal). */
export function opts<T extends Record<string, unknown>>(fn: string, names: (keyof T & string)[], defaults: T, args: unknown[]): T & { _name: string } {
  return bindArgs(fn, names, { ...defaults, _name: fn }, args) as T & { _name: string };
}

export const legacy = { size_average: null as boolean | null, reduce: null as boolean | null };
