/** `mindspore.nn` (`from mindspore import nn`). */
export { Cell, Parameter } from './cell.js';
export { Dense, SequentialCell, ReLU, Sigmoid, Tanh, Softmax, Flatten } from './layers.js';
export * from './loss/index.js';
export { Momentum, SGD, Adam, type Optimizer } from './optim.js';
export { WithLossCell, TrainOneStepCell } from './wrappers.js';
export { Loss, MAE, MSE, Accuracy, Metric } from '../train/metrics-exports.js';
