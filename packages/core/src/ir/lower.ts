import type { DeviceBuffer } from '../backend/backend.js';
import { sizeOf } from '../shape.js';
import { assertKernelNumeric, type EpiInput, type Expr, type Kernel, type KernelInput } from './kernel.js';
import type { Lazy, LReduce } from './lazy.js';
import type { Signature } from './signature.js';
import { contiguousView, isContiguous, type View } from './view.js';

/**
 * Lowers an elementwise expression (over `root.shape`) or a reduction with an elementwise
 * epilogue to a kernel. Preconditions (ensured by the scheduler): every leaf is a load, a const,
 * a realized node or — for the epilogue only — `reduce` itself; epilogue loads are contiguous or
 * fully broadcast; the reduce source holds no unrealized reduction.
 */
export function lowerKernel(root: Lazy, reduce: LReduce | null, sig: Signature): Kernel {
  const space = reduce ? reduce.src.shape : root.shape;
  const reduced = new Set(reduce ? reduce.axes : []);
  const order = [...space.keys()].filter((d) => !reduced.has(d)).concat([...space.keys()].filter((d) => reduced.has(d)));
  const bodyIndex = new Map(sig.body.map((n, i) => [n, i]));
  const epiIndex = new Map(sig.epi.map((n, i) => [n, i]));
  const memos = { body: new Map<Lazy, Expr>(), epi: new Map<Lazy, Expr>() };

  const build = (n: Lazy, epi: boolean): Expr => {
    const memo = epi ? memos.epi : memos.body;
    const hit = memo.get(n);
    if (hit) return hit;
    let e: Expr;
    if (n === reduce && epi) {
      e = { t: 'acc', dtype: reduce.dtype };
    } else if (n.buf || n.kind === 'load') {
      e = { t: epi ? 'eload' : 'load', i: (epi ? epiIndex : bodyIndex).get(n)!, dtype: n.dtype };
    } else {
      switch (n.kind) {
        case 'const': e = { t: 'const', v: n.value, dtype: n.dtype }; break;
        case 'unary': e = { t: 'un', op: n.op, a: build(n.a, epi), dtype: n.dtype }; break;
        case 'binary': e = { t: 'bin', op: n.op, a: build(n.a, epi), b: build(n.b, epi), dtype: n.dtype }; break;
        case 'where': e = { t: 'where', c: build(n.c, epi), a: build(n.a, epi), b: build(n.b, epi), dtype: n.dtype }; break;
        case 'cast': e = { t: 'cast', a: build(n.a, epi), dtype: n.dtype }; break;
        default: throw new Error(`lowerKernel: unexpected ${n.kind} leaf (scheduler bug)`);
      }
    }
    memo.set(n, e);
    return e;
  };

  const body = build(reduce ? reduce.src : root, false);
  const epilogue = reduce ? build(root, true) : null;

  // Loop nest: kept dims then reduced dims; size-1 dims dropped; adjacent dims merged when every
  // input walks them as one contiguous run.
  const bodyLoads = sig.body.map(leafView);
  const dims: { size: number; strides: number[]; masks: ((readonly [number, number]) | null)[]; red: boolean }[] = [];
  for (const d of order) {
    const masks = bodyLoads.map((l) => {
      const m = l.view.mask?.[d];
      return m && (m[0] > 0 || m[1] < space[d]!) ? m : null;
    });
    if (space[d] === 1 && masks.every((m) => m === null)) continue;
    const cur = { size: space[d]!, strides: bodyLoads.map((l) => l.view.strides[d]!), masks, red: reduced.has(d) };
    const prev = dims[dims.length - 1];
    if (prev && prev.red === cur.red && prev.masks.every((m) => m === null) && cur.masks.every((m) => m === null) &&
        prev.strides.every((s, k) => s === cur.strides[k]! * cur.size)) {
      prev.size *= cur.size;
      prev.strides = cur.strides;
    } else dims.push(cur);
  }
  // Every kernel has at least one loop (a scalar is a loop of one).
  if (dims.length === 0) dims.push({ size: 1, strides: bodyLoads.map(() => 0), masks: bodyLoads.map(() => null), red: false });
  const inputs: KernelInput[] = bodyLoads.map((l, k) => ({
    dtype: sig.body[k]!.dtype,
    zeroOffset: l.view.offset === 0,
    strides: dims.map((d) => d.strides[k]!),
    masks: dims.some((d) => d.masks[k]) ? dims.map((d) => d.masks[k] ?? null) : null,
  }));
  const epiInputs: EpiInput[] = sig.epi.map((n) => {
    const v = leafView(n).view;
    return { dtype: n.dtype, stride: v.strides.every((st) => st === 0) ? 0 : 1, zeroOffset: v.offset === 0 };
  });
  const loops = dims.map((d) => d.size);
  return assertKernelNumeric({
    key: sig.key, loops, nReduce: dims.filter((d) => d.red).length, reduceOp: reduce?.op ?? null,
    inputs, body, epilogue, epiInputs, outDtype: root.dtype, outSize: sizeOf(root.shape),
  });
}

/** The buffer and view a leaf (a load or a realized node) is read through. */
export function leafView(n: Lazy): { src: DeviceBuffer; view: View } {
  if (n.buf) return { src: n.buf, view: contiguousView(n.shape) };
  if (n.kind === 'load') return n;
  throw new Error(`leafView: ${n.kind} is not a leaf (scheduler bug)`);
}

/** True when an epilogue may read this view by flat output position. */
export function isEpilogueReadable(v: View): boolean {
  return v.strides.every((s) => s === 0) ? v.mask === null : isContiguous(v);
}
