/** Messages between the runner and a per-library worker process. */
import type { CaseId, Mode } from './cases.js';

export const LIBS = ['rosetta', 'rosetta-wasm', 'rosetta-wasm-2t', 'tfjs-cpu', 'tfjs-wasm', 'jax-js', 'ort', 'plain-js'] as const;
export type LibId = (typeof LIBS)[number];
export const PEERS = LIBS.filter((l) => !l.startsWith('rosetta'));

/** Passed to the worker as one JSON argv argument. */
export interface WorkerJob { lib: LibId; cases: CaseId[]; mode: Mode; seed: number }

export type CaseResult =
  | { medianMs: number; minMs: number; timesMs: number[]; value: number | null; extra?: Record<string, unknown> }
  | { error: string }
  | { na: true };

/** Sent back over IPC; `failed` is made by the runner when a worker dies without answering. */
export type WorkerResult =
  | { lib: LibId; status: 'ok'; version: string; config: string; results: Partial<Record<CaseId, CaseResult>> }
  | { lib: LibId; status: 'skipped' | 'failed'; reason: string };
