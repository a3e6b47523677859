/** Timing: warm-up runs, then timed runs with performance.now(); median and min. */
import type { Reps } from './cases.js';
import type { Readback } from './lib-adapter.js';

export interface Timing { timesMs: number[]; medianMs: number; minMs: number; last: Readback | undefined }

export async function measure(step: () => Readback | Promise<Readback>, reps: Reps): Promise<Timing> {
  let last: Readback | undefined;
  for (let i = 0; i < reps.warmup; i++) last = await step();
  const timesMs: number[] = [];
  for (let i = 0; i < reps.runs; i++) {
    const t0 = performance.now();
    last = await step();
    timesMs.push(performance.now() - t0);
  }
  const sorted = [...timesMs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const medianMs = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { timesMs, medianMs, minMs: sorted[0]!, last };
}

/**
 * A loss stays as is; an array becomes the checksum Σ x[i]·(1 + i mod 3) in f64
 * (sign- and order-sensitive, non-zero for softmax-CE gradients), so libraries can be compared.
 */
export function summarise(r: Readback | undefined): number | null {
  if (r === undefined) return null;
  if (typeof r === 'number') return r;
  let s = 0;
  for (let i = 0; i < r.length; i++) s += Number(r[i]!) * (1 + (i % 3));
  return s;
}
