import type { ReductionMode } from '@rosetta/core';
import { crossCheck } from '../check/cross-check.js';
import { ALL_LOSS_CASES } from './all-cases.js';
import type { LossCase } from './builtin-losses.js';

/** One row of the suite's table: a loss × reduction on one backend. */
export interface SuiteRow {
  loss: string;
  reduction: string;
  /** 'export' (engine vs ORT running the engine's export) or 'reference' (an independent ONNX graph). */
  check: 'export' | 'reference';
  backend: string;
  maxAbs: number;
  maxRel: number;
  pass: boolean;
  error?: string;
}

const reductionName = (r: ReductionMode): string => (typeof r === 'object' ? `batch_axis ${r.batchAxis}` : r);

/**
 * Runs the built-in suite: each loss × reduction through `crossCheck` on every backend, returning
 * one row per backend with the largest absolute and relative difference over all outputs.
 */
export async function runLossSuite(cases: readonly LossCase[] = ALL_LOSS_CASES, backends?: readonly string[]): Promise<SuiteRow[]> {
  const rows: SuiteRow[] = [];
  for (const kase of cases) {
    for (const reduction of kase.reductions) {
      const base = { loss: kase.loss, reduction: reductionName(reduction), check: kase.reference ? 'reference' : 'export' } as const;
      try {
        const report = await crossCheck(kase.fn(reduction), kase.inputs(), {
          ...(backends ? { backends } : {}),
          ...(kase.reference ? { reference: kase.reference(reduction) } : {}),
        });
        for (const b of report.backends) {
          rows.push({
            ...base, backend: b.backend,
            maxAbs: Math.max(0, ...b.outputs.map((o) => o.maxAbs)),
            maxRel: Math.max(0, ...b.outputs.map((o) => o.maxRel)),
            pass: !b.error && b.outputs.every((o) => o.pass),
            ...(b.error ? { error: b.error } : {}),
          });
        }
      } catch (e) {
        rows.push({ ...base, backend: '-', maxAbs: NaN, maxRel: NaN, pass: false, error: e instanceof Error ? e.message : String(e) });
      }
    }
  }
  return rows;
}

const num = (v: number): string => (v === 0 ? '0' : Number.isFinite(v) ? v.toExponential(2) : String(v));

/** The suite's table: loss × reduction × backend → max relative error, pass/fail, and a count line. */
export function formatSuite(rows: readonly SuiteRow[]): string {
  const header = ['loss', 'reduction', 'check', 'backend', 'max abs', 'max rel', 'result'];
  const body = rows.map((r) => [r.loss, r.reduction, r.check, r.backend, num(r.maxAbs), num(r.maxRel), r.pass ? 'PASS' : `FAIL${r.error ? `: ${r.error}` : ''}`]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  const passed = rows.filter((r) => r.pass).length;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line), '', `crosscheck: ${passed} passed, ${rows.length - passed} failed`].join('\n');
}
