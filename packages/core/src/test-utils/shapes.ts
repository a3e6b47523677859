/**
 * Random shapes and random chains of movement ops for property-style tests (test helper; excluded
 * from the build). Each chain step is applied both to a tensor and to a float64 host reference.
 */
import type { Tensor } from '../tensor/tensor.js';
import { sizeOf } from '../shape.js';
import { broadcastMap, padRef, permuteRef, sliceRef, type Host } from './reference.js';
import type { Rng } from './rng.js';

/** A random shape of rank in [minRank, maxRank] with dims in [0, maxDim]; size 0 only when `allowZero`. */
export function randomShape(r: Rng, minRank: number, maxRank: number, maxDim = 3, allowZero = false): number[] {
  const rank = minRank + r.int(maxRank - minRank + 1);
  return Array.from({ length: rank }, () => (allowZero && r.next() < 0.1 ? 0 : 1 + r.int(maxDim)));
}

/** Two shapes that broadcast: `base`'s dims, each kept, set to 1 or dropped from the front. */
export function broadcastPair(r: Rng, maxRank = 4, allowZero = true): [number[], number[]] {
  const out = randomShape(r, 0, maxRank, 3, allowZero);
  const derive = (): number[] => {
    const lead = r.int(out.length + 1);
    return out.slice(lead).map((d) => (r.next() < 0.35 ? 1 : d));
  };
  return [derive(), derive()];
}

/** A random subset of the axes of a rank (at least one axis unless the rank is 0). */
export function randomAxes(r: Rng, rank: number): number[] {
  const axes = Array.from({ length: rank }, (_, i) => i).filter(() => r.next() < 0.5);
  if (axes.length === 0 && rank > 0) axes.push(r.int(rank));
  // Mix in negative spellings.
  return axes.map((a) => (r.next() < 0.3 ? a - rank : a));
}

export type MoveOp =
  | { readonly k: 'permute'; readonly perm: number[] }
  | { readonly k: 'reshape'; readonly shape: number[] }
  | { readonly k: 'expand'; readonly shape: number[] }
  | { readonly k: 'slice'; readonly spec: ([number | null, number | null, number] | null)[] }
  | { readonly k: 'pad'; readonly before: number[]; readonly after: number[]; readonly value: number }
  | { readonly k: 'square' }
  | { readonly k: 'exp' };

function shuffle(r: Rng, n: number): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [p[i], p[j]] = [p[j]!, p[i]!];
  }
  return p;
}

/** A shape of `size` elements with 1–3 dims (factors chosen at random). */
function refactor(r: Rng, size: number): number[] {
  if (size === 0) return r.next() < 0.5 ? [0] : [r.int(3) + 1, 0];
  const dims: number[] = [];
  let rest = size;
  const rank = 1 + r.int(3);
  for (let d = 0; d < rank - 1; d++) {
    const divisors = Array.from({ length: rest }, (_, i) => i + 1).filter((v) => rest % v === 0);
    const f = divisors[r.int(divisors.length)]!;
    dims.push(f);
    rest /= f;
  }
  dims.push(rest);
  return dims;
}

/** The next random op for a value of `shape`; keeps sizes ≤ `maxSize`; `elementwise` allows x*x and exp. */
export function randomMoveOp(r: Rng, shape: readonly number[], maxSize = 48, elementwise = true): MoveOp {
  for (;;) {
    const pick = r.int(elementwise ? 7 : 5);
    const n = sizeOf(shape);
    if (pick === 0 && shape.length > 1) return { k: 'permute', perm: shuffle(r, shape.length) };
    if (pick === 1) return { k: 'reshape', shape: refactor(r, n) };
    if (pick === 2) {
      const lead = shape.length < 4 && r.next() < 0.4 ? [1 + r.int(2)] : [];
      const target = [...lead, ...shape.map((d) => (d === 1 ? 1 + r.int(3) : d))];
      if (sizeOf(target) <= maxSize && (lead.length || target.some((d, i) => d !== shape[i]))) return { k: 'expand', shape: target };
    }
    if (pick === 3) {
      const steps = [-3, -2, -1, 1, 1, 2, 3];
      const spec = shape.map((d) => {
        if (r.next() < 0.3) return null;
        const bound = (): number | null => (r.next() < 0.25 ? null : r.int(2 * d + 3) - d - 1);
        const step = steps[r.int(steps.length)]!;
        let [b, e] = [bound(), bound()];
        // Mostly non-empty: order explicit bounds the way the step walks (negative spellings kept).
        const abs = (v: number): number => (v < 0 ? v + d : v);
        if (b !== null && e !== null && r.next() < 0.8 && (step > 0 ? abs(b) > abs(e) : abs(b) < abs(e))) [b, e] = [e, b];
        return [b, e, step] as [number | null, number | null, number];
      });
      return { k: 'slice', spec };
    }
    if (pick === 4) {
      const before = shape.map(() => r.int(3));
      const after = shape.map(() => r.int(3));
      if (sizeOf(shape.map((d, i) => d + before[i]! + after[i]!)) <= maxSize) return { k: 'pad', before, after, value: r.next() < 0.5 ? 0 : 1.5 };
    }
    if (pick === 5) return { k: 'square' };
    if (pick === 6) return { k: 'exp' };
  }
}

/** Applies one op to a tensor. */
export function applyMove(t: Tensor, op: MoveOp): Tensor {
  switch (op.k) {
    case 'permute': return t.permute(op.perm);
    case 'reshape': return t.reshape(op.shape);
    case 'expand': return t.expand(op.shape);
    case 'slice': return t.slice(op.spec);
    case 'pad': return t.pad(op.before, op.after, op.value);
    case 'square': return t.mul(t);
    case 'exp': return t.mul(0.5).exp();
  }
}

/** Applies one op to a host reference. */
export function applyMoveRef(h: Host, op: MoveOp): Host {
  switch (op.k) {
    case 'permute': return permuteRef(h, op.perm);
    case 'reshape': return { shape: [...op.shape], data: h.data };
    case 'expand': return broadcastMap([h, { shape: [...op.shape], data: new Float64Array(sizeOf(op.shape)) }], (v) => v);
    case 'slice': return sliceRef(h, op.spec);
    case 'pad': return padRef(h, op.before, op.after, op.value);
    case 'square': return { shape: h.shape, data: h.data.map((v) => v * v) };
    case 'exp': return { shape: h.shape, data: h.data.map((v) => Math.exp(v * 0.5)) };
  }
}

/** A random chain of `length` ops starting from `shape` (at most two elementwise steps, so values stay moderate). */
export function randomChain(r: Rng, shape: readonly number[], length: number, maxSize = 48): MoveOp[] {
  const ops: MoveOp[] = [];
  let cur = { shape: [...shape], data: new Float64Array(sizeOf(shape)) } as Host;
  for (let i = 0; i < length; i++) {
    const ew = ops.filter((o) => o.k === 'square' || o.k === 'exp').length;
    const op = randomMoveOp(r, cur.shape, maxSize, ew < 2);
    ops.push(op);
    cur = applyMoveRef(cur, op);
  }
  return ops;
}

/** Human-readable chain for test names and failure messages. */
export function describeChain(ops: readonly MoveOp[]): string {
  return ops.map((o) => {
    switch (o.k) {
      case 'permute': return `permute(${o.perm.join(',')})`;
      case 'reshape': return `reshape(${o.shape.join(',')})`;
      case 'expand': return `expand(${o.shape.join(',')})`;
      case 'slice': return `slice(${o.spec.map((s) => (s ? s.map((v) => v ?? '').join(':') : ':')).join(', ')})`;
      case 'pad': return `pad(${o.before.join(',')} / ${o.after.join(',')}${o.value ? `, ${o.value}` : ''})`;
      case 'square': return 'x*x';
      case 'exp': return 'exp(x/2)';
    }
  }).join(' → ');
}
