import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as ms from '../../index.js';
import { Tensor, float64, int32, nn } from '../../index.js';
import type { TensorImpl } from '../../tensor.js';

/** Gradients of the loss classes that follow MindSpore's own backward kernels, not autograd's chain rule. */
describe('mindspore.nn loss gradients follow MindSpore kernels', () => {
  it('BCELoss: log(x + ε) in the value, BinaryCrossEntropyGrad w·(x − y)/(x(1 − x) > ε ? x(1 − x) : ε)·dout, ε = 1e-12 in the dtype', () => {
    const x = [0, 1, 0.5, 0, 1];
    const y = [0, 1, 1, 1, 0];
    const grad = (dtype?: typeof float64) => {
      const [, g] = ms.value_and_grad((p: TensorImpl) => nn.BCELoss({ reduction: 'sum' })(p, Tensor(y, dtype)))(Tensor(x, dtype));
      return (g as TensorImpl).tolist();
    };
    // float64: ±1e12 (PyTorch's float32 ε gives ±1.0000000039958e12); float32: 1/float32(1e-12) in float32.
    expect(grad(float64)).toEqual([0, 0, -2, -1e12, 1e12]);
    // The value: log(x + 1e-12), so −log 1e-12 = 27.631021 where PyTorch's clamp gives 100.
    // (the cpu backend evaluates float32 expressions in float64 and rounds once: −log(1 + 1e-12) = −1e-12, not 0.)
    const want = [0, 0, Math.fround(-Math.log(0.5)), Math.fround(-Math.log(Math.fround(1e-12))), Math.fround(-Math.log(Math.fround(1e-12)))];
    (nn.BCELoss({ reduction: 'none' })(Tensor(x), Tensor(y)).tolist() as number[]).forEach((v, i) => expect(Math.abs(v - want[i]!)).toBeLessThanOrEqual(1e-11 + 1e-7 * want[i]!));
    expect(grad()).toEqual([0, 0, -2, -999999995904, 999999995904]);
    const [, gm] = ms.value_and_grad((p: TensorImpl) => nn.BCELoss({ weight: Tensor([1, 2, 3, 0.5, 4], float64) })(p, Tensor(y, float64)))(Tensor(x, float64));
    // The kernel's order for mean: (w·(x − y)/denominator)·(dout/size).
    expect((gm as TensorImpl).tolist()).toEqual([0, 0, ((3 * -0.5) / 0.25) * (1 / 5), ((0.5 * -1) / 1e-12) * (1 / 5), ((4 * 1) / 1e-12) * (1 / 5)]);
  });

  it("CTCLoss: CTCLossV2Grad, PyTorch's native backward (log_probs as the leaf, PyTorch 1.13 numbers)", () => {
    interface Case { dtype: string; wrt: string; reduction: string; zero_infinity: boolean; loss: number[]; grad: number[] }
    const fx = JSON.parse(readFileSync(new URL('../../../../core/src/nn/losses/fixtures/ctc.json', import.meta.url), 'utf8')) as {
      T: number; N: number; C: number; S: number; log_probs: { float32: number[] }; targets: number[]; input_lengths: number[]; target_lengths: number[]; cases: Case[];
    };
    const want = fx.cases.find((c) => c.dtype === 'float32' && c.wrt === 'leaf' && c.reduction === 'mean' && c.zero_infinity)!;
    const targets = Tensor(fx.targets, int32).reshape([fx.N, fx.S]);
    const loss = nn.CTCLoss({ zero_infinity: true });
    const [value, g] = ms.value_and_grad((lp: TensorImpl) => loss(lp, targets, fx.input_lengths, fx.target_lengths))(Tensor(fx.log_probs.float32).reshape([fx.T, fx.N, fx.C]));
    expect(Math.abs((value.item() as number) - want.loss[0]!)).toBeLessThanOrEqual(2e-5 * want.loss[0]!);
    ((g as TensorImpl).reshape([-1]).tolist() as number[]).forEach((v, i) => expect(Math.abs(v - want.grad[i]!), `element ${i}`).toBeLessThanOrEqual(2e-7 + 2e-5 * Math.abs(want.grad[i]!)));
  });
});
