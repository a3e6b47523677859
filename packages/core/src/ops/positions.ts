import { getBackend } from '../backend/registry.js';
import { mkLoad } from '../ir/lazy.js';
import { lzExpand } from '../ir/movement.js';
import { contiguousView } from '../ir/view.js';
import { Tensor } from '../tensor/tensor.js';

/** 0, 1, …, n−1 along `axis` of `x`, broadcast to x's shape (float64, for index arithmetic). */
export function arangeAlong(x: Tensor, axis: number): Tensor {
  const n = x.lazy.shape[axis]!;
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) data[i] = i;
  const shape = x.lazy.shape.map((d, i) => (i === axis ? n : 1));
  const buf = (x.backend ?? getBackend()).upload(data, 'float64');
  return new Tensor(lzExpand(mkLoad(buf, contiguousView(shape)), x.lazy.shape), x.backend);
}
