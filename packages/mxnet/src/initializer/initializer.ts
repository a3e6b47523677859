/**
 * `mx.init` initializers (`mxnet.initializer`): callables that fill a parameter by its name, as MXNet
 * dispatches — names ending in `weight` get the initializer's weight rule, `bias`/`beta` zeros,
 * `gamma` ones. The filling itself is core's (`uniform_`, `normal_`, `varianceScaling_`, …).
 */
import { Callable, bindArgs, checkNumber, constant_, newless, normal_, uniform_, varianceScaling_ } from '@rosetta/core';
import type { NDArray } from '../ndarray/ndarray.js';

export abstract class InitializerImpl extends Callable {
  /** `init(name, arr)`: fills `arr` (a parameter's tensor) according to its name. */
  __call__(name: string, arr: NDArray): void {
    if (name.endsWith('bias') || name.endsWith('beta') || name.endsWith('running_mean')) constant_(arr.tensor, 0);
    else if (name.endsWith('gamma') || name.endsWith('running_var')) constant_(arr.tensor, 1);
    else this._init_weight(name, arr);
  }

  /** The weight rule of this initializer. */
  abstract _init_weight(name: string, arr: NDArray): void;

  /** MXNet's `dumps()`-like repr: `Uniform(scale=0.07)`. */
  override toString(): string {
    const fields = Object.entries(this).filter(([k]) => !k.startsWith('_'));
    return `${this.constructor.name.replace(/Impl$/, '')}(${fields.map(([k, v]) => `${k}=${String(v)}`).join(', ')})`;
  }
}
export interface InitializerImpl {
  (name: string, arr: NDArray): void;
}
export type Initializer = InitializerImpl;
export const Initializer = InitializerImpl;

/** Applies `init` to every element regardless of the name (Dense's `bias_initializer='zeros'`). */
abstract class PlainInitializer extends InitializerImpl {
  override __call__(name: string, arr: NDArray): void {
    this._init_weight(name, arr);
  }
}

class UniformImpl extends InitializerImpl {
  readonly scale: number;
  /** `mx.init.Uniform(scale=0.07)`: U(−scale, scale). */
  constructor(...args: unknown[]) {
    super();
    ({ scale: this.scale } = bindArgs('Uniform', ['scale'], { scale: 0.07 }, args));
    checkNumber('Uniform', 'scale', this.scale, 1);
  }
  _init_weight(_name: string, arr: NDArray): void {
    uniform_(arr.tensor, -this.scale, this.scale);
  }
}

class NormalImpl extends InitializerImpl {
  readonly sigma: number;
  /** `mx.init.Normal(sigma=0.01)`: N(0, sigma²). */
  constructor(...args: unknown[]) {
    super();
    ({ sigma: this.sigma } = bindArgs('Normal', ['sigma'], { sigma: 0.01 }, args));
    checkNumber('Normal', 'sigma', this.sigma, 1);
  }
  _init_weight(_name: string, arr: NDArray): void {
    normal_(arr.tensor, 0, this.sigma);
  }
}

class ConstantImpl extends PlainInitializer {
  readonly value: number;
  /** `mx.init.Constant(value)`. */
  constructor(...args: unknown[]) {
    super();
    ({ value: this.value } = bindArgs('Constant', ['value'], { value: 0 }, args));
    checkNumber('Constant', 'value', this.value, 1);
  }
  _init_weight(_name: string, arr: NDArray): void {
    constant_(arr.tensor, this.value);
  }
}

class ZeroImpl extends PlainInitializer {
  /** `mx.init.Zero()`. */
  _init_weight(_name: string, arr: NDArray): void {
    constant_(arr.tensor, 0);
  }
}

class OneImpl extends PlainInitializer {
  /** `mx.init.One()`. */
  _init_weight(_name: string, arr: NDArray): void {
    constant_(arr.tensor, 1);
  }
}

const FACTOR_MODES = { in: 'fan_in', out: 'fan_out', avg: 'fan_avg' } as const;

class XavierImpl extends InitializerImpl {
  readonly rnd_type: 'uniform' | 'gaussian';
  readonly factor_type: 'avg' | 'in' | 'out';
  readonly magnitude: number;
  /**
   * `mx.init.Xavier(rnd_type='uniform', factor_type='avg', magnitude=3)`: with n the chosen fan,
   * U(−√(magnitude/n), √(magnitude/n)) or N(0, magnitude/n).
   */
  constructor(...args: unknown[]) {
    super();
    const o = bindArgs('Xavier', ['rnd_type', 'factor_type', 'magnitude'], {
      rnd_type: 'uniform' as string, factor_type: 'avg' as string, magnitude: 3,
    }, args);
    if (o.rnd_type !== 'uniform' && o.rnd_type !== 'gaussian') throw new Error(`Xavier: Unknown random type ${o.rnd_type}`);
    checkNumber('Xavier', 'magnitude', o.magnitude, 3);
    if (!Object.hasOwn(FACTOR_MODES, o.factor_type)) throw new Error(`Xavier: Incorrect factor type ${o.factor_type}`);
    this.rnd_type = o.rnd_type;
    this.factor_type = o.factor_type as 'avg' | 'in' | 'out';
    this.magnitude = o.magnitude;
  }
  _init_weight(_name: string, arr: NDArray): void {
    const mode = FACTOR_MODES[this.factor_type];
    // U(−b, b) with b = √(magnitude/n) has variance magnitude/(3n): variance scale magnitude/3.
    if (this.rnd_type === 'uniform') varianceScaling_(arr.tensor, { scale: this.magnitude / 3, mode, distribution: 'uniform' });
    else varianceScaling_(arr.tensor, { scale: this.magnitude, mode, distribution: 'normal' });
  }
}

export const Uniform = newless(UniformImpl);
export type Uniform = UniformImpl;
export const Normal = newless(NormalImpl);
export type Normal = NormalImpl;
export const Constant = newless(ConstantImpl);
export type Constant = ConstantImpl;
export const Zero = newless(ZeroImpl);
export type Zero = ZeroImpl;
export const One = newless(OneImpl);
export type One = OneImpl;
export const Xavier = newless(XavierImpl);
export type Xavier = XavierImpl;

/** Resolves MXNet's string shorthands (`'zeros'`, `'ones'`) and null (use the default). */
export function resolveInit(where: string, init: unknown): InitializerImpl | null {
  if (init === null || init === undefined) return null;
  if (init instanceof InitializerImpl) return init;
  if (init === 'zeros') return new ZeroImpl();
  if (init === 'ones') return new OneImpl();
  throw new TypeError(`${where}: initializer must be an mx.init.Initializer, 'zeros', 'ones' or None, got ${String(init)}`);
}
