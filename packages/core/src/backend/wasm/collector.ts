/**
 * Frees wasm buffers whose tensors were garbage-collected. A `FinalizationRegistry` callback runs
 * only when the event loop turns, so a synchronous training loop (`for (…) { loss.backward(); … }`)
 * would keep growing the memory until it ends. In Node the collector can also reclaim
 * synchronously: `collect()` runs a full GC and then `FinalizationRegistry#cleanupSome`, which
 * V8 offers to contexts created while its flag is set (so the registry is built in such a context).
 * NOTE: in Node the V8 flags `--expose-gc` and `--harmony-weak-refs-with-cleanup-some` are turned
 * on only while that one private context is created, and off again right after (`withV8Flags`): the
 * main context and every context created later have no `gc` and no `cleanupSome`. With
 * `ROSETTA_NO_V8_FLAGS=1` no flag is touched and buffers are freed on the event-loop path, as in
 * browsers (and by `dispose()`, `scope()` and the facades' training helpers).
 */
import { nodeBuiltin, withV8Flags } from './node.js';

/** A buffer's block of wasm memory; `freed` once `dispose()` released it by hand. */
export interface Block {
  readonly addr: number;
  readonly bytes: number;
  freed: boolean;
}

type Release = (addr: number, bytes: number) => void;

interface SyncHooks {
  gc: () => void;
  Registry: typeof FinalizationRegistry;
}

let hooks: SyncHooks | null | undefined;

interface ContextHooks {
  gc: (() => void) | null;
  Registry: typeof FinalizationRegistry;
}

const hasCleanupSome = (r: typeof FinalizationRegistry): boolean => typeof (r.prototype as { cleanupSome?: unknown }).cleanupSome === 'function';

/**
 * V8's gc and a FinalizationRegistry with `cleanupSome`, from a private Node context created with
 * the flags that give them (only those still off are set, and only for that moment); null elsewhere.
 */
function syncHooks(): SyncHooks | null {
  if (hooks !== undefined) return hooks;
  hooks = null;
  try {
    const vm = nodeBuiltin<{ runInNewContext(code: string): unknown }>('node:vm');
    if (!vm) return hooks;
    const make = () => vm.runInNewContext('({ gc: typeof gc === "function" ? gc : null, Registry: FinalizationRegistry })') as ContextHooks;
    const plain = make();
    const off = [plain.gc ? null : 'expose-gc', hasCleanupSome(plain.Registry) ? null : 'harmony-weak-refs-with-cleanup-some'].filter((f) => f !== null);
    const ctx = off.length ? withV8Flags(off, make) : plain;
    if (ctx?.gc && hasCleanupSome(ctx.Registry)) hooks = { gc: ctx.gc, Registry: ctx.Registry };
  } catch {
    hooks = null;
  }
  return hooks;
}

/**
 * Tracks buffers by their owning objects; `release` gets the block of each collected one that
 * was not freed by hand. NOTE: no unregister token — registering with one costs V8 ~4× more
 * (1.8 vs 0.5 µs, a third of a warm op), so `free` marks the block and the callback skips it.
 */
export class BufferCollector {
  private readonly registry: FinalizationRegistry<Block>;
  private readonly sync: SyncHooks | null;

  constructor(private readonly release: Release) {
    this.sync = syncHooks();
    this.registry = new (this.sync?.Registry ?? FinalizationRegistry)<Block>((b) => {
      if (!b.freed) release(b.addr, b.bytes);
    });
  }

  /** Whether `collect()` can reclaim synchronously (Node). */
  get synchronous(): boolean {
    return this.sync !== null;
  }

  /** Releases `block` when `owner` is garbage-collected. */
  register(owner: object, block: Block): void {
    this.registry.register(owner, block);
  }

  /** Releases a block now (`dispose()`); the collector will skip it. */
  free(block: Block): void {
    if (block.freed) return;
    block.freed = true;
    this.release(block.addr, block.bytes);
  }

  /** Collects garbage now and releases every collected buffer (no-op without the sync hooks). */
  collect(): void {
    if (!this.sync) return;
    this.sync.gc();
    (this.registry as unknown as { cleanupSome(): void }).cleanupSome();
  }
}
