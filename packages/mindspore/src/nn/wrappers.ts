/** `nn.WithLossCell` and `nn.TrainOneStepCell`: the cells `Model` builds around a network. */
import { newless } from '@rosetta/core';
import type { Tensor } from '../tensor.js';
import { value_and_grad } from '../value-and-grad.js';
import { CellImpl } from './cell.js';
import type { OptimizerImpl } from './optim.js';

class WithLossCellImpl extends CellImpl {
  /** `WithLossCell(backbone, loss_fn)`: `construct(data, label)` = `loss_fn(backbone(data), label)`. */
  constructor(readonly _backbone: CellImpl, readonly _loss_fn: CellImpl) {
    super(false);
  }
  override construct(data: Tensor, label: Tensor): Tensor {
    return this._loss_fn(this._backbone(data), label);
  }
  /** `backbone_network`. */
  get backbone_network(): CellImpl {
    return this._backbone;
  }
}

class TrainOneStepCellImpl extends CellImpl {
  /** `TrainOneStepCell(network, optimizer, sens=1.0)`: one forward, backward and optimizer step; returns the loss. */
  constructor(readonly network: CellImpl, readonly optimizer: OptimizerImpl, readonly sens = 1.0) {
    super(false);
  }
  override construct(...inputs: Tensor[]): Tensor {
    const grad_fn = value_and_grad((...xs: Tensor[]) => this.network(...xs) as Tensor, null, this.optimizer.parameters);
    const [loss, grads] = grad_fn(...inputs);
    const g = grads as Tensor[];
    this.optimizer(this.sens === 1 ? g : g.map((t) => t.mul(this.sens)));
    return loss;
  }
}

export const WithLossCell = newless(WithLossCellImpl);
export type WithLossCell = WithLossCellImpl;
export const TrainOneStepCell = newless(TrainOneStepCellImpl);
export type TrainOneStepCell = TrainOneStepCellImpl;
