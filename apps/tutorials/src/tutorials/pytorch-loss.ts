/**
 * "5-3 loss functions" (seed 002, eat_pytorch_in_20_days), ported: built-in losses, a custom
 * FocalLoss, L1/L2 regularisation on a circles classifier trained with torchkeras, and weight-decay
 * parameter groups. Plots go to SVG files.
 */
// import numpy as np
// import pandas as pd
import { np } from '@rosetta/torch';
import * as torch from '@rosetta/torch';
import { nn, print } from '@rosetta/torch';
import * as F from '@rosetta/torch/nn/functional';
import { DataLoader, TensorDataset } from '@rosetta/torch/utils/data';
import * as torchkeras from '@rosetta/torch/torchkeras';
import * as plt from '../pyplot.js';
import type { Tensor } from '@rosetta/torch';

// ### One, built-in loss function
const y_pred = torch.tensor([[10.0, 0.0, -10.0], [8.0, 8.0, 8.0]]);
const y_true = torch.tensor([0, 2]);

// Directly call the cross entropy loss
const ce = nn.CrossEntropyLoss()(y_pred, y_true);
print(ce);

// It is equivalent to calculating nn.LogSoftmax activation first, and then calling NLLLoss
const y_pred_logsoftmax = nn.LogSoftmax({ dim: 1 })(y_pred);
const nll = nn.NLLLoss()(y_pred_logsoftmax, y_true);
print(nll);

// ### Second, custom loss function
class FocalLoss extends nn.Module {
  gamma: number;
  alpha: number;
  constructor(gamma = 2.0, alpha = 0.75) {
    super();
    this.gamma = gamma;
    this.alpha = alpha;
  }

  override forward(y_pred: Tensor, y_true: Tensor) {
    const bce = torch.nn.BCELoss({ reduction: 'none' })(y_pred, y_true);
    const p_t = y_true.mul(y_pred).add(torch.sub(1, y_true).mul(torch.sub(1, y_pred)));
    const alpha_factor = y_true.mul(this.alpha).add(torch.sub(1, y_true).mul(1 - this.alpha));
    const modulating_factor = torch.pow(torch.sub(1.0, p_t), this.gamma);
    const loss = torch.mean(alpha_factor.mul(modulating_factor).mul(bce));
    return loss;
  }
}

// Difficult sample
const y_pred_hard = torch.tensor([[0.5], [0.5]]);
const y_true_hard = torch.tensor([[1.0], [0.0]]);
// Easy sample
const y_pred_easy = torch.tensor([[0.9], [0.1]]);
const y_true_easy = torch.tensor([[1.0], [0.0]]);

const focal_loss = new FocalLoss();
const bce_loss = nn.BCELoss();

print('focal_loss(hard samples):', focal_loss(y_pred_hard, y_true_hard));
print('bce_loss(hard samples):', bce_loss(y_pred_hard, y_true_hard));
print('focal_loss(easy samples):', focal_loss(y_pred_easy, y_true_easy));
print('bce_loss(easy samples):', bce_loss(y_pred_easy, y_true_easy));

// ### Three, custom L1 and L2 regularization items
// **1, prepare data**
// %matplotlib inline
// %config InlineBackend.figure_format ='svg'

// Number of positive and negative samples
const [n_positive, n_negative] = [200, 6000];

// Generate positive samples, small circle distribution
const r_p = torch.normal(0.0, 1.0, { size: [n_positive, 1] }).add(5.0);
const theta_p = torch.rand([n_positive, 1]).mul(2 * np.pi);
const Xp = torch.cat([r_p.mul(torch.cos(theta_p)), r_p.mul(torch.sin(theta_p))], { axis: 1 });
const Yp = torch.ones_like(r_p);

// Generate negative samples, large circle distribution
const r_n = torch.normal(0.0, 1.0, { size: [n_negative, 1] }).add(8.0);
const theta_n = torch.rand([n_negative, 1]).mul(2 * np.pi);
const Xn = torch.cat([r_n.mul(torch.cos(theta_n)), r_n.mul(torch.sin(theta_n))], { axis: 1 });
const Yn = torch.zeros_like(r_n);

// Summary sample
const X = torch.cat([Xp, Xn], { axis: 0 });
const Y = torch.cat([Yp, Yn], { axis: 0 });

// Visualization
plt.figure({ figsize: [6, 6] });
plt.scatter(Xp.index(':', 0), Xp.index(':', 1), { c: 'r' });
plt.scatter(Xn.index(':', 0), Xn.index(':', 1), { c: 'g' });
plt.legend(['positive', 'negative']);
print('figure:', await plt.savefig('circles-data.svg'));

const ds = TensorDataset(X, Y);
const [ds_train, ds_valid] = torch.utils.data.random_split(ds, [Math.trunc(ds.length * 0.7), ds.length - Math.trunc(ds.length * 0.7)]);
const dl_train = DataLoader(ds_train!, { batch_size: 100, shuffle: true, num_workers: 2 });
const dl_valid = DataLoader(ds_valid!, { batch_size: 100, num_workers: 2 });

// **2, define the model**
class DNNModel extends torchkeras.Model {
  fc1 = nn.Linear(2, 4);
  fc2 = nn.Linear(4, 8);
  fc3 = nn.Linear(8, 1);

  override forward(x: Tensor) {
    x = F.relu(this.fc1(x));
    x = F.relu(this.fc2(x));
    const y = nn.Sigmoid()(this.fc3(x));
    return y;
  }
}

const model = new DNNModel();

model.summary({ input_shape: [2] });

// **3, training model**
// Accuracy
function accuracy(y_pred: Tensor, y_true: Tensor) {
  y_pred = torch.where(y_pred.gt(0.5), torch.ones_like(y_pred, { dtype: torch.float32 }), torch.zeros_like(y_pred, { dtype: torch.float32 }));
  const acc = torch.mean(torch.sub(1, torch.abs(y_true.sub(y_pred))));
  return acc;
}

// L2 regularization
function L2Loss(model: nn.Module, alpha: number) {
  let l2_loss = torch.tensor(0.0, { requires_grad: true });
  for (const [name, param] of model.named_parameters()) {
    if (!name.includes('bias')) {
      // Generally do not use regularity for bias items
      l2_loss = l2_loss.add(torch.sum(torch.pow(param, 2)).mul(0.5 * alpha));
    }
  }
  return l2_loss;
}

// L1 regularization
function L1Loss(model: nn.Module, beta: number) {
  let l1_loss = torch.tensor(0.0, { requires_grad: true });
  for (const [name, param] of model.named_parameters()) {
    if (!name.includes('bias')) {
      l1_loss = l1_loss.add(torch.sum(torch.abs(param)).mul(beta));
    }
  }
  return l1_loss;
}

// Add L2 regular and L1 regular to FocalLoss loss, together as the objective function
function focal_loss_with_regularization(y_pred: Tensor, y_true: Tensor) {
  const focal = new FocalLoss()(y_pred, y_true);
  const l2_loss = L2Loss(model, 0.001); // Pay attention to setting the regularization term coefficient
  const l1_loss = L1Loss(model, 0.001);
  const total_loss = focal.add(l2_loss).add(l1_loss);
  return total_loss;
}

model.compile({
  loss_func: focal_loss_with_regularization,
  optimizer: torch.optim.Adam(model.parameters(), { lr: 0.01 }),
  metrics_dict: { accuracy: accuracy },
});

const dfhistory = model.fit(30, { dl_train: dl_train, dl_val: dl_valid, log_step_freq: 30 });

// Result visualization
const [fig, [ax1, ax2]] = plt.subplots({ nrows: 1, ncols: 2, figsize: [12, 5] });
void fig;
ax1!.scatter(Xp.index(':', 0), Xp.index(':', 1), { c: 'r' });
ax1!.scatter(Xn.index(':', 0), Xn.index(':', 1), { c: 'g' });
ax1!.legend(['positive', 'negative']);
ax1!.set_title('y_true');

const Xp_pred = X.index(torch.squeeze(model.forward(X).ge(0.5)));
const Xn_pred = X.index(torch.squeeze(model.forward(X).lt(0.5)));

ax2!.scatter(Xp_pred.index(':', 0), Xp_pred.index(':', 1), { c: 'r' });
ax2!.scatter(Xn_pred.index(':', 0), Xn_pred.index(':', 1), { c: 'g' });
ax2!.legend(['positive', 'negative']);
ax2!.set_title('y_pred');
print('figure:', await plt.savefig('focal-loss-prediction.svg'));

print('final val_accuracy:', dfhistory.get('val_accuracy').at(-1));

// ### Fourth, realize L2 regularization through the optimizer
const weight_params = model.named_parameters().filter(([name]) => !name.includes('bias')).map(([, param]) => param);
const bias_params = model.named_parameters().filter(([name]) => name.includes('bias')).map(([, param]) => param);

const optimizer = torch.optim.SGD(
  [{ params: weight_params, weight_decay: 1e-5 }, { params: bias_params, weight_decay: 0 }],
  { lr: 1e-2, momentum: 0.9 },
);
print(optimizer);
