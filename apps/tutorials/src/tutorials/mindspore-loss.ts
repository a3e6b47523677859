/**
 * MindSpore r2.3 "Loss Function" (seed 000), ported: built-in L1Loss with each reduction, MAELoss
 * built on `nn.Cell` and on `nn.LossBase`, training with `Model` and `LossMonitor`, and a multi-label
 * loss trained with `value_and_grad`.
 */
import { np, print } from '@rosetta/mindspore';
import { nn } from '@rosetta/mindspore';
import { Tensor } from '@rosetta/mindspore';
import { ops } from '@rosetta/mindspore';
import * as ms from '@rosetta/mindspore';
import { Model, LossMonitor } from '@rosetta/mindspore/train';
import { GeneratorDataset } from '@rosetta/mindspore/dataset';

// ## Built-in Loss Functions
// Output a mean loss value.
let loss: nn.LossBase = nn.L1Loss();
// Output a sum loss value.
const loss_sum = nn.L1Loss({ reduction: 'sum' });
// Output the original loss value.
const loss_none = nn.L1Loss({ reduction: 'none' });

let input_data = Tensor(np.array([[1, 2, 3], [2, 3, 4]]).astype(np.float32));
let target_data = Tensor(np.array([[0, 2, 5], [3, 1, 1]]).astype(np.float32));

print('loss:', loss(input_data, target_data));
print('loss_sum:', loss_sum(input_data, target_data));
print('loss_none:', loss_none(input_data, target_data));

// ### Building `nn.Cell`-based Loss Function
class MAELossCell extends nn.Cell {
  /** Customize the loss function MAELoss. */
  override construct(base: ms.Tensor, target: ms.Tensor) {
    return ops.abs(base.sub(target)).mean();
  }
}

const cellLoss = new MAELossCell();
input_data = Tensor(np.array([0.1, 0.2, 0.3]).astype(np.float32)); // Generate a predicted value.
target_data = Tensor(np.array([0.1, 0.2, 0.2]).astype(np.float32)); // Generate the actual value.

let output = cellLoss(input_data, target_data);
print(output);

// ### `nn.LossBase`-based Loss Function Build
class MAELoss extends nn.LossBase {
  /** Customize the loss function MAELoss. */
  override construct(base: ms.Tensor, target: ms.Tensor) {
    const x = ops.abs(base.sub(target));
    return this.get_loss(x); // Return the mean loss value.
  }
}

loss = new MAELoss();
input_data = Tensor(np.array([0.1, 0.2, 0.3]).astype(np.float32)); // Generate a predicted value.
target_data = Tensor(np.array([0.1, 0.2, 0.2]).astype(np.float32)); // Generate the actual value.

output = loss(input_data, target_data);
print(output);

// ## Loss Function and Model Training
function* get_data(num: number, w = 2.0, b = 3.0) {
  /** Generate data and corresponding labels. */
  for (let i = 0; i < num; i++) {
    const x = np.random.uniform(-10.0, 10.0);
    const noise = np.random.normal(0, 1);
    const y = x * w + b + noise;
    yield [np.array([x]).astype(np.float32), np.array([y]).astype(np.float32)];
  }
}

function create_dataset(num_data: number, batch_size = 16) {
  /** Load the dataset. */
  let dataset = GeneratorDataset([...get_data(num_data)], { column_names: ['data', 'label'] });
  dataset = dataset.batch(batch_size);
  return dataset;
}

const train_dataset = create_dataset(160);
const network = nn.Dense(1, 1);
const loss_fn = new MAELoss();
const optimizer = nn.Momentum(network.trainable_params(), { learning_rate: 0.005, momentum: 0.9 });

// Use the model API to associate the network, loss function, and optimizer.
const model = Model(network, loss_fn, optimizer);
await model.train(10, train_dataset, { callbacks: [LossMonitor(10)] });

// ## Multi-label Loss Function and Model Training
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
  let dataset = GeneratorDataset([...get_multilabel_data(num_data)], { column_names: ['data', 'label1', 'label2'] });
  dataset = dataset.batch(batch_size); // Each batch has 16 pieces of data.
  return dataset;
}

class MAELossForMultiLabel extends nn.LossBase {
  override construct(base: ms.Tensor, target1: ms.Tensor, target2: ms.Tensor) {
    const x1 = ops.abs(base.sub(target1));
    const x2 = ops.abs(base.sub(target2));
    return this.get_loss(x1).add(this.get_loss(x2)).div(2);
  }
}

const multi_dataset = create_multilabel_dataset(160);
// Define a multi-label loss function.
const multi_loss_fn = new MAELossForMultiLabel();
// Define the optimizer.
const opt = nn.Momentum(network.trainable_params(), { learning_rate: 0.005, momentum: 0.9 });

function forward_fn(data: ms.Tensor, label1: ms.Tensor, label2: ms.Tensor) {
  const output = network(data);
  return multi_loss_fn(output, label1, label2);
}

const grad_fn = ms.value_and_grad(forward_fn, null, opt.parameters);

function train_step(data: ms.Tensor, label1: ms.Tensor, label2: ms.Tensor) {
  const [loss, grads] = grad_fn(data, label1, label2);
  opt(grads as ms.Tensor[]);
  return loss;
}

function train(model: nn.Cell, dataset: typeof multi_dataset) {
  const size = dataset.get_dataset_size();
  model.set_train();
  let batch = 0;
  for (const [data, label1, label2] of dataset.create_tuple_iterator()) {
    const loss = train_step(data!, label1!, label2!);
    if (batch % 2 === 0) {
      const [value, current] = [Number(loss.asnumpy()), batch];
      print(`loss: ${value.toFixed(6).padStart(7)}  [${String(current).padStart(3)}/${String(size).padStart(3)}]`);
    }
    batch += 1;
  }
}

const epochs = 5;
for (let t = 0; t < epochs; t++) {
  print(`Epoch ${t + 1}\n-------------------------------`);
  train(network, multi_dataset);
}
print('Done!');
