import type { TypedArray } from '../../dtype.js';
import type { GatherSpec } from '../../ir/special.js';
import { contiguousStrides } from '../../shape.js';

/**
 * Walks every position of `spec.shape` (the index tensor's shape) and calls `f(pos, target)`:
 * `pos` is the flat position in the index tensor, `target` the flat position in the
 * gathered-from / scattered-into tensor with the axis coordinate replaced by the index value.
 */
function walk(spec: GatherSpec, index: TypedArray, f: (pos: number, target: number) => void): void {
  const { axis, shape, srcShape } = spec;
  const srcStrides = contiguousStrides(srcShape);
  const rank = shape.length;
  const coord = new Array<number>(rank).fill(0);
  const total = shape.reduce((x, y) => x * y, 1);
  let base = 0;
  for (let pos = 0; pos < total; pos++) {
    f(pos, base + index[pos]! * srcStrides[axis]!);
    for (let d = rank - 1; d >= 0; d--) {
      coord[d]!++;
      if (d !== axis) base += srcStrides[d]!;
      if (coord[d]! < shape[d]!) break;
      if (d !== axis) base -= shape[d]! * srcStrides[d]!;
      coord[d] = 0;
    }
  }
}

/** torch.gather on host arrays (indices were range-checked by the op). */
export function gatherHost(spec: GatherSpec, src: TypedArray, index: TypedArray, out: TypedArray): void {
  walk(spec, index, (pos, t) => {
    out[pos] = src[t]!;
  });
}

/** torch.Tensor.scatter_add_ on host arrays: `out` already holds the base values. */
export function scatterAddHost(spec: GatherSpec, index: TypedArray, src: TypedArray, out: TypedArray): void {
  walk(spec, index, (pos, t) => {
    out[t] += src[pos]!;
  });
}
