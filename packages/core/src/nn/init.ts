/**
 * Parameter initializers, written once (`torch.nn.init`, MindSpore `common.initializer`,
 * MXNet `mx.init`): each fills a tensor in place, outside the tape, from core's default generator.
 */
import { noGrad } from '../autograd/grad-mode.js';
import { onBackend } from '../backend/registry.js';
import { ValueError } from '../errors.js';
import { checkNumber } from '../arg-types.js';
import { normal, tensor, uniform } from '../tensor/create.js';
import type { Tensor } from '../tensor/tensor.js';
import { defaultGenerator } from '../random/generator.js';

/** `torch.nn.init._calculate_fan_in_and_fan_out`: fan_in = shape[1]·∏shape[2:], fan_out = shape[0]·∏shape[2:]. */
export function calculateFanInAndFanOut(shape: readonly number[]): { fanIn: number; fanOut: number } {
  if (shape.length < 2) {
    throw new ValueError(`calculateFanInAndFanOut: fan in and fan out can not be computed for tensor with fewer than 2 dimensions (got shape [${shape.join(', ')}])`);
  }
  const receptive = shape.slice(2).reduce((a, b) => a * b, 1);
  return { fanIn: shape[1]! * receptive, fanOut: shape[0]! * receptive };
}

export type Nonlinearity =
  | 'linear' | 'conv1d' | 'conv2d' | 'conv3d' | 'conv_transpose1d' | 'conv_transpose2d' | 'conv_transpose3d'
  | 'sigmoid' | 'tanh' | 'relu' | 'leaky_relu' | 'selu';

/** `torch.nn.init.calculate_gain`: 1 (linear, conv, sigmoid), 5/3 (tanh), √2 (relu), √(2/(1+slope²)) (leaky_relu, slope default 0.01), 3/4 (selu). */
export function calculateGain(nonlinearity: Nonlinearity, param?: number): number {
  switch (nonlinearity) {
    case 'tanh':
      return 5 / 3;
    case 'relu':
      return Math.SQRT2;
    case 'leaky_relu': {
      const slope = param ?? 0.01;
      return Math.sqrt(2 / (1 + slope * slope));
    }
    case 'selu':
      return 3 / 4;
    case 'linear': case 'conv1d': case 'conv2d': case 'conv3d': case 'sigmoid':
    case 'conv_transpose1d': case 'conv_transpose2d': case 'conv_transpose3d':
      return 1;
    default:
      throw new ValueError(`calculateGain: unsupported nonlinearity ${String(nonlinearity)}`);
  }
}

/** Copies the values `make` draws (on `t`'s backend) into `t`, outside the tape. */
function fillWith(t: Tensor, make: () => Tensor): Tensor {
  return noGrad(() => t.copy_(onBackend(t.backend, make)));
}

/** Fills `t` with U(a, b) (`nn.init.uniform_`). */
export function uniform_(t: Tensor, a = 0, b = 1): Tensor {
  checkNumber('uniform_', 'a', a, 2);
  checkNumber('uniform_', 'b', b, 3);
  if (!(a <= b)) throw new ValueError(`uniform_: expected a <= b, got a=${a}, b=${b}`);
  return fillWith(t, () => uniform(t.shape, a, b, { dtype: t.dtype }));
}

/** Fills `t` with N(mean, std²) (`nn.init.normal_`). */
export function normal_(t: Tensor, mean = 0, std = 1): Tensor {
  return fillWith(t, () => normal(t.shape, mean, std, { dtype: t.dtype }));
}

/**
 * Fills `t` with N(mean, std²) conditioned on [a, b] (`nn.init.trunc_normal_`, MindSpore
 * `TruncatedNormal`): out-of-range draws are redrawn, which gives the same distribution.
 */
export function truncNormal_(t: Tensor, mean = 0, std = 1, a = -2, b = 2): Tensor {
  [mean, std, a, b].forEach((v, i) => checkNumber('trunc_normal_', ['mean', 'std', 'a', 'b'][i]!, v, i + 2));
  if (!(a < b)) throw new ValueError(`truncNormal_: expected a < b, got a=${a}, b=${b}`);
  if (!(std > 0)) throw new ValueError(`truncNormal_: expected std > 0, got ${std}`);
  const gen = defaultGenerator();
  const vals = new Float64Array(t.size);
  for (let i = 0; i < vals.length; i++) {
    let v: number;
    do v = mean + std * gen.gauss();
    while (v < a || v > b);
    vals[i] = v;
  }
  return fillWith(t, () => tensor(vals, { dtype: t.dtype, shape: t.shape }));
}

/** Sets every element of `t` to `value` (`nn.init.constant_`). */
export function constant_(t: Tensor, value: number): Tensor {
  return noGrad(() => t.fill_(value));
}

/** `nn.init.zeros_`. */
export const zeros_ = (t: Tensor): Tensor => constant_(t, 0);
/** `nn.init.ones_`. */
export const ones_ = (t: Tensor): Tensor => constant_(t, 1);

export interface VarianceScalingOptions {
  /** Variance numerator: std = √(scale / n). */
  scale: number;
  /** n: fan_in, fan_out or their mean. */
  mode: 'fan_in' | 'fan_out' | 'fan_avg';
  distribution: 'uniform' | 'normal';
}

/**
 * Variance scaling (Keras `VarianceScaling`, the family of Kaiming/He, Xavier/Glorot and MXNet
 * `Xavier`): std = √(scale / n); 'uniform' draws U(−√3·std, √3·std), 'normal' draws N(0, std²).
 */
export function varianceScaling_(t: Tensor, opts: VarianceScalingOptions): Tensor {
  const { fanIn, fanOut } = calculateFanInAndFanOut(t.shape);
  const n = opts.mode === 'fan_in' ? fanIn : opts.mode === 'fan_out' ? fanOut : (fanIn + fanOut) / 2;
  const std = Math.sqrt(opts.scale / n);
  if (opts.distribution === 'normal') return normal_(t, 0, std);
  const bound = Math.sqrt(3) * std;
  return uniform_(t, -bound, bound);
}

export interface KaimingOptions {
  /** Negative slope of the leaky ReLU after this layer (default 0). */
  a?: number;
  mode?: 'fan_in' | 'fan_out';
  nonlinearity?: Nonlinearity;
}

function kaiming(t: Tensor, opts: KaimingOptions, distribution: 'uniform' | 'normal'): Tensor {
  const gain = calculateGain(opts.nonlinearity ?? 'leaky_relu', opts.a ?? 0);
  return varianceScaling_(t, { scale: gain * gain, mode: opts.mode ?? 'fan_in', distribution });
}

/** `nn.init.kaiming_uniform_` (MindSpore `HeUniform`): U(−b, b), b = gain·√(3 / fan). */
export const kaimingUniform_ = (t: Tensor, opts: KaimingOptions = {}): Tensor => kaiming(t, opts, 'uniform');
/** `nn.init.kaiming_normal_` (MindSpore `HeNormal`): N(0, gain² / fan). */
export const kaimingNormal_ = (t: Tensor, opts: KaimingOptions = {}): Tensor => kaiming(t, opts, 'normal');

/** `nn.init.xavier_uniform_` (MindSpore `XavierUniform`): U(−b, b), b = gain·√(6 / (fan_in + fan_out)). */
export const xavierUniform_ = (t: Tensor, gain = 1): Tensor =>
  varianceScaling_(t, { scale: gain * gain, mode: 'fan_avg', distribution: 'uniform' });
/** `nn.init.xavier_normal_` (MindSpore `XavierNormal`): N(0, gain²·2 / (fan_in + fan_out)). */
export const xavierNormal_ = (t: Tensor, gain = 1): Tensor =>
  varianceScaling_(t, { scale: gain * gain, mode: 'fan_avg', distribution: 'normal' });

/**
 * The default initialization of a linear layer in PyTorch (`nn.Linear.reset_parameters`) and
 * MindSpore 2.3 (`nn.Dense`: `HeUniform(√5)` and `Uniform(1/√in)`): weight (out, in) from
 * kaiming_uniform(a = √5), i.e. U(−1/√in, 1/√in), and the bias from U(−1/√in, 1/√in).
 */
export function linearDefaultInit_(weight: Tensor, bias?: Tensor | null): void {
  kaimingUniform_(weight, { a: Math.sqrt(5) });
  if (bias) {
    const { fanIn } = calculateFanInAndFanOut(weight.shape);
    const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
    uniform_(bias, -bound, bound);
  }
}
