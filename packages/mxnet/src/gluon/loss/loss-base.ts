/**
 * `gluon.loss.Loss(weight, batch_axis)`: the base of every Gluon loss. Subclasses compute the
 * elementwise loss with one core function; this base applies Gluon's `_apply_weighting`
 * (× sample_weight × weight) and the per-sample mean over every axis but `batch_axis`.
 */
import { ArgTypeError, applyWeighting, bindPyCall, pyFloatRepr, pyTypeName, reduceLoss, type Tensor } from '@rosetta/core';
import { tensorArg, wrap } from '../../ndarray/convert.js';
import type { NDArray } from '../../ndarray/ndarray.js';
import { HybridBlockImpl } from '../block.js';


export class LossImpl extends HybridBlockImpl {
  readonly _weight: number | null;
  readonly _batch_axis: number;

  /** `Loss(weight, batch_axis, **kwargs)`. */
  constructor(weight: number | null | undefined, batch_axis: number | undefined, ...rest: unknown[]) {
    super(...rest);
    if (weight !== null && weight !== undefined && typeof weight !== 'number') {
      throw new ArgTypeError(`${this.lossName}: weight must be a number or None, got ${pyTypeName(weight)}`);
    }
    if (batch_axis !== undefined && !Number.isInteger(batch_axis)) {
      throw new TypeError(`${this.lossName}: batch_axis must be an integer, got ${String(batch_axis)}`);
    }
    this._weight = weight ?? null;
    this._batch_axis = batch_axis ?? 0;
  }

  /** The class name used in error messages (`L2Loss`). */
  get lossName(): string {
    return this.constructor.name.replace(/Impl$/, '');
  }

  /** The core tensor of an NDArray argument, or an error naming this loss and the argument. */
  protected arg(name: string, x: unknown): Tensor {
    return tensorArg(this.lossName, name, x);
  }

  /**
   * The arguments of a call bound to `hybrid_forward(self, F, *required, **optional)` with CPython's
   * errors (`Block.__call__` passes them on: `L2Loss.hybrid_forward() takes from 4 to 5 positional
   * arguments but 6 were given`). NOTE: Gluon's `__call__` takes no keywords at all; Rosetta
   * accepts the parameters' own names.
   */
  protected bindCall(args: readonly unknown[], required: readonly string[], optional: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
    return bindPyCall({ qualname: `${this.lossName}.hybrid_forward`, required, optional, implicit: 2 }, args);
  }

  /**
   * The common call `hybrid_forward(F, pred, label, sample_weight=None)`: pred and label as core
   * tensors, label of pred's dtype (unless `anyLabelDType`: class indices).
   */
  protected predLabel(args: readonly unknown[], anyLabelDType = false): { p: Tensor; l: Tensor; sample_weight: unknown } {
    const a = this.bindCall(args, ['pred', 'label'], { sample_weight: null });
    const p = this.arg('pred', a.pred);
    const l = this.arg('label', a.label);
    if (!anyLabelDType) this.sameDType(p, 'label', l);
    return { p, l, sample_weight: a.sample_weight };
  }

  /**
   * Inputs of MXNet's elementwise operators share one dtype (`ElemwiseAttr` in
   * src/operator/elemwise_op_common.h: `Incompatible attr in node … at 1-th input: expected float32,
   * got float64`); Rosetta would promote instead, so the loss checks first.
   */
  protected sameDType(like: Tensor, name: string, t: Tensor | null): void {
    if (t && t.dtype !== like.dtype) throw new ArgTypeError(`${this.lossName}: Incompatible attr at input '${name}': expected ${like.dtype}, got ${t.dtype}`);
  }

  /** `sample_weight` as a core tensor (None → null). */
  protected sampleWeight(sample_weight: unknown): Tensor | null {
    return sample_weight === undefined || sample_weight === null ? null : this.arg('sample_weight', sample_weight);
  }

  /** Gluon's tail: `_apply_weighting(loss, weight, sample_weight)`, then the mean over all axes but `batch_axis`. */
  protected finish(loss: Tensor, sample_weight?: unknown, weight: number | null = this._weight, batchAxis = this._batch_axis): NDArray {
    const sw = this.sampleWeight(sample_weight);
    this.sameDType(loss, 'sample_weight', sw);
    const weighted = applyWeighting(this.lossName, loss, weight, sw);
    return wrap(reduceLoss(this.lossName, weighted, { batchAxis }));
  }

  /** `L2Loss(batch_axis=0, w=1.0)`, as Gluon prints a loss. */
  override toString(): string {
    return `${this.lossName}(batch_axis=${this._batch_axis}, w=${this._weight === null ? 'None' : pyFloatRepr(this._weight)})`;
  }
}
export interface LossImpl {
  (...args: any[]): NDArray;
}
