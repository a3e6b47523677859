/** `mindspore.train` (`from mindspore.train import Model, LossMonitor`). */
export { Model } from './model.js';
export { Callback, RunContext, LossMonitor, TimeMonitor, type CallbackParams } from './callback/callbacks.js';
export { Metric, Loss, MAE, MSE, Accuracy } from './metrics-exports.js';
