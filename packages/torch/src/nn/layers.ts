/** `torch.nn` layers: `Linear`, `Sequential`, activations, `Softmax`, `LogSoftmax`, `Identity`, `Flatten`. */
import { bindArgs, linearDefaultInit_, matmul, newless, zeros, type Newless } from '@rosetta/core';
import { Tensor } from '../tensor.js';
import { ModuleImpl, Parameter } from './module.js';

class LinearImpl extends ModuleImpl {
  readonly in_features: number;
  readonly out_features: number;
  weight: Parameter;
  bias: Parameter | null;
  /**
   * `nn.Linear(in_features, out_features, bias=True)`: y = x·Wᵀ + b, W (out, in) and b initialized
   * from U(−1/√in, 1/√in) as PyTorch's `reset_parameters`.
   */
  constructor(...args: unknown[]) {
    super();
    const o = bindArgs('Linear', ['in_features', 'out_features', 'bias'], { in_features: NaN, out_features: NaN, bias: true, device: null as unknown, dtype: null as unknown }, args);
    for (const k of ['in_features', 'out_features'] as const) {
      if (!Number.isInteger(o[k]) || o[k] < 0) throw new TypeError(`Linear.__init__(): argument '${k}' must be a non-negative int, got ${String(o[k])}`);
    }
    this.in_features = o.in_features;
    this.out_features = o.out_features;
    const w = zeros([o.out_features, o.in_features]);
    const b = o.bias ? zeros([o.out_features]) : null;
    linearDefaultInit_(w, b);
    this.weight = new Parameter(new Tensor(w));
    this.bias = b ? new Parameter(new Tensor(b)) : null;
  }
  override forward(input: Tensor): Tensor {
    if (input.shape[input.ndim - 1] !== this.in_features) {
      throw new Error(`mat1 and mat2 shapes cannot be multiplied (${input.shape.slice(0, -1).reduce((a, b) => a * b, 1)}x${input.shape[input.ndim - 1]} and ${this.in_features}x${this.out_features})`);
    }
    const y = matmul(input.value, this.weight.value.transpose(0, 1));
    return new Tensor(this.bias ? y.add(this.bias.value) : y);
  }
  override extra_repr(): string {
    return `in_features=${this.in_features}, out_features=${this.out_features}, bias=${this.bias ? 'True' : 'False'}`;
  }
}

class SequentialImpl extends ModuleImpl {
  [index: number]: ModuleImpl;
  private readonly _len: number;
  /** `nn.Sequential(*modules)`: runs them in order; `seq[i]` is the i-th. */
  constructor(...modules: ModuleImpl[]) {
    super();
    modules.forEach((m, i) => {
      if (!(m instanceof ModuleImpl)) throw new TypeError(`Sequential: argument ${i} is not a Module subclass`);
      this[i] = m;
    });
    this._len = modules.length;
  }
  __len__(): number {
    return this._len;
  }
  override forward(input: unknown): unknown {
    let x = input;
    for (let i = 0; i < this._len; i++) x = this[i]!(x);
    return x;
  }
}

/** A module applying one elementwise function (`nn.ReLU()`, `nn.Sigmoid()`, …). */
export class ElementwiseModule extends ModuleImpl {
  constructor(private readonly fn: (x: Tensor) => Tensor) {
    super();
  }
  override forward(input: Tensor): Tensor {
    return this.fn(input);
  }
}

/** The class `name` applying `f` (callable with and without `new`). */
function unaryModule(name: string, f: (x: Tensor) => Tensor): Newless<new () => ElementwiseModule> {
  const cls = {
    [name]: class extends ElementwiseModule {
      constructor() {
        super(f);
      }
    },
  }[name]!;
  return newless(cls);
}

class SoftmaxImpl extends ModuleImpl {
  readonly dim: number;
  /** `nn.Softmax(dim=None)`. */
  constructor(...args: unknown[]) {
    super();
    const { dim } = bindArgs(this._className(), ['dim'], { dim: null as number | null }, args);
    if (dim === null) throw new TypeError(`${this._className()}: pass dim explicitly (PyTorch's implicit choice is deprecated)`);
    this.dim = dim;
  }
  override forward(input: Tensor): Tensor {
    return input.softmax(this.dim);
  }
  override extra_repr(): string {
    return `dim=${this.dim}`;
  }
}

class LogSoftmaxImpl extends SoftmaxImpl {
  /** `nn.LogSoftmax(dim=None)`. */
  override forward(input: Tensor): Tensor {
    return input.log_softmax(this.dim);
  }
}

class FlattenImpl extends ModuleImpl {
  readonly start_dim: number;
  readonly end_dim: number;
  /** `nn.Flatten(start_dim=1, end_dim=-1)`. */
  constructor(...args: unknown[]) {
    super();
    ({ start_dim: this.start_dim, end_dim: this.end_dim } = bindArgs('Flatten', ['start_dim', 'end_dim'], { start_dim: 1, end_dim: -1 }, args));
  }
  override forward(input: Tensor): Tensor {
    return input.flatten(this.start_dim, this.end_dim);
  }
}

export const Linear = newless(LinearImpl);
export type Linear = LinearImpl;
export const Sequential = newless(SequentialImpl);
export type Sequential = SequentialImpl;
export const Softmax = newless(SoftmaxImpl);
export type Softmax = SoftmaxImpl;
export const LogSoftmax = newless(LogSoftmaxImpl);
export type LogSoftmax = LogSoftmaxImpl;
export const Flatten = newless(FlattenImpl);
export type Flatten = FlattenImpl;
export const ReLU = unaryModule('ReLU', (x) => x.relu());
export const Sigmoid = unaryModule('Sigmoid', (x) => x.sigmoid());
export const Tanh = unaryModule('Tanh', (x) => x.tanh());
export const Identity = unaryModule('Identity', (x) => x);
