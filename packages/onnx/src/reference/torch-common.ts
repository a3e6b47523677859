/**
 * Shared plumbing of the PyTorch-family reference graphs (no loss math here): PyTorch's loss
 * reductions ('none', 'mean' over every element, 'sum', 'batchmean' = sum / size of dim 0),
 * typed scalar constants and casts, for float32 or float64 graphs. Written from ONNX ops
 * independently of the engine.
 */
import type { ReductionMode } from '@rosetta/core';
import type { GraphBuilder } from '../builder/graph.js';
import { elemTypeOf } from '../builder/dtypes.js';

/** PyTorch's `reduction=` values (`batchmean` only for kl_div). */
export type TorchReduction = 'none' | 'mean' | 'sum' | 'batchmean';

/** Float dtype of a reference graph (inputs, constants, outputs). */
export type FloatDType = 'float32' | 'float64';

/** Options every PyTorch-family reference takes. */
export interface TorchReferenceBase {
  /** Default 'mean', as PyTorch. */
  reduction?: TorchReduction;
  /** Default float32. */
  dtype?: FloatDType;
}

/** Narrows a suite `ReductionMode` to a PyTorch one (anything else is a programming error). */
export function torchReduction(r: ReductionMode): TorchReduction {
  if (r === 'none' || r === 'mean' || r === 'sum' || r === 'batchmean') return r;
  throw new Error(`PyTorch reference graphs take 'none', 'mean', 'sum' or 'batchmean', got ${JSON.stringify(r)}`);
}

/** A 0-d float constant of the graph's dtype. */
export const k = (g: GraphBuilder, v: number, dtype: FloatDType): string => g.constant(dtype, [], [v], 'k');

/** `Cast` of a value (e.g. a bool mask) to the graph's float dtype. */
export const toFloat = (g: GraphBuilder, v: string, dtype: FloatDType): string => g.op('Cast', [v], { to: elemTypeOf[dtype] });

/** Sum over the given axes, keepdims 0. */
export const sumAxes = (g: GraphBuilder, v: string, axes: readonly number[], keepdims = 0): string => g.op('ReduceSum', [v, g.int64s(axes, 'axes')], { keepdims });

/**
 * PyTorch's reduction of an elementwise (or per-sample) loss of shape `shape`: 'none' leaves it;
 * 'mean' / 'sum' reduce every axis to 0-d; 'batchmean' is the sum divided by shape[0].
 */
export function torchReduce(g: GraphBuilder, loss: string, shape: readonly number[], r: TorchReduction, dtype: FloatDType): { value: string; shape: number[] } {
  if (r === 'none') return { value: loss, shape: [...shape] };
  if (r === 'mean') return { value: g.op('ReduceMean', [loss], { keepdims: 0 }), shape: [] };
  const sum = g.op('ReduceSum', [loss], { keepdims: 0 });
  if (r === 'sum') return { value: sum, shape: [] };
  return { value: g.op('Div', [sum, k(g, shape[0] ?? 1, dtype)]), shape: [] };
}
