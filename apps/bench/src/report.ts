/** Turns worker results into the JSON record and the markdown table. */
import { cpus } from 'node:os';
import { CASES, SIZES, type CaseId, type Mode } from './cases.js';
import { PEERS, type CaseResult, type LibId, type WorkerResult } from './protocol.js';

export const TARGETS = 'dispatch ≤ 1 µs/op · L1 fwd+bwd 16M ≤ 25 ms · softmax-CE fwd+bwd [4096,1000] ≤ 60 ms';

interface Cell { median: number; min: number; medianMs: number; minMs: number; value: number | null; gflops?: number; extra?: Record<string, unknown> }
type CellOrNote = Cell | { error: string } | { na: true } | { skipped: string };

export interface Report {
  generated: string; mode: Mode; seed: number; node: string; cpu: string; cores: number;
  targets: string; sizes: (typeof SIZES)[Mode];
  libraries: { id: LibId; status: string; version?: string; config?: string; reason?: string }[];
  cases: {
    id: CaseId; title: string; size: string; unit: string; warmup: number; runs: number;
    results: Partial<Record<LibId, CellOrNote>>;
    /** Rosetta median / peer median; < 1 means Rosetta is faster. */
    ratios: Partial<Record<LibId, number | null>>;
    wasmRatios: Partial<Record<LibId, number | null>>;
  }[];
}

export function buildReport(mode: Mode, seed: number, caseIds: CaseId[], workers: WorkerResult[]): Report {
  const sizes = SIZES[mode];
  const cases = CASES.filter((c) => caseIds.includes(c.id)).map((spec) => {
    const perOp = spec.opsPerRun?.(sizes) ?? 1;
    const scale = spec.unit === 'µs/op' ? 1000 / perOp : 1;
    const results: Partial<Record<LibId, CellOrNote>> = {};
    for (const w of workers) {
      if (w.status !== 'ok') { results[w.lib] = { skipped: w.reason }; continue; }
      const r: CaseResult | undefined = w.results[spec.id];
      if (!r || 'na' in r || 'error' in r) { results[w.lib] = r ?? { na: true }; continue; }
      const cell: Cell = { median: r.medianMs * scale, min: r.minMs * scale, medianMs: r.medianMs, minMs: r.minMs, value: r.value };
      if (spec.flops) cell.gflops = spec.flops(sizes) / (r.medianMs * 1e6);
      if (r.extra) cell.extra = r.extra;
      results[w.lib] = cell;
    }
    const ratio = (ros: CellOrNote | undefined) => {
      const out: Partial<Record<LibId, number | null>> = {};
      for (const p of PEERS) {
        const peer = results[p];
        if (peer) out[p] = ros && 'median' in ros && 'median' in peer ? ros.median / peer.median : null;
      }
      return out;
    };
    const ratios = ratio(results.rosetta);
    const wasmRatios = ratio(results['rosetta-wasm']);
    const { warmup, runs } = spec.reps[mode];
    return { id: spec.id, title: spec.title, size: spec.size(sizes), unit: spec.unit, warmup, runs, results, ratios, wasmRatios };
  });
  return {
    generated: new Date().toISOString(), mode, seed, node: process.version, cpu: cpus()[0]?.model ?? '?', cores: cpus().length,
    targets: TARGETS, sizes,
    libraries: workers.map((w) => (w.status === 'ok'
      ? { id: w.lib, status: w.status, version: w.version, config: w.config }
      : { id: w.lib, status: w.status, reason: w.reason })),
    cases,
  };
}

const num = (x: number) => (x >= 100 ? x.toFixed(1) : x >= 10 ? x.toFixed(2) : x.toFixed(3));
const esc = (s: string) => s.replace(/\|/g, '\\|');
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const sep = (n: number) => row(Array<string>(n).fill('---'));

function timeCell(c: CellOrNote | undefined): string {
  if (!c) return '';
  if ('na' in c) return 'n/a';
  if ('skipped' in c) return 'skipped';
  if ('error' in c) return `error: ${esc(c.error).slice(0, 80)}`;
  return `${num(c.median)} (${num(c.min)})${c.gflops !== undefined ? ` · ${c.gflops.toFixed(1)} GFLOP/s` : ''}`;
}

export function toMarkdown(r: Report): string {
  const libs = r.libraries.map((l) => l.id);
  const peers = libs.filter((l) => !l.startsWith('rosetta'));
  const wasmPeers = libs.includes('rosetta-wasm') ? peers : [];
  const out: string[] = [
    `# Rosetta benchmark (${r.mode} mode)`,
    '',
    `${r.generated} · Node ${r.node} · ${r.cpu} (${r.cores} cores) · seed ${r.seed}.`,
    'Each library runs in its own child process, one after another. Cells: median (min) of the timed runs after warm-up; every run ends by reading the result back.',
    '',
    `**Targets (Rosetta cpu backend goals, full sizes):** ${r.targets}.`,
    '',
    '## Libraries',
    '',
    row(['library', 'status', 'version', 'config / reason']),
    sep(4),
    ...r.libraries.map((l) => row([l.id, l.status, l.version ?? '', esc(l.config ?? l.reason ?? '')])),
    '',
    `## Times (${r.mode === 'quick' ? 'quick sizes, NOT the target sizes' : 'full sizes'})`,
    '',
    'Ratio = Rosetta median / peer median (`rosetta/…` for the cpu backend, `wasm/…` for the wasm backend); < 1 means Rosetta is faster.',
    '',
    row(['case', 'size', 'unit', 'warm-up/runs', ...libs, ...peers.map((p) => `rosetta/${p}`), ...wasmPeers.map((p) => `wasm/${p}`), 'target', 'wasm target']),
    sep(6 + libs.length + peers.length + wasmPeers.length),
    ...r.cases.map((c) => row([
      c.title, c.size, c.unit, `${c.warmup}/${c.runs}`,
      ...libs.map((l) => timeCell(c.results[l])),
      ...peers.map((p) => { const x = c.ratios[p]; return x == null ? '–' : x.toFixed(2); }),
      ...wasmPeers.map((p) => { const x = c.wasmRatios[p]; return x == null ? '–' : x.toFixed(2); }),
      (CASES.find((s) => s.id === c.id)?.target ?? ''),
      (CASES.find((s) => s.id === c.id)?.wasmTarget ?? ''),
    ])),
    '',
    '## Values read back (agreement check)',
    '',
    'Loss for the fwd cases and the MLP step (loss at the last step; every library takes the same number of steps). Arrays (the gradient for fwd+bwd, the output for dispatch and matmul) as the checksum Σ x[i]·(1 + i mod 3).',
    '',
    row(['case', ...libs]),
    sep(1 + libs.length),
    ...r.cases.map((c) => row([c.title, ...libs.map((l) => {
      const x = c.results[l];
      return x && 'value' in x && x.value !== null ? x.value.toPrecision(6) : '';
    })])),
  ];
  if (r.mode === 'full') out.push('', ...goalLines(r));
  const l1 = r.cases.find((c) => c.id === 'l1-fwd')?.results.rosetta;
  if (l1 && 'extra' in l1 && l1.extra) {
    out.push('', `Rosetta kernel stats per L1-forward iteration: \`${JSON.stringify(l1.extra.kernelStatsPerIteration)}\``);
  }
  return out.join('\n') + '\n';
}

/** Each wasm goal of the cases run: the measured median against it, met or missed by how much. */
function goalLines(r: Report): string[] {
  const lines = ['## wasm backend goals (issue 7)', '', row(['case', 'column', 'goal', 'measured', 'verdict']), sep(5)];
  for (const c of r.cases) {
    for (const g of CASES.find((s) => s.id === c.id)?.wasmGoals ?? []) {
      const cell = c.results[g.lib];
      if (!cell || !('median' in cell)) continue;
      let goal: string, measured: string, factor: number;
      if ('max' in g) {
        [goal, measured, factor] = [`≤ ${g.max} ${c.unit}`, `${num(cell.median)} ${c.unit}`, cell.median / g.max];
      } else if ('ratio' in g) {
        const peer = c.results[g.peer];
        if (!peer || !('median' in peer)) continue;
        const limit = peer.median * g.ratio;
        [goal, measured, factor] = [`≤ ${num(g.ratio)} × ${g.peer} (${num(limit)} ${c.unit})`, `${num(cell.median)} ${c.unit}`, cell.median / limit];
      } else {
        const gf = cell.gflops ?? 0;
        [goal, measured, factor] = [`≥ ${g.gflops} GFLOP/s`, `${gf.toFixed(1)} GFLOP/s`, g.gflops / gf];
      }
      const verdict = factor <= 1 ? 'met' : `missed: ${factor.toFixed(2)}× the goal`;
      lines.push(row([c.title, g.lib, goal, measured, verdict]));
    }
  }
  return lines;
}

