import { getBackend } from '../backend/registry.js';
import { ValueError } from '../errors.js';
import { mkLoad } from '../ir/lazy.js';
import { realize } from '../ir/schedule.js';
import { contiguousView } from '../ir/view.js';
import { Tensor } from '../tensor/tensor.js';
import { checkIndices } from './index-ops.js';
import { max } from './reduce.js';
import { unsqueeze } from './movement.js';

/**
 * One-hot encoding: out[..., c] = (index[...] == c), int64 (`F.one_hot`); numClasses −1 infers
 * max + 1. Float indices holding whole numbers are accepted (CONVENTIONS.md).
 */
export function oneHot(index: Tensor, numClasses = -1): Tensor {
  let n = numClasses;
  if (n === -1) {
    // Bad labels (fractional, negative, bool) are reported as such before they shape the class count.
    checkIndices('oneHot', 'class index', index, Infinity);
    n = index.size === 0 ? 0 : max(index).item() + 1;
  }
  if (!Number.isInteger(n) || n < 0) throw new ValueError(`oneHot: num_classes must be a whole number ≥ 0 or -1, got ${numClasses}`);
  checkIndices('oneHot', 'class index', index, n);
  const classes = new Float64Array(n);
  for (let c = 0; c < n; c++) classes[c] = c;
  const backend = index.backend ?? getBackend();
  const cls = new Tensor(mkLoad(backend.upload(classes, 'float64'), contiguousView([n])), backend);
  realize(index.lazy);
  return unsqueeze(index, -1).eq(cls).cast('int64');
}
