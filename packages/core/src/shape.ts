import { ArgTypeError, ShapeError, fmtShape } from './errors.js';
import { checkSizes, pyTypeName } from './arg-types.js';

/** Number of elements of a shape. */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (let i = 0; i < shape.length; i++) n *= shape[i]!;
  return n;
}

/** Row-major strides of a contiguous shape. */
export function contiguousStrides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i]!;
  }
  return s;
}

export function shapesEqual(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** NumPy broadcasting of two shapes; the first mismatching dim of the result when they do not broadcast. */
export function tryBroadcastShapes(a: readonly number[], b: readonly number[]): number[] | { mismatch: number } {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const da = a[a.length - n + i] ?? 1;
    const db = b[b.length - n + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) return { mismatch: i };
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/** NumPy broadcasting of two shapes; throws naming the op and both shapes. */
export function broadcastShapes(op: string, a: readonly number[], b: readonly number[]): number[] {
  if (shapesEqual(a, b)) return a as number[];
  const r = tryBroadcastShapes(a, b);
  if (!Array.isArray(r)) {
    const n = Math.max(a.length, b.length);
    const i = r.mismatch;
    throw new ShapeError(`${op}: shapes ${fmtShape(a)} and ${fmtShape(b)} cannot be broadcast together (dimension ${i}: ${a[a.length - n + i]} vs ${b[b.length - n + i]})`);
  }
  return r;
}

/** Normalizes a possibly negative axis against a rank; throws naming the op. */
export function normAxis(op: string, axis: number, rank: number): number {
  if (typeof axis !== 'number') throw new ArgTypeError(`${op}(): argument 'dim' must be int, not ${pyTypeName(axis)}`);
  if (!Number.isInteger(axis) || axis < -Math.max(rank, 1) || axis >= Math.max(rank, 1)) {
    throw new ShapeError(`${op}: axis ${axis} is out of range for a tensor of rank ${rank}`);
  }
  return axis < 0 ? axis + Math.max(rank, 1) : axis;
}

/** Normalizes an axis list (undefined = all axes), sorted and unique. */
export function normAxes(op: string, axes: number | readonly number[] | undefined | null, rank: number): number[] {
  if (axes === undefined || axes === null) return Array.from({ length: rank }, (_, i) => i);
  if (typeof axes !== 'number' && !Array.isArray(axes)) throw new ArgTypeError(`${op}(): argument 'dim' must be int or tuple of ints, not ${pyTypeName(axes)}`);
  const list = typeof axes === 'number' ? [axes] : axes;
  const out = list.map((a) => normAxis(op, a, rank));
  const uniq = [...new Set(out)].sort((x, y) => x - y);
  if (uniq.length !== out.length) throw new ShapeError(`${op}: repeated axis in ${JSON.stringify(list)}`);
  return uniq;
}

/** Checks a shape argument: whole non-negative numbers. */
export function checkShape(op: string, shape: readonly number[]): number[] {
  checkSizes(op, 'shape', shape, -Infinity);
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) throw new ShapeError(`${op}: shape ${fmtShape(shape)} must hold whole non-negative sizes`);
  }
  return [...shape];
}
