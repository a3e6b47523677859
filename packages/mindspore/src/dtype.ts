/** MindSpore dtypes (`ms.float32`, printing `Float32`). */
import type { DType } from '@rosetta/core';

export class Type {
  private static readonly all = new Map<DType, Type>();
  private constructor(readonly name: DType, private readonly label: string) {}
  /** The Type of a core dtype. */
  static of(name: DType): Type {
    let t = Type.all.get(name);
    if (!t) Type.all.set(name, (t = new Type(name, name === 'bool' ? 'Bool' : name[0]!.toUpperCase() + name.slice(1))));
    return t;
  }
  /** `Float32`, as MindSpore prints a dtype. */
  toString(): string {
    return this.label;
  }
}

export const float32 = Type.of('float32');
export const float64 = Type.of('float64');
export const int32 = Type.of('int32');
export const int64 = Type.of('int64');
export const bool_ = Type.of('bool');

/** The core dtype of a dtype argument (`ms.float32` or `'float32'`). */
export function coreDType(where: string, d: unknown): DType {
  if (d instanceof Type) return d.name;
  if (typeof d === 'string' && ['float32', 'float64', 'int32', 'int64', 'bool'].includes(d)) return d as DType;
  throw new TypeError(`For '${where}', the 'dtype' must be a mindspore dtype (mindspore.float32, …), but got ${String(d)}.`);
}
