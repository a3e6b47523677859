/**
 * `mindspore.value_and_grad(fn, grad_position=0, weights=None, has_aux=False)`: a function returning
 * `[value, grads]`. Grads are of the inputs at `grad_position`, of `weights`, or `[inputs, weights]`
 * when both are given; a non-scalar output is differentiated with sens = ones (its sum).
 */
import { bindArgs, onesLike, withGradMode, zerosLike, type Tensor as CoreTensor } from '@rosetta/core';
import { TensorImpl, wrap, type Tensor } from './tensor.js';
import type { ParameterImpl } from './nn/cell.js';

type Grads = Tensor | Tensor[] | [Tensor | Tensor[], Tensor[]];

export function value_and_grad<A extends unknown[], R>(fn: (...args: A) => R, ...rest: unknown[]): (...args: A) => [R, Grads] {
  const o = bindArgs('value_and_grad', ['grad_position', 'weights', 'has_aux'], {
    grad_position: 0 as number | readonly number[] | null, weights: null as ParameterImpl | readonly ParameterImpl[] | null, has_aux: false,
  }, rest);
  const positions = o.grad_position === null ? [] : typeof o.grad_position === 'number' ? [o.grad_position] : [...o.grad_position];
  const weights = o.weights === null ? [] : o.weights instanceof TensorImpl ? [o.weights as ParameterImpl] : [...(o.weights as readonly ParameterImpl[])];
  if (!positions.length && !weights.length) throw new Error("For 'value_and_grad', 'grad_position' and 'weights' can not be None at the same time.");
  return (...args: A) => {
    const inputs = args.map((a, i) => (positions.includes(i) && a instanceof TensorImpl ? wrap(a.value.detach().requiresGrad_()) : a)) as A;
    positions.forEach((i) => {
      if (!(inputs[i] instanceof TensorImpl)) throw new TypeError(`For 'value_and_grad', the input at grad_position ${i} must be a Tensor.`);
    });
    const saved = weights.map((w) => w.value.grad);
    weights.forEach((w) => (w.value.grad = null));
    const out = withGradMode(true, () => fn(...inputs));
    const heads = (Array.isArray(out) ? (o.has_aux ? [out[0]] : out) : [out]) as Tensor[];
    for (const h of heads) if (h.value.requiresGrad) h.value.backward(onesLike(h.value));
    const gradOf = (t: CoreTensor): Tensor => wrap(t.grad ?? zerosLike(t));
    const gi = positions.map((i) => gradOf((inputs[i] as Tensor).value));
    const gw = weights.map((w) => gradOf(w.value));
    weights.forEach((w, k) => (w.value.grad = saved[k]!));
    const inputGrads = typeof o.grad_position === 'number' ? gi[0]! : gi;
    const grads: Grads = positions.length && weights.length ? [inputGrads, gw] : weights.length ? gw : inputGrads;
    return [out, grads];
  };
}
