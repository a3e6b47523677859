/**
 * Float64 host references for op tests (test helper; excluded from the build): a flat array with a
 * shape, NumPy broadcasting, reductions and permutes written plainly, and an all-close assertion
 * that names the worst element.
 */
import { expect } from 'vitest';
import type { Tensor } from '../tensor/tensor.js';
import { broadcastShapes, contiguousStrides, sizeOf } from '../shape.js';

/** A host array: row-major float64 values and a shape. */
export interface Host {
  readonly shape: number[];
  readonly data: Float64Array;
}

export function host(data: ArrayLike<number>, shape: readonly number[]): Host {
  if (data.length !== sizeOf(shape)) throw new Error(`host: ${data.length} values for shape [${shape.join(', ')}]`);
  return { shape: [...shape], data: Float64Array.from(data) };
}

/** A tensor's value as a host array (int64 through Number, bool as 0/1). */
export function hostOf(t: Tensor): Host {
  const d = t.dataSync();
  return host(Array.from(d as ArrayLike<number | bigint>, Number), t.shape);
}

/** Multi-index of flat position `i` in `shape`. */
export function coords(i: number, shape: readonly number[]): number[] {
  const st = contiguousStrides(shape);
  return shape.map((n, d) => Math.floor(i / st[d]!) % n);
}

/** Reads `x` at a multi-index of a shape it broadcasts to (right-aligned, size-1 dims repeat). */
function readBroadcast(x: Host, idx: readonly number[]): number {
  const st = contiguousStrides(x.shape);
  const lead = idx.length - x.shape.length;
  let off = 0;
  x.shape.forEach((n, d) => {
    if (n !== 1) off += idx[d + lead]! * st[d]!;
  });
  return x.data[off]!;
}

/** Elementwise `f` over the broadcast of the operands (NumPy rules). */
export function broadcastMap(xs: readonly Host[], f: (...v: number[]) => number): Host {
  const shape = xs.map((x) => x.shape).reduce((a, b) => broadcastShapes('reference', a, b), [] as number[]);
  const out = new Float64Array(sizeOf(shape));
  for (let i = 0; i < out.length; i++) {
    const idx = coords(i, shape);
    out[i] = f(...xs.map((x) => readBroadcast(x, idx)));
  }
  return { shape, data: out };
}

/** Folds the values along `axes` (all when omitted) with `f` applied to each group's list. */
export function reduceRef(x: Host, axes: readonly number[] | undefined, keepdims: boolean, f: (vals: number[]) => number): Host {
  const ax = (axes ?? x.shape.map((_, i) => i)).map((a) => (a < 0 ? a + x.shape.length : a));
  const outShape = x.shape.map((n, d) => (ax.includes(d) ? 1 : n));
  const groups: number[][] = Array.from({ length: sizeOf(outShape) }, () => []);
  const ost = contiguousStrides(outShape);
  for (let i = 0; i < x.data.length; i++) {
    const idx = coords(i, x.shape);
    let o = 0;
    idx.forEach((v, d) => {
      if (!ax.includes(d)) o += v * ost[d]!;
    });
    groups[o]!.push(x.data[i]!);
  }
  const shape = keepdims ? outShape : x.shape.filter((_, d) => !ax.includes(d));
  return { shape, data: Float64Array.from(groups, f) };
}

/** Reorders dims: out dim d is input dim perm[d]. */
export function permuteRef(x: Host, perm: readonly number[]): Host {
  const shape = perm.map((p) => x.shape[p]!);
  const st = contiguousStrides(x.shape);
  const out = new Float64Array(x.data.length);
  for (let i = 0; i < out.length; i++) {
    const idx = coords(i, shape);
    out[i] = x.data[idx.reduce((s, v, d) => s + v * st[perm[d]!]!, 0)]!;
  }
  return { shape, data: out };
}

/** Plain triple-loop matmul of [..., m, k] @ [..., k, n] with broadcast batch dims (no 1-D rules). */
export function matmulRef(a: Host, b: Host): Host {
  const [m, k] = a.shape.slice(-2) as [number, number];
  const n = b.shape[b.shape.length - 1]!;
  const batch = broadcastShapes('reference', a.shape.slice(0, -2), b.shape.slice(0, -2));
  const shape = [...batch, m, n];
  const out = new Float64Array(sizeOf(shape));
  for (let i = 0; i < out.length; i++) {
    const idx = coords(i, shape);
    const bi = idx.slice(0, -2);
    const [r, c] = idx.slice(-2) as [number, number];
    let s = 0;
    for (let j = 0; j < k; j++) {
      const av = readBroadcastBatch(a, bi, r, j);
      const bv = readBroadcastBatch(b, bi, j, c);
      s += av * bv;
    }
    out[i] = s;
  }
  return { shape, data: out };
}

function readBroadcastBatch(x: Host, batchIdx: readonly number[], r: number, c: number): number {
  return readBroadcast(x, [...batchIdx, r, c]);
}

export interface CloseOptions {
  rtol?: number;
  atol?: number;
}

/**
 * Asserts `actual` ≈ `expected` elementwise: |a − e| ≤ atol + rtol·|e|, NaN only where NaN is
 * expected, infinities exact. Shapes are compared when both sides carry one.
 */
export function expectClose(actual: Tensor | Host | ArrayLike<number> | BigInt64Array, expected: Host | ArrayLike<number>, opts: CloseOptions = {}): void {
  const { rtol = 1e-6, atol = 1e-7 } = opts;
  const flat = (v: Tensor | Host | ArrayLike<number> | BigInt64Array): { data: ArrayLike<number>; shape: number[] | null } => {
    if (v instanceof BigInt64Array) return { data: Array.from(v, Number), shape: null };
    if ('dataSync' in v) return { data: hostOf(v).data, shape: v.shape };
    if ('shape' in v && 'data' in v) return { data: v.data, shape: v.shape };
    return { data: v as ArrayLike<number>, shape: null };
  };
  const a = flat(actual);
  const e = flat(expected);
  if (a.shape && e.shape) expect(a.shape, 'shape').toEqual(e.shape);
  expect(a.data.length, 'number of elements').toBe(e.data.length);
  let worst = { i: -1, ratio: 0, a: 0, e: 0 };
  for (let i = 0; i < e.data.length; i++) {
    const x = a.data[i]!;
    const y = e.data[i]!;
    let ratio: number;
    if (Number.isNaN(y) || Number.isNaN(x)) ratio = Number.isNaN(x) && Number.isNaN(y) ? 0 : Infinity;
    else if (!Number.isFinite(y) || !Number.isFinite(x)) ratio = x === y ? 0 : Infinity;
    else ratio = Math.abs(x - y) / (atol + rtol * Math.abs(y));
    if (ratio > worst.ratio) worst = { i, ratio, a: x, e: y };
  }
  const where = worst.i >= 0 && e.shape ? `[${coords(worst.i, e.shape).join(', ')}]` : `#${worst.i}`;
  expect(worst.ratio <= 1, `worst element ${where}: got ${worst.a}, expected ${worst.e} (${worst.ratio.toExponential(2)}× the tolerance rtol ${rtol}, atol ${atol})`).toBe(true);
}

/** Python slicing of each dim: `spec[d] = [start, stop, step]` (null entries mean the default). */
export function sliceRef(x: Host, spec: readonly (readonly (number | null)[] | null)[]): Host {
  const picks = x.shape.map((n, d) => {
    const [s0, e0, st0] = spec[d] ?? [];
    const st = st0 ?? 1;
    const norm = (v: number | null | undefined, dflt: number, lo: number, hi: number): number =>
      v === null || v === undefined ? dflt : Math.min(Math.max(v < 0 ? v + n : v, lo), hi);
    const b = st > 0 ? norm(s0, 0, 0, n) : norm(s0, n - 1, -1, n - 1);
    const e = st > 0 ? norm(e0, n, 0, n) : norm(e0, -1, -1, n - 1);
    const out: number[] = [];
    for (let i = b; st > 0 ? i < e : i > e; i += st) out.push(i);
    return out;
  });
  const shape = picks.map((p) => p.length);
  const st = contiguousStrides(x.shape);
  const data = new Float64Array(sizeOf(shape));
  for (let i = 0; i < data.length; i++) {
    const idx = coords(i, shape);
    data[i] = x.data[idx.reduce((s, v, d) => s + picks[d]![v]! * st[d]!, 0)]!;
  }
  return { shape, data };
}

/** Constant padding: `before[d]` and `after[d]` elements of `value` around dim d. */
export function padRef(x: Host, before: readonly number[], after: readonly number[], value = 0): Host {
  const shape = x.shape.map((n, d) => n + before[d]! + after[d]!);
  const st = contiguousStrides(x.shape);
  const data = new Float64Array(sizeOf(shape));
  for (let i = 0; i < data.length; i++) {
    const idx = coords(i, shape).map((v, d) => v - before[d]!);
    data[i] = idx.every((v, d) => v >= 0 && v < x.shape[d]!) ? x.data[idx.reduce((s, v, d) => s + v * st[d]!, 0)]! : value;
  }
  return { shape, data };
}
