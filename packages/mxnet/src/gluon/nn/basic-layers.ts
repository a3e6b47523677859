/** `gluon.nn` layers: `Dense`, `Sequential`, `HybridSequential`, `Activation`, `Flatten`. */
import { bindArgs, matmul, newless, softplus, type Tensor } from '@rosetta/core';
import { resolveInit } from '../../initializer/initializer.js';
import { wrap } from '../../ndarray/convert.js';
import type { NDArray } from '../../ndarray/ndarray.js';
import { BlockImpl, HybridBlockImpl } from '../block.js';
import type { Parameter } from '../parameter.js';

const ACTIVATIONS: Record<string, (x: Tensor) => Tensor> = {
  relu: (x) => x.relu(),
  sigmoid: (x) => x.sigmoid(),
  tanh: (x) => x.tanh(),
  softrelu: (x) => softplus(x),
};

function activationFn(where: string, act: string): (x: Tensor) => Tensor {
  const f = ACTIVATIONS[act];
  if (!f) throw new Error(`${where}: unsupported activation '${act}'; expected one of ${Object.keys(ACTIVATIONS).join(', ')}`);
  return f;
}

class ActivationImpl extends HybridBlockImpl {
  readonly _act_type: string;
  /** `nn.Activation(activation)`: 'relu', 'sigmoid', 'tanh' or 'softrelu'. */
  constructor(activation: string, ...args: unknown[]) {
    super(...args);
    activationFn('Activation', activation);
    this._act_type = activation;
  }
  override forward(x: NDArray): NDArray {
    return wrap(activationFn('Activation', this._act_type)(x.tensor));
  }
  override toString(): string {
    return `Activation(${this._act_type})`;
  }
}

class DenseImpl extends HybridBlockImpl {
  readonly _units: number;
  readonly _flatten: boolean;
  readonly act: ActivationImpl | null;
  readonly weight: Parameter;
  readonly bias: Parameter | null;

  /**
   * `nn.Dense(units, activation=None, use_bias=True, flatten=True, dtype='float32',
   * weight_initializer=None, bias_initializer='zeros', in_units=0)`: y = act(x·Wᵀ + b), W of shape
   * (units, in_units); in_units = 0 defers the shape until the first call.
   */
  constructor(units: number, ...args: unknown[]) {
    const o = bindArgs('Dense', ['activation', 'use_bias', 'flatten', 'dtype', 'weight_initializer', 'bias_initializer', 'in_units', 'prefix', 'params'], {
      activation: null as string | null, use_bias: true, flatten: true, dtype: 'float32', weight_initializer: null as unknown,
      bias_initializer: 'zeros' as unknown, in_units: 0, prefix: null as string | null, params: null as unknown,
    }, args);
    super({ prefix: o.prefix, params: o.params });
    if (!Number.isInteger(units) || units <= 0) throw new Error(`Dense: units must be a positive integer, got ${units}`);
    this._units = units;
    this._flatten = o.flatten;
    this.weight = this.params.get('weight', { shape: [units, o.in_units], init: resolveInit('Dense', o.weight_initializer), dtype: o.dtype, allow_deferred_init: true });
    this.bias = o.use_bias ? this.params.get('bias', { shape: [units], init: resolveInit('Dense', o.bias_initializer), dtype: o.dtype, allow_deferred_init: true }) : null;
    this.act = o.activation === null ? null : this.name_scope(() => new ActivationImpl(o.activation!, { prefix: `${o.activation}_` }));
  }

  override forward(x: NDArray): NDArray {
    const t = x.tensor;
    const inUnits = this._flatten ? t.shape.slice(1).reduce((a, b) => a * b, 1) : t.shape[t.ndim - 1]!;
    if (this.weight.isDeferred) this.weight._finish_deferred_init([this._units, inUnits]);
    if (this.bias?.isDeferred) this.bias._finish_deferred_init([this._units]);
    const w = this.weight.tensor;
    if (w.shape[1] !== inUnits) {
      throw new Error(`Dense: input of shape ${JSON.stringify(t.shape)} has ${inUnits} features, but the layer was built for in_units=${w.shape[1]}`);
    }
    const inp = this._flatten ? t.reshape([t.shape[0] ?? 1, inUnits]) : t;
    let y = matmul(inp, w.transpose(0, 1));
    if (this.bias) y = y.add(this.bias.tensor);
    return this.act ? this.act.forward(wrap(y)) : wrap(y);
  }

  /** `Dense(4 -> 1, linear)`; `None` for a deferred input size. */
  override toString(): string {
    const inUnits = this.weight.shape[1] ? String(this.weight.shape[1]) : 'None';
    return `Dense(${inUnits} -> ${this._units}, ${this.act ? this.act._act_type : 'linear'})`;
  }
}

class SequentialImpl extends BlockImpl {
  [index: number]: BlockImpl;
  private _count = 0;

  /** `net.add(*blocks)`: appends blocks, reachable as `net[i]`. */
  add(...blocks: BlockImpl[]): this {
    for (const b of blocks) {
      if (!(b instanceof BlockImpl)) throw new TypeError(`${this.constructor.name.replace(/Impl$/, '')}.add: expected a Block, got ${typeof b}`);
      this[this._count++] = b;
    }
    return this;
  }

  /** `len(net)`. */
  __len__(): number {
    return this._count;
  }

  /** Runs the blocks in order. */
  override forward(x: unknown): unknown {
    let y = x;
    for (let i = 0; i < this._count; i++) y = this[i]!(y);
    return y;
  }
}

class HybridSequentialImpl extends SequentialImpl {}

class FlattenImpl extends HybridBlockImpl {
  /** `nn.Flatten()`: (N, …) → (N, prod(…)). */
  override forward(x: NDArray): NDArray {
    return x.flatten();
  }
}

export const Dense = newless(DenseImpl);
export type Dense = DenseImpl;
export const Sequential = newless(SequentialImpl);
export type Sequential = SequentialImpl;
export const HybridSequential = newless(HybridSequentialImpl);
export type HybridSequential = HybridSequentialImpl;
export const Activation = newless(ActivationImpl);
export type Activation = ActivationImpl;
export const Flatten = newless(FlattenImpl);
export type Flatten = FlattenImpl;
