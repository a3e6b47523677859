import { shapesEqual, sizeOf } from '../shape.js';
import type { Lazy, LReduce } from './lazy.js';
import { mkBinary, mkCast, mkConst, mkLoad, mkReduce, mkUnary, mkWhere } from './lazy.js';
import { realize, realizeAsLoad } from './schedule.js';
import { contiguousView, expandView, padView, permuteView, reshapeView, sliceView, type View } from './view.js';

/**
 * Movement ops on lazy values. On a realized buffer they compose the view (no copy); on an
 * elementwise expression they move to its leaves, since elementwise ops commute with indexing.
 * Where that is impossible or would recompute a costly expression many times, the value is
 * realized first.
 */

type LeafMap = (leaf: Lazy) => Lazy | null;

/** Rebuilds an elementwise tree with every leaf mapped; null if some leaf cannot be mapped. */
export function mapLeaves(root: Lazy, f: LeafMap): Lazy | null {
  const memo = new Map<Lazy, Lazy | null>();
  const go = (n: Lazy): Lazy | null => {
    if (memo.has(n)) return memo.get(n)!;
    let r: Lazy | null;
    if (n.buf || n.kind === 'load' || n.kind === 'const' || n.kind === 'reduce') r = f(n);
    else if (n.kind === 'unary') { const a = go(n.a); r = a && mkUnary(n.op, a, n.dtype); }
    else if (n.kind === 'cast') { const a = go(n.a); r = a && mkCast(a, n.dtype); }
    else if (n.kind === 'binary') { const a = go(n.a); const b = a && go(n.b); r = a && b && mkBinary(n.op, a, b, n.dtype); }
    else { const c = go(n.c); const a = c && go(n.a); const b = a && go(n.b); r = c && a && b && mkWhere(c, a, b); }
    memo.set(n, r);
    return r;
  };
  return go(root);
}

/** A realized node or load as (buffer, view); null for anything else. */
function asView(n: Lazy): { n: Lazy; view: View } | null {
  if (n.buf) return { n, view: contiguousView(n.shape) };
  if (n.kind === 'load') return { n, view: n.view };
  return null;
}

function viewLeaf(n: Lazy, f: (v: View) => View | null): Lazy | null {
  const lv = asView(n);
  if (!lv) return null;
  const v = f(lv.view);
  const src = n.buf ?? (n.kind === 'load' ? n.src : null);
  return v && src ? mkLoad(src, v) : null;
}

function applyView(n: Lazy, f: (v: View) => View | null, constShape: readonly number[]): Lazy {
  const leaf = (l: Lazy): Lazy | null => (l.kind === 'const' && !l.buf ? mkConst(l.value, l.dtype, constShape, l.backend) : viewLeaf(l, f));
  return mapLeaves(n, leaf) ?? viewLeaf(realizeAsLoad(n), f)!;
}

export function lzPermute(n: Lazy, perm: readonly number[]): Lazy {
  if (perm.every((p, i) => p === i)) return n;
  const shape = perm.map((p) => n.shape[p]!);
  return applyView(n, (v) => permuteView(v, perm), shape);
}

export function lzExpand(n: Lazy, shape: readonly number[]): Lazy {
  if (shapesEqual(n.shape, shape)) return n;
  // Recomputing a transcendental or a reduction per broadcast copy costs more than one write.
  const src = n.heavy && !n.buf && n.kind !== 'load' && sizeOf(shape) > sizeOf(n.shape) ? realizeAsLoad(n) : n;
  return applyView(src, (v) => expandView(v, shape), shape);
}

export function lzReshape(n: Lazy, shape: readonly number[]): Lazy {
  if (shapesEqual(n.shape, shape)) return n;
  const leaf = (l: Lazy): Lazy | null => {
    if (l.kind === 'const' && !l.buf) return mkConst(l.value, l.dtype, shape, l.backend);
    if (l.kind === 'reduce' && !l.buf) return reshapeReduce(l, shape);
    return viewLeaf(l, (v) => reshapeView(v, shape));
  };
  return mapLeaves(n, leaf) ?? mkLoad(realize(n), contiguousView(shape));
}

function reshapeReduce(r: LReduce, shape: readonly number[]): Lazy {
  return mkReduce(r.op, r.src, r.axes, shape, r.dtype);
}

export function lzSlice(n: Lazy, starts: readonly number[], counts: readonly number[], steps: readonly number[]): Lazy {
  return applyView(n, (v) => sliceView(v, starts, counts, steps), counts);
}

export function lzPad(n: Lazy, before: readonly number[], after: readonly number[]): Lazy {
  const src = asView(n) ? n : realizeAsLoad(n);
  return viewLeaf(src, (v) => padView(v, before, after))!;
}
