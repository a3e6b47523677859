import type { DeviceBuffer } from '../backend/backend.js';
import { sizeOf } from '../shape.js';
import type { EpiInput, Expr, Kernel, KernelInput } from './kernel.js';
import { exprKey } from './kernel.js';
import type { Lazy, LLoad, LReduce } from './lazy.js';
import { contiguousView, isContiguous, viewKey, type View } from './view.js';

/** A kernel with the buffers and offsets to run it on. */
export interface LoweredKernel {
  readonly kernel: Kernel;
  readonly buffers: DeviceBuffer[];
  readonly offsets: number[];
}

/**
 * Lowers an elementwise expression (over `root.shape`) or a reduction with an elementwise
 * epilogue to a kernel. Preconditions (ensured by the scheduler): every leaf is a load, a const,
 * a realized node or — for the epilogue only — `reduce` itself; epilogue loads are contiguous or
 * fully broadcast; the reduce source holds no unrealized reduction.
 */
export function lowerKernel(root: Lazy, reduce: LReduce | null): LoweredKernel {
  const space = reduce ? reduce.src.shape : root.shape;
  const reduced = new Set(reduce ? reduce.axes : []);
  const order = [...space.keys()].filter((d) => !reduced.has(d)).concat([...space.keys()].filter((d) => reduced.has(d)));

  const loads: { node: LLoad | { src: DeviceBuffer; view: View }; expr: Expr }[] = [];
  const loadIds = new Map<string, Expr>();
  const memos = { body: new Map<Lazy, Expr>(), epi: new Map<Lazy, Expr>() };
  const leafOf = (n: Lazy): { src: DeviceBuffer; view: View } | null =>
    n.buf ? { src: n.buf, view: contiguousView(n.shape) } : n.kind === 'load' ? n : null;

  const build = (n: Lazy, epi: boolean): Expr => {
    const memo = epi ? memos.epi : memos.body;
    const hit = memo.get(n);
    if (hit) return hit;
    let e: Expr;
    const leaf = n === reduce ? null : leafOf(n);
    if (n === reduce) {
      e = { t: 'acc', dtype: reduce.dtype };
    } else if (leaf) {
      const id = `${epi ? 'e' : 'b'}${bufferId(leaf.src)}|${leaf.view.offset}|${viewKey(leaf.view)}`;
      const known = loadIds.get(id);
      if (known) e = known;
      else {
        e = { t: epi ? 'eload' : 'load', i: loads.filter((l) => (l.expr.t === 'eload') === epi).length, dtype: leaf.src.dtype };
        loads.push({ node: leaf, expr: e });
        loadIds.set(id, e);
      }
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
  const bodyLoads = loads.filter((l) => l.expr.t === 'load');
  const dims: { size: number; strides: number[]; masks: ((readonly [number, number]) | null)[]; red: boolean }[] = [];
  for (const d of order) {
    const masks = bodyLoads.map((l) => {
      const m = l.node.view.mask?.[d];
      return m && (m[0] > 0 || m[1] < space[d]!) ? m : null;
    });
    if (space[d] === 1 && masks.every((m) => m === null)) continue;
    const cur = { size: space[d]!, strides: bodyLoads.map((l) => l.node.view.strides[d]!), masks, red: reduced.has(d) };
    const prev = dims[dims.length - 1];
    if (prev && prev.red === cur.red && prev.masks.every((m) => m === null) && cur.masks.every((m) => m === null) &&
        prev.strides.every((s, k) => s === cur.strides[k]! * cur.size)) {
      prev.size *= cur.size;
      prev.strides = cur.strides;
    } else dims.push(cur);
  }
  const inputs: KernelInput[] = bodyLoads.map((l, k) => ({
    dtype: l.node.src.dtype,
    strides: dims.map((d) => d.strides[k]!),
    masks: dims.some((d) => d.masks[k]) ? dims.map((d) => d.masks[k] ?? null) : null,
  }));
  const epiLoads = loads.filter((l) => l.expr.t === 'eload');
  const epiInputs: EpiInput[] = epiLoads.map((l) => ({
    dtype: l.node.src.dtype,
    stride: l.node.view.strides.every((s) => s === 0) ? 0 : 1,
  }));
  const loops = dims.map((d) => d.size);
  const nReduce = dims.filter((d) => d.red).length;
  const outSize = sizeOf(root.shape);
  const key = [
    loops.join(','), nReduce, reduce?.op ?? '', root.dtype,
    inputs.map((i) => `${i.dtype}:${i.strides.join(',')}${i.masks ? `m${i.masks.map((m) => (m ? m.join(':') : '-')).join(',')}` : ''}`).join('/'),
    epiInputs.map((i) => `${i.dtype}:${i.stride}`).join('/'),
    exprKey(body), epilogue ? exprKey(epilogue) : '',
  ].join('#');
  return {
    kernel: { key, loops, nReduce, reduceOp: reduce?.op ?? null, inputs, body, epilogue, epiInputs, outDtype: root.dtype, outSize },
    buffers: bodyLoads.concat(epiLoads).map((l) => l.node.src),
    offsets: bodyLoads.concat(epiLoads).map((l) => l.node.view.offset),
  };
}

/** True when an epilogue may read this view by flat output position. */
export function isEpilogueReadable(v: View): boolean {
  return v.strides.every((s) => s === 0) ? v.mask === null : isContiguous(v);
}

const ids = new WeakMap<DeviceBuffer, number>();
let nextId = 0;
function bufferId(b: DeviceBuffer): number {
  let id = ids.get(b);
  if (id === undefined) ids.set(b, (id = nextId++));
  return id;
}
