import { record } from '../autograd/record.js';
import { fmtShape, ShapeError, ValueError } from '../errors.js';
import { isFloat, promoteTypes } from '../dtype.js';
import { scalarTensor } from './lift.js';
import { mkBinary, mkCast, mkConst } from '../ir/lazy.js';
import { lzExpand, lzPad, lzPermute, lzReshape, lzSlice } from '../ir/movement.js';
import { normAxes, normAxis, sizeOf } from '../shape.js';
import { checkNumber, checkSizes } from '../arg-types.js';
import { Tensor } from '../tensor/tensor.js';
import { where } from './elementwise.js';

/** Reshapes without copying where strides allow; one size may be −1 (`torch.reshape`). */
export function reshape(x: Tensor, shape: readonly number[]): Tensor {
  const want = [...checkSizes('reshape', 'shape', shape, -1)];
  const free = want.indexOf(-1);
  if (want.some((d, i) => !Number.isInteger(d) || d < -1 || (d === -1 && i !== free))) {
    throw new ShapeError(`reshape: invalid shape ${fmtShape(shape)} (only one -1 and whole non-negative sizes)`);
  }
  if (free >= 0) {
    const known = sizeOf(want.filter((d) => d !== -1));
    if (known === 0 || x.size % known !== 0) throw new ShapeError(`reshape: shape ${fmtShape(shape)} is invalid for input of size ${x.size}`);
    want[free] = x.size / known;
  }
  if (sizeOf(want) !== x.size) throw new ShapeError(`reshape: shape ${fmtShape(shape)} is invalid for input of size ${x.size} (shape ${fmtShape(x.shape)})`);
  const out = new Tensor(lzReshape(x.lazy, want), x.backend);
  return record('reshape', [x], {}, out);
}

/** Reorders dims (`torch.permute`). */
export function permute(x: Tensor, perm: readonly number[]): Tensor {
  const p = perm.map((a) => normAxis('permute', a, x.ndim));
  if (p.length !== x.ndim || new Set(p).size !== p.length) {
    throw new ShapeError(`permute: dims ${fmtShape(perm)} are not a permutation of the ${x.ndim} dims of a tensor of shape ${fmtShape(x.shape)}`);
  }
  const out = new Tensor(lzPermute(x.lazy, p), x.backend);
  return record('permute', [x], { perm: p }, out);
}

/** Swaps two dims (`torch.transpose`). */
export function transpose(x: Tensor, a: number, b: number): Tensor {
  const perm = [...x.shape.keys()];
  const i = normAxis('transpose', a, x.ndim);
  const j = normAxis('transpose', b, x.ndim);
  [perm[i], perm[j]] = [perm[j]!, perm[i]!];
  return permute(x, perm);
}

/** Broadcasts size-1 dims to `shape` (−1 keeps a size; new dims go in front) (`torch.expand`). */
export function expand(x: Tensor, shape: readonly number[]): Tensor {
  checkSizes('expand', 'size', shape, -1);
  const lead = shape.length - x.ndim;
  if (lead < 0) throw new ShapeError(`expand: the number of sizes provided (${shape.length}) must be greater or equal to the number of dimensions in the tensor (${x.ndim})`);
  const want = shape.map((d, i) => (d === -1 && i >= lead ? x.lazy.shape[i - lead]! : d));
  want.forEach((d, i) => {
    const src = i - lead;
    if (src >= 0 && x.lazy.shape[src] !== 1 && x.lazy.shape[src] !== d) {
      throw new ShapeError(`expand: the expanded size of the tensor (${d}) must match the existing size (${x.lazy.shape[src]}) at non-singleton dimension ${i}. Target sizes: ${fmtShape(shape)}. Tensor sizes: ${fmtShape(x.shape)}`);
    }
  });
  const out = new Tensor(lzExpand(x.lazy, want), x.backend);
  return record('expand', [x], {}, out);
}

/** Removes size-1 dims (all, or the given ones) (`torch.squeeze`). */
export function squeeze(x: Tensor, axis?: number | readonly number[]): Tensor {
  const axes = axis === undefined || axis === null ? null : normAxes('squeeze', axis, x.ndim);
  return reshape(x, x.shape.filter((d, i) => d !== 1 || (axes !== null && !axes.includes(i))));
}

/** Inserts a size-1 dim at `axis` (`torch.unsqueeze`). */
export function unsqueeze(x: Tensor, axis: number): Tensor {
  const a = normAxis('unsqueeze', axis, x.ndim + 1);
  const shape = x.shape;
  shape.splice(a, 0, 1);
  return reshape(x, shape);
}

/** Merges dims start..end into one (`torch.flatten`). */
export function flatten(x: Tensor, startDim = 0, endDim = -1): Tensor {
  if (x.ndim === 0) return reshape(x, [1]);
  const s = normAxis('flatten', startDim, x.ndim);
  const e = normAxis('flatten', endDim, x.ndim);
  if (s > e) throw new ShapeError(`flatten: start_dim ${startDim} cannot come after end_dim ${endDim}`);
  const shape = x.shape;
  return reshape(x, [...shape.slice(0, s), sizeOf(shape.slice(s, e + 1)), ...shape.slice(e + 1)]);
}

/** Python's `slice(start, stop, step).indices(n)`: the start, step and count it selects. */
export function sliceIndices(op: string, n: number, start: number | null | undefined, stop: number | null | undefined, step: number | null | undefined): { start: number; step: number; count: number } {
  const st = step ?? 1;
  if (!Number.isInteger(st) || st === 0) throw new ValueError(`${op}: slice step must be a non-zero whole number, got ${step}`);
  const clamp = (v: number | null | undefined, dflt: number, lo: number, hi: number): number => {
    if (v === null || v === undefined) return dflt;
    if (!Number.isInteger(v)) throw new ValueError(`${op}: slice indices must be whole numbers, got ${v}`);
    const w = v < 0 ? v + n : v;
    return Math.min(Math.max(w, lo), hi);
  };
  const b = st > 0 ? clamp(start, 0, 0, n) : clamp(start, n - 1, -1, n - 1);
  const e = st > 0 ? clamp(stop, n, 0, n) : clamp(stop, -1, -1, n - 1);
  const count = st > 0 ? Math.max(0, Math.ceil((e - b) / st)) : Math.max(0, Math.ceil((b - e) / -st));
  return { start: b, step: st, count };
}

/**
 * Python slicing `x[a:b:c, :, ...]`: one `[start, stop, step]` entry per leading axis (null or a
 * shorter list means `:`); a view, no copy. Negative steps reverse (as NumPy; PyTorch refuses them).
 */
export function slice(x: Tensor, spec: readonly (readonly (number | null | undefined)[] | null)[]): Tensor {
  if (spec.length > x.ndim) throw new ShapeError(`slice: too many indices (${spec.length}) for a tensor of rank ${x.ndim}`);
  const starts: number[] = [];
  const counts: number[] = [];
  const steps: number[] = [];
  x.lazy.shape.forEach((n, d) => {
    const s = spec[d] ?? [];
    const r = sliceIndices('slice', n, s[0], s[1], s[2]);
    starts.push(r.start);
    counts.push(r.count);
    steps.push(r.step);
  });
  const ends = starts.map((s, d) => s + steps[d]! * counts[d]!);
  const out = new Tensor(lzSlice(x.lazy, starts, counts, steps), x.backend);
  return record('slice', [x], { starts, ends, steps }, out);
}

/** `length` elements of `axis` from `start` (`torch.narrow`). */
export function narrow(x: Tensor, axis: number, start: number, length: number): Tensor {
  const a = normAxis('narrow', axis, x.ndim);
  const n = x.lazy.shape[a]!;
  const s = start < 0 ? start + n : start;
  if (s < 0 || length < 0 || s + length > n) throw new ValueError(`narrow: start (${start}) + length (${length}) exceeds dimension size (${n})`);
  const spec = x.shape.map((_, d) => (d === a ? [s, s + length, 1] : null));
  return slice(x, spec);
}

/** Pads each dim with `before[d]` and `after[d]` elements of `value` (a masked view; `F.pad` constant mode). */
export function pad(x: Tensor, before: readonly number[], after: readonly number[], value = 0): Tensor {
  checkNumber('pad', 'value', value);
  checkSizes('pad', 'pad', [...before, ...after], -Infinity);
  if (before.length !== x.ndim || after.length !== x.ndim || [...before, ...after].some((p) => !Number.isInteger(p) || p < 0)) {
    throw new ShapeError(`pad: expected ${x.ndim} non-negative whole pads before and after, got ${fmtShape(before)} and ${fmtShape(after)}`);
  }
  const out = record('pad', [x], { before: [...before], after: [...after] }, new Tensor(lzPad(x.lazy, before, after), x.backend));
  if (value === 0) return out;
  const inside = new Tensor(lzPad(mkConst(1, 'bool', x.lazy.shape, x.backend), before, after), x.backend);
  // The pad value takes x's dtype (PyTorch: an int tensor padded with 1.5 stays int, padded with 1).
  return where(inside, out, scalarTensor(isFloat(x.dtype) ? value : x.dtype === 'bool' ? Number(value !== 0) : Math.trunc(value), x.dtype, [], x));
}

/** Joins tensors along an existing dim (`torch.cat`): a sum of zero-padded views, no copies. */
export function concat(tensors: readonly Tensor[], axis = 0): Tensor {
  if (tensors.length === 0) throw new ValueError('concat: expected a non-empty list of Tensors');
  const first = tensors[0]!;
  const a = normAxis('concat', axis, first.ndim);
  tensors.forEach((t, i) => {
    if (t.ndim !== first.ndim || t.lazy.shape.some((d, j) => j !== a && d !== first.lazy.shape[j])) {
      throw new ShapeError(`concat: sizes of tensors must match except in dimension ${a}; tensor 0 has shape ${fmtShape(first.shape)} and tensor ${i} has shape ${fmtShape(t.shape)}`);
    }
  });
  const dtype = tensors.map((t) => t.dtype).reduce(promoteTypes);
  const total = tensors.reduce((s, t) => s + t.lazy.shape[a]!, 0);
  let offset = 0;
  let acc = null as ReturnType<typeof lzPad> | null;
  for (const t of tensors) {
    const n = t.lazy.shape[a]!;
    const before = t.shape.map((_, d) => (d === a ? offset : 0));
    const after = t.shape.map((_, d) => (d === a ? total - offset - n : 0));
    let piece = lzPad(t.lazy, before, after);
    if (piece.dtype !== dtype) piece = mkCast(piece, dtype);
    acc = acc ? mkBinary(dtype === 'bool' ? 'or' : 'add', acc, piece, dtype) : piece;
    offset += n;
  }
  const out = new Tensor(acc!, first.backend);
  return record('concat', tensors, { axis: a }, out);
}

/** Stacks tensors of one shape along a new dim (`torch.stack`). */
export function stack(tensors: readonly Tensor[], axis = 0): Tensor {
  if (tensors.length === 0) throw new ValueError('stack: expected a non-empty list of Tensors');
  const a = normAxis('stack', axis, tensors[0]!.ndim + 1);
  tensors.forEach((t, i) => {
    if (t.shape.join() !== tensors[0]!.shape.join()) {
      throw new ShapeError(`stack: expects each tensor to be equal size, but got ${fmtShape(tensors[0]!.shape)} at entry 0 and ${fmtShape(t.shape)} at entry ${i}`);
    }
  });
  return concat(tensors.map((t) => unsqueeze(t, a)), a);
}
