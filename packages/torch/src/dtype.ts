/** `torch.dtype` objects: `torch.float32`, `torch.int64` (alias `torch.long`), … printing as PyTorch does. */
import { ArgTypeError, pyTypeName, type DType as CoreDType } from '@rosetta/core';

export class dtype {
  private constructor(readonly name: CoreDType) {}
  static readonly all = new Map<CoreDType, dtype>();
  /** The dtype object for a core dtype name. */
  static of(name: CoreDType): dtype {
    let d = dtype.all.get(name);
    if (!d) dtype.all.set(name, (d = new dtype(name)));
    return d;
  }
  get is_floating_point(): boolean {
    return this.name === 'float32' || this.name === 'float64';
  }
  /** `torch.float32`. */
  toString(): string {
    return `torch.${this.name}`;
  }
}

export const float32 = dtype.of('float32');
export const float = float32;
export const float64 = dtype.of('float64');
export const double = float64;
export const int32 = dtype.of('int32');
export const int = int32;
export const int64 = dtype.of('int64');
export const long = int64;
export const bool = dtype.of('bool');

/** PyTorch's attribute names of the dtypes (`torch.float` is float32). */
const NAMES: Record<string, CoreDType> = {
  float32: 'float32', float: 'float32', float64: 'float64', double: 'float64', int32: 'int32', int: 'int32', int64: 'int64', long: 'int64', bool: 'bool',
};

/** `torch.<name>` for a dtype's Python name (`'float'` → `torch.float32`), or null. */
export function dtypeByName(name: string): string | null {
  const d = Object.hasOwn(NAMES, name) ? NAMES[name]! : null;
  return d ? String(dtype.of(d)) : null;
}

/** The core dtype of a dtype argument (a `torch.dtype` or its core name), naming the caller in errors. */
export function coreDType(where: string, d: unknown): CoreDType {
  if (d instanceof dtype) return d.name;
  if (typeof d === 'string' && dtype.all.has(d as CoreDType)) return d as CoreDType;
  const hint = typeof d === 'string' && dtypeByName(d) ? ` (use ${dtypeByName(d)})` : '';
  throw new ArgTypeError(`${where}(): argument 'dtype' must be torch.dtype, not ${pyTypeName(d)}${hint}`);
}
