/** The benchmark cases: sizes and repetitions per mode, units, FLOP counts and project targets. */

export type Mode = 'full' | 'quick';
export const CASE_IDS = [
  'dispatch', 'l1-fwd', 'l1-fwdbwd', 'mse-fwd', 'mse-fwdbwd', 'bce-fwd', 'bce-fwdbwd', 'sce-fwd', 'sce-fwdbwd', 'mlp-step', 'tiny-step', 'matmul',
] as const;
export type CaseId = (typeof CASE_IDS)[number];

export interface Sizes {
  dispatchOps: number; // add ops per timed run
  l1N: number;
  sceRows: number;
  sceClasses: number;
  mlpBatch: number;
  matmulN: number;
  tinySteps: number; // Dense(1,1) training steps per timed run
}

export const SIZES: Record<Mode, Sizes> = {
  full: { dispatchOps: 10_000, l1N: 16 * 2 ** 20, sceRows: 4096, sceClasses: 1000, mlpBatch: 256, matmulN: 1024, tinySteps: 1000 },
  quick: { dispatchOps: 1_000, l1N: 2 ** 20, sceRows: 512, sceClasses: 1000, mlpBatch: 64, matmulN: 256, tinySteps: 200 },
};

export interface Reps { warmup: number; runs: number }

export interface CaseSpec {
  id: CaseId;
  title: string;
  size: (s: Sizes) => string;
  reps: Record<Mode, Reps>;
  /** Reported unit; µs/op divides each run's time by `opsPerRun`. */
  unit: 'ms' | 'µs/op';
  opsPerRun?: (s: Sizes) => number;
  flops?: (s: Sizes) => number;
  /** Project goal for the Rosetta cpu backend at full size. */
  target?: string;
  /** The wasm backend's goal (issue 7), single thread, full sizes. */
  wasmTarget?: string;
  /** The same goals as numbers, checked in the report (full sizes only). */
  wasmGoals?: WasmGoal[];
}

/**
 * A checkable goal for one Rosetta wasm column: its median at most `max` (in the case's unit), at
 * most `ratio` times a peer's median, or at least `gflops`.
 */
export type WasmGoal = { lib: 'rosetta-wasm' | 'rosetta-wasm-2t' } & ({ max: number } | { ratio: number; peer: 'ort' } | { gflops: number });

const BIG: Record<Mode, Reps> = { full: { warmup: 2, runs: 10 }, quick: { warmup: 1, runs: 5 } };
/** Fewer runs for the 16M cases that tfjs-cpu takes seconds per run on. */
const SLOW: Record<Mode, Reps> = { full: { warmup: 2, runs: 5 }, quick: { warmup: 1, runs: 5 } };

export const CASES: CaseSpec[] = [
  {
    id: 'dispatch', title: 'dispatch: add 4-elem + read', unit: 'µs/op',
    size: (s) => `${s.dispatchOps} ops/run`, opsPerRun: (s) => s.dispatchOps,
    reps: { full: { warmup: 5, runs: 20 }, quick: { warmup: 5, runs: 10 } }, target: '≤ 1 µs/op', wasmTarget: '≤ 1 µs/op',
    wasmGoals: [{ lib: 'rosetta-wasm', max: 1 }],
  },
  { id: 'l1-fwd', title: 'L1 mean fwd', unit: 'ms', size: (s) => `${fmtN(s.l1N)}`, reps: BIG },
  { id: 'l1-fwdbwd', title: 'L1 mean fwd+bwd', unit: 'ms', size: (s) => `${fmtN(s.l1N)}`, reps: BIG, target: '≤ 25 ms @16M', wasmTarget: '≤ 9 ms @16M (2 threads ≤ 5 ms)',
    wasmGoals: [{ lib: 'rosetta-wasm', max: 9 }, { lib: 'rosetta-wasm-2t', max: 5 }] },
  { id: 'mse-fwd', title: 'MSE mean fwd', unit: 'ms', size: (s) => `${fmtN(s.l1N)}`, reps: SLOW },
  { id: 'mse-fwdbwd', title: 'MSE mean fwd+bwd', unit: 'ms', size: (s) => `${fmtN(s.l1N)}`, reps: SLOW },
  { id: 'bce-fwd', title: 'BCE-with-logits mean fwd', unit: 'ms', size: (s) => `${fmtN(s.l1N)}`, reps: SLOW, wasmTarget: '≤ ⅓ of ort',
    wasmGoals: [{ lib: 'rosetta-wasm', ratio: 1 / 3, peer: 'ort' }] },
  { id: 'bce-fwdbwd', title: 'BCE-with-logits mean fwd+bwd', unit: 'ms', size: (s) => `${fmtN(s.l1N)}`, reps: SLOW },
  { id: 'sce-fwd', title: 'softmax-CE fwd', unit: 'ms', size: (s) => `[${s.sceRows},${s.sceClasses}]`, reps: BIG, wasmTarget: '≤ 1.5× ort',
    wasmGoals: [{ lib: 'rosetta-wasm', ratio: 1.5, peer: 'ort' }] },
  { id: 'sce-fwdbwd', title: 'softmax-CE fwd+bwd', unit: 'ms', size: (s) => `[${s.sceRows},${s.sceClasses}]`, reps: BIG, target: '≤ 60 ms @[4096,1000]' },
  {
    id: 'mlp-step', title: 'MLP 784-256-10 SGD step', unit: 'ms', size: (s) => `batch ${s.mlpBatch}`, wasmTarget: '≤ 7 ms @batch 256', wasmGoals: [{ lib: 'rosetta-wasm', max: 7 }],
    reps: { full: { warmup: 3, runs: 20 }, quick: { warmup: 2, runs: 5 } },
    // fwd x@W1 + h@W2, bwd dW1 + dW2 + dH (no dX)
    flops: (s) => 2 * s.mlpBatch * (784 * 256 * 2 + 256 * 10 * 3),
  },
  {
    // The MindSpore seed's linear regression: nn.Dense(1, 1), MAE loss, Momentum(0.005, 0.9), batches of 16 of 160 samples.
    id: 'tiny-step', title: 'Dense(1,1) MAE Momentum step (seed)', unit: 'µs/op', size: (s) => `batch 16, ${s.tinySteps} steps/run`,
    opsPerRun: (s) => s.tinySteps, reps: { full: { warmup: 3, runs: 20 }, quick: { warmup: 2, runs: 5 } }, wasmTarget: '≤ 20 µs/step', wasmGoals: [{ lib: 'rosetta-wasm', max: 20 }],
  },
  {
    id: 'matmul', title: 'matmul f32 + read', unit: 'ms', size: (s) => `${s.matmulN}³`, reps: BIG, wasmTarget: '≥ 44 GFLOP/s', wasmGoals: [{ lib: 'rosetta-wasm', gflops: 44 }],
    flops: (s) => 2 * s.matmulN ** 3,
  },
];

export function fmtN(n: number): string {
  return n % 2 ** 20 === 0 ? `${n / 2 ** 20}M` : n % 1024 === 0 ? `${n / 1024}K` : String(n);
}
