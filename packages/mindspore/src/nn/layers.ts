/** `mindspore.nn` layers: `Dense`, `SequentialCell`, activation cells, `Flatten`. */
import { bindArgs, linearDefaultInit_, matmul, newless, zeros, type Newless } from '@rosetta/core';
import { initializer, type Initializer } from '../common/initializer/initializers.js';
import { wrap, type Tensor } from '../tensor.js';
import { CellImpl, ParameterImpl } from './cell.js';
import { ValueError } from '../errors.js';

/** An activation cell applying one function (`nn.ReLU()`, …). */
export class ActivationCell extends CellImpl {
  constructor(readonly fn: (x: Tensor) => Tensor) {
    super();
  }
  override construct(x: Tensor): Tensor {
    return this.fn(x);
  }
}

function activation(name: string, fn: (x: Tensor) => Tensor): Newless<new () => ActivationCell> {
  const cls = { [name]: class extends ActivationCell { constructor() { super(fn); } } }[name]!;
  return newless(cls);
}

export const ReLU = activation('ReLU', (x) => wrap(x.value.relu()));
export const Sigmoid = activation('Sigmoid', (x) => wrap(x.value.sigmoid()));
export const Tanh = activation('Tanh', (x) => wrap(x.value.tanh()));
export const Flatten = activation('Flatten', (x) => wrap(x.value.reshape([x.shape[0] ?? 1, -1])));
class SoftmaxImpl extends ActivationCell {
  /** `nn.Softmax(axis=-1)`. */
  constructor(axis = -1) {
    super((x) => wrap(x.value.softmax(axis)));
  }
}
export const Softmax = newless(SoftmaxImpl);

const NAMED_ACT: Record<string, () => CellImpl> = { relu: () => ReLU(), sigmoid: () => Sigmoid(), tanh: () => Tanh(), softmax: () => Softmax() };

class DenseImpl extends CellImpl {
  readonly in_channels: number;
  readonly out_channels: number;
  readonly has_bias: boolean;
  weight: ParameterImpl;
  bias: ParameterImpl | null;
  activation: CellImpl | null;

  /**
   * `nn.Dense(in_channels, out_channels, weight_init=None, bias_init=None, has_bias=True, activation=None)`:
   * y = activation(x·Wᵀ + b), W (out, in). The 2.3 defaults draw W from HeUniform(√5) and b from
   * Uniform(1/√in), as PyTorch's Linear.
   */
  constructor(in_channels: number, out_channels: number, ...args: unknown[]) {
    super();
    const o = bindArgs('Dense', ['weight_init', 'bias_init', 'has_bias', 'activation', 'dtype'], {
      weight_init: null as Initializer | string | Tensor | null, bias_init: null as Initializer | string | Tensor | null, has_bias: true,
      activation: null as string | CellImpl | null, dtype: 'float32' as unknown,
    }, args);
    for (const [k, v] of [['in_channels', in_channels], ['out_channels', out_channels]] as const) {
      if (!Number.isInteger(v) || v <= 0) throw new ValueError(`For 'Dense', the '${k}' must be a positive int, but got ${v}.`);
    }
    this.in_channels = in_channels;
    this.out_channels = out_channels;
    this.has_bias = o.has_bias;
    const w = zeros([out_channels, in_channels]);
    const b = o.has_bias ? zeros([out_channels]) : null;
    linearDefaultInit_(w, b);
    this.weight = new ParameterImpl(o.weight_init === null ? wrap(w) : initializer(o.weight_init, [out_channels, in_channels]), 'weight');
    this.bias = b ? new ParameterImpl(o.bias_init === null ? wrap(b) : initializer(o.bias_init, [out_channels]), 'bias') : null;
    if (typeof o.activation === 'string') {
      const make = NAMED_ACT[o.activation];
      if (!make) throw new ValueError(`For 'Dense', the 'activation' must be one of ${Object.keys(NAMED_ACT).join(', ')}, but got ${o.activation}.`);
      this.activation = make();
    } else {
      this.activation = o.activation;
    }
  }

  override construct(x: Tensor): Tensor {
    if (x.shape[x.ndim - 1] !== this.in_channels) {
      throw new ValueError(`For 'Dense', the last dimension of the input must equal in_channels (${this.in_channels}), but got shape [${x.shape.join(', ')}].`);
    }
    let y = matmul(x.value, this.weight.value.transpose(0, 1));
    if (this.bias) y = y.add(this.bias.value);
    return this.activation ? this.activation(wrap(y)) : wrap(y);
  }

  override extend_repr(): string {
    return `input_channels=${this.in_channels}, output_channels=${this.out_channels}, has_bias=${this.has_bias ? 'True' : 'False'}`;
  }
}

class SequentialCellImpl extends CellImpl {
  readonly cell_list: CellImpl[];
  /** `nn.SequentialCell(*args)` or `nn.SequentialCell([cells])`. */
  constructor(...cells: (CellImpl | CellImpl[])[]) {
    super();
    this.cell_list = cells.length === 1 && Array.isArray(cells[0]) ? [...cells[0]] : (cells as CellImpl[]);
  }
  /** `append(cell)`. */
  append(cell: CellImpl): void {
    this.cell_list.push(cell);
  }
  override construct(x: unknown): unknown {
    return this.cell_list.reduce((y, c) => c(y), x);
  }
}

export const Dense = newless(DenseImpl);
export type Dense = DenseImpl;
export const SequentialCell = newless(SequentialCellImpl);
export type SequentialCell = SequentialCellImpl;
