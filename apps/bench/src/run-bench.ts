/**
 * Benchmark runner: `tsx src/run-bench.ts [--quick] [--libs=a,b] [--cases=a,b] [--seed=N]`, or
 * `--render` to rewrite results/latest.md from results/latest.json.
 * Runs each library in its own worker process (sequentially), prints a markdown table
 * and writes results/latest.md and results/latest.json.
 */
import { fork } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CASE_IDS, SIZES, type CaseId, type Mode } from './cases.js';
import { LIBS, type LibId, type WorkerJob, type WorkerResult } from './protocol.js';
import { buildReport, toMarkdown, type Report } from './report.js';

const benchDir = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2).filter((a) => a !== '--');
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];

function listOption<T extends string>(name: string, all: readonly T[]): T[] {
  const v = option(name);
  if (!v) return [...all];
  const picked = v.split(',') as T[];
  const bad = picked.filter((p) => !all.includes(p));
  if (bad.length) throw new Error(`unknown --${name}: ${bad.join(', ')} (choose from ${all.join(', ')})`);
  return picked;
}

for (const a of args) if (!/^--(quick|libs=|cases=|seed=|render)/.test(a)) console.warn(`ignoring unknown argument ${a}`);
// --render: rewrite results/latest.md from results/latest.json (after a change to the report only).
if (args.includes('--render')) {
  const json = readFileSync(new URL('../results/latest.json', import.meta.url), 'utf8');
  writeFileSync(new URL('../results/latest.md', import.meta.url), toMarkdown(JSON.parse(json) as Report));
  console.log('rendered results/latest.md from results/latest.json');
  process.exit(0);
}
const mode: Mode = args.includes('--quick') ? 'quick' : 'full';
const libs = listOption<LibId>('libs', LIBS);
const cases = listOption<CaseId>('cases', CASE_IDS);
const seed = Number(option('seed') ?? 42);

/** Forks `node --import tsx src/worker.ts <job>` and waits for its IPC answer. */
function runWorker(job: WorkerJob): Promise<WorkerResult> {
  return new Promise((resolve) => {
    const child = fork(fileURLToPath(new URL('./worker.ts', import.meta.url)), [JSON.stringify(job)], {
      cwd: benchDir,
      execArgv: ['--import', 'tsx', '--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let answer: WorkerResult | undefined;
    child.on('message', (m) => { answer = m as WorkerResult; });
    child.on('error', (e) => resolve({ lib: job.lib, status: 'failed', reason: e.message }));
    child.on('exit', (code, signal) =>
      resolve(answer ?? { lib: job.lib, status: 'failed', reason: `worker exited with ${signal ?? `code ${code}`} before answering` }));
  });
}

console.log(`Rosetta bench, ${mode} mode: sizes ${JSON.stringify(SIZES[mode])}`);
const workers: WorkerResult[] = [];
for (const lib of libs) {
  const t0 = performance.now();
  console.log(`▶ ${lib}`);
  const r = await runWorker({ lib, cases, mode, seed });
  if (r.status !== 'ok') console.log(`  ${lib} ${r.status}: ${r.reason}`);
  console.log(`  (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  workers.push(r);
}

const report = buildReport(mode, seed, cases, workers);
const md = toMarkdown(report);
console.log('\n' + md);
const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));
mkdirSync(resultsDir, { recursive: true });
writeFileSync(`${resultsDir}latest.md`, md);
writeFileSync(`${resultsDir}latest.json`, JSON.stringify(report, null, 2) + '\n');
console.log(`wrote ${resultsDir}latest.md and latest.json`);
