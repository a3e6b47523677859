/** Gluon's remaining losses: `TripletLoss`, `CosineEmbeddingLoss`, `SDMLLoss`, `PoissonNLLLoss`, `CTCLoss`. */
import {
  bindArgs, gluonCosineEmbeddingLoss, gluonCtcLoss, gluonPoissonNllLoss, newless, sdmlLoss, tripletLoss,
} from '@rosetta/core';
import { ShapeError, ValueError, type Tensor } from '@rosetta/core';
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
  /**
   * `hybrid_forward(F, pred, positive, negative, sample_weight=None)` (late 1.x; MXNet 1.9.1 has no
   * sample_weight here).
   */
  override forward(...args: unknown[]): NDArray {
    const a = this.bindCall(args, ['pred', 'positive', 'negative'], { sample_weight: null });
    const p = this.arg('pred', a.pred);
    const pos = this.arg('positive', a.positive);
    const neg = this.arg('negative', a.negative);
    this.sameDType(p, 'positive', pos);
    this.sameDType(p, 'negative', neg);
    const loss = tripletLoss(p, pos, neg, { margin: this._margin, batchAxis: this._batch_axis, name: this.lossName });
    return this.finish(loss, a.sample_weight);
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
  /** `hybrid_forward(F, input1, input2, label, sample_weight=None)`. */
  override forward(...args: unknown[]): NDArray {
    const a = this.bindCall(args, ['input1', 'input2', 'label'], { sample_weight: null });
    const x1 = this.arg('input1', a.input1);
    const x2 = this.arg('input2', a.input2);
    const l = this.arg('label', a.label);
    this.sameDType(x1, 'input2', x2);
    this.sameDType(x1, 'label', l);
    return this.finish(gluonCosineEmbeddingLoss(x1, x2, l, { margin: this._margin, name: this.lossName }), a.sample_weight);
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
  /** `hybrid_forward(F, x1, x2)`. */
  override forward(...args: unknown[]): NDArray {
    const a = this.bindCall(args, ['x1', 'x2']);
    const x1 = this.arg('x1', a.x1);
    const x2 = this.arg('x2', a.x2);
    this.sameDType(x1, 'x2', x2);
    return this.finish(sdmlLoss(x1, x2, { smoothingParameter: this._smoothing_parameter, name: this.lossName }), null, null);
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
  /** `hybrid_forward(F, pred, target, sample_weight=None, epsilon=1e-08)`. */
  override forward(...args: unknown[]): NDArray {
    const a = this.bindCall(args, ['pred', 'target'], { sample_weight: null, epsilon: 1e-8 });
    const p = this.arg('pred', a.pred);
    const t = this.arg('target', a.target);
    this.sameDType(p, 'target', t);
    const loss = gluonPoissonNllLoss(p, t, { fromLogits: this._from_logits, computeFull: this._compute_full, epsilon: a.epsilon as number, name: this.lossName });
    return this.finish(loss, a.sample_weight);
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
  /** `hybrid_forward(F, pred, label, pred_lengths=None, label_lengths=None, sample_weight=None)`. */
  override forward(...args: unknown[]): NDArray {
    const o = this.bindCall(args, ['pred', 'label'], { pred_lengths: null, label_lengths: null, sample_weight: null });
    const lengths = (name: string, v: unknown) => (v === null || v === undefined ? null : this.arg(name, v));
    const pred = this.arg('pred', o.pred);
    const label = this.arg('label', o.label);
    this.checkLabels(pred, label);
    const loss = gluonCtcLoss(pred, label, {
      layout: this._layout, labelLayout: this._label_layout,
      predLengths: lengths('pred_lengths', o.pred_lengths), labelLengths: lengths('label_lengths', o.label_lengths), name: this.lossName,
    });
    // The core loss is already per sequence, shape (N,): weighting only.
    return this.finish(loss, o.sample_weight, this._weight, 0);
  }

  /**
   * The label's batch must be pred's, and its entries −1 (padding) or a class of the alphabet,
   * [0, C − 1): class C − 1 is the blank (`blank_label='last'`). MXNet's `ctc_loss` reads a label
   * outside the alphabet without a check (warp-ctc's `cpu_ctc.h`); here it is an error.
   */
  private checkLabels(pred: Tensor, label: Tensor): void {
    const n = pred.shape[this._layout.indexOf('N')];
    const ln = label.shape[this._batch_axis];
    if (label.ndim !== 2 || ln !== n) {
      throw new ShapeError(`${this.lossName}: label of shape [${label.shape.join(', ')}] must be 2-D (${this._label_layout}) with pred's batch size ${n} (pred [${pred.shape.join(', ')}], layout ${this._layout})`);
    }
    if (!label.backend.syncRead || pred.ndim !== 3) return;
    const C = pred.shape[2]!;
    const v = Array.from(label.detach().dataSync() as ArrayLike<number | bigint>, Number);
    const i = v.findIndex((x) => x !== -1 && !(x >= 0 && x < C - 1));
    if (i >= 0) throw new ValueError(`${this.lossName}: label holds ${v[i]} (at position ${i}), out of the alphabet [0, ${C - 1}) padded with -1 (class ${C - 1} is the blank)`);
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
