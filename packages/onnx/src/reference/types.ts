import type { DType } from '@rosetta/core';

/** A hand-built reference model: bytes and the names to feed (in order) and read. */
export interface ReferenceModel {
  bytes: Uint8Array;
  inputNames: string[];
  outputNames: string[];
}

/** ONNX loss reductions (`reduction` attribute of SoftmaxCrossEntropyLoss / NegativeLogLikelihoodLoss). */
export type OnnxReduction = 'none' | 'sum' | 'mean';

/** Options shared by the classification-loss references: scores [batch, classes], labels [batch] int64. */
export interface ClassLossOptions {
  batch: number;
  classes: number;
  /** float32 (default) or float64. */
  dtype?: Extract<DType, 'float32' | 'float64'>;
  /** Default `mean`, as ONNX. */
  reduction?: OnnxReduction;
  /** Adds a `weight` input of shape [classes]. */
  weighted?: boolean;
  /** Labels equal to this contribute nothing (and do not count in `mean`). */
  ignoreIndex?: number;
}
