import type { Tensor } from '../tensor/tensor.js';
import type { PrimAttrs, Primitive } from './primitives.js';

/** One primitive applied while tracing: what ONNX export turns into a node. */
export interface TraceEntry<P extends Primitive = Primitive> {
  readonly prim: P;
  readonly inputs: readonly Tensor[];
  readonly attrs: PrimAttrs[P];
  readonly out: Tensor;
}

let active: TraceEntry[] | null = null;

/**
 * Runs `fn` and returns, with its result, every primitive it applied in order (whatever the grad
 * mode; composites appear as their primitives). `@rosetta/onnx` exports a trace as a graph.
 */
export function traceOps<T>(fn: () => T): { result: T; ops: TraceEntry[] } {
  const prev = active;
  const ops: TraceEntry[] = [];
  active = ops;
  try {
    return { result: fn(), ops };
  } finally {
    active = prev;
  }
}

/** Called for every primitive by `record`. */
export function traceOp<P extends Primitive>(prim: P, inputs: readonly Tensor[], attrs: PrimAttrs[P], out: Tensor): void {
  if (active) active.push({ prim, inputs, attrs, out } as unknown as TraceEntry);
}
