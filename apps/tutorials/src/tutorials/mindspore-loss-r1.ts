/**
 * MindSpore r1.x "Loss Function" (seed 001), ported: a built-in loss, an L1Loss written on
 * `nn.Cell` and on `LossBase` with `ops` primitives, training a `LinearNet` with `Model`, and a
 * multi-label loss trained through a custom `WithLossCell`.
 * NOTE: LossMonitor prints MindSpore 2.3's line (the loss as a Python float); r1.x printed the
 * float32 value (`loss is 8.328788`).
 */
import { np, print } from '@rosetta/mindspore';
import { nn, ops, Tensor, Model } from '@rosetta/mindspore';
import { dataset as ds } from '@rosetta/mindspore';
import type * as ms from '@rosetta/mindspore';
import { LossBase } from '@rosetta/mindspore/nn';
import { Normal } from '@rosetta/mindspore/common/initializer';
import { LossMonitor } from '@rosetta/mindspore/train/callback';

// ## Built-in Loss Functions Application Cases
const builtin = nn.L1Loss();
let input_data = Tensor(np.array([[1, 2, 3], [2, 3, 4]]).astype(np.float32));
let target_data = Tensor(np.array([[0, 2, 5], [3, 1, 1]]).astype(np.float32));
print(builtin(input_data, target_data));

// ## Defining Loss Function
class L1LossCell extends nn.Cell {
  abs = ops.Abs();
  reduce_mean = ops.ReduceMean();

  override construct(base: ms.Tensor, target: ms.Tensor) {
    const x = this.abs(base.sub(target));
    return this.reduce_mean(x);
  }
}

const cellLoss = new L1LossCell();
input_data = Tensor(np.array([0.1, 0.2, 0.3]).astype(np.float32));
target_data = Tensor(np.array([0.1, 0.2, 0.2]).astype(np.float32));
let output = cellLoss(input_data, target_data);
print(output);

class L1Loss extends LossBase {
  abs = ops.Abs();
  constructor(reduction: 'mean' | 'sum' | 'none' = 'mean') {
    super(reduction);
  }

  override construct(base: ms.Tensor, target: ms.Tensor) {
    const x = this.abs(base.sub(target));
    return this.get_loss(x);
  }
}

const lossBaseLoss = new L1Loss();
output = lossBaseLoss(input_data, target_data);
print(output);

// ## Loss Function and Model Training
class LinearNet extends nn.Cell {
  fc = nn.Dense(1, 1, Normal(0.02), Normal(0.02));

  override construct(x: ms.Tensor) {
    return this.fc(x);
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

function create_dataset(num_data: number, batch_size = 16) {
  let dataset = ds.GeneratorDataset([...get_data(num_data)], { column_names: ['data', 'label'] });
  dataset = dataset.batch(batch_size);
  return dataset;
}

// define network
let net = new LinearNet();
// define loss function
const loss = new L1Loss();
// define optimizer
let opt = nn.Momentum(net.trainable_params(), { learning_rate: 0.005, momentum: 0.9 });
// define Model
let model = Model(net, loss, opt);
// create dataset
let ds_train = create_dataset(160);
// training
await model.train({ epoch: 1, train_dataset: ds_train, callbacks: [LossMonitor()], dataset_sink_mode: false });

// ## Multilabel Loss Function and Model Training
class L1LossForMultiLabel extends LossBase {
  abs = ops.Abs();
  constructor(reduction: 'mean' | 'sum' | 'none' = 'mean') {
    super(reduction);
  }

  override construct(base: ms.Tensor, target1: ms.Tensor, target2: ms.Tensor) {
    const x1 = this.abs(base.sub(target1));
    const x2 = this.abs(base.sub(target2));
    return this.get_loss(x1).div(2).add(this.get_loss(x2).div(2));
  }
}

class CustomWithLossCell extends nn.Cell {
  constructor(readonly _backbone: nn.Cell, readonly _loss_fn: nn.Cell) {
    super({ auto_prefix: false });
  }

  override construct(data: ms.Tensor, label1: ms.Tensor, label2: ms.Tensor) {
    const output = this._backbone(data);
    return this._loss_fn(output, label1, label2);
  }
}

function* get_multilabel_data(num: number, w = 2.0, b = 3.0) {
  for (let i = 0; i < num; i++) {
    const x = np.random.uniform(-10.0, 10.0);
    const noise1 = np.random.normal(0, 1);
    const noise2 = np.random.normal(-1, 1);
    const y1 = x * w + b + noise1;
    const y2 = x * w + b + noise2;
    yield [np.array([x]).astype(np.float32), np.array([y1]).astype(np.float32), np.array([y2]).astype(np.float32)];
  }
}

function create_multilabel_dataset(num_data: number, batch_size = 16) {
  let dataset = ds.GeneratorDataset([...get_multilabel_data(num_data)], { column_names: ['data', 'label1', 'label2'] });
  dataset = dataset.batch(batch_size);
  return dataset;
}

net = new LinearNet();
const multi_loss = new L1LossForMultiLabel();
// build loss network
const loss_net = new CustomWithLossCell(net, multi_loss);

opt = nn.Momentum(net.trainable_params(), { learning_rate: 0.005, momentum: 0.9 });
model = Model({ network: loss_net, optimizer: opt });
ds_train = create_multilabel_dataset(160);
await model.train({ epoch: 1, train_dataset: ds_train, callbacks: [LossMonitor()], dataset_sink_mode: false });
