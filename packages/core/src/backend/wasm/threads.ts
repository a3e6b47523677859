/**
 * Worker threads for the wasm backend. Each worker instantiates the backend's modules over the same
 * shared `WebAssembly.Memory` and runs its row of arguments when the main thread starts a job; the
 * main thread runs the first row itself, then waits, so a kernel call stays synchronous. Jobs go
 * through a shared control block (`Atomics.wait` / `notify`); compiled modules reach the workers
 * through a `MessagePort` that they read with `receiveMessageOnPort` when a job names a module
 * they do not have yet.
 * NOTE: Node `worker_threads` only: a browser's main thread may not block in `Atomics.wait`, and
 * its workers cannot read a port synchronously, so browsers run the single-thread path.
 */
import { ValueError } from '../../errors.js';
import { noteThreaded } from '../../stats.js';

/** A module's exported `run`. */
export type WasmFunction = (...args: number[]) => void;

type WorkerOptions = { eval: true; workerData: unknown; transferList: unknown[] };
interface NodeWorker { unref(): void; terminate(): Promise<number> }
interface NodePort { postMessage(v: unknown): void; unref?(): void; close(): void }
interface WorkerThreads {
  Worker: new (code: string, options: WorkerOptions) => NodeWorker;
  MessageChannel: new () => { port1: NodePort; port2: NodePort };
}

// Control block (Int32 slots): job generation, workers done, module id, argument count, failure flag.
const GEN = 0, DONE = 1, MODULE = 2, NARGS = 3, FAILED = 4;
/** Arguments of worker w (1-based) start at float64 slot HEAD + (w − 1)·ROW. */
const HEAD = 4, ROW = 256;
/** How long the main thread waits for a worker before it reports it lost. */
const TIMEOUT_MS = 60_000;

const WORKER_SOURCE = `
const { workerData, receiveMessageOnPort } = require('node:worker_threads');
const { memory, port, control, index, hostFunctions, head, row } = workerData;
const c = new Int32Array(control), a = new Float64Array(control);
const env = { mem: memory };
for (const n of hostFunctions) env[n] = Math[n];
const fns = [];
let gen = 0;
for (;;) {
  Atomics.wait(c, ${GEN}, gen);
  gen = Atomics.load(c, ${GEN});
  try {
    const id = c[${MODULE}];
    while (fns[id] === undefined) {
      const m = receiveMessageOnPort(port);
      if (m) fns[m.message.id] = new WebAssembly.Instance(m.message.module, { env }).exports.run;
    }
    const from = head + (index - 1) * row;
    fns[id](...a.subarray(from, from + c[${NARGS}]));
  } catch (e) {
    Atomics.store(c, ${FAILED}, 1);
  }
  Atomics.add(c, ${DONE}, 1);
  Atomics.notify(c, ${DONE});
}`;

function workerThreads(): WorkerThreads | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return (proc?.getBuiltinModule?.('node:worker_threads') as WorkerThreads | undefined) ?? null;
}

let available: boolean | undefined;

/** Whether this host can run the wasm backend's worker threads (Node with a shared memory). */
export function threadsAvailable(): boolean {
  return (available ??= typeof SharedArrayBuffer === 'function' && workerThreads() !== null);
}

let requested: number | undefined;

/**
 * Sets how many threads the wasm backend splits large kernels and matmuls over (the main thread
 * plus n − 1 workers); 1 runs everything on the calling thread. Mirrors `torch.set_num_threads(n)`.
 * The default is the `ROSETTA_WASM_THREADS` environment variable (Node), else 1. Where threads
 * are unavailable (browsers, see `WorkerPool`) the backend uses one thread whatever is set.
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
  private readonly control: SharedArrayBuffer;
  private readonly c: Int32Array;
  private readonly a: Float64Array;
  private readonly workers: NodeWorker[] = [];
  private readonly ports: NodePort[] = [];

  constructor(readonly size: number, memory: WebAssembly.Memory, modules: readonly WebAssembly.Module[], hostFunctions: readonly string[]) {
    const wt = workerThreads();
    if (!wt) throw new Error('wasm backend: worker threads need Node\'s worker_threads');
    this.control = new SharedArrayBuffer(8 * (HEAD + (size - 1) * ROW));
    this.c = new Int32Array(this.control);
    this.a = new Float64Array(this.control);
    for (let index = 1; index < size; index++) {
      const { port1, port2 } = new wt.MessageChannel();
      const workerData = { memory, port: port2, control: this.control, index, hostFunctions, head: HEAD, row: ROW };
      const worker = new wt.Worker(WORKER_SOURCE, { eval: true, workerData, transferList: [port2] });
      worker.unref();
      port1.unref?.();
      this.workers.push(worker);
      this.ports.push(port1);
    }
    modules.forEach((m, id) => this.register(id, m));
  }

  /** Hands a compiled module to every worker under `id`. */
  register(id: number, module: WebAssembly.Module): void {
    for (const p of this.ports) p.postMessage({ id, module });
  }

  /**
   * Runs `fn` (module `id`'s `run`) once per row of `rows` (one per thread): row 0 on this thread,
   * row w on worker w; returns when all are done.
   */
  run(id: number, fn: WasmFunction, rows: readonly (readonly number[])[]): void {
    const { c, a } = this;
    const n = rows[0]!.length;
    if (n > ROW) throw new Error(`wasm backend: a kernel with ${n} arguments cannot be split across threads (at most ${ROW})`);
    const helpers = this.size - 1;
    if (rows.length !== this.size) throw new Error(`wasm backend: ${rows.length} argument rows for ${this.size} threads`);
    rows.slice(1).forEach((r, w) => a.set(r, HEAD + w * ROW));
    Atomics.store(c, DONE, 0);
    c[MODULE] = id;
    c[NARGS] = n;
    noteThreaded();
    Atomics.add(c, GEN, 1);
    Atomics.notify(c, GEN);
    try {
      fn(...rows[0]!);
    } finally {
      for (let done = Atomics.load(c, DONE); done < helpers; done = Atomics.load(c, DONE)) {
        if (Atomics.wait(c, DONE, done, TIMEOUT_MS) === 'timed-out') {
          throw new Error(`wasm backend: a worker thread did not finish its part of a kernel within ${TIMEOUT_MS / 1000} s`);
        }
      }
    }
    if (Atomics.exchange(c, FAILED, 0)) throw new Error('wasm backend: a worker thread failed while running its part of a kernel');
  }

  /** Stops the workers. */
  terminate(): void {
    for (const w of this.workers) void w.terminate();
    for (const p of this.ports) p.close();
  }
}
