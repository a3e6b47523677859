/**
 * Worker process: `node --import tsx src/worker.ts '<WorkerJob JSON>'`.
 * Loads one library, runs the requested cases, sends a WorkerResult over IPC.
 */
import { CASES, SIZES } from './cases.js';
import type { CaseId } from './cases.js';
import type { LibAdapter } from './lib-adapter.js';
import { measure, summarise } from './measure.js';
import type { CaseResult, LibId, WorkerJob, WorkerResult } from './protocol.js';

async function loadAdapter(lib: LibId): Promise<LibAdapter> {
  switch (lib) {
    case 'rosetta': return (await import('./libs/rosetta.js')).rosettaAdapter();
    case 'rosetta-wasm': return (await import('./libs/rosetta.js')).rosettaAdapter('wasm');
    case 'rosetta-wasm-2t': return (await import('./libs/rosetta.js')).rosettaAdapter('wasm', 2);
    case 'tfjs-cpu': return (await import('./libs/tfjs.js')).tfjsAdapter('cpu');
    case 'tfjs-wasm': return (await import('./libs/tfjs.js')).tfjsAdapter('wasm');
    case 'jax-js': return (await import('./libs/jaxjs.js')).jaxjsAdapter();
    case 'ort': return (await import('./libs/ort.js')).ortAdapter();
    case 'plain-js': return (await import('./libs/plain-js.js')).plainAdapter();
  }
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!;

async function main(job: WorkerJob): Promise<WorkerResult> {
  let adapter: LibAdapter;
  try {
    adapter = await loadAdapter(job.lib);
  } catch (e) {
    return { lib: job.lib, status: 'skipped', reason: message(e) };
  }
  const sizes = SIZES[job.mode];
  const results: Partial<Record<CaseId, CaseResult>> = {};
  for (const id of job.cases) {
    const spec = CASES.find((c) => c.id === id)!;
    const factory = adapter.cases[id];
    if (!factory) { results[id] = { na: true }; continue; }
    try {
      const prepared = await factory(sizes, job.seed);
      const t = await measure(() => prepared.step(), spec.reps[job.mode]);
      const extra = await prepared.extra?.();
      prepared.dispose?.();
      const value = summarise(t.last);
      results[id] = { medianMs: t.medianMs, minMs: t.minMs, timesMs: t.timesMs, value, ...(extra ? { extra } : {}) };
      console.error(`  [${job.lib}] ${id}: ${t.medianMs.toFixed(3)} ms median (${t.minMs.toFixed(3)} min) per run, value ${value}`);
    } catch (e) {
      results[id] = { error: message(e) };
      console.error(`  [${job.lib}] ${id}: ERROR ${message(e)}`);
    }
    (globalThis as { gc?: () => void }).gc?.();
  }
  return { lib: job.lib, status: 'ok', version: adapter.version, config: adapter.config, results };
}

const result = await main(JSON.parse(process.argv[2]!) as WorkerJob);
process.send!(result, () => process.exit(0));
