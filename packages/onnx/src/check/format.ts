import type { CrossCheckReport } from './cross-check.js';

const num = (v: number): string => (v === 0 ? '0' : Number.isFinite(v) ? v.toExponential(2) : String(v));

/**
 * The report as a fixed-width table, one row per backend and output:
 *
 * ```
 * backend  output    dtype    shape  max abs   max rel   rtol      atol      result
 * cpu      output_0  float32  [2,3]  5.96e-8   1.19e-7   1.00e-5   1.00e-6   PASS
 * ```
 */
export function formatCrossCheck(report: CrossCheckReport): string {
  const header = ['backend', 'output', 'dtype', 'shape', 'max abs', 'max rel', 'rtol', 'atol', 'result'];
  const rows: string[][] = [];
  for (const b of report.backends) {
    if (b.error) {
      rows.push([b.backend, '-', '-', '-', '-', '-', '-', '-', `ERROR: ${b.error}`]);
      continue;
    }
    for (const o of b.outputs) {
      rows.push([b.backend, o.output, o.dtype, `[${o.shape.join(',')}]`, num(o.maxAbs), num(o.maxRel), num(o.rtol), num(o.atol), o.pass ? 'PASS' : `FAIL (${o.mismatched} off)`]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]): string => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), `crossCheck: ${report.pass ? 'PASS' : 'FAIL'}`].join('\n');
}
