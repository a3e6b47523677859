/**
 * `mindspore.common.initializer`: `Normal(sigma=0.01, mean=0.0)`, `Uniform(scale=0.07)`,
 * `HeUniform`, `HeNormal`, `XavierUniform`, `XavierNormal`, `TruncatedNormal`, `Zero`, `One`,
 * `Constant`, and `initializer(init, shape, dtype)`; the filling is core's (`nn/init`).
 */
import {
  ArgTypeError, bindArgs, constant_, pyTypeName, kaimingNormal_, kaimingUniform_, newless, normal_, truncNormal_, uniform_, xavierNormal_, xavierUniform_, zeros,
  type Nonlinearity, type Tensor as CoreTensor,
} from '@rosetta/core';
import { coreDType, type Type } from '../../dtype.js';
import { checkMsNumber, checkMsShape } from '../../errors.js';
import { TensorImpl, wrap, type Tensor } from '../../tensor.js';

export abstract class InitializerImpl {
  /** Fills `arr` in place. */
  abstract fill(arr: CoreTensor): void;
}

class NormalImpl extends InitializerImpl {
  readonly sigma: number;
  readonly mean: number;
  constructor(...args: unknown[]) {
    super();
    ({ sigma: this.sigma, mean: this.mean } = bindArgs('Normal', ['sigma', 'mean'], { sigma: 0.01, mean: 0.0 }, args));
    checkMsNumber('Normal', 'sigma', this.sigma);
    checkMsNumber('Normal', 'mean', this.mean);
  }
  fill(arr: CoreTensor): void {
    normal_(arr, this.mean, this.sigma);
  }
}
class UniformImpl extends InitializerImpl {
  readonly scale: number;
  constructor(...args: unknown[]) {
    super();
    ({ scale: this.scale } = bindArgs('Uniform', ['scale'], { scale: 0.07 }, args));
    checkMsNumber('Uniform', 'scale', this.scale);
  }
  fill(arr: CoreTensor): void {
    uniform_(arr, -this.scale, this.scale);
  }
}
class TruncatedNormalImpl extends InitializerImpl {
  readonly sigma: number;
  constructor(...args: unknown[]) {
    super();
    ({ sigma: this.sigma } = bindArgs('TruncatedNormal', ['sigma'], { sigma: 0.01 }, args));
    checkMsNumber('TruncatedNormal', 'sigma', this.sigma);
  }
  /** N(0, sigma²) truncated to ±2·sigma. */
  fill(arr: CoreTensor): void {
    truncNormal_(arr, 0, this.sigma, -2 * this.sigma, 2 * this.sigma);
  }
}
class HeUniformImpl extends InitializerImpl {
  readonly o: { negative_slope: number; mode: 'fan_in' | 'fan_out'; nonlinearity: Nonlinearity };
  constructor(...args: unknown[]) {
    super();
    this.o = bindArgs('HeUniform', ['negative_slope', 'mode', 'nonlinearity'], { negative_slope: 0, mode: 'fan_in' as 'fan_in' | 'fan_out', nonlinearity: 'leaky_relu' as Nonlinearity }, args);
    checkMsNumber('HeUniform', 'negative_slope', this.o.negative_slope);
  }
  fill(arr: CoreTensor): void {
    kaimingUniform_(arr, { a: this.o.negative_slope, mode: this.o.mode, nonlinearity: this.o.nonlinearity });
  }
}
class HeNormalImpl extends HeUniformImpl {
  override fill(arr: CoreTensor): void {
    kaimingNormal_(arr, { a: this.o.negative_slope, mode: this.o.mode, nonlinearity: this.o.nonlinearity });
  }
}
class XavierUniformImpl extends InitializerImpl {
  readonly gain: number;
  constructor(...args: unknown[]) {
    super();
    ({ gain: this.gain } = bindArgs('XavierUniform', ['gain'], { gain: 1 }, args));
    checkMsNumber('XavierUniform', 'gain', this.gain);
  }
  fill(arr: CoreTensor): void {
    xavierUniform_(arr, this.gain);
  }
}
class XavierNormalImpl extends XavierUniformImpl {
  override fill(arr: CoreTensor): void {
    xavierNormal_(arr, this.gain);
  }
}
class ConstantImpl extends InitializerImpl {
  constructor(readonly value: number) {
    super();
    checkMsNumber('Constant', 'value', value);
  }
  fill(arr: CoreTensor): void {
    constant_(arr, this.value);
  }
}
class ZeroImpl extends InitializerImpl {
  fill(arr: CoreTensor): void {
    constant_(arr, 0);
  }
}
class OneImpl extends InitializerImpl {
  fill(arr: CoreTensor): void {
    constant_(arr, 1);
  }
}

export const Normal = newless(NormalImpl);
export const Uniform = newless(UniformImpl);
export const TruncatedNormal = newless(TruncatedNormalImpl);
export const HeUniform = newless(HeUniformImpl);
export const HeNormal = newless(HeNormalImpl);
export const XavierUniform = newless(XavierUniformImpl);
export const XavierNormal = newless(XavierNormalImpl);
export const Constant = newless(ConstantImpl);
export const Zero = newless(ZeroImpl);
export const One = newless(OneImpl);
export type Initializer = InitializerImpl;
export const Initializer = InitializerImpl;

const NAMED: Record<string, () => InitializerImpl> = {
  normal: () => new NormalImpl(), uniform: () => new UniformImpl(), zeros: () => new ZeroImpl(), ones: () => new OneImpl(),
  he_uniform: () => new HeUniformImpl(), he_normal: () => new HeNormalImpl(), xavier_uniform: () => new XavierUniformImpl(),
  xavier_normal: () => new XavierNormalImpl(), truncatednormal: () => new TruncatedNormalImpl(),
};

/**
 * `initializer(init, shape=None, dtype=mstype.float32)`: a Tensor filled by `init` (an Initializer,
 * its name such as 'normal' or 'zeros', a number, or a Tensor whose values are copied).
 */
export function initializer(init: InitializerImpl | string | number | Tensor, shape: readonly number[] | number, dtype: Type | string = 'float32'): Tensor {
  const s = checkMsShape('initializer', shape);
  const t = zeros(s, { dtype: coreDType('initializer', dtype) });
  if (init instanceof TensorImpl) {
    if (init.shape.join() !== s.join()) throw new Error(`For 'initializer', the shape of the Tensor init [${init.shape.join(', ')}] must equal shape [${s.join(', ')}].`);
    t.copy_(init.value);
  } else if (typeof init === 'number') {
    constant_(t, init);
  } else {
    const i = typeof init === 'string' ? (Object.hasOwn(NAMED, init.toLowerCase()) ? NAMED[init.toLowerCase()]!() : null) : init instanceof InitializerImpl ? init : null;
    if (!i) throw new ArgTypeError(`For 'initializer', the 'init' must be one of ${Object.keys(NAMED).join(', ')}, a number, a Tensor or an Initializer, but got ${typeof init === 'string' ? `'${init}'` : pyTypeName(init)}.`);
    i.fill(t);
  }
  return wrap(t);
}
