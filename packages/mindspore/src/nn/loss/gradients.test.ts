import { describe, expect, it } from 'vitest';
import * as ms from '../../index.js';
import { Tensor, float64, nn } from '../../index.js';
import type { TensorImpl } from '../../tensor.js';

/** Gradients of the loss classes that follow MindSpore's own backward kernels, not autograd's chain rule. */
describe('mindspore.nn loss gradients follow MindSpore kernels', () => {
  it('BCELoss: BinaryCrossEntropyGrad, w·(x − y)/(x(1 − x) > ε ? x(1 − x) : ε)·dout with ε = 1e-12 in the dtype', () => {
    const x = [0, 1, 0.5, 0, 1];
    const y = [0, 1, 1, 1, 0];
    const grad = (dtype?: typeof float64) => {
      const [, g] = ms.value_and_grad((p: TensorImpl) => nn.BCELoss({ reduction: 'sum' })(p, Tensor(y, dtype)))(Tensor(x, dtype));
      return (g as TensorImpl).tolist();
    };
    // float64: ±1e12 (PyTorch's float32 ε gives ±1.0000000039958e12); float32: 1/float32(1e-12) in float32.
    expect(grad(float64)).toEqual([0, 0, -2, -1e12, 1e12]);
    expect(grad()).toEqual([0, 0, -2, -999999995904, 999999995904]);
    const [, gm] = ms.value_and_grad((p: TensorImpl) => nn.BCELoss({ weight: Tensor([1, 2, 3, 0.5, 4], float64) })(p, Tensor(y, float64)))(Tensor(x, float64));
    // The kernel's order for mean: (w·(x − y)/denominator)·(dout/size).
    expect((gm as TensorImpl).tolist()).toEqual([0, 0, ((3 * -0.5) / 0.25) * (1 / 5), ((0.5 * -1) / 1e-12) * (1 / 5), ((4 * 1) / 1e-12) * (1 / 5)]);
  });
});
