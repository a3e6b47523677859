import { contiguousStrides, sizeOf } from '../shape.js';

/**
 * How a kernel reads a buffer: element `i` (a multi-index over `shape`) is at
 * `offset + Σ i[d]·strides[d]`, and reads 0 where some `i[d]` falls outside `mask[d] = [lo, hi)`.
 * Permute, expand, slice and pad are arithmetic on this record; no data moves.
 */
export interface View {
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly offset: number;
  readonly mask: readonly (readonly [number, number])[] | null;
}

export function contiguousView(shape: readonly number[], offset = 0): View {
  return { shape, strides: contiguousStrides(shape), offset, mask: null };
}

/** True when the view reads its buffer as one contiguous row-major run from 0 of `size` elements. */
export function isIdentity(v: View, bufferSize: number): boolean {
  if (v.offset !== 0 || v.mask !== null || sizeOf(v.shape) !== bufferSize) return false;
  let acc = 1;
  for (let d = v.shape.length - 1; d >= 0; d--) {
    if (v.shape[d] !== 1 && v.strides[d] !== acc) return false;
    acc *= v.shape[d]!;
  }
  return true;
}

/** True when the view is contiguous row-major from some offset (a slice of whole rows). */
export function isContiguous(v: View): boolean {
  if (v.mask !== null) return false;
  let acc = 1;
  for (let d = v.shape.length - 1; d >= 0; d--) {
    if (v.shape[d] !== 1 && v.strides[d] !== acc) return false;
    acc *= v.shape[d]!;
  }
  return true;
}

export function permuteView(v: View, perm: readonly number[]): View {
  return {
    shape: perm.map((p) => v.shape[p]!),
    strides: perm.map((p) => v.strides[p]!),
    offset: v.offset,
    mask: v.mask ? perm.map((p) => v.mask![p]!) : null,
  };
}

/** Expands size-1 dims (and prepends new dims) to `shape`; callers have checked broadcastability. */
export function expandView(v: View, shape: readonly number[]): View {
  const lead = shape.length - v.shape.length;
  const strides = new Array<number>(shape.length);
  const mask: [number, number][] | null = v.mask ? [] : null;
  for (let d = 0; d < shape.length; d++) {
    const src = d - lead;
    const same = src >= 0 && v.shape[src] === shape[d];
    strides[d] = same ? v.strides[src]! : 0;
    if (mask) {
      if (src < 0) mask.push([0, shape[d]!]);
      else if (same) mask.push([v.mask![src]![0], v.mask![src]![1]]);
      else mask.push(v.mask![src]![0] <= 0 && v.mask![src]![1] > 0 ? [0, shape[d]!] : [0, 0]);
    }
  }
  return { shape, strides, offset: v.offset, mask };
}

/** Slices each dim by `[start, start + step·(count-1)]`; a negative step reverses. Null if a masked dim is reversed. */
export function sliceView(v: View, starts: readonly number[], counts: readonly number[], steps: readonly number[]): View | null {
  let offset = v.offset;
  const strides: number[] = [];
  const mask: [number, number][] | null = v.mask ? [] : null;
  for (let d = 0; d < v.shape.length; d++) {
    offset += starts[d]! * v.strides[d]!;
    strides.push(v.strides[d]! * steps[d]!);
    if (mask) {
      const [lo, hi] = v.mask![d]!;
      if (steps[d]! < 0) {
        if (lo > 0 || hi < v.shape[d]!) return null;
        mask.push([0, counts[d]!]);
        continue;
      }
      const nlo = Math.max(0, Math.ceil((lo - starts[d]!) / steps[d]!));
      const nhi = Math.min(counts[d]!, Math.max(nlo, Math.ceil((hi - starts[d]!) / steps[d]!)));
      mask.push([nlo, nhi]);
    }
  }
  return { shape: [...counts], strides, offset, mask };
}

/** Pads with zeros: `before[d]` elements in front of dim d and `after[d]` behind it. */
export function padView(v: View, before: readonly number[], after: readonly number[]): View {
  let offset = v.offset;
  const shape: number[] = [];
  const mask: [number, number][] = [];
  for (let d = 0; d < v.shape.length; d++) {
    offset -= before[d]! * v.strides[d]!;
    shape.push(v.shape[d]! + before[d]! + after[d]!);
    const [lo, hi] = v.mask ? v.mask[d]! : [0, v.shape[d]!];
    mask.push([lo + before[d]!, hi + before[d]!]);
  }
  return { shape, strides: [...v.strides], offset, mask };
}

/**
 * Reshape without a copy where the strides allow it (PyTorch's `computeStride` rule):
 * groups of old dims that are contiguous among themselves may be split or merged. Null otherwise.
 */
export function reshapeView(v: View, shape: readonly number[]): View | null {
  if (v.mask) return null;
  const oldShape = v.shape;
  const oldStrides = v.strides;
  if (sizeOf(shape) === 0) return contiguousView(shape, v.offset);
  const newStrides = new Array<number>(shape.length);
  let viewD = shape.length - 1;
  let chunkBase = oldStrides[oldStrides.length - 1] ?? 1;
  let tensorNumel = 1;
  let viewNumel = 1;
  for (let d = oldShape.length - 1; d >= 0; d--) {
    tensorNumel *= oldShape[d]!;
    if (d === 0 || (oldShape[d - 1] !== 1 && oldStrides[d - 1] !== tensorNumel * chunkBase)) {
      while (viewD >= 0 && (viewNumel < tensorNumel || shape[viewD] === 1)) {
        newStrides[viewD] = viewNumel * chunkBase;
        viewNumel *= shape[viewD]!;
        viewD--;
      }
      if (viewNumel !== tensorNumel) return null;
      if (d > 0) {
        chunkBase = oldStrides[d - 1]!;
        tensorNumel = 1;
        viewNumel = 1;
      }
    }
  }
  if (viewD !== -1) {
    // Leading size-1 dims of the new shape.
    while (viewD >= 0) {
      if (shape[viewD] !== 1) return null;
      newStrides[viewD] = 0;
      viewD--;
    }
  }
  return { shape, strides: newStrides, offset: v.offset, mask: null };
}

/** A compact structural description of a view for kernel cache keys (offsets are kernel arguments). */
export function viewKey(v: View): string {
  let k = `${v.shape.join(",")}|${v.strides.join(",")}`;
  if (v.mask) k += `|m${v.mask.map((m) => `${m[0]}:${m[1]}`).join(',')}`;
  return k;
}
