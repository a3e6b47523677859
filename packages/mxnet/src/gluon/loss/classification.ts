/**
 * Gluon's classification losses: `SigmoidBinaryCrossEntropyLoss` (`SigmoidBCELoss`),
 * `SoftmaxCrossEntropyLoss` (`SoftmaxCELoss`), `KLDivLoss`, `HingeLoss`, `SquaredHingeLoss`,
 * `LogisticLoss`.
 */
import {
  bindArgs, gluonKlDivLoss, hingeLoss, logisticLoss, newless, sigmoidBinaryCrossEntropyLoss,
  softmaxCrossEntropyLoss, squaredHingeLoss,
} from '@rosetta/core';
import type { NDArray } from '../../ndarray/ndarray.js';
import { LossImpl } from './loss-base.js';

const W = null as number | null;

class SigmoidBinaryCrossEntropyLossImpl extends LossImpl {
  readonly _from_sigmoid: boolean;
  /**
   * `SigmoidBinaryCrossEntropyLoss(from_sigmoid=False, weight=None, batch_axis=0)`: binary cross
   * entropy of sigmoid(pred) (the stable form) or of pred itself when `from_sigmoid`.
   */
  constructor(...args: unknown[]) {
    const o = bindArgs('SigmoidBinaryCrossEntropyLoss', ['from_sigmoid', 'weight', 'batch_axis'], { from_sigmoid: false, weight: W, batch_axis: 0 }, args);
    super(o.weight, o.batch_axis);
    this._from_sigmoid = o.from_sigmoid;
  }
  /** `hybrid_forward(F, pred, label, sample_weight=None, pos_weight=None)`. */
  override forward(...args: unknown[]): NDArray {
    const a = this.bindCall(args, ['pred', 'label'], { sample_weight: null, pos_weight: null });
    const p = this.arg('pred', a.pred);
    const l = this.arg('label', a.label);
    this.sameDType(p, 'label', l);
    const posWeight = a.pos_weight === null ? null : this.arg('pos_weight', a.pos_weight);
    this.sameDType(p, 'pos_weight', posWeight);
    const loss = sigmoidBinaryCrossEntropyLoss(p, l, { fromSigmoid: this._from_sigmoid, posWeight, name: this.lossName });
    return this.finish(loss, a.sample_weight);
  }
}

class SoftmaxCrossEntropyLossImpl extends LossImpl {
  readonly _axis: number;
  readonly _sparse_label: boolean;
  readonly _from_logits: boolean;
  /**
   * `SoftmaxCrossEntropyLoss(axis=-1, sparse_label=True, from_logits=False, weight=None, batch_axis=0)`:
   * −log_softmax(pred)[label] (sparse) or −Σ label·log_softmax(pred) (dense).
   * NOTE (Gluon's meaning): `from_logits=True` says pred already holds log-probabilities.
   */
  constructor(...args: unknown[]) {
    const o = bindArgs('SoftmaxCrossEntropyLoss', ['axis', 'sparse_label', 'from_logits', 'weight', 'batch_axis'], {
      axis: -1, sparse_label: true, from_logits: false, weight: W, batch_axis: 0,
    }, args);
    super(o.weight, o.batch_axis);
    this._axis = o.axis;
    this._sparse_label = o.sparse_label;
    this._from_logits = o.from_logits;
  }
  /** `hybrid_forward(F, pred, label, sample_weight=None)`; sparse labels are class indices of any dtype (`pick`). */
  override forward(...args: unknown[]): NDArray {
    const { p, l, sample_weight } = this.predLabel(args, this._sparse_label);
    const loss = softmaxCrossEntropyLoss(p, l, { axis: this._axis, sparseLabel: this._sparse_label, fromLogits: this._from_logits, name: this.lossName });
    return this.finish(loss, sample_weight);
  }
}

class KLDivLossImpl extends LossImpl {
  readonly _from_logits: boolean;
  readonly _axis: number;
  /**
   * `KLDivLoss(from_logits=True, axis=-1, weight=None, batch_axis=0)`: label·(log(label + 1e−12) − pred),
   * pred = log_softmax(pred, axis) unless `from_logits`; then Gluon's per-sample mean.
   */
  constructor(...args: unknown[]) {
    const o = bindArgs('KLDivLoss', ['from_logits', 'axis', 'weight', 'batch_axis'], { from_logits: true, axis: -1, weight: W, batch_axis: 0 }, args);
    super(o.weight, o.batch_axis);
    this._from_logits = o.from_logits;
    this._axis = o.axis;
  }
  /** `hybrid_forward(F, pred, label, sample_weight=None)`. */
  override forward(...args: unknown[]): NDArray {
    const { p, l, sample_weight } = this.predLabel(args);
    return this.finish(gluonKlDivLoss(p, l, { fromLogits: this._from_logits, axis: this._axis, name: this.lossName }), sample_weight);
  }
}

class HingeLossImpl extends LossImpl {
  readonly _margin: number;
  /** `HingeLoss(margin=1, weight=None, batch_axis=0)`: max(0, margin − pred·label), labels ±1. */
  constructor(...args: unknown[]) {
    // SquaredHingeLoss shares this constructor; errors name the class called.
    const o = bindArgs(new.target.name.replace(/Impl$/, ''), ['margin', 'weight', 'batch_axis'], { margin: 1, weight: W, batch_axis: 0 }, args);
    super(o.weight, o.batch_axis);
    this._margin = o.margin;
  }
  /** `hybrid_forward(F, pred, label, sample_weight=None)`. */
  override forward(...args: unknown[]): NDArray {
    const { p, l, sample_weight } = this.predLabel(args);
    return this.finish(hingeLoss(p, l, { margin: this._margin, name: this.lossName }), sample_weight);
  }
}

class SquaredHingeLossImpl extends HingeLossImpl {
  /** `SquaredHingeLoss(margin=1, weight=None, batch_axis=0)`: max(0, margin − pred·label)². */
  override forward(...args: unknown[]): NDArray {
    const { p, l, sample_weight } = this.predLabel(args);
    return this.finish(squaredHingeLoss(p, l, { margin: this._margin, name: this.lossName }), sample_weight);
  }
}

class LogisticLossImpl extends LossImpl {
  readonly _label_format: 'signed' | 'binary';
  /**
   * `LogisticLoss(weight=None, batch_axis=0, label_format='signed')`: log(1 + exp(−pred·label)) for
   * labels ±1 ('signed') or the binary cross entropy of sigmoid(pred) for labels 0/1 ('binary').
   */
  constructor(...args: unknown[]) {
    const o = bindArgs('LogisticLoss', ['weight', 'batch_axis', 'label_format'], { weight: W, batch_axis: 0, label_format: 'signed' as string }, args);
    super(o.weight, o.batch_axis);
    if (o.label_format !== 'signed' && o.label_format !== 'binary') {
      throw new Error(`LogisticLoss: label_format can only be signed or binary, received ${o.label_format}.`);
    }
    this._label_format = o.label_format;
  }
  /** `hybrid_forward(F, pred, label, sample_weight=None)`. */
  override forward(...args: unknown[]): NDArray {
    const { p, l, sample_weight } = this.predLabel(args);
    return this.finish(logisticLoss(p, l, { labelFormat: this._label_format, name: this.lossName }), sample_weight);
  }
}

export const SigmoidBinaryCrossEntropyLoss = newless(SigmoidBinaryCrossEntropyLossImpl);
export type SigmoidBinaryCrossEntropyLoss = SigmoidBinaryCrossEntropyLossImpl;
export const SoftmaxCrossEntropyLoss = newless(SoftmaxCrossEntropyLossImpl);
export type SoftmaxCrossEntropyLoss = SoftmaxCrossEntropyLossImpl;
export const KLDivLoss = newless(KLDivLossImpl);
export type KLDivLoss = KLDivLossImpl;
export const HingeLoss = newless(HingeLossImpl);
export type HingeLoss = HingeLossImpl;
export const SquaredHingeLoss = newless(SquaredHingeLossImpl);
export type SquaredHingeLoss = SquaredHingeLossImpl;
export const LogisticLoss = newless(LogisticLossImpl);
export type LogisticLoss = LogisticLossImpl;
/** Gluon's aliases. */
export const SigmoidBCELoss = SigmoidBinaryCrossEntropyLoss;
export type SigmoidBCELoss = SigmoidBinaryCrossEntropyLossImpl;
export const SoftmaxCELoss = SoftmaxCrossEntropyLoss;
export type SoftmaxCELoss = SoftmaxCrossEntropyLossImpl;
