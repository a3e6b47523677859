import { clamp, logSigmoid, manualSeed, randn, tensor, where, type Tensor } from '@rosetta/core';
import { afterAll, beforeEach, describe, it } from 'vitest';
import { releaseSessions } from '../runtime/run.js';
import { expectExportMatches } from '../test-utils/export-check.js';

afterAll(releaseSessions);
beforeEach(() => manualSeed(11));

/** A loss a user writes from core ops; it has no ONNX counterpart and must export anyway. */
const userL1 = (pred: Tensor, target: Tensor): Tensor => pred.sub(target).abs().mean();
/** Huber / smooth-L1 with δ = 0.7, per row then averaged: where, clamp, squares, means. */
const userHuber = (pred: Tensor, target: Tensor): Tensor => {
  const d = pred.sub(target).abs();
  const quad = clamp(d, null, 0.7);
  return quad.mul(quad).mul(0.5).add(d.sub(quad).mul(0.7)).mean(1).sum();
};

describe.each(['float32', 'float64'] as const)('composites export and match the engine (%s)', (dtype) => {
  const n = (shape: number[], scale = 1): Tensor => randn(shape, { dtype }).mul(scale);
  const x = (): Tensor => n([4, 6], 3);

  it.each([
    ['softmax', (t: Tensor) => t.softmax(1)],
    ['softmax over axis 0', (t: Tensor) => t.softmax(0)],
    ['logSoftmax', (t: Tensor) => t.logSoftmax(1)],
    ['logsumexp', (t: Tensor) => t.logsumexp(1)],
    ['logsumexp keepdims over all', (t: Tensor) => t.logsumexp([0, 1], true)],
    ['sigmoid', (t: Tensor) => t.sigmoid()],
    ['logSigmoid', (t: Tensor) => logSigmoid(t)],
    ['softplus', (t: Tensor) => t.softplus()],
    ['relu', (t: Tensor) => t.relu()],
    ['mean / variance / std', (t: Tensor) => [t.mean(0), t.variance(1), t.std()]],
    ['norm p=2', (t: Tensor) => t.norm()],
    ['norm p=1 over rows', (t: Tensor) => t.norm(1, 1)],
    ['norm p=∞ and −∞', (t: Tensor) => [t.norm(Infinity, 0), t.norm(-Infinity, 1, true)]],
    ['norm p=0 and p=3', (t: Tensor) => [t.norm(0), t.norm(3, 1)]],
    ['argmax', (t: Tensor) => t.argmax(1)],
  ])('%s', async (_name, f) => {
    await expectExportMatches(f, [x()], { fresh: [x()] });
  });

  it('softmax of a row holding −inf, and of an all −inf row', async () => {
    const t = tensor([[0, -Infinity, 1], [-Infinity, -Infinity, -Infinity]], { dtype });
    await expectExportMatches((v) => [v.logsumexp(1), where(v.gt(-Infinity), v.softmax(1), 0)], [t]);
  });

  it("a user's L1 loss", async () => {
    await expectExportMatches(userL1, [n([8, 3]), n([8, 3])], { fresh: [n([8, 3]), n([8, 3])] });
  });

  it("a user's Huber loss", async () => {
    await expectExportMatches(userHuber, [n([5, 4]), n([5, 4])], { fresh: [n([5, 4]), n([5, 4])] });
  });

  it('a linear layer with captured weights and a cross-entropy', async () => {
    const w = n([3, 4]);
    const b = n([4]);
    const labels = tensor([0, 3, 1, 2, 2], { dtype: 'int64' });
    const loss = (inp: Tensor): Tensor => inp.matmul(w).add(b).logSoftmax(1).gather(1, labels.unsqueeze(1)).neg().mean();
    await expectExportMatches(loss, [n([5, 3])], { fresh: [n([5, 3])] });
  });
});
