/**
 * `nn.LossBase(reduction='mean')`: the base of MindSpore's losses and of user losses; `get_loss(x,
 * weights=1.0)` casts to float32, multiplies by the weights and takes the mean or sum over all axes.
 */
import { getLoss } from '@rosetta/core';
import { tensorArg, wrap, type Tensor } from '../../tensor.js';
import { CellImpl } from '../cell.js';
import { ValueError } from '../../errors.js';

export type Reduction = 'mean' | 'sum' | 'none' | 'batchmean';

/** MindSpore's check of a `reduction` argument. */
export function checkReduction(cls: string, reduction: unknown, allowed: readonly string[] = ['mean', 'sum', 'none']): Reduction {
  if (typeof reduction !== 'string' || !allowed.includes(reduction)) {
    throw new ValueError(`For '${cls}', the 'reduction' must be in [${allowed.map((a) => `'${a}'`).join(', ')}], but got ${String(reduction)}.`);
  }
  return reduction as Reduction;
}

export class LossBaseImpl extends CellImpl {
  readonly reduction: Reduction;

  /** `LossBase(reduction='mean')`; `allowed` widens the check for KLDivLoss's 'batchmean'. */
  constructor(reduction: Reduction | { reduction?: Reduction } = 'mean', allowed?: readonly string[]) {
    super();
    const r = typeof reduction === 'object' && reduction !== null ? (reduction.reduction ?? 'mean') : reduction;
    this.reduction = checkReduction(this.cls_name, r, allowed);
  }

  /** `get_loss(x, weights=1.0)`: float32 cast, weights·x, then mean / sum over all axes per `reduction`. */
  get_loss(x: Tensor, weights: Tensor | number = 1.0): Tensor {
    const w = typeof weights === 'number' ? weights : tensorArg(this.cls_name, 'weights', weights);
    return wrap(getLoss(tensorArg(this.cls_name, 'x', x), w, this.reduction === 'batchmean' ? 'mean' : this.reduction));
  }

  /** `get_axis(x)`: every axis of x. */
  get_axis(x: Tensor): number[] {
    return x.shape.map((_, i) => i);
  }
}
