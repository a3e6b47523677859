/** `torch.optim.Adam` and `torch.optim.AdamW` (core `adamUpdate`). */
import { adamUpdate, bindArgs, type AdamState } from '@rosetta/core';
import type { Parameter } from '../nn/module.js';
import { Optimizer, checkOptions, type ParamGroup, type ParamsArg } from './optimizer.js';

function adamOptions(name: string, args: unknown[], weightDecay: number) {
  const o = bindArgs(name, ['lr', 'betas', 'eps', 'weight_decay', 'amsgrad'], {
    lr: 1e-3, betas: [0.9, 0.999] as readonly number[], eps: 1e-8, weight_decay: weightDecay, amsgrad: false, maximize: false,
  }, args);
  checkOptions(o, [['lr', 'learning rate'], ['eps', 'epsilon value'], ['weight_decay', 'weight_decay value']]);
  o.betas.forEach((b, i) => {
    if (!(b >= 0 && b < 1)) throw new Error(`Invalid beta parameter at index ${i}: ${b}`);
  });
  return o;
}

export class Adam extends Optimizer {
  /** `Adam(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, amsgrad=False, maximize=False)`. */
  constructor(params: ParamsArg, ...args: unknown[]) {
    super(params, adamOptions(new.target.name, args, new.target.name === 'AdamW' ? 1e-2 : 0));
  }
  protected update(p: Parameter, g: ParamGroup, state: Record<string, unknown>): void {
    const [beta1, beta2] = g.betas as [number, number];
    adamUpdate(p.value, p.value.peekGrad()!, state as AdamState, {
      lr: g.lr, beta1, beta2, eps: g.eps as number, weightDecay: g.weight_decay as number,
      decoupledWeightDecay: this instanceof AdamW, amsgrad: g.amsgrad as boolean, maximize: g.maximize as boolean,
    });
  }
}

/** `AdamW(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False)`: decoupled weight decay. */
export class AdamW extends Adam {}
