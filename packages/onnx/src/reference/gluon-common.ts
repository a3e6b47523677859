/**
 * Shared plumbing of the Gluon- and MindSpore-dialect reference graphs (no loss math here): the
 * reductions those front-ends apply, scalar constants, and packaging a `GraphBuilder` as a
 * `ReferenceModel`. Written from ONNX ops independently of the engine.
 */
import type { DType, ReductionMode } from '@rosetta/core';
import type { GraphBuilder } from '../builder/graph.js';
import type { ReferenceModel } from './types.js';

/** Gluon's reductions: the elementwise loss, or `_batch_mean` (mean over every axis but 0). */
export type GluonReduction = 'none' | { readonly batchAxis: 0 };

/** Narrows a suite `ReductionMode` to a Gluon one (anything else is a programming error). */
export function gluonReduction(r: ReductionMode): GluonReduction {
  if (r === 'none') return r;
  if (typeof r === 'object' && r.batchAxis === 0) return { batchAxis: 0 };
  throw new Error(`Gluon reference graphs take 'none' or { batchAxis: 0 }, got ${JSON.stringify(r)}`);
}

/** MindSpore's `get_loss` reductions: none, or mean / sum over every axis (0-d). */
export type MindSporeReduction = 'none' | 'mean' | 'sum';

export function mindsporeReduction(r: ReductionMode): MindSporeReduction {
  if (r === 'none' || r === 'mean' || r === 'sum') return r;
  throw new Error(`MindSpore reference graphs take 'none', 'mean' or 'sum', got ${JSON.stringify(r)}`);
}

/** A 0-d constant. */
export const scalar = (g: GraphBuilder, v: number, dtype: DType = 'float32'): string => g.constant(dtype, [], [v], 'c');

/**
 * Gluon's output rule on a loss of shape `shape`: 'none' leaves it; `{ batchAxis: 0 }` takes
 * `ReduceMean` over axes 1..rank−1 (nothing to reduce for a rank-1 loss). Returns value and shape.
 */
export function gluonReduce(g: GraphBuilder, loss: string, shape: readonly number[], r: GluonReduction): { value: string; shape: number[] } {
  if (r === 'none' || shape.length <= 1) return { value: loss, shape: [...shape] };
  const axes = shape.map((_, i) => i).slice(1);
  return { value: g.op('ReduceMean', [loss, g.int64s(axes, 'axes')], { keepdims: 0 }), shape: [shape[0]!] };
}

/** MindSpore's `get_loss` (weights 1): none, or ReduceMean / ReduceSum over every axis to 0-d. */
export function mindsporeReduce(g: GraphBuilder, loss: string, shape: readonly number[], r: MindSporeReduction): { value: string; shape: number[] } {
  if (r === 'none') return { value: loss, shape: [...shape] };
  return { value: g.op(r === 'mean' ? 'ReduceMean' : 'ReduceSum', [loss], { keepdims: 0 }), shape: [] };
}

/** Names each output (`Identity` into `outputs[i].name`), declares it, and serialises the graph. */
export function finish(g: GraphBuilder, inputNames: string[], outputs: readonly { name: string; value: string; shape: readonly number[] }[], dtype: DType = 'float32'): ReferenceModel {
  for (const o of outputs) {
    g.node('Identity', [o.value], [o.name]);
    g.output(o.name, dtype, o.shape);
  }
  return { bytes: g.toBytes(), inputNames, outputNames: outputs.map((o) => o.name) };
}
