/**
 * `gluon.Trainer(params, optimizer, optimizer_params)`: applies an optimizer to a set of parameters.
 * `step(batch_size)` rescales the gradients by 1/batch_size (the loss's backward differentiated the
 * per-sample sum), then updates with MXNet's rule through the core update functions.
 */
import { adamUpdate, clamp, endStep, forgetWindows, rmspropUpdate, sgdUpdate, type AdamState, type RmspropState, type SgdState, type Tensor } from '@rosetta/core';
import { ParameterDict } from './parameter-dict.js';
import { Parameter } from './parameter.js';

/** Optimizer options with MXNet's names. */
export interface OptimizerParams {
  learning_rate?: number;
  wd?: number;
  momentum?: number;
  rescale_grad?: number;
  clip_gradient?: number | null;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  gamma1?: number;
  gamma2?: number;
  centered?: boolean;
}

type Rule = (param: Tensor, grad: Tensor, state: object, lr: number, wd: number) => void;

/** MXNet's update rules, each one core function (see `@rosetta/core` optim). */
function ruleFor(name: string, o: OptimizerParams): { rule: Rule; defaultLr: number } {
  switch (name) {
    case 'sgd':
    case 'nag':
      // MXNet sgd: mom ← μ·mom − lr·(g + wd·w), w ← w + mom; nag adds the look-ahead. Same numbers as
      // PyTorch's SGD (nesterov for nag) with dampening 0.
      return {
        defaultLr: 0.01,
        rule: (p, g, s, lr, wd) => sgdUpdate(p, g, s as SgdState, { lr, momentum: o.momentum ?? 0, weightDecay: wd, nesterov: name === 'nag' }),
      };
    case 'adam':
      return {
        defaultLr: 0.001,
        rule: (p, g, s, lr, wd) => adamUpdate(p, g, s as AdamState, {
          lr, beta1: o.beta1 ?? 0.9, beta2: o.beta2 ?? 0.999, eps: o.epsilon ?? 1e-8, weightDecay: wd, epsForm: 'hat',
        }),
      };
    case 'rmsprop':
      return {
        defaultLr: 0.001,
        rule: (p, g, s, lr, wd) => rmspropUpdate(p, g, s as RmspropState, {
          lr, alpha: o.gamma1 ?? 0.9, eps: o.epsilon ?? 1e-8, weightDecay: wd, centered: o.centered ?? false,
          momentum: o.centered ? (o.gamma2 ?? 0.9) : 0, epsInsideSqrt: true,
        }),
      };
    default:
      throw new Error(`Trainer: Cannot find optimizer ${name}; supported: sgd, nag, adam, rmsprop`);
  }
}

function paramList(params: unknown): Parameter[] {
  if (params instanceof ParameterDict) return params.values();
  if (Array.isArray(params) && params.every((p) => p instanceof Parameter)) return params;
  if (params !== null && typeof params === 'object' && Object.values(params).every((p) => p instanceof Parameter)) {
    return Object.values(params) as Parameter[];
  }
  throw new TypeError(`Trainer: First argument must be a list or dict of Parameters, got ${typeof params}.`);
}

export class Trainer {
  private readonly _params: Parameter[];
  private readonly _rule: Rule;
  private readonly _states = new Map<Parameter, object>();
  private _lr: number;
  private readonly _wd: number;
  private readonly _scale: number;
  private readonly _clip: number | null;

  /** `Trainer(params, optimizer, optimizer_params=None)`; optimizer is a name ('sgd', 'nag', 'adam', 'rmsprop'). */
  constructor(params: unknown, optimizer: string, optimizer_params: OptimizerParams = {}) {
    this._params = paramList(params);
    const { rule, defaultLr } = ruleFor(String(optimizer).toLowerCase(), optimizer_params);
    this._rule = rule;
    this._lr = optimizer_params.learning_rate ?? defaultLr;
    this._wd = optimizer_params.wd ?? 0;
    this._scale = optimizer_params.rescale_grad ?? 1;
    this._clip = optimizer_params.clip_gradient ?? null;
    // A new training loop: arrays made since another loop's last step are not its step values.
    forgetWindows();
  }

  /** The current learning rate (`trainer.learning_rate`). */
  get learning_rate(): number {
    return this._lr;
  }

  /** `set_learning_rate(lr)`. */
  set_learning_rate(lr: number): void {
    this._lr = lr;
  }

  /**
   * `step(batch_size, ignore_stale_grad=False)`: one update of every parameter with a gradient, using
   * grad · rescale_grad / batch_size (clipped to ±clip_gradient when set).
   * NOTE: MXNet raises for a parameter whose gradient a backward pass did not write since the last
   * step unless ignore_stale_grad; here such a parameter (no gradient yet) is skipped.
   * NOTE: each step also ends a memory window (core `endStep`): what the iteration before the previous
   * one computed (its batch, outputs, activations) is freed now, unless tensors made since or the
   * parameters, gradients and trainer state read it. MXNet frees by reference counting; this keeps a
   * synchronous training loop in a browser page, where the garbage collector's callbacks wait for
   * the page to yield, at flat memory. So an NDArray computed in one iteration can be read in that
   * iteration and the next (`l.mean().asscalar()` after `trainer.step`), not later: keep a value
   * longer with `asscalar()`/`asnumpy()`, or wrap the loop body in `mx.memory_scope`, which returns
   * what it keeps.
   */
  step(batch_size: number, _ignore_stale_grad = false): void {
    if (!(batch_size > 0)) throw new Error(`Trainer.step: batch_size must be positive, got ${batch_size}`);
    const rescale = this._scale / batch_size;
    for (const p of this._params) {
      if (p.grad_req === 'null') continue;
      const t = p.tensor;
      // peekGrad: the update only reads it, so the next backward pass can free it.
      const grad = t.peekGrad();
      if (grad === null) continue;
      let g = grad.mul(rescale);
      if (this._clip !== null) g = clamp(g, -this._clip, this._clip);
      let state = this._states.get(p);
      if (!state) this._states.set(p, (state = {}));
      this._rule(t, g, state, this._lr * p.lr_mult, this._wd * p.wd_mult);
    }
    endStep();
  }
}
