/** `mindspore.train.callback`. */
export { Callback, RunContext, LossMonitor, TimeMonitor, type CallbackParams } from './callbacks.js';
