/**
 * `gluon.loss.Loss(weight, batch_axis)`: the base of every Gluon loss. Subclasses compute the
 * elementwise loss with one core function; this base applies Gluon's `_apply_weighting`
 * (× sample_weight × weight) and the per-sample mean over every axis but `batch_axis`.
 */
import { applyWeighting, pyFloatRepr, reduceLoss, type Tensor } from '@rosetta/core';
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
      throw new TypeError(`${this.lossName}: weight must be a number or None, got ${typeof weight}`);
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

  /** `sample_weight` as a core tensor (None → null). */
  protected sampleWeight(sample_weight: unknown): Tensor | null {
    return sample_weight === undefined || sample_weight === null ? null : this.arg('sample_weight', sample_weight);
  }

  /** Gluon's tail: `_apply_weighting(loss, weight, sample_weight)`, then the mean over all axes but `batch_axis`. */
  protected finish(loss: Tensor, sample_weight?: unknown, weight: number | null = this._weight, batchAxis = this._batch_axis): NDArray {
    const weighted = applyWeighting(this.lossName, loss, weight, this.sampleWeight(sample_weight));
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
