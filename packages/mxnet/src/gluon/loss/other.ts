/** Gluon's remaining losses: `TripletLoss`, `CosineEmbeddingLoss`, `SDMLLoss`, `PoissonNLLLoss`, `CTCLoss`. */
import {
  bindArgs, gluonCosineEmbeddingLoss, gluonCtcLoss, gluonPoissonNllLoss, newless, sdmlLoss, tripletLoss,
} from '@rosetta/core';
import type { NDArray } from '../../ndarray/ndarray.js';
import { LossImpl } from './loss-base.js';

const W = null as number | null;

class TripletLossImpl extends LossImpl {
  readonly _margin: number;
  /**
   * `TripletLoss(margin=1, weight=None, batch_axis=0)`: max(0, Σ(positive − pred)² − Σ(negative − pred)² + margin),
   * sums over the non-batch axes.
   */
  constructor(...args: unknown[]) {
    const o = bindArgs('TripletLoss', ['margin', 'weight', 'batch_axis'], { margin: 1, weight: W, batch_axis: 0 }, args);
    super(o.weight, o.batch_axis);
    this._margin = o.margin;
  }
  override forward(pred: NDArray, positive: NDArray, negative: NDArray, sample_weight?: NDArray | null): NDArray {
    const loss = tripletLoss(this.arg('pred', pred), this.arg('positive', positive), this.arg('negative', negative), {
      margin: this._margin, batchAxis: this._batch_axis, name: this.lossName,
    });
    return this.finish(loss, sample_weight);
  }
}

class CosineEmbeddingLossImpl extends LossImpl {
  readonly _margin: number;
  /**
   * `CosineEmbeddingLoss(weight=None, batch_axis=0, margin=0)`: 1 − cos(input1, input2) for label 1,
   * clip(cos − margin, 0, 1 − margin) otherwise; cos over the last axis.
   */
  constructor(...args: unknown[]) {
    const o = bindArgs('CosineEmbeddingLoss', ['weight', 'batch_axis', 'margin'], { weight: W, batch_axis: 0, margin: 0 }, args);
    super(o.weight, o.batch_axis);
    this._margin = o.margin;
  }
  override forward(input1: NDArray, input2: NDArray, label: NDArray, sample_weight?: NDArray | null): NDArray {
    const loss = gluonCosineEmbeddingLoss(this.arg('input1', input1), this.arg('input2', input2), this.arg('label', label), {
      margin: this._margin, name: this.lossName,
    });
    return this.finish(loss, sample_weight);
  }
}

class SDMLLossImpl extends LossImpl {
  readonly _smoothing_parameter: number;
  /**
   * `SDMLLoss(smoothing_parameter=0.3, weight=1., batch_axis=0)`: smoothed deep metric learning over
   * aligned minibatches x1, x2 of shape (N, D). NOTE: like Gluon, `weight` is stored but not applied.
   */
  constructor(...args: unknown[]) {
    const o = bindArgs('SDMLLoss', ['smoothing_parameter', 'weight', 'batch_axis'], { smoothing_parameter: 0.3, weight: 1 as number | null, batch_axis: 0 }, args);
    super(o.weight, o.batch_axis);
    this._smoothing_parameter = o.smoothing_parameter;
  }
  override forward(x1: NDArray, x2: NDArray): NDArray {
    const loss = sdmlLoss(this.arg('x1', x1), this.arg('x2', x2), { smoothingParameter: this._smoothing_parameter, name: this.lossName });
    return this.finish(loss, null, null);
  }
}

class PoissonNLLLossImpl extends LossImpl {
  readonly _from_logits: boolean;
  readonly _compute_full: boolean;
  /**
   * `PoissonNLLLoss(weight=None, from_logits=True, batch_axis=0, compute_full=False)`:
   * exp(pred) − target·pred (from_logits) or pred − target·log(pred + ε), plus Stirling's term when
   * `compute_full`. `forward(pred, target, sample_weight=None, epsilon=1e-08)`.
   */
  constructor(...args: unknown[]) {
    const o = bindArgs('PoissonNLLLoss', ['weight', 'from_logits', 'batch_axis', 'compute_full'], {
      weight: W, from_logits: true, batch_axis: 0, compute_full: false,
    }, args);
    super(o.weight, o.batch_axis);
    this._from_logits = o.from_logits;
    this._compute_full = o.compute_full;
  }
  override forward(pred: NDArray, target: NDArray, ...rest: unknown[]): NDArray {
    const o = bindArgs('PoissonNLLLoss.forward', ['sample_weight', 'epsilon'], { sample_weight: null as unknown, epsilon: 1e-8 }, rest);
    const loss = gluonPoissonNllLoss(this.arg('pred', pred), this.arg('target', target), {
      fromLogits: this._from_logits, computeFull: this._compute_full, epsilon: o.epsilon, name: this.lossName,
    });
    return this.finish(loss, o.sample_weight);
  }
}

class CTCLossImpl extends LossImpl {
  readonly _layout: 'NTC' | 'TNC';
  readonly _label_layout: 'NT' | 'TN';
  /**
   * `CTCLoss(layout='NTC', label_layout='NT', weight=None)`: connectionist temporal classification
   * of unnormalized pred scores; the blank is the last class, labels are padded with −1; output (N,).
   */
  constructor(...args: unknown[]) {
    const o = bindArgs('CTCLoss', ['layout', 'label_layout', 'weight'], { layout: 'NTC' as string, label_layout: 'NT' as string, weight: W }, args);
    if (o.layout !== 'NTC' && o.layout !== 'TNC') throw new Error(`CTCLoss: Only 'NTC' and 'TNC' layouts for pred are supported. Got: ${o.layout}`);
    if (o.label_layout !== 'NT' && o.label_layout !== 'TN') throw new Error(`CTCLoss: Only 'NT' and 'TN' layouts for label are supported. Got: ${o.label_layout}`);
    super(o.weight, o.label_layout.indexOf('N'));
    this._layout = o.layout;
    this._label_layout = o.label_layout;
  }
  /** `forward(pred, label, pred_lengths=None, label_lengths=None, sample_weight=None)`. */
  override forward(pred: NDArray, label: NDArray, ...rest: unknown[]): NDArray {
    const o = bindArgs('CTCLoss.forward', ['pred_lengths', 'label_lengths', 'sample_weight'], {
      pred_lengths: null as unknown, label_lengths: null as unknown, sample_weight: null as unknown,
    }, rest);
    const lengths = (name: string, v: unknown) => (v === null ? null : this.arg(name, v));
    const loss = gluonCtcLoss(this.arg('pred', pred), this.arg('label', label), {
      layout: this._layout, labelLayout: this._label_layout,
      predLengths: lengths('pred_lengths', o.pred_lengths), labelLengths: lengths('label_lengths', o.label_lengths), name: this.lossName,
    });
    // The core loss is already per sequence, shape (N,): weighting only.
    return this.finish(loss, o.sample_weight, this._weight, 0);
  }
}

export const TripletLoss = newless(TripletLossImpl);
export type TripletLoss = TripletLossImpl;
export const CosineEmbeddingLoss = newless(CosineEmbeddingLossImpl);
export type CosineEmbeddingLoss = CosineEmbeddingLossImpl;
export const SDMLLoss = newless(SDMLLossImpl);
export type SDMLLoss = SDMLLossImpl;
export const PoissonNLLLoss = newless(PoissonNLLLossImpl);
export type PoissonNLLLoss = PoissonNLLLossImpl;
export const CTCLoss = newless(CTCLossImpl);
export type CTCLoss = CTCLossImpl;
