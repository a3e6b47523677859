/**
 * Worker threads for the wasm backend. Each worker instantiates the backend's modules over the same
 * shared `WebAssembly.Memory` and runs its row of arguments when the main thread starts a job; the
 * main thread runs the first row itself, then waits, so a kernel call stays synchronous. Node uses
 * `worker_threads`, cross-origin-isolated browsers Web Workers (`transports.ts`); elsewhere (a
 * browser page without COOP/COEP) the backend runs one thread and its memory is not shared.
 */
import { ValueError } from '../../errors.js';
import { noteThreaded } from '../../stats.js';
import { DONE, FAILED, HEAD, MODULE, NARGS, READY, ROW, browserTransport, nodeTransport, transportKind, type Transport } from './transports.js';

/** A module's exported `run`. */
export type WasmFunction = (...args: number[]) => void;

let available: boolean | undefined;

/** Whether this host can run the wasm backend's worker threads (Node, or a cross-origin-isolated page). */
export function threadsAvailable(): boolean {
  return (available ??= transportKind() !== null);
}

let requested: number | undefined;

/**
 * Sets how many threads the wasm backend splits large kernels and matmuls over (the main thread
 * plus n − 1 workers); 1 runs everything on the calling thread. Mirrors `torch.set_num_threads(n)`.
 * The default is the `ROSETTA_WASM_THREADS` environment variable (Node), else 1. Where threads
 * are unavailable (a page that is not cross-origin isolated) the backend uses one thread.
 */
export function setNumThreads(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new ValueError(`setNumThreads: n must be a whole number from 1 to 256, got ${n}`);
  requested = n;
}

/** The thread count the wasm backend uses now (`torch.get_num_threads()`). */
export function getNumThreads(): number {
  if (requested === undefined) {
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.ROSETTA_WASM_THREADS;
    requested = 1;
    if (env) setNumThreads(Number(env));
  }
  return threadsAvailable() ? requested : 1;
}

/** `size − 1` workers plus the main thread, over one shared memory. */
export class WorkerPool {
  private readonly c: Int32Array;
  private readonly a: Float64Array;
  private readonly transport: Transport;

  constructor(readonly size: number, memory: WebAssembly.Memory, modules: readonly WebAssembly.Module[], hostFunctions: readonly string[]) {
    const kind = transportKind();
    if (!kind) throw new Error('wasm backend: worker threads need Node\'s worker_threads or a cross-origin-isolated page');
    const control = new SharedArrayBuffer(8 * (HEAD + (size - 1) * ROW));
    this.c = new Int32Array(control);
    this.a = new Float64Array(control);
    const inits = Array.from({ length: size - 1 }, (_, w) => ({ memory, control, index: w + 1, hostFunctions }));
    this.transport = kind === 'node' ? nodeTransport(inits) : browserTransport(inits);
    modules.forEach((m, id) => this.register(id, m));
    this.transport.started(this.c, size - 1);
  }

  /** Hands a compiled module to every worker under `id`. */
  register(id: number, module: WebAssembly.Module): void {
    this.transport.register(id, module);
  }

  /**
   * Runs `fn` (module `id`'s `run`) once per row of `rows` (one per thread): row 0 on this thread,
   * row w on worker w; returns when all are done. Until every worker has started, all rows run here.
   */
  run(id: number, fn: WasmFunction, rows: readonly (readonly number[])[]): void {
    const { c, a } = this;
    const n = rows[0]!.length;
    if (n > ROW) throw new Error(`wasm backend: a kernel with ${n} arguments cannot be split across threads (at most ${ROW})`);
    if (rows.length !== this.size) throw new Error(`wasm backend: ${rows.length} argument rows for ${this.size} threads`);
    if (Atomics.load(c, READY) < this.size - 1) {
      for (const r of rows) fn(...r);
      return;
    }
    rows.slice(1).forEach((r, w) => a.set(r, HEAD + w * ROW));
    Atomics.store(c, DONE, 0);
    c[MODULE] = id;
    c[NARGS] = n;
    noteThreaded();
    this.transport.start(c);
    try {
      fn(...rows[0]!);
    } finally {
      this.transport.wait(c, this.size - 1);
    }
    if (Atomics.exchange(c, FAILED, 0)) throw new Error('wasm backend: a worker thread failed while running its part of a kernel');
  }

  /** Stops the workers. */
  terminate(): void {
    this.transport.terminate();
  }
}
