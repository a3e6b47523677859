/** `torch.optim.SGD`: momentum, dampening, Nesterov, weight decay, maximize (core `sgdUpdate`). */
import { bindArgs, sgdUpdate, type SgdState } from '@rosetta/core';
import type { Parameter } from '../nn/module.js';
import { Optimizer, checkOptions, type ParamGroup, type ParamsArg } from './optimizer.js';

export class SGD extends Optimizer {
  /** `SGD(params, lr=1e-3, momentum=0, dampening=0, weight_decay=0, nesterov=False, maximize=False)`. */
  constructor(params: ParamsArg, ...args: unknown[]) {
    const o = bindArgs('SGD', ['lr', 'momentum', 'dampening', 'weight_decay', 'nesterov'], {
      lr: 1e-3, momentum: 0, dampening: 0, weight_decay: 0, nesterov: false, maximize: false,
    }, args);
    checkOptions(o, [['lr', 'learning rate'], ['momentum', 'momentum value'], ['weight_decay', 'weight_decay value']]);
    if (o.nesterov && (o.momentum <= 0 || o.dampening !== 0)) throw new Error('Nesterov momentum requires a momentum and zero dampening');
    super(params, o);
  }
  protected update(p: Parameter, g: ParamGroup, state: Record<string, unknown>): void {
    sgdUpdate(p.value, p.value.peekGrad()!, state as SgdState, {
      lr: g.lr, momentum: g.momentum as number, dampening: g.dampening as number, nesterov: g.nesterov as boolean,
      weightDecay: g.weight_decay as number, maximize: g.maximize as boolean,
    });
  }
}
