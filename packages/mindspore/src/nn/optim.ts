/**
 * `mindspore.nn` optimizers: `Momentum`, `SGD`, `Adam`. Construct with the parameters (or groups of
 * `{ params, lr, weight_decay }`), then call with the gradients: `opt(grads)`. The update rules are
 * core's (`sgdUpdate`, `adamUpdate` with MindSpore's ε-hat form).
 */
import { Callable, adamUpdate, bindArgs, newless, sgdUpdate, type AdamState, type SgdState } from '@rosetta/core';
import type { Tensor } from '../tensor.js';
import type { ParameterImpl } from './cell.js';

interface Group {
  params: ParameterImpl[];
  lr: number;
  weight_decay: number;
}

type ParamsArg = readonly ParameterImpl[] | readonly { params: readonly ParameterImpl[]; lr?: number; learning_rate?: number; weight_decay?: number }[];

export abstract class OptimizerImpl extends Callable {
  readonly groups: Group[];
  readonly parameters: ParameterImpl[];
  readonly loss_scale: number;
  protected readonly states = new Map<ParameterImpl, object>();

  constructor(learning_rate: number, params: ParamsArg, weight_decay = 0.0, loss_scale = 1.0) {
    super();
    const list = [...params];
    if (!list.length) throw new Error(`For '${this.constructor.name}', the argument 'params' must not be empty.`);
    const grouped = !('value' in list[0]!);
    this.groups = grouped
      ? (list as { params: readonly ParameterImpl[]; lr?: number; learning_rate?: number; weight_decay?: number }[]).map((g) => ({
          params: [...g.params], lr: g.lr ?? g.learning_rate ?? learning_rate, weight_decay: g.weight_decay ?? weight_decay,
        }))
      : [{ params: list as ParameterImpl[], lr: learning_rate, weight_decay }];
    this.parameters = this.groups.flatMap((g) => g.params);
    this.loss_scale = loss_scale;
    if (!(learning_rate >= 0)) throw new Error(`For '${this.constructor.name}', the 'learning_rate' must be >= 0, but got ${learning_rate}.`);
  }

  /** `optimizer(gradients)`: one update of every parameter with the gradient at its position. */
  __call__(gradients: readonly Tensor[]): boolean {
    if (gradients.length !== this.parameters.length) {
      throw new Error(`For '${this.constructor.name}', the number of gradients (${gradients.length}) must equal the number of parameters (${this.parameters.length}).`);
    }
    let k = 0;
    for (const g of this.groups) {
      for (const p of g.params) {
        let grad = gradients[k++]!.value;
        if (this.loss_scale !== 1) grad = grad.div(this.loss_scale);
        // NOTE: as MindSpore, ungrouped weight decay skips parameters named like 'beta'/'gamma' (norm layers).
        const wd = /beta|gamma/.test(p.name) ? 0 : g.weight_decay;
        let state = this.states.get(p);
        if (!state) this.states.set(p, (state = {}));
        this.update(p, grad, state, g.lr, wd);
      }
    }
    return true;
  }

  protected abstract update(p: ParameterImpl, grad: Tensor['value'], state: object, lr: number, weight_decay: number): void;

  /** `get_lr()`: the learning rate (of the first group). */
  get_lr(): number {
    return this.groups[0]!.lr;
  }
}
export interface OptimizerImpl {
  (gradients: readonly Tensor[]): boolean;
}

class MomentumImpl extends OptimizerImpl {
  readonly momentum: number;
  readonly use_nesterov: boolean;
  /** `Momentum(params, learning_rate, momentum, weight_decay=0.0, loss_scale=1.0, use_nesterov=False)`: v ← μ·v + g, p ← p − lr·v. */
  constructor(params: ParamsArg, ...args: unknown[]) {
    const o = bindArgs('Momentum', ['learning_rate', 'momentum', 'weight_decay', 'loss_scale', 'use_nesterov'], {
      learning_rate: NaN, momentum: NaN, weight_decay: 0.0, loss_scale: 1.0, use_nesterov: false,
    }, args);
    if (Number.isNaN(o.learning_rate) || Number.isNaN(o.momentum)) throw new TypeError("For 'Momentum', 'learning_rate' and 'momentum' are required.");
    if (o.momentum < 0) throw new Error(`For 'Momentum', the 'momentum' must be at least 0.0, but got ${o.momentum}.`);
    super(o.learning_rate, params, o.weight_decay, o.loss_scale);
    this.momentum = o.momentum;
    this.use_nesterov = o.use_nesterov;
  }
  protected update(p: ParameterImpl, grad: Tensor['value'], state: object, lr: number, wd: number): void {
    sgdUpdate(p.value, grad, state as SgdState, { lr, momentum: this.momentum, nesterov: this.use_nesterov, weightDecay: wd });
  }
}

class SGDImpl extends OptimizerImpl {
  readonly o: { momentum: number; dampening: number; nesterov: boolean };
  /** `SGD(params, learning_rate=0.1, momentum=0.0, dampening=0.0, weight_decay=0.0, nesterov=False, loss_scale=1.0)`. */
  constructor(params: ParamsArg, ...args: unknown[]) {
    const o = bindArgs('SGD', ['learning_rate', 'momentum', 'dampening', 'weight_decay', 'nesterov', 'loss_scale'], {
      learning_rate: 0.1, momentum: 0.0, dampening: 0.0, weight_decay: 0.0, nesterov: false, loss_scale: 1.0,
    }, args);
    if (o.nesterov && (o.momentum <= 0 || o.dampening !== 0)) throw new Error("For 'SGD', if 'nesterov' is true, 'momentum' must be > 0.0 and 'dampening' must equal to 0.0.");
    super(o.learning_rate, params, o.weight_decay, o.loss_scale);
    this.o = o;
  }
  protected update(p: ParameterImpl, grad: Tensor['value'], state: object, lr: number, wd: number): void {
    sgdUpdate(p.value, grad, state as SgdState, { lr, momentum: this.o.momentum, dampening: this.o.dampening, nesterov: this.o.nesterov, weightDecay: wd });
  }
}

class AdamImpl extends OptimizerImpl {
  readonly o: { beta1: number; beta2: number; eps: number };
  /** `Adam(params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, use_locking=False, use_nesterov=False, weight_decay=0.0, loss_scale=1.0)`. */
  constructor(params: ParamsArg, ...args: unknown[]) {
    const o = bindArgs('Adam', ['learning_rate', 'beta1', 'beta2', 'eps', 'use_locking', 'use_nesterov', 'weight_decay', 'loss_scale'], {
      learning_rate: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, use_locking: false, use_nesterov: false, weight_decay: 0.0, loss_scale: 1.0,
    }, args);
    super(o.learning_rate, params, o.weight_decay, o.loss_scale);
    this.o = o;
  }
  protected update(p: ParameterImpl, grad: Tensor['value'], state: object, lr: number, wd: number): void {
    adamUpdate(p.value, grad, state as AdamState, { lr, beta1: this.o.beta1, beta2: this.o.beta2, eps: this.o.eps, weightDecay: wd, epsForm: 'hat' });
  }
}

export const Momentum = newless(MomentumImpl);
export type Momentum = MomentumImpl;
export const SGD = newless(SGDImpl);
export type SGD = SGDImpl;
export const Adam = newless(AdamImpl);
export type Adam = AdamImpl;
export type Optimizer = OptimizerImpl;
