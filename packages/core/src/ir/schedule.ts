import type { DeviceBuffer } from '../backend/backend.js';
import { BackendError } from '../errors.js';
import { noteLaunch } from '../stats.js';
import type { Lazy, LReduce } from './lazy.js';
import { mkLoad } from './lazy.js';
import { isEpilogueReadable, lowerKernel } from './lower.js';
import { contiguousView, isIdentity } from './view.js';

/**
 * Realizes a lazy value into a contiguous buffer, at most once per node. Fusion rules:
 * an elementwise tree runs as one kernel; a reduction runs as one kernel together with its
 * source expression and the elementwise ops applied to its result (the epilogue), as long as
 * that tree holds just this one reduction. Other reductions are realized first.
 */
export function realize(node: Lazy): DeviceBuffer {
  if (node.buf) return node.buf;
  if (node.kind === 'load' && isIdentity(node.view, node.src.size)) return (node.buf = node.src);
  const reduces = collectReduces(node);
  let reduce: LReduce | null = null;
  if (node.kind === 'reduce') reduce = node;
  else if (reduces.size === 1) reduce = [...reduces][0]!;
  else for (const r of reduces) realize(r);
  if (reduce) {
    for (const r of collectReduces(reduce.src)) realize(r);
    if (reduce !== node) realizeUnreadableEpilogueLoads(node, reduce);
  }
  const { kernel, buffers, offsets } = lowerKernel(node, reduce);
  const backend = buffers[0]?.backend ?? defaultBackendHook.current();
  for (const b of buffers) {
    if (b.backend !== backend) {
      throw new BackendError(`cannot compute with tensors on different backends (${b.backend.name} and ${backend.name}); move them to one backend first`);
    }
  }
  const out = backend.alloc(node.dtype, kernel.outSize);
  const compiled = backend.run(kernel, buffers, offsets, out);
  noteLaunch(compiled);
  node.buf = out;
  return out;
}

/** Realizes and wraps as a contiguous load (for special kernels and movement fallbacks). */
export function realizeAsLoad(node: Lazy): Lazy {
  const buf = realize(node);
  return mkLoad(buf, contiguousView(node.shape));
}

/** The backend used when an expression reads no buffer (constants only); set by the registry. */
export const defaultBackendHook: { current: () => import('../backend/backend.js').Backend } = {
  current: () => {
    throw new BackendError('no backend registered');
  },
};

/** Distinct unrealized reductions reachable without crossing another reduction or a realized node. */
function collectReduces(root: Lazy): Set<LReduce> {
  const out = new Set<LReduce>();
  const seen = new Set<Lazy>();
  const stack: Lazy[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (seen.has(n) || n.buf) continue;
    seen.add(n);
    switch (n.kind) {
      case 'reduce': if (n !== root) out.add(n); break;
      case 'unary': case 'cast': stack.push(n.a); break;
      case 'binary': stack.push(n.a, n.b); break;
      case 'where': stack.push(n.c, n.a, n.b); break;
      default: break;
    }
  }
  return out;
}

/** Epilogue loads are read by flat output position; copy any other view to a contiguous buffer first. */
function realizeUnreadableEpilogueLoads(root: Lazy, reduce: LReduce): void {
  const seen = new Set<Lazy>();
  const stack: Lazy[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (seen.has(n) || n.buf || n === reduce) continue;
    seen.add(n);
    switch (n.kind) {
      case 'load': if (!isEpilogueReadable(n.view)) realize(n); break;
      case 'unary': case 'cast': stack.push(n.a); break;
      case 'binary': stack.push(n.a, n.b); break;
      case 'where': stack.push(n.c, n.a, n.b); break;
      default: break;
    }
  }
}
