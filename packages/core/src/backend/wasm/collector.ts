/**
 * Frees wasm buffers whose tensors were garbage-collected. A `FinalizationRegistry` callback runs
 * only when the event loop turns, so a synchronous training loop (`for (…) { loss.backward(); … }`)
 * would keep growing the memory until it ends. In Node the collector can also reclaim
 * synchronously: `collect()` runs a full GC and then `FinalizationRegistry#cleanupSome`, which
 * V8 offers to contexts created after its flag is set (so the registry is built in such a context).
 * NOTE: in Node this sets the V8 flags `--expose-gc` and `--harmony-weak-refs-with-cleanup-some`
 * for contexts created later (the main context is not changed; `globalThis.gc` stays undefined).
 * Browsers keep the event-loop path (their loops yield to `requestAnimationFrame` anyway).
 */

type Release = (held: [number, number]) => void;

interface SyncHooks {
  gc: () => void;
  Registry: typeof FinalizationRegistry;
}

interface NodeProcess {
  getBuiltinModule?: (id: string) => unknown;
}

let hooks: SyncHooks | null | undefined;

/** V8's gc and a FinalizationRegistry with `cleanupSome`, from a fresh Node context; null elsewhere. */
function syncHooks(): SyncHooks | null {
  if (hooks !== undefined) return hooks;
  hooks = null;
  const proc = (globalThis as { process?: NodeProcess }).process;
  try {
    const v8 = proc?.getBuiltinModule?.('node:v8') as { setFlagsFromString(f: string): void } | undefined;
    const vm = proc?.getBuiltinModule?.('node:vm') as { runInNewContext(code: string): unknown } | undefined;
    if (!v8 || !vm) return hooks;
    v8.setFlagsFromString('--expose-gc');
    v8.setFlagsFromString('--harmony-weak-refs-with-cleanup-some');
    const ctx = vm.runInNewContext('({ gc: typeof gc === "function" ? gc : null, Registry: FinalizationRegistry })') as {
      gc: (() => void) | null; Registry: typeof FinalizationRegistry;
    };
    if (ctx.gc && typeof (ctx.Registry.prototype as { cleanupSome?: unknown }).cleanupSome === 'function') {
      hooks = { gc: ctx.gc, Registry: ctx.Registry };
    }
  } catch {
    hooks = null;
  }
  return hooks;
}

/** Tracks buffers by their owning objects; `release` gets `[addr, bytes]` of each collected one. */
export class BufferCollector {
  private readonly registry: FinalizationRegistry<[number, number]>;
  private readonly sync: SyncHooks | null;

  constructor(release: Release) {
    this.sync = syncHooks();
    this.registry = new (this.sync?.Registry ?? FinalizationRegistry)<[number, number]>(release);
  }

  /** Whether `collect()` can reclaim synchronously (Node). */
  get synchronous(): boolean {
    return this.sync !== null;
  }

  register(owner: object, held: [number, number]): void {
    this.registry.register(owner, held, owner);
  }

  /** Stops tracking an owner whose memory was released by hand (`dispose()`). */
  unregister(owner: object): void {
    this.registry.unregister(owner);
  }

  /** Collects garbage now and releases every collected buffer (no-op without the sync hooks). */
  collect(): void {
    if (!this.sync) return;
    this.sync.gc();
    (this.registry as unknown as { cleanupSome(): void }).cleanupSome();
  }
}
