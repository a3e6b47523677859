import { listBackends, tensor, withBackend, type DType, type HostArray, type Tensor } from '@rosetta/core';
import { exportOnnx, type ExportedModel, type ExportResult } from '../export/export.js';
import { runOnnx, type HostTensor } from '../runtime/run.js';
import { defaultTolerance, diffArrays } from './diff.js';

export interface CrossCheckOptions {
  /** Backends to run on (default: every registered one; one that cannot start is reported, not thrown). */
  backends?: readonly string[];
  /** Relative tolerance (default per output dtype: float32 1e-5, float64 1e-10, exact otherwise). */
  rtol?: number;
  /** Absolute tolerance (default float32 1e-6, float64 1e-12, exact otherwise). */
  atol?: number;
  /**
   * The ONNX model to compare with, instead of the export of `fn`: e.g. an independent reference
   * graph. Its inputs are fed in order and its outputs read in order.
   */
  reference?: Pick<ExportedModel, 'bytes' | 'inputNames' | 'outputNames'>;
}

/** One output on one backend against ORT. */
export interface OutputCheck {
  output: string;
  dtype: DType;
  shape: number[];
  maxAbs: number;
  maxRel: number;
  pass: boolean;
  /** Elements outside the tolerance. */
  mismatched: number;
  rtol: number;
  atol: number;
}

/** All outputs of one backend, or why it could not run. */
export interface BackendCheck {
  backend: string;
  outputs: OutputCheck[];
  error?: string;
}

export interface CrossCheckReport {
  /** Every backend ran and every output passed. */
  pass: boolean;
  backends: BackendCheck[];
  inputNames: string[];
  outputNames: string[];
}

const asList = (r: ExportResult): readonly Tensor[] => (Array.isArray(r) ? r : [r as Tensor]);

/**
 * Runs `fn(...inputs)` on each backend (inputs copied onto it; the previous backend is restored)
 * and compares every output with ONNX Runtime running the export of `fn` — or `opts.reference`.
 * Returns, per backend and output, the largest absolute and relative difference and whether
 * the output is within `atol + rtol·|ort|` everywhere. `formatCrossCheck` prints it as a table.
 */
export async function crossCheck(fn: (...inputs: Tensor[]) => ExportResult, inputs: readonly Tensor[], opts: CrossCheckOptions = {}): Promise<CrossCheckReport> {
  const model = opts.reference ?? exportOnnx(fn, inputs);
  const hostInputs = await Promise.all(inputs.map(async (t) => ({ data: await t.data(), shape: t.shape, dtype: t.dtype })));
  const feeds = Object.fromEntries(model.inputNames.map((n, i) => [n, hostInputs[i]!]));
  const ortOut = await runOnnx(model.bytes, feeds, model.outputNames);
  const expected: HostTensor[] = model.outputNames.map((n) => ortOut[n]!);

  const backends: BackendCheck[] = [];
  for (const backend of opts.backends ?? listBackends()) {
    try {
      await withBackend(backend, async () => {
        const xs = hostInputs.map((h) => tensor(h.data as HostArray, { dtype: h.dtype, shape: h.shape }));
        const outs = asList(fn(...xs));
        if (outs.length !== expected.length) throw new Error(`fn returned ${outs.length} outputs; the model has ${expected.length}`);
        const checks: OutputCheck[] = [];
        for (let i = 0; i < outs.length; i++) {
          const t = outs[i]!;
          const ref = expected[i]!;
          const tol = defaultTolerance(t.dtype);
          const rtol = opts.rtol ?? tol.rtol;
          const atol = opts.atol ?? tol.atol;
          const shapeOk = t.shape.join() === ref.shape.join();
          const d = shapeOk ? diffArrays(await t.data(), ref.data, rtol, atol) : { maxAbs: Infinity, maxRel: Infinity, pass: false, mismatched: t.size };
          checks.push({ output: model.outputNames[i]!, dtype: t.dtype, shape: t.shape, ...d, rtol, atol });
        }
        backends.push({ backend, outputs: checks });
      });
    } catch (e) {
      backends.push({ backend, outputs: [], error: e instanceof Error ? e.message : String(e) });
    }
  }
  const pass = backends.length > 0 && backends.every((b) => !b.error && b.outputs.every((o) => o.pass));
  return { pass, backends, inputNames: [...model.inputNames], outputNames: [...model.outputNames] };
}
