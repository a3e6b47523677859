/**
 * MXNet Gluon "Loss functions" (seed 003), ported: every code cell in order. A notebook cell that
 * ends in an expression displays it; here that is `print(...)`. Plots go to SVG files.
 */
// from IPython import display
// from matplotlib import pyplot as plt
import * as plt from '../pyplot.js';
import * as mx from '@rosetta/mxnet';
import { nd, autograd, print, str } from '@rosetta/mxnet';
import { nn, loss as gloss } from '@rosetta/mxnet/gluon';
import type { NDArray } from '@rosetta/mxnet';

// ## Basic Usages
let loss: gloss.Loss = gloss.L2Loss();

let x = nd.ones([2]);
let y = nd.ones([2]).mul(2);
print(loss(x, y));

print(x.sub(y).pow(2).mul(0.5));

const X = nd.random.uniform({ shape: [2, 4] });
const net = nn.Dense(1);
net.initialize();
const l = autograd.record(() => loss(net(X), y));
print(l);

l.backward();
print(net.weight.grad());

// ## Loss functions
async function plot(x: NDArray, y: NDArray) {
  // display.set_matplotlib_formats('svg')
  plt.plot(x.asnumpy(), y.asnumpy());
  plt.xlabel('x');
  plt.ylabel('loss');
  await plt.show();
}

async function show_regression_loss(loss: gloss.Loss) {
  const x = nd.arange(-5, 5, 0.1);
  const y = loss(x, nd.zeros_like(x));
  await plot(x, y);
}

async function show_classification_loss(loss: gloss.Loss) {
  const x = nd.arange(-5, 5, 0.1);
  const y = loss(x, nd.ones_like(x));
  await plot(x, y);
}

// #### L1 Loss
await show_regression_loss(gloss.L1Loss());
// #### L2 Loss
await show_regression_loss(gloss.L2Loss());
// #### Huber Loss
await show_regression_loss(gloss.HuberLoss({ rho: 1 }));
// #### Cross Entropy Loss with Sigmoid
await show_classification_loss(gloss.SigmoidBinaryCrossEntropyLoss());

// #### Cross Entropy Loss with Softmax
loss = gloss.SoftmaxCrossEntropyLoss();
x = nd.array([[1, 10], [8, 2]]);
y = nd.array([0, 1]);
print(loss(x, y));

// #### Hinge Loss
await show_classification_loss(gloss.HingeLoss());
// #### Logistic Loss
await show_classification_loss(gloss.LogisticLoss());

// #### Kullback-Leibler Divergence Loss
const output = mx.nd.array([[0.39056206, 1.3068528, 0.39056206, -0.30258512]]);
print(`output.softmax(): ${str(output.softmax().asnumpy().tolist())}`);
const target_dist = mx.nd.array([[0.3, 0.4, 0.1, 0.2]]);
const loss_fn = gloss.KLDivLoss({ from_logits: false });
const kl = loss_fn(output, target_dist);
print(`loss (kl divergence): ${str(kl.asnumpy().tolist())}`);

// #### Cosine Embedding Loss
x = mx.nd.array([1, 0, 1, 0, 1, 0]);
y = mx.nd.array([1, 0, 1, 0, 1, 0]);
let label = mx.nd.array(1);
loss = gloss.CosineEmbeddingLoss();
print(loss(x, y, label));

x = mx.nd.array([1, 0, 1, 0, 1, 0]);
y = mx.nd.array([0, 1, 0, 1, 0, 1]);
label = mx.nd.array(-1);
loss = gloss.CosineEmbeddingLoss();
print(loss(x, y, label));

// ## Advanced: Weighted Loss
x = nd.ones([2]);
y = nd.ones([2]).mul(2);
loss = gloss.L2Loss();
print(loss(x, y, nd.array([1, 2])));
