import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as torch from '../index.js';
import * as nn from './index.js';

/**
 * Gradients of the loss classes that follow PyTorch's own backward kernels, not autograd's chain
 * rule; the numbers come from PyTorch 1.13 (core's `nn/losses/fixtures/gen_*.py`).
 */
describe('torch.nn loss gradients are PyTorch 1.13 numbers', () => {
  it('BCELoss at probabilities 0 and 1: (x − y)/max(x(1 − x), float32(1e-12))', () => {
    const x = [0, 1, 0.5, 0, 1];
    const y = [0, 1, 1, 1, 0];
    const grad = (dtype: torch.dtype) => {
      const p = torch.tensor(x, { dtype, requires_grad: true });
      nn.BCELoss({ reduction: 'sum' })(p, torch.tensor(y, { dtype })).backward();
      return p.grad!.tolist();
    };
    expect(grad(torch.float32)).toEqual([0, 0, -2, -999999995904, 999999995904]);
    expect(grad(torch.float64)).toEqual([0, 0, -2, -1000000003995.8029, 1000000003995.8029]);
  });

  it("CTCLoss with log_probs as the leaf (the docstring's recipe): PyTorch's native backward", () => {
    interface Case { dtype: string; wrt: string; reduction: string; zero_infinity: boolean; loss: number[]; grad: number[] }
    const fx = JSON.parse(readFileSync(new URL('../../../core/src/nn/losses/fixtures/ctc.json', import.meta.url), 'utf8')) as {
      T: number; N: number; C: number; S: number; log_probs: { float32: number[] }; targets: number[]; input_lengths: number[]; target_lengths: number[]; cases: Case[];
    };
    for (const reduction of ['mean', 'sum'] as const) {
      const want = fx.cases.find((c) => c.dtype === 'float32' && c.wrt === 'leaf' && c.reduction === reduction && c.zero_infinity)!;
      const input = torch.tensor(fx.log_probs.float32, { requires_grad: true }).reshape(fx.T, fx.N, fx.C).detach().requires_grad_();
      const target = torch.tensor(fx.targets, { dtype: torch.int64 }).reshape(fx.N, fx.S);
      const loss = nn.CTCLoss({ reduction, zero_infinity: true })(input, target, fx.input_lengths, fx.target_lengths);
      loss.backward();
      expect(Math.abs((loss.item() as number) - want.loss[0]!)).toBeLessThanOrEqual(2e-5 * Math.abs(want.loss[0]!));
      const got = (input.grad!.flatten().tolist() as number[]);
      got.forEach((g, i) => expect(Math.abs(g - want.grad[i]!), `element ${i}`).toBeLessThanOrEqual(2e-7 + 2e-5 * Math.abs(want.grad[i]!)));
    }
  });
});
