import type { DType } from '@rosetta/core';
import { AttributeType, type AttributeProto } from '../proto/types.js';
import { elemTypeOf, rawBytes, type HostData } from './dtypes.js';

/**
 * An attribute value. A plain number is an INT and a number array INTS (ONNX's common case:
 * axes, perm, keepdims); write `{ float: x }` / `{ floats: [...] }` for FLOAT(S), a string for
 * STRING, and `{ tensor: { dtype, shape, data } }` for a TENSOR (Constant's `value`).
 */
export type AttrValue =
  | number
  | readonly number[]
  | string
  | readonly string[]
  | { readonly float: number }
  | { readonly floats: readonly number[] }
  | { readonly tensor: { readonly dtype: DType; readonly shape: readonly number[]; readonly data: HostData } };

const utf8 = new TextEncoder();

/** One `AttributeProto` from a name and an `AttrValue`. */
export function makeAttribute(name: string, v: AttrValue): AttributeProto {
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) throw new Error(`attribute ${name}: ${v} is not an integer; write { float: ${v} } for a FLOAT attribute`);
    return { name, type: AttributeType.INT, i: v };
  }
  if (typeof v === 'string') return { name, type: AttributeType.STRING, s: utf8.encode(v) };
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === 'string')) return { name, type: AttributeType.STRINGS, strings: (v as string[]).map((s) => utf8.encode(s)) };
    if (!v.every((x) => Number.isInteger(x))) throw new Error(`attribute ${name}: INTS must be integers; write { floats: [...] } for FLOATS`);
    return { name, type: AttributeType.INTS, ints: [...(v as number[])] };
  }
  if ('float' in v) return { name, type: AttributeType.FLOAT, f: v.float };
  if ('floats' in v) return { name, type: AttributeType.FLOATS, floats: [...v.floats] };
  if ('tensor' in v) {
    const t = v.tensor;
    return { name, type: AttributeType.TENSOR, t: { dims: [...t.shape], dataType: elemTypeOf[t.dtype], rawData: rawBytes(t.dtype, t.data) } };
  }
  throw new Error(`attribute ${name}: unsupported value`);
}
