import type { Backend, DeviceBuffer } from '../backend/backend.js';
import type { Kernel } from './kernel.js';
import { signature, type Signature } from './signature.js';
import { BackendError } from '../errors.js';
import { noteLaunch } from '../stats.js';
import type { Lazy, LReduce } from './lazy.js';
import { mkLoad } from './lazy.js';
import { isEpilogueReadable, leafView, lowerKernel } from './lower.js';
import { contiguousView, isIdentity } from './view.js';
import { noteRealized, releaseIntermediates } from '../memory/arena.js';

/**
 * Realizes a lazy value into a contiguous buffer, at most once per node. Fusion rules:
 * an elementwise tree runs as one kernel; a reduction runs as one kernel together with its
 * source expression and the elementwise ops applied to its result (the epilogue), as long as
 * that tree holds just this one reduction. Other reductions are realized first.
 */
export function realize(node: Lazy): DeviceBuffer {
  if (node.buf) return live(node.buf);
  if (node.kind === 'load' && isIdentity(node.view, node.src.size)) return (node.buf = node.src);
  // Fast path: a tree whose only reduction (if any) is its root needs no scheduling.
  const root = node.kind === 'reduce' ? node : null;
  if (!root || !hasReduce(root.src)) {
    const sig = signature(node, root);
    if (sig) return run(node, root, sig);
  }
  depth++;
  try {
    const reduces = collectReduces(node);
    let reduce: LReduce | null = null;
    if (node.kind === 'reduce') reduce = node;
    else if (reduces.size === 1) reduce = [...reduces][0]!;
    else for (const r of reduces) realizeInput(r);
    if (reduce) {
      for (const r of collectReduces(reduce.src, true)) realizeInput(r);
      if (reduce !== node) realizeUnreadableEpilogueLoads(node, reduce);
    }
    return run(node, reduce, signature(node, reduce)!);
  } finally {
    if (--depth === 0) releaseIntermediates(intermediates);
  }
}

/**
 * Values realized only to feed the kernels of the realize in progress (`depth` deep): their
 * buffers are freed when the outermost one returns (`releaseIntermediates`; read again later,
 * such a value is recomputed).
 */
const intermediates: Lazy[] = [];
let depth = 0;

/** Realizes `n` as an input of the kernel being scheduled. */
function realizeInput(n: Lazy): void {
  if (!n.buf) intermediates.push(n);
  realize(n);
}

const plans = new Map<string, Kernel>();

/** Looks up (or lowers) the kernel for a signature and runs it on the leaves' buffers. */
function run(node: Lazy, reduce: LReduce | null, sig: Signature): DeviceBuffer {
  let kernel = plans.get(sig.key);
  if (kernel === undefined) {
    kernel = lowerKernel(node, reduce, sig);
    plans.set(sig.key, kernel);
  }
  const n = sig.body.length + sig.epi.length;
  const buffers = new Array<DeviceBuffer>(n);
  const offsets = new Array<number>(n);
  let backend: Backend | null = null;
  for (let i = 0; i < n; i++) {
    const leaf = i < sig.body.length ? sig.body[i]! : sig.epi[i - sig.body.length]!;
    const src = live(leaf.buf ?? leafView(leaf).src);
    buffers[i] = src;
    offsets[i] = leaf.buf ? 0 : leafView(leaf).view.offset;
    if (backend === null) backend = src.backend;
    else if (src.backend !== backend) {
      throw new BackendError(`cannot compute with tensors on different backends (${src.backend.name} and ${backend.name}); move them to one backend first`);
    }
  }
  // A kernel of constants alone runs on the backend its constants were made on.
  backend ??= constBackend(node) ?? defaultBackendHook.current();
  const out = backend.empty(node.dtype, kernel.outSize);
  noteLaunch(backend.run(kernel, buffers, offsets, out));
  node.buf = out;
  noteRealized(node);
  return out;
}

/** The backend of the first constant in an expression (null if it holds none). */
function constBackend(n: Lazy): Backend | null {
  switch (n.kind) {
    case 'const': return n.backend;
    case 'load': return null;
    case 'unary': case 'cast': return constBackend(n.a);
    case 'reduce': return constBackend(n.src);
    case 'binary': return constBackend(n.a) ?? constBackend(n.b);
    case 'where': return constBackend(n.c) ?? constBackend(n.a) ?? constBackend(n.b);
  }
}

/** The buffer, unless `dispose()` freed it. */
function live(buf: DeviceBuffer): DeviceBuffer {
  if (buf.disposed) throw new BackendError('a tensor was used after dispose(): its memory was freed');
  return buf;
}

/** Whether an unrealized reduction sits anywhere in an elementwise tree. */
function hasReduce(n: Lazy): boolean {
  if (n.buf) return false;
  switch (n.kind) {
    case 'reduce': return true;
    case 'unary': case 'cast': return hasReduce(n.a);
    case 'binary': return hasReduce(n.a) || hasReduce(n.b);
    case 'where': return hasReduce(n.c) || hasReduce(n.a) || hasReduce(n.b);
    default: return false;
  }
}

/** Realizes and wraps as a contiguous load (for special kernels and movement fallbacks). */
export function realizeAsLoad(node: Lazy): Lazy {
  const buf = realize(node);
  // A second load of a gradient's buffer: the gradient no longer holds it alone.
  if (buf.owner !== undefined) buf.owner = undefined;
  return mkLoad(buf, contiguousView(node.shape));
}

/** The backend used when an expression reads no buffer (constants only); set by the registry. */
export const defaultBackendHook: { current: () => Backend } = {
  current: () => {
    throw new BackendError('no backend registered');
  },
};

/**
 * Distinct unrealized reductions reachable without crossing another reduction or a realized
 * node; the root itself counts only with `includeRoot` (a reduction's source may be one).
 */
function collectReduces(root: Lazy, includeRoot = false): Set<LReduce> {
  const out = new Set<LReduce>();
  const seen = new Set<Lazy>();
  const stack: Lazy[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (seen.has(n) || n.buf) continue;
    seen.add(n);
    switch (n.kind) {
      case 'reduce': if (n !== root || includeRoot) out.add(n); break;
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
      case 'load': if (!isEpilogueReadable(n.view)) realizeInput(n); break;
      case 'unary': case 'cast': stack.push(n.a); break;
      case 'binary': stack.push(n.a, n.b); break;
      case 'where': stack.push(n.c, n.a, n.b); break;
      default: break;
    }
  }
}
