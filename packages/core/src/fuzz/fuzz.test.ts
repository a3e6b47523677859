/**
 * Cross-backend fuzz suite: seeded random programs (`generate.ts`) run on every registered backend,
 * on wasm with 2 threads, and with the leaves on the second backend while the first is current
 * (a tensor computes on its own backend), and are compared with the cpu backend in float64
 * (`compare.ts`: running rounding-error bounds for op programs, normwise tolerances for losses and
 * gradients; NaN positions, ±Inf, shapes, dtypes and errors exactly).
 *
 * The package's test script runs vitest twice, with cpu and with wasm as the default backend; each
 * run compares every backend, and the two split the cases: the run whose default backend is the k-th
 * registered one runs cases k·N … (k + 1)·N − 1 (N = FUZZ_CASES, default 800), so CI covers 2N
 * distinct programs. Knobs: FUZZ_CASES=N (more cases), FUZZ_SEED=S (another seed), FUZZ_CASE=i
 * (replay one case). The test prints the seed, the cases, counts per dtype and configuration, the
 * comparisons made and the largest error seen relative to what is allowed.
 */
import { describe, expect, it } from 'vitest';
import { backendByName, getBackend, listBackends, withBackend } from '../backend/registry.js';
import { threadsAvailable } from '../backend/wasm/threads.js';
import * as core from '../index.js';
import * as lossIndex from '../nn/losses/index.js';
import { compareOutcome, emptyStats, type Issue } from './compare.js';
import { generateProgram } from './generate.js';
import { runProgram, type RunConfig } from './interpret.js';
import { KNOWN_DISCREPANCIES, knownFor } from './known.js';
import { LOSSES, NOT_LOSSES } from './losses.js';
import { describeProgram, type Program } from './program.js';

const env = process.env;
const SEED = Number(env.FUZZ_SEED ?? 20261208);
const CASES = Number(env.FUZZ_CASES ?? 800);
const ONE = env.FUZZ_CASE === undefined ? null : Number(env.FUZZ_CASE);
/** The backends registered before this file registers any of its own (the known-discrepancy checks use private ones). */
const BACKENDS = listBackends();

/** The backends that start (one tiny op), each with 1 thread, plus wasm on 2 threads; the others with the reason. */
function configs(): { run: RunConfig[]; skipped: string[] } {
  const run: RunConfig[] = [];
  const skipped: string[] = [];
  for (const name of BACKENDS) {
    try {
      withBackend(name, () => core.tensor([1, 2]).add(1).dataSync());
      run.push({ backend: name, threads: 1, label: name });
    } catch (e) {
      skipped.push(`${name}: ${(e as Error).message}`);
    }
  }
  // Tensors made on one backend and used while another is current compute on their own.
  if (run.length > 1) run.push({ backend: run[1]!.backend, current: run[0]!.backend, threads: 1, label: `${run[1]!.backend} (${run[0]!.backend} current)` });
  if (run.some((c) => c.backend === 'wasm')) {
    if (threadsAvailable()) run.push({ backend: 'wasm', threads: 2, label: 'wasm×2' });
    else skipped.push('wasm×2: worker threads are not available here');
  }
  return { run, skipped };
}

function caseRange(): number[] {
  if (ONE !== null) return [ONE];
  const k = Math.max(0, BACKENDS.indexOf(getBackend().name));
  return Array.from({ length: CASES }, (_, i) => k * CASES + i);
}

describe('cross-backend fuzz', () => {
  it('every backend computes what the cpu backend computes in float64', () => {
    const t0 = performance.now();
    const { run, skipped } = configs();
    for (const s of skipped) console.log(`fuzz: skipping ${s}`);
    const cases = caseRange();
    console.log(`fuzz: seed ${SEED}, cases ${cases[0]}–${cases[cases.length - 1]} (${cases.length}) on ${run.map((c) => c.label).join(', ')}`);
    const counts: Record<string, number> = {};
    const excluded: Record<string, number> = {};
    const stats = emptyStats();
    const failures: { p: Program; issues: Issue[] }[] = [];
    const generatorErrors: string[] = [];
    let threaded = 0;
    const errors: Record<string, number> = {};
    for (const index of cases) {
      let p: Program;
      try {
        p = generateProgram(SEED, index);
      } catch (e) {
        generatorErrors.push(`case ${index}: ${(e as Error).stack ?? String(e)}`);
        continue;
      }
      const ref = runProgram(p, { backend: 'cpu', threads: 1, label: 'reference' }, true);
      if (ref.error) errors[`${p.cls}: ${ref.error.slice(0, 100)}`] = (errors[`${p.cls}: ${ref.error.slice(0, 100)}`] ?? 0) + 1;
      const issues: Issue[] = [];
      for (const cfg of run) {
        if ((cfg.threads > 1 && !p.threads) || (cfg.current !== undefined && !p.otherCurrent)) continue;
        const known = knownFor(p, cfg);
        if (known) {
          excluded[known] = (excluded[known] ?? 0) + 1;
          continue;
        }
        const got = runProgram(p, cfg, false);
        if (cfg.threads > 1) threaded += got.threaded;
        const key = `${p.dtype}|${p.cls}|${cfg.label}`;
        counts[key] = (counts[key] ?? 0) + 1;
        issues.push(...compareOutcome(p, cfg.label, got, ref, stats));
      }
      if (issues.length) failures.push({ p, issues });
    }
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    const byDtype: Record<string, number> = {};
    const byClass: Record<string, number> = {};
    for (const [k, n] of Object.entries(counts)) {
      const [dt, cls, label] = k.split('|');
      byDtype[`${dt} on ${label}`] = (byDtype[`${dt} on ${label}`] ?? 0) + n;
      byClass[`${cls} on ${label}`] = (byClass[`${cls} on ${label}`] ?? 0) + n;
    }
    console.log(`fuzz: programs per dtype and configuration: ${Object.entries(byDtype).sort().map(([k, n]) => `${k}: ${n}`).join(', ')}`);
    console.log(`fuzz: programs per class and configuration: ${Object.entries(byClass).sort().map(([k, n]) => `${k}: ${n}`).join(', ')}`);
    console.log(`fuzz: ${stats.tensors} tensor comparisons, ${stats.elements} elements (${stats.uncertain} skipped as not determined by the precision; gradients of ${stats.gradsSkipped} runs skipped as ill-conditioned); ${Object.values(errors).reduce((a, b) => a + b, 0)} programs raised an error (the same on every backend is required); ${threaded} kernels split over 2 threads; ${seconds} s`);
    console.log(`fuzz: largest |got − ref| / allowed: ${Object.entries(stats.worst).sort().map(([k, v]) => `${k}: ${v.ratio.toPrecision(2)} (${v.where})`).join(', ')}`);
    for (const [m, n] of Object.entries(errors)) console.log(`fuzz: ${n}× ${m}`);
    if (Object.keys(excluded).length) console.log(`fuzz: runs excluded as known discrepancies: ${Object.entries(excluded).map(([k, n]) => `${k}: ${n}`).join(', ')}`);
    const report = failures.slice(0, 5).map(({ p, issues }) => {
      const [, index] = p.id.split(':');
      const lines = issues.slice(0, 4).map((i) => `  ${i.config} ${i.what}: ${i.detail}`);
      return `${lines.join('\n')}\n${describeProgram(p)}\n  replay: FUZZ_SEED=${SEED} FUZZ_CASE=${index} npx vitest run src/fuzz/fuzz.test.ts`;
    });
    expect(generatorErrors, 'the generator made an invalid program (replay with FUZZ_CASE)').toEqual([]);
    expect(failures.length, `${failures.length} of ${cases.length} programs differ:\n${report.join('\n\n')}`).toBe(0);
  }, 600_000);

  it('covers every loss function nn/losses/index.ts exports', () => {
    const exported = Object.entries(lossIndex).filter(([, v]) => typeof v === 'function').map(([k]) => k);
    // adaptiveLogProb runs through the adaptiveLogSoftmaxWithLoss entry (its `logProb` option).
    const covered = new Set([...Object.keys(LOSSES), ...Object.keys(NOT_LOSSES), 'adaptiveLogProb']);
    expect(exported.filter((k) => !covered.has(k))).toEqual([]);
    expect(Object.keys(LOSSES).filter((k) => !exported.includes(k))).toEqual([]);
  });

  for (const k of KNOWN_DISCREPANCIES) {
    it(`known discrepancy '${k.name}' is still present (remove the entry once it is fixed)`, () => {
      expect(k.fixed(), `no longer reproduced (update the entry): ${k.description}`).toEqual([]);
    });
  }
});
