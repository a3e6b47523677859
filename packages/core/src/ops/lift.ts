import { getBackend } from '../backend/registry.js';
import type { DType } from '../dtype.js';
import { MAX_COST, mkConst, type Lazy } from '../ir/lazy.js';
import { realize, realizeAsLoad } from '../ir/schedule.js';
import { Tensor } from '../tensor/tensor.js';

/** A JS number as a constant tensor of `dtype` and `shape` (no data is allocated). */
export function scalarTensor(value: number, dtype: DType, shape: readonly number[] = [], like?: Tensor): Tensor {
  const backend = like?.backend ?? getBackend();
  return new Tensor(mkConst(value, dtype, shape, backend), backend);
}

/** Keeps expressions small: a value whose expression is already large is realized before reuse. */
export function bounded(n: Lazy): Lazy {
  return !n.buf && n.cost > MAX_COST ? realizeAsLoad(n) : n;
}

/**
 * The tensor as stored: a computed (lazy) value is realized, so that comparisons against a
 * reduction of it (max, argmax) see it rounded to its dtype exactly as the reduction did, not a
 * fused recomputation in float64. Same values, same tape entry.
 */
export function stored(t: Tensor): Tensor {
  if (!t.lazy.buf && t.lazy.kind !== 'load') realize(t.lazy);
  return t;
}

/** The type guard used by every op taking `Tensor | number`. */
export function isTensor(x: unknown): x is Tensor {
  return x instanceof Tensor;
}
