import type { Tensor } from '../tensor/tensor.js';
import { narrow, pad, reshape, slice, unsqueeze } from '../ops/movement.js';

/**
 * The VJP of a strided slice: the gradient placed back at the selected positions, zeros elsewhere.
 * Per dim: reversed slices are flipped; a step s > 1 dilates by padding a new size-s axis and merging.
 */
export function sliceBackward(g: Tensor, inShape: readonly number[], a: { starts: number[]; steps: number[] }): Tensor {
  let out = g;
  inShape.forEach((n, d) => {
    const count = out.shape[d]!;
    let start = a.starts[d]!;
    let step = a.steps[d]!;
    if (step < 0) {
      out = slice(out, out.shape.map((_, i) => (i === d ? [null, null, -1] : null)));
      start += (count - 1) * step;
      step = -step;
    }
    let span = count;
    if (step > 1 && count > 0) {
      const lifted = unsqueeze(out, d + 1);
      const before = lifted.shape.map(() => 0);
      const after = lifted.shape.map((_, i) => (i === d + 1 ? step - 1 : 0));
      const dilated = pad(lifted, before, after);
      const merged = dilated.shape.slice();
      merged.splice(d, 2, count * step);
      span = (count - 1) * step + 1;
      out = narrow(reshape(dilated, merged), d, 0, span);
    }
    const before = out.shape.map((_, i) => (i === d ? start : 0));
    const after = out.shape.map((_, i) => (i === d ? n - start - span : 0));
    if (count === 0) {
      before[d] = 0;
      after[d] = n;
    }
    out = pad(out, before, after);
  });
  return out;
}

/** The VJP of concat: each input's slice of the gradient. */
export function concatBackward(g: Tensor, inputs: readonly Tensor[], axis: number): Tensor[] {
  let offset = 0;
  return inputs.map((t) => {
    const n = t.shape[axis]!;
    const part = narrow(g, axis, offset, n);
    offset += n;
    return part;
  });
}
