/**
 * `gluon.Parameter`: a named weight with MXNet's deferred initialization (unknown dimensions are 0
 * until the first forward pass fixes them), `data()`, `grad()`, `set_data`, `zero_grad`.
 */
import { bindArgs, keep, zeros, zerosLike, type Tensor } from '@rosetta/core';
import { attach } from '../autograd/state.js';
import { checkDType, wrap } from '../ndarray/convert.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { Uniform, resolveInit, type InitializerImpl } from '../initializer/initializer.js';
import type { GradReq } from '../autograd/state.js';

/** Raised when a deferred parameter is read before the first forward pass. */
export class DeferredInitializationError extends Error {
  override name = 'DeferredInitializationError';
}

export interface ParameterOptions {
  shape?: number | readonly number[] | null;
  dtype?: string;
  init?: InitializerImpl | string | null;
  grad_req?: GradReq;
  allow_deferred_init?: boolean;
  lr_mult?: number;
  wd_mult?: number;
}

export class Parameter {
  readonly name: string;
  shape: number[];
  readonly dtype: string;
  init: InitializerImpl | null;
  grad_req: GradReq;
  lr_mult: number;
  wd_mult: number;
  private value: Tensor | null = null;
  private deferred: InitializerImpl | null = null;

  /** `Parameter(name, grad_req='write', shape=None, dtype='float32', lr_mult=1.0, wd_mult=1.0, init=None, allow_deferred_init=False)`. */
  constructor(name: string, ...args: unknown[]) {
    const o = bindArgs('Parameter', ['grad_req', 'shape', 'dtype', 'lr_mult', 'wd_mult', 'init', 'allow_deferred_init'], {
      grad_req: 'write' as GradReq, shape: null as ParameterOptions['shape'], dtype: 'float32', lr_mult: 1, wd_mult: 1,
      init: null as ParameterOptions['init'], allow_deferred_init: false,
    }, args);
    this.name = name;
    this.shape = o.shape === null || o.shape === undefined ? [] : typeof o.shape === 'number' ? [o.shape] : [...o.shape];
    this.dtype = checkDType(`Parameter '${name}'`, o.dtype);
    this.init = resolveInit(`Parameter '${name}'`, o.init);
    this.grad_req = o.grad_req;
    this.lr_mult = o.lr_mult;
    this.wd_mult = o.wd_mult;
  }

  /** Whether a dimension is still unknown (0), so initialization waits for the first forward pass. */
  get isDeferred(): boolean {
    return this.shape.length === 0 || this.shape.includes(0);
  }

  /**
   * `initialize(init=None, ctx=None, default_init=Uniform(), force_reinit=False)`: the parameter's own
   * `init` wins, then `init`, then `default_init`. Deferred when the shape is not known yet.
   */
  initialize(...args: unknown[]): void {
    const o = bindArgs('initialize', ['init', 'ctx', 'default_init', 'force_reinit'], {
      init: null as unknown, ctx: null as unknown, default_init: null as unknown, force_reinit: false,
    }, args);
    if ((this.value !== null || this.deferred !== null) && !o.force_reinit) {
      console.warn(`UserWarning: Parameter '${this.name}' is already initialized, ignoring. Set force_reinit=True to re-initialize.`);
      return;
    }
    const chosen = this.init ?? resolveInit('initialize', o.init) ?? resolveInit('initialize', o.default_init) ?? new Uniform();
    this.value = null;
    this.deferred = chosen;
    if (!this.isDeferred) this.finishInit();
  }

  /** Fixes the unknown (0) dimensions from the first input and runs the deferred initialization. */
  _finish_deferred_init(shape: readonly number[]): void {
    if (this.value !== null) return;
    this.shape = shape.map((d, i) => (this.shape[i] ? this.shape[i]! : d));
    if (this.deferred === null) {
      throw new Error(`Parameter '${this.name}' has not been initialized. You should initialize parameters and create Trainer with Block.collect_params() instead of Block.params because the later does not include Parameters of nested child Blocks`);
    }
    this.finishInit();
  }

  private finishInit(): void {
    // keep: deferred initialization runs in the first forward pass, maybe inside a memory scope.
    const t = keep(zeros(this.shape, { dtype: checkDType('initialize', this.dtype) }));
    const arr = wrap(t);
    this.deferred!(this.name, arr);
    attach(t, this.grad_req);
    this.value = t;
    this.deferred = null;
  }

  private checked(): Tensor {
    if (this.value !== null) return this.value;
    if (this.deferred !== null) {
      throw new DeferredInitializationError(`Parameter '${this.name}' has not been initialized yet because initialization was deferred. Actual initialization happens during the first forward pass. Please pass one batch of data through the network before accessing Parameters. You can also avoid deferred initialization by specifying in_units, num_features, etc., for network layers.`);
    }
    throw new Error(`Parameter '${this.name}' has not been initialized. Note that you should initialize parameters and create Trainer with Block.collect_params() instead of Block.params because the later does not include Parameters of nested child Blocks`);
  }

  /** The core tensor (for layers and the Trainer). */
  get tensor(): Tensor {
    return this.checked();
  }

  /** `data(ctx=None)`: the value. */
  data(): NDArray {
    return wrap(this.checked());
  }

  /** `grad(ctx=None)`: the gradient buffer (zeros before any backward pass). */
  grad(): NDArray {
    const t = this.checked();
    if (this.grad_req === 'null') throw new Error(`Cannot get gradient array for Parameter '${this.name}' because grad_req='null'`);
    return wrap(t.grad ?? zerosLike(t));
  }

  /** `list_data()` / `list_grad()`: one context here. */
  list_data(): NDArray[] { return [this.data()]; }
  list_grad(): NDArray[] { return [this.grad()]; }

  /** `set_data(data)`: replaces the value in place. */
  set_data(data: NDArray): void {
    const t = this.checked();
    t.requiresGrad = false;
    t.copy_(data.tensor);
    t.requiresGrad = this.grad_req !== 'null';
  }

  /** `zero_grad()`: sets the gradient buffer to zeros. */
  zero_grad(): void {
    if (this.value !== null) this.value.grad = null;
  }

  /** `Parameter dense0_weight (shape=(1, 4), dtype=float32)`. */
  toString(): string {
    const s = this.shape.length === 1 ? `(${this.shape[0]},)` : `(${this.shape.join(', ')})`;
    return `Parameter ${this.name} (shape=${this.isDeferred && this.shape.length === 0 ? 'None' : s}, dtype=${this.dtype})`;
  }
}
