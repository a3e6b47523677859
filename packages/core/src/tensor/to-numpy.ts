/** Tensor → host `np` array (`asnumpy()`, `numpy()` in the facades). */
import { NDArray } from '../np/ndarray.js';
import type { NpData } from '../np/dtypes.js';
import type { Tensor } from './tensor.js';

/** A host copy of `t`'s value as an `np` NDArray of the same shape and dtype (reads synchronously). */
export function toNumpy(t: Tensor): NDArray {
  return new NDArray((t.dataSync() as NpData).slice(), t.shape, t.dtype);
}
