/**
 * Arenas: the buffers a stretch of computation allocated (a `memoryScope`, a backward pass, a
 * training step), so that what it allocated and nothing still in use reaches is freed when it ends,
 * without waiting for the garbage collector (whose FinalizationRegistry callbacks never run while
 * a browser page's synchronous loop does not yield).
 *
 * What stays in use when an arena closes: the `roots` its owner names (a scope's result) and every
 * tensor written while it was open that was created before it opened or is `keep`-marked
 * (parameters updated in place, gradients, optimizer state), through their values (the buffers
 * their lazy expressions read) and gradients. Every other buffer the arena allocated is freed. A
 * node realized in the arena whose buffer was freed goes back to unrealized: read again, a value
 * computed from live buffers is recomputed (never read from freed memory), and one computed from
 * freed buffers throws "used after dispose". Survivors move to the enclosing arena; those of a
 * scope that has none, which parameters and optimizer state read, to `survivors`, where the next
 * scope frees the ones an update replaced.
 */
import type { DeviceBuffer } from '../backend/backend.js';
import { RosettaError } from '../errors.js';
import type { Lazy } from '../ir/lazy.js';
import type { Tensor } from '../tensor/tensor.js';

export interface Arena {
  /** Tensors with a serial below this were created before the arena opened. */
  readonly start: number;
  readonly bufs: DeviceBuffer[];
  /** Nodes realized while open (their `buf` is reset when it is freed). */
  readonly nodes: Lazy[];
  /** Tensors created before the arena (or kept) whose value or gradient was written while open. */
  readonly written: Tensor[];
  /** Elements of the buffers allocated while open. */
  elements: number;
}

let serial = 0;
/**
 * A new tensor's serial (creation order; arenas compare it with their start). While a step window
 * collects, it also notes the tensor: what a step computed stays readable through the next.
 */
export function born(t: Tensor): number {
  if (stepWindow && stepWindow.tensors.push(t) > tensorCap) forgetWindows();
  return serial++;
}

/** Open arenas, innermost last (a step window, when there is one, first). */
const arenas: Arena[] = [];
const kept = new WeakSet<Tensor>();

/** Takes `a` off the open arenas (if it is there). */
function unlink(a: Arena): void {
  const i = arenas.lastIndexOf(a);
  if (i >= 0) arenas.splice(i, 1);
}

const newArena = (): Arena => ({ start: serial, bufs: [], nodes: [], written: [], elements: 0 });

function openArena(): Arena {
  const a = newArena();
  arenas.push(a);
  return a;
}

/** Called by backends for each buffer they allocate; returns it. */
export function trackAlloc<B extends DeviceBuffer>(buf: B): B {
  const n = arenas.length;
  if (!n) return buf;
  const a = arenas[n - 1]!;
  a.bufs.push(buf);
  a.elements += buf.size;
  if (a === stepWindow && a.elements > windowCap) forgetWindows();
  return buf;
}

/** Called by the scheduler for each node it realizes. */
export function noteRealized(node: Lazy): void {
  const n = arenas.length;
  if (n) arenas[n - 1]!.nodes.push(node);
}

/** Called when `t`'s value or gradient is replaced: its new value outlives arenas it predates. */
export function noteWrite(t: Tensor): void {
  const own = kept.has(t);
  for (let i = arenas.length - 1; i >= 0; i--) {
    const a = arenas[i]!;
    if (!own && t.serial >= a.start) break;
    a.written.push(t);
  }
}

/**
 * Marks `t` as long-lived state made inside arenas (optimizer state, a parameter initialized on
 * the first forward pass): its value and gradient, now and after later writes, survive every
 * arena that closes while it lives.
 */
export function keep<T extends Tensor>(t: T): T {
  kept.add(t);
  noteWrite(t);
  return t;
}

/** Frees a buffer now (a no-op for one already freed). */
export function freeBuffer(buf: DeviceBuffer): void {
  if (buf.disposed) return;
  buf.disposed = true;
  buf.backend.dispose?.(buf);
}

/**
 * Frees the buffers of `nodes`, intermediates one realize computed only to feed its next kernel
 * (they go back to unrealized: read again, they are recomputed). Only buffers whose memory
 * `dispose` gives back (wasm memory, not JS arrays the garbage collector owns) and that no
 * gradient holds alone.
 */
export function releaseIntermediates(nodes: Lazy[]): void {
  for (const n of nodes) {
    const b = n.buf;
    if (b && !b.disposed && b.owner === undefined && b.backend.holdsMemory?.(b)) {
      n.buf = null;
      freeBuffer(b);
    }
  }
  nodes.length = 0;
}

/** Every buffer the values and gradients of `tensors` read. */
function reach(tensors: Iterable<Tensor>): Set<DeviceBuffer> {
  const live = new Set<DeviceBuffer>();
  const seen = new Set<Lazy>();
  const stack: Lazy[] = [];
  for (const root of tensors) for (let t: Tensor | null = root; t; t = t.peekGrad()) stack.push(t.lazy);
  while (stack.length) {
    const n = stack.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    if (n.buf) {
      live.add(n.buf);
      continue;
    }
    switch (n.kind) {
      case 'load': live.add(n.src); break;
      case 'const': break;
      case 'unary': case 'cast': stack.push(n.a); break;
      case 'binary': stack.push(n.a, n.b); break;
      case 'where': stack.push(n.c, n.a, n.b); break;
      case 'reduce': stack.push(n.src); break;
    }
  }
  return live;
}

/** Where survivors of an arena go. */
interface Pool {
  bufs: DeviceBuffer[];
  nodes: Lazy[];
}

/**
 * Frees the buffers of `bufs` that are not `live` (resetting the nodes realized into them) and
 * hands the others, with their nodes, to `into` when `keepHere` says so.
 */
function sweep(bufs: readonly DeviceBuffer[], nodes: readonly Lazy[], live: Set<DeviceBuffer>, into: Pool | null, keepHere: (b: DeviceBuffer) => boolean = () => true): void {
  const freed = new Set<DeviceBuffer>();
  for (const b of bufs) {
    if (b.disposed) continue;
    if (!live.has(b)) {
      freeBuffer(b);
      freed.add(b);
    } else if (into && keepHere(b)) into.bufs.push(b);
  }
  for (const n of nodes) {
    const b = n.buf;
    if (b === null) continue;
    if (freed.has(b)) n.buf = null;
    else if (into && !b.disposed && keepHere(b)) into.nodes.push(n);
  }
}

/**
 * Buffers that survived scopes with no enclosing arena because tensors written there read them
 * (`holders`: parameters, optimizer state): the next such scope frees those the holders no longer
 * read (a parameter's value before its update). Dropped, unfreed, when the event loop turns.
 */
let survivors: Pool & { holders: Set<Tensor> } = { bufs: [], nodes: [], holders: new Set() };

function closeToSurvivors(a: Arena, roots: readonly Tensor[]): void {
  const holders = survivors.holders;
  for (const t of a.written) holders.add(t);
  const live = reach([...roots, ...holders]);
  const held = reach(holders);
  const next: Pool = { bufs: [], nodes: [] };
  sweep(survivors.bufs, survivors.nodes, live, next);
  // What only the result reads is left to the garbage collector (and to later scopes' results).
  sweep(a.bufs, a.nodes, live, next, (b) => held.has(b));
  const mine = new Set(next.bufs);
  for (const t of holders) if (![...reach([t])].some((b) => mine.has(b))) holders.delete(t);
  survivors = { ...next, holders };
  if (next.bufs.length) forgetOnYield();
}

/**
 * Closes `a` (the innermost arena, or a step window): frees what it allocated that `roots`, the
 * tensors written while it was open and `extra` (tensors written since) cannot reach. Survivors go
 * to `into`, else the arena now innermost, else (`survive`: a scope) to `survivors`.
 */
function closeArena(a: Arena, roots: readonly Tensor[], opts: { into?: Arena; extra?: readonly Tensor[]; survive?: boolean } = {}): void {
  unlink(a);
  const parent = opts.into ?? arenas[arenas.length - 1] ?? null;
  if (!parent && opts.survive) return closeToSurvivors(a, roots);
  // Nothing here holds memory that freeing gives back (JS arrays, small host-side buffers): skip
  // the walk, which would cost a tiny training step more than its kernels; an enclosing arena
  // still sees these buffers.
  if (!a.bufs.some((b) => b.backend.holdsMemory?.(b))) {
    if (parent) {
      for (const b of a.bufs) parent.bufs.push(b);
      for (const n of a.nodes) parent.nodes.push(n);
    }
    return;
  }
  sweep(a.bufs, a.nodes, reach([...roots, ...a.written, ...(opts.extra ?? [])]), parent);
}

/**
 * Runs `fn` in an arena closed with `roots(result)` kept (nothing kept when `fn` throws; `survive`:
 * see `closeArena`). A Promise result is refused (`what` names the caller): its continuation would
 * run after the arena closed.
 */
export function inArena<T>(what: string, fn: () => T, roots: (result: T) => readonly Tensor[], survive = false): T {
  const a = openArena();
  let result: T;
  try {
    result = fn();
  } catch (e) {
    closeArena(a, [], { survive });
    throw e;
  }
  if (result instanceof Promise) {
    unlink(a);
    throw new RosettaError(`${what}: the function returned a Promise; it must be synchronous (the scope would end before the awaited work)`);
  }
  closeArena(a, roots(result), { survive });
  return result;
}

/**
 * Step windows (`endStep`): the bottom arena collects the buffers (and the tensors) of one training
 * step, from one `endStep` to the next. The window of step k is freed when step k + 2 ends, except
 * what the tensors made in steps k + 1 and k + 2 and the tensors written since step k began still
 * read (those buffers move on to step k + 1's window). So what a step computes stays readable
 * until the end of the step after next, whatever the parameters it read were updated to.
 */
let stepWindow: (Arena & { tensors: Tensor[] }) | null = null;
/** Closed windows not yet freed, oldest first (at most 2 once a step is freed). */
const pending: (Arena & { tensors: Tensor[] })[] = [];
/**
 * Elements of buffers, and tensors, a window may collect before tracking stops (the loop stopped
 * calling `endStep`): 4 times the most a step collected, and at least 2^24 elements, 2^16 tensors.
 */
let windowCap = Infinity;
let tensorCap = Infinity;
const MIN_CAP = 1 << 24;
const MIN_TENSORS = 1 << 16;
let forgetScheduled = false;

/**
 * Drops the step windows without freeing (the garbage collector is left to free their buffers):
 * when a new training loop starts (a new `gluon.Trainer`), what was made since the last step of
 * the loop before is not treated as a step's values.
 */
export function forgetWindows(): void {
  if (stepWindow) unlink(stepWindow);
  stepWindow = null;
  pending.length = 0;
  windowCap = Infinity;
  tensorCap = Infinity;
}

/** When the event loop turns, FinalizationRegistry callbacks run again: stop holding buffers. */
function forgetOnYield(): void {
  if (forgetScheduled || typeof setTimeout !== 'function') return;
  forgetScheduled = true;
  const timer = setTimeout(() => {
    forgetScheduled = false;
    forgetWindows();
    survivors = { bufs: [], nodes: [], holders: new Set() };
  }, 0) as { unref?: () => void };
  timer.unref?.();
}

/**
 * Ends a training step (`gluon.Trainer.step`): frees what the step before the previous one
 * allocated (its batch, outputs, activations, gradients, replaced parameters and optimizer state)
 * unless tensors made since, or parameters, gradients and optimizer state, still read it. What
 * this step and the previous one computed stays readable. Tracking stops when the event loop turns
 * (then the garbage collector frees) or when a step collects far more than the steps before it
 * (the loop stopped calling `endStep`).
 */
export function endStep(): void {
  if (stepWindow) {
    unlink(stepWindow);
    pending.push(stepWindow);
    windowCap = Math.max(windowCap === Infinity ? 0 : windowCap, 4 * stepWindow.elements, MIN_CAP);
    tensorCap = Math.max(tensorCap === Infinity ? 0 : tensorCap, 4 * stepWindow.tensors.length, MIN_TENSORS);
  }
  stepWindow = { ...newArena(), tensors: [] };
  arenas.unshift(stepWindow);
  if (pending.length > 2) {
    const done = pending.shift()!;
    const recent = [...pending.flatMap((w) => [...w.tensors, ...w.written]), ...stepWindow.written];
    closeArena(done, [], { into: pending[0], extra: recent });
  }
  forgetOnYield();
}
