import { traceOps, type Tensor, type TraceEntry } from '@rosetta/core';
import { GraphBuilder, DEFAULT_OPSET } from '../builder/graph.js';
import { encodeModel } from '../proto/codec.js';
import type { ModelProto } from '../proto/types.js';
import { LowerContext } from './context.js';
import { lowerEntry } from './lower.js';

/** What a function to export may return: one tensor or several. */
export type ExportResult = Tensor | readonly Tensor[];

export interface ExportOptions {
  /** Graph input names, one per example input (default `input_0`, `input_1`, …). */
  inputNames?: readonly string[];
  /** Graph output names (default `output_0`, …). */
  outputNames?: readonly string[];
  /** Default-domain opset (default 18, the least the exporter supports). */
  opset?: number;
  /** Graph name (default `rosetta_export`). */
  graphName?: string;
}

/** An exported model: its bytes, the plain `ModelProto`, and the names to feed and read. */
export interface ExportedModel {
  bytes: Uint8Array;
  model: ModelProto;
  inputNames: string[];
  outputNames: string[];
  /** Primitives the trace held and how many of them reached the graph (the rest were dead). */
  stats: { traced: number; exported: number };
}

type Source = number | 'input' | 'external';

/**
 * Which trace entries the outputs depend on. Sources resolve the way lowering does: a tensor by
 * identity first, then by value (so `x.detach()` follows x), latest definition first.
 */
function liveEntries(ops: readonly TraceEntry[], inputs: readonly Tensor[], outputs: readonly Tensor[]): boolean[] {
  const byTensor = new Map<Tensor, Source>();
  const byLazy = new Map<unknown, Source>();
  inputs.forEach((t) => { byTensor.set(t, 'input'); byLazy.set(t.lazy, 'input'); });
  const resolve = (t: Tensor): Source => byTensor.get(t) ?? byLazy.get(t.lazy) ?? 'external';
  const deps: Source[][] = ops.map((e, i) => {
    const d = e.inputs.map(resolve);
    byTensor.set(e.out, i);
    byLazy.set(e.out.lazy, i);
    return d;
  });
  const live = ops.map(() => false);
  const stack = outputs.map(resolve).filter((s): s is number => typeof s === 'number');
  while (stack.length) {
    const i = stack.pop()!;
    if (live[i]) continue;
    live[i] = true;
    for (const s of deps[i]!) if (typeof s === 'number') stack.push(s);
  }
  return live;
}

/**
 * Exports `fn` as an ONNX model by tracing `fn(...exampleInputs)` with core's `traceOps` and
 * lowering every primitive it applied (composites arrive as their primitives, so any composition
 * of core ops exports: a user's own loss included). The example inputs become graph inputs with
 * their shapes and dtypes; every other tensor the trace reads (scalar operands, captured
 * weights, masks) becomes an initializer holding its current value. The graph is specialised to
 * the example shapes. Needs a backend that reads synchronously for those constants.
 */
export function exportOnnx(fn: (...inputs: Tensor[]) => ExportResult, exampleInputs: readonly Tensor[], opts: ExportOptions = {}): ExportedModel {
  const inputNames = exampleInputs.map((_, i) => opts.inputNames?.[i] ?? `input_${i}`);
  if (new Set(exampleInputs).size !== exampleInputs.length) throw new Error('exportOnnx: the same tensor is passed twice as an example input');
  const versions = exampleInputs.map((t) => t.version);
  const { result, ops } = traceOps(() => fn(...exampleInputs));
  // In-place updates are not traced: refuse rather than export a stale value.
  exampleInputs.forEach((t, i) => {
    if (t.version !== versions[i]) throw new Error(`exportOnnx: fn updated input ${i} in place; in-place ops are not traced and cannot be exported`);
  });
  for (const e of ops) {
    if (e.out.version > 0) throw new Error(`exportOnnx: the result of ${e.prim} was updated in place inside fn; in-place ops are not traced and cannot be exported`);
  }
  const outputs: readonly Tensor[] = Array.isArray(result) ? result : [result as Tensor];
  const outputNames = outputs.map((_, i) => opts.outputNames?.[i] ?? `output_${i}`);

  const g = new GraphBuilder({ name: opts.graphName ?? 'rosetta_export', opset: opts.opset ?? DEFAULT_OPSET });
  exampleInputs.forEach((t, i) => g.input(inputNames[i]!, t.dtype, t.shape));
  outputNames.forEach((n) => g.reserve(n));
  const cx = new LowerContext(g, (t) => g.constant(t.dtype, t.shape, t.dataSync(), 'const'));
  exampleInputs.forEach((t, i) => cx.bind(t, inputNames[i]!));

  const live = liveEntries(ops, exampleInputs, outputs);
  let exported = 0;
  ops.forEach((e, i) => {
    if (!live[i]) return;
    cx.bind(e.out, lowerEntry(cx, e));
    exported++;
  });
  // Every output goes through an Identity so that inputs, constants and repeated tensors can be outputs too.
  outputs.forEach((t, i) => {
    g.node('Identity', [cx.value(t)], [outputNames[i]!]);
    g.output(outputNames[i]!, t.dtype, t.shape);
  });
  const model = g.toModel();
  return { bytes: encodeModel(model), model, inputNames, outputNames, stats: { traced: ops.length, exported } };
}
