/**
 * How the wasm backend's `WorkerPool` reaches its workers. Both kinds run a job the same way: the
 * arguments of worker w sit in a shared control block; it runs module `c[MODULE]`'s `run` on them,
 * raises `c[FAILED]` if that throws, then counts itself in `c[DONE]`.
 * - Node (`worker_threads`): workers block in `Atomics.wait` on the job counter; modules come
 *   through a `MessagePort` they read synchronously (`receiveMessageOnPort`) when a job names one
 *   they lack; the main thread blocks in `Atomics.wait` for the count.
 * - Browsers (cross-origin isolated): workers take modules and jobs as messages, in order; the
 *   main thread, which may not block, spins on the count (a job is milliseconds of work). A page's
 *   workers start only once its main thread yields, so until every worker has counted itself in
 *   `c[READY]` the pool runs all rows on the main thread.
 */
import { nodeBuiltin } from './node.js';

// Control block (Int32 slots): job generation, workers done, module id, argument count, failure
// flag, workers started.
export const GEN = 0, DONE = 1, MODULE = 2, NARGS = 3, FAILED = 4, READY = 5;
/** Arguments of worker w (1-based) start at float64 slot HEAD + (w − 1)·ROW. */
export const HEAD = 4, ROW = 256;
/** How long the main thread waits for a worker before it reports it lost. */
const TIMEOUT_MS = 60_000;

/** What a worker is started with. */
export interface WorkerInit {
  memory: WebAssembly.Memory;
  control: SharedArrayBuffer;
  index: number;
  hostFunctions: readonly string[];
}

export interface Transport {
  /** Node: blocks until every worker has started (a Node worker starts without the main thread). */
  started(c: Int32Array, n: number): void;
  /** Hands a compiled module to every worker under `id` (before any job that uses it). */
  register(id: number, module: WebAssembly.Module): void;
  /** Tells every worker that a job is in the control block. */
  start(c: Int32Array): void;
  /** Returns once `n` workers have counted themselves done. */
  wait(c: Int32Array, n: number): void;
  terminate(): void;
}

/** Worker-side setup shared by both sources: views, imports, compiled functions, and the job. */
const WORKER_SETUP = `
function setup(init) {
  const c = new Int32Array(init.control), a = new Float64Array(init.control);
  const env = { mem: init.memory };
  for (const n of init.hostFunctions) env[n] = Math[n];
  const fns = [];
  const instantiate = (m) => { fns[m.id] = new WebAssembly.Instance(m.module, { env }).exports.run; };
  const runJob = () => {
    try {
      const from = ${HEAD} + (init.index - 1) * ${ROW};
      fns[c[${MODULE}]](...a.subarray(from, from + c[${NARGS}]));
    } catch (e) {
      Atomics.store(c, ${FAILED}, 1);
    }
    Atomics.add(c, ${DONE}, 1);
    Atomics.notify(c, ${DONE});
  };
  Atomics.add(c, ${READY}, 1);
  Atomics.notify(c, ${READY});
  return { c, fns, instantiate, runJob };
}`;

const NODE_WORKER = `
const { workerData, receiveMessageOnPort } = require('node:worker_threads');
${WORKER_SETUP}
const w = setup(workerData);
let gen = 0;
for (;;) {
  Atomics.wait(w.c, ${GEN}, gen);
  gen = Atomics.load(w.c, ${GEN});
  while (w.fns[w.c[${MODULE}]] === undefined) {
    const m = receiveMessageOnPort(workerData.port);
    if (m) w.instantiate(m.message);
  }
  w.runJob();
}`;

const BROWSER_WORKER = `
${WORKER_SETUP}
let w;
onmessage = (e) => {
  const m = e.data;
  if (m.init) w = setup(m.init);
  else if (m.module) w.instantiate(m);
  else w.runJob();
};`;

type WorkerOptions = { eval: true; workerData: unknown; transferList: unknown[] };
interface NodeWorker { unref(): void; terminate(): Promise<number> }
interface NodePort { postMessage(v: unknown): void; unref?(): void; close(): void }
interface WorkerThreads {
  Worker: new (code: string, options: WorkerOptions) => NodeWorker;
  MessageChannel: new () => { port1: NodePort; port2: NodePort };
}

function workerThreads(): WorkerThreads | null {
  return nodeBuiltin<WorkerThreads>('node:worker_threads') ?? null;
}

interface BrowserWorker { postMessage(v: unknown): void; terminate(): void }
interface BrowserGlobals {
  Worker?: new (url: string) => BrowserWorker;
  crossOriginIsolated?: boolean;
  Blob?: new (parts: string[], opts: { type: string }) => unknown;
  URL: { createObjectURL?(blob: unknown): string };
}

/** The transport this host offers, or null (then the backend runs one thread). */
export function transportKind(): 'node' | 'browser' | null {
  if (typeof SharedArrayBuffer !== 'function') return null;
  if (workerThreads()) return 'node';
  const g = globalThis as unknown as BrowserGlobals;
  return g.crossOriginIsolated === true && typeof g.Worker === 'function' && typeof g.Blob === 'function' ? 'browser' : null;
}

function lost(): Error {
  return new Error(`wasm backend: a worker thread did not finish its part of a kernel within ${TIMEOUT_MS / 1000} s`);
}

/** `worker_threads` workers (unref'd: they do not keep the process alive). */
export function nodeTransport(inits: readonly WorkerInit[]): Transport {
  const wt = workerThreads()!;
  const ports: NodePort[] = [];
  const workers = inits.map((init) => {
    const { port1, port2 } = new wt.MessageChannel();
    const worker = new wt.Worker(NODE_WORKER, { eval: true, workerData: { ...init, port: port2 }, transferList: [port2] });
    worker.unref();
    port1.unref?.();
    ports.push(port1);
    return worker;
  });
  return {
    started: (c, n) => {
      for (let ready = Atomics.load(c, READY); ready < n; ready = Atomics.load(c, READY)) {
        if (Atomics.wait(c, READY, ready, TIMEOUT_MS) === 'timed-out') throw new Error('wasm backend: a worker thread did not start');
      }
    },
    register: (id, module) => ports.forEach((p) => p.postMessage({ id, module })),
    start: (c) => {
      Atomics.add(c, GEN, 1);
      Atomics.notify(c, GEN);
    },
    wait: (c, n) => {
      for (let done = Atomics.load(c, DONE); done < n; done = Atomics.load(c, DONE)) {
        if (Atomics.wait(c, DONE, done, TIMEOUT_MS) === 'timed-out') throw lost();
      }
    },
    terminate: () => {
      workers.forEach((w) => void w.terminate());
      ports.forEach((p) => p.close());
    },
  };
}

/** Web Workers made from a Blob URL (the page must be cross-origin isolated to share the memory). */
export function browserTransport(inits: readonly WorkerInit[]): Transport {
  const g = globalThis as unknown as BrowserGlobals;
  const url = g.URL.createObjectURL!(new g.Blob!([BROWSER_WORKER], { type: 'text/javascript' }));
  const workers = inits.map((init) => {
    const w = new g.Worker!(url);
    w.postMessage({ init });
    return w;
  });
  return {
    // A page's workers start once its main thread yields: `WorkerPool.run` checks c[READY] instead.
    started: () => {},
    register: (id, module) => workers.forEach((w) => w.postMessage({ id, module })),
    start: () => workers.forEach((w) => w.postMessage({ job: true })),
    wait: (c, n) => {
      const until = performance.now() + TIMEOUT_MS;
      for (let spins = 0; Atomics.load(c, DONE) < n; spins++) if ((spins & 0xffff) === 0 && performance.now() > until) throw lost();
    },
    terminate: () => workers.forEach((w) => w.terminate()),
  };
}
