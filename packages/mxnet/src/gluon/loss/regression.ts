/** Gluon's regression losses: `L2Loss`, `L1Loss`, `HuberLoss`. */
import { bindArgs, l1Loss, l2Loss, newless, reshapeLike, smoothL1Loss } from '@rosetta/core';
import type { NDArray } from '../../ndarray/ndarray.js';
import { LossImpl } from './loss-base.js';

class L2LossImpl extends LossImpl {
  /** `L2Loss(weight=1., batch_axis=0)`: ½·(label − pred)², label reshaped like pred. */
  constructor(...args: unknown[]) {
    const o = bindArgs('L2Loss', ['weight', 'batch_axis'], { weight: 1 as number | null, batch_axis: 0 }, args);
    super(o.weight, o.batch_axis);
  }
  /** `hybrid_forward(F, pred, label, sample_weight=None)`. */
  override forward(...args: unknown[]): NDArray {
    const { p, l, sample_weight } = this.predLabel(args);
    return this.finish(l2Loss(p, l, { name: this.lossName }), sample_weight);
  }
}

class L1LossImpl extends LossImpl {
  /** `L1Loss(weight=None, batch_axis=0)`: |label − pred|, label reshaped like pred. */
  constructor(...args: unknown[]) {
    const o = bindArgs('L1Loss', ['weight', 'batch_axis'], { weight: null as number | null, batch_axis: 0 }, args);
    super(o.weight, o.batch_axis);
  }
  /** `hybrid_forward(F, pred, label, sample_weight=None)`. */
  override forward(...args: unknown[]): NDArray {
    const { p, l, sample_weight } = this.predLabel(args);
    return this.finish(l1Loss(p, reshapeLike(this.lossName, l, p), { reduction: 'none', name: this.lossName }), sample_weight);
  }
}

class HuberLossImpl extends LossImpl {
  readonly _rho: number;
  /**
   * `HuberLoss(rho=1, weight=None, batch_axis=0)`: (0.5/ρ)·d² where |d| ≤ ρ, else |d| − ρ/2.
   * NOTE: this is PyTorch's `SmoothL1Loss(beta=ρ)`, which is the core function it calls.
   */
  constructor(...args: unknown[]) {
    const o = bindArgs('HuberLoss', ['rho', 'weight', 'batch_axis'], { rho: 1, weight: null as number | null, batch_axis: 0 }, args);
    super(o.weight, o.batch_axis);
    if (typeof o.rho !== 'number' || !(o.rho > 0)) throw new TypeError(`HuberLoss: rho must be a positive number, got ${String(o.rho)}`);
    this._rho = o.rho;
  }
  /** `hybrid_forward(F, pred, label, sample_weight=None)`. */
  override forward(...args: unknown[]): NDArray {
    const { p, l, sample_weight } = this.predLabel(args);
    return this.finish(smoothL1Loss(p, reshapeLike(this.lossName, l, p), { beta: this._rho, reduction: 'none', name: this.lossName }), sample_weight);
  }
}

export const L2Loss = newless(L2LossImpl);
export type L2Loss = L2LossImpl;
export const L1Loss = newless(L1LossImpl);
export type L1Loss = L1LossImpl;
export const HuberLoss = newless(HuberLossImpl);
export type HuberLoss = HuberLossImpl;
