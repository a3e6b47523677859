import { traceOps, type DType, type Tensor } from '@rosetta/core';
import { expect } from 'vitest';
import { diffArrays } from '../check/diff.js';
import { exportOnnx, type ExportedModel, type ExportResult } from '../export/export.js';
import { runOnnx } from '../runtime/run.js';

/** Primitives every `expectExportMatches` call has exercised (the coverage test reads it). */
export const exercised = new Set<string>();

export const TOL: Record<'float32' | 'float64', { rtol: number; atol: number }> = {
  float32: { rtol: 1e-5, atol: 1e-6 },
  float64: { rtol: 1e-10, atol: 1e-12 },
};

const list = (r: ExportResult): readonly Tensor[] => (Array.isArray(r) ? r : [r as Tensor]);

/** Feeds for a model from tensors, in input order. */
export function feedsOf(m: Pick<ExportedModel, 'inputNames'>, xs: readonly Tensor[]): Record<string, { data: ReturnType<Tensor['dataSync']>; shape: number[]; dtype: DType }> {
  return Object.fromEntries(m.inputNames.map((n, i) => [n, { data: xs[i]!.dataSync(), shape: xs[i]!.shape, dtype: xs[i]!.dtype }]));
}

/** Asserts ORT's outputs equal the engine's (shape, dtype, values within tolerance). */
export async function expectOrtMatchesEngine(m: ExportedModel, fn: (...xs: Tensor[]) => ExportResult, xs: readonly Tensor[], tol?: { rtol: number; atol: number }): Promise<void> {
  const out = await runOnnx(m.bytes, feedsOf(m, xs));
  const engine = list(fn(...xs));
  expect(m.outputNames.length).toBe(engine.length);
  engine.forEach((t, i) => {
    const o = out[m.outputNames[i]!]!;
    expect(o.shape, `shape of output ${i}`).toEqual(t.shape);
    expect(o.dtype, `dtype of output ${i}`).toBe(t.dtype);
    const { rtol, atol } = tol ?? (t.dtype === 'float32' || t.dtype === 'float64' ? TOL[t.dtype] : { rtol: 0, atol: 0 });
    const d = diffArrays(t.dataSync(), o.data, rtol, atol);
    expect(d.pass, `output ${i}: max abs ${d.maxAbs}, max rel ${d.maxRel}\n engine ${[...t.dataSync()].slice(0, 8)}\n ort    ${[...o.data].slice(0, 8)}`).toBe(true);
  });
}

/**
 * Exports `fn` on `xs`, runs the model in ORT, and asserts it matches the engine; with `fresh`,
 * also on other inputs of the same shapes (so nothing of the example was baked in).
 */
export async function expectExportMatches(fn: (...xs: Tensor[]) => ExportResult, xs: readonly Tensor[], opts: { tol?: { rtol: number; atol: number }; fresh?: readonly Tensor[] } = {}): Promise<ExportedModel> {
  for (const e of traceOps(() => fn(...xs)).ops) exercised.add(e.prim);
  const m = exportOnnx(fn, xs);
  await expectOrtMatchesEngine(m, fn, xs, opts.tol);
  if (opts.fresh) await expectOrtMatchesEngine(m, fn, opts.fresh, opts.tol);
  return m;
}
