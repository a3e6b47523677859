/**
 * The seed tutorials' training loops, as the tutorials write them, with batches big enough that
 * their buffers live in the wasm backend's memory (over 1 KiB): the memory tests run them for 1,000
 * synchronous steps in Node and in a headless Chromium page (this file is served to the page
 * transpiled) and check that memory stays flat. Each loop calls `probe(step)` after every step.
 */
import { memoryStats, type MemoryStats } from '@rosetta/core';
import * as torch from '@rosetta/torch';
import { nn as tnn } from '@rosetta/torch';
import * as ms from '@rosetta/mindspore';
import { nn as msnn, ops, np } from '@rosetta/mindspore';
import { Model, Callback, type RunContext } from '@rosetta/mindspore/train';
import { GeneratorDataset } from '@rosetta/mindspore/dataset';
import * as mx from '@rosetta/mxnet';
import { nd, autograd } from '@rosetta/mxnet';
import * as gluon from '@rosetta/mxnet/gluon';

/** Rows per batch: a column of float32 is 2 KiB. */
export const BATCH = 512;

export type Probe = (step: number) => void;

/** The steps at which memory is recorded, and `memoryStats()` of the wasm backend at each. */
export const RECORD_AT = [1, 100, 300, 1000];

export function recorder(): { probe: Probe; at: Record<number, MemoryStats> } {
  const at: Record<number, MemoryStats> = {};
  return { at, probe: (step) => { if (RECORD_AT.includes(step)) at[step] = memoryStats().wasm!; } };
}

/**
 * MindSpore r2.3 "Loss Function" (seed 000): `nn.Dense(1, 1)` trained on y = 2x + 3 + noise with
 * the custom MAELoss and Momentum through `Model.train` (a step per batch, 10 batches an epoch).
 */
export async function mindsporeModelTrain(steps: number, probe: Probe): Promise<void> {
  class MAELoss extends msnn.LossBase {
    override construct(base: ms.Tensor, target: ms.Tensor) {
      const x = ops.abs(base.sub(target));
      return this.get_loss(x);
    }
  }
  function* get_data(num: number, w = 2.0, b = 3.0) {
    for (let i = 0; i < num; i++) {
      const x = np.random.uniform(-10.0, 10.0);
      const noise = np.random.normal(0, 1);
      const y = x * w + b + noise;
      yield [np.array([x]).astype(np.float32), np.array([y]).astype(np.float32)];
    }
  }
  np.random.seed(0);
  const train_dataset = GeneratorDataset([...get_data(10 * BATCH)], { column_names: ['data', 'label'] }).batch(BATCH);
  const network = msnn.Dense(1, 1);
  const loss_fn = new MAELoss();
  const optimizer = msnn.Momentum(network.trainable_params(), { learning_rate: 0.005, momentum: 0.9 });
  const model = Model(network, loss_fn, optimizer);
  class StepProbe extends Callback {
    override on_train_step_end(ctx: RunContext): void {
      probe(ctx.original_args().cur_step_num);
    }
  }
  await model.train(steps / 10, train_dataset, { callbacks: [new StepProbe()] });
}

/**
 * PyTorch's quickstart loop (the seed's models are `nn.Linear` stacks): `Linear(2, 64)`, ReLU,
 * `Linear(64, 1)`, MSELoss and SGD; each step in `torch.memory_scope`.
 */
export function torchLoop(steps: number, probe: Probe): void {
  torch.manual_seed(0);
  const model = tnn.Sequential(tnn.Linear(2, 64), tnn.ReLU(), tnn.Linear(64, 1));
  const loss_fn = tnn.MSELoss();
  const optimizer = torch.optim.SGD(model.parameters(), { lr: 1e-2 });
  const X = torch.randn([BATCH, 2]);
  const y = X.matmul(torch.tensor([[2.0], [-3.4]])).add(4.2);
  for (let step = 1; step <= steps; step++) {
    torch.memory_scope(() => {
      const pred = model(X);
      const loss = loss_fn(pred, y);
      loss.backward();
      optimizer.step();
      optimizer.zero_grad();
    });
    probe(step);
  }
}

/**
 * The Gluon loop (seed 003's `Dense`, d2l's `Trainer` loop): `Dense(64, relu)`, `Dense(1)`, L2Loss,
 * `autograd.record`, `backward`, `trainer.step(batch_size)`, and the loss read after the step.
 */
export function gluonTrainerLoop(steps: number, probe: Probe): number {
  mx.random.seed(0);
  const net = gluon.nn.Sequential();
  net.add(gluon.nn.Dense(64, { activation: 'relu' }), gluon.nn.Dense(1));
  net.initialize();
  const loss = gluon.loss.L2Loss();
  const trainer = gluon.Trainer(net.collect_params(), 'sgd', { learning_rate: 0.01 });
  const X = nd.random.uniform({ shape: [BATCH, 2] });
  const y = nd.dot(X, nd.array([[2.0], [-3.4]])).add(4.2);
  let last = 0;
  for (let step = 1; step <= steps; step++) {
    const l = autograd.record(() => loss(net(X), y));
    l.backward();
    trainer.step(BATCH);
    last = l.mean().asscalar();
    probe(step);
  }
  return last;
}
