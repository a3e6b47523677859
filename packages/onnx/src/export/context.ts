import type { DType, Tensor } from '@rosetta/core';
import { elemTypeOf } from '../builder/dtypes.js';
import type { GraphBuilder } from '../builder/graph.js';

/**
 * What lowering one primitive needs: the ONNX name of a tensor (cast to a dtype on request), the
 * builder, and a way to bind the primitive's output. Tensors that no traced op produced (leaf
 * inputs, constants such as a scalar operand) resolve through `resolveExternal`.
 */
export class LowerContext {
  private readonly byTensor = new Map<Tensor, string>();
  private readonly byLazy = new Map<unknown, string>();
  private readonly casts = new Map<string, string>();

  constructor(readonly g: GraphBuilder, private readonly resolveExternal: (t: Tensor) => string) {}

  /** Binds a tensor to an ONNX value (a tensor sharing its value, e.g. `x.detach()`, follows). */
  bind(t: Tensor, name: string): void {
    this.byTensor.set(t, name);
    this.byLazy.set(t.lazy, name);
  }

  /** Whether the tensor (or a tensor sharing its value) is bound already. */
  has(t: Tensor): boolean {
    return this.byTensor.has(t) || this.byLazy.has(t.lazy);
  }

  /** The ONNX value holding `t`, cast to `dtype` when given and different. */
  value(t: Tensor, dtype?: DType): string {
    let name = this.byTensor.get(t) ?? this.byLazy.get(t.lazy);
    if (name === undefined) {
      name = this.resolveExternal(t);
      this.bind(t, name);
    }
    return dtype === undefined || dtype === t.dtype ? name : this.cast(name, dtype);
  }

  /** `Cast(name, to=dtype)`, made once per value and dtype. */
  cast(name: string, dtype: DType): string {
    const key = `${name}\u0000${dtype}`;
    let out = this.casts.get(key);
    if (out === undefined) {
      out = this.g.op('Cast', [name], { to: elemTypeOf[dtype] });
      this.casts.set(key, out);
    }
    return out;
  }
}
