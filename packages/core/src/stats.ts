/**
 * Cumulative kernel counters: `launches` counts every kernel run, `compiled` every new compilation,
 * `threaded` every kernel or matmul the wasm backend split across worker threads.
 */
export interface KernelStats {
  launches: number;
  compiled: number;
  threaded: number;
}

const stats: KernelStats = { launches: 0, compiled: 0, threaded: 0 };

/** A copy of the cumulative counters (PyTorch has no twin; this is how tests see fusion and caching). */
export function kernelStats(): KernelStats {
  return { ...stats };
}

/** Zeroes the counters. */
export function resetKernelStats(): void {
  stats.launches = 0;
  stats.compiled = 0;
  stats.threaded = 0;
}

/** Called by the scheduler after each kernel run. */
export function noteLaunch(compiled: boolean): void {
  stats.launches++;
  if (compiled) stats.compiled++;
}

/** Called by the wasm backend's worker pool for each job it splits across threads. */
export function noteThreaded(): void {
  stats.threaded++;
}
