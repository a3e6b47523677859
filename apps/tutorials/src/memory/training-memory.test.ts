import { beforeAll, describe, expect, it, vi } from 'vitest';

// No synchronous reclaim (a full GC from a private context): as in a browser page whose loop does
// not yield, buffers are freed only by the engine, memory scopes and the training helpers.
vi.hoisted(() => {
  process.env.ROSETTA_NO_V8_FLAGS = '1';
});

import { memoryStats, setBackend, type MemoryStats } from '@rosetta/core';
import * as torch from '@rosetta/torch';
import { nn } from '@rosetta/torch';
import * as torchkeras from '@rosetta/torch/torchkeras';
import { DataLoader, TensorDataset } from '@rosetta/torch/utils/data';
import { BATCH, gluonTrainerLoop, mindsporeModelTrain, recorder, torchLoop } from './training-loops.js';

/** Issue 13, defect 11: 1,000 training steps of each seed's loop in Node, on wasm, at flat memory. */

/** Bytes memory may differ by between step 100 and step 1,000 (one batch's worth of jitter). */
const SLACK = 256 * 1024;

function expectFlat(at: Record<number, MemoryStats>): void {
  expect(Object.keys(at).map(Number)).toEqual([1, 100, 300, 1000]);
  expect(at[1000]!.memory).toBeLessThanOrEqual(at[100]!.memory + SLACK);
  expect(at[1000]!.bytes).toBeLessThanOrEqual(at[100]!.bytes + SLACK);
  expect(at[1000]!.buffers).toBeLessThanOrEqual(at[100]!.buffers);
  expect(at[300]!.bytes).toBeLessThanOrEqual(at[100]!.bytes + SLACK);
}

beforeAll(() => setBackend('wasm'));

describe('1,000 synchronous training steps on wasm in Node keep memory flat without GC help', () => {
  it('the synchronous reclaim is off', () => {
    const be = torch.zeros(1).value.backend as unknown as { collector: { synchronous: boolean } };
    expect(be.collector.synchronous).toBe(false);
  });

  it('MindSpore: Dense(1, 1), MAELoss, Momentum through Model.train', async () => {
    const r = recorder();
    await mindsporeModelTrain(1000, r.probe);
    expectFlat(r.at);
  }, 120_000);

  it('PyTorch: Linear, ReLU, Linear, MSELoss, SGD, each step in torch.memory_scope', () => {
    const r = recorder();
    torchLoop(1000, r.probe);
    expectFlat(r.at);
  }, 120_000);

  it('Gluon: Dense layers, L2Loss, autograd.record, backward, Trainer.step (the loss read after the step)', () => {
    const r = recorder();
    const last = gluonTrainerLoop(1000, r.probe);
    expect(Number.isFinite(last)).toBe(true);
    expectFlat(r.at);
  }, 120_000);

  it('torchkeras: fit over a DataLoader, 30 epochs of 10 steps', () => {
    torch.manual_seed(0);
    class Net extends torchkeras.Model {
      fc1 = nn.Linear(2, 64);
      fc2 = nn.Linear(64, 1);
      override forward(x: torch.Tensor) {
        return this.fc2(torch.relu(this.fc1(x)));
      }
    }
    const model = new Net();
    model.compile({ loss_func: nn.MSELoss(), optimizer: torch.optim.SGD(model.parameters(), { lr: 1e-2 }) });
    const X = torch.randn([10 * BATCH, 2]);
    const dl = DataLoader(TensorDataset(X, X.sum(1, true)), { batch_size: BATCH });
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      model.fit(10, { dl_train: dl, log_step_freq: 1000 });
      const at100 = memoryStats().wasm!;
      model.fit(20, { dl_train: dl, log_step_freq: 1000 });
      const at300 = memoryStats().wasm!;
      expect(at300.memory).toBeLessThanOrEqual(at100.memory + SLACK);
      expect(at300.bytes).toBeLessThanOrEqual(at100.bytes + SLACK);
      expect(at300.buffers).toBeLessThanOrEqual(at100.buffers);
    } finally {
      log.mockRestore();
    }
  }, 120_000);
});
