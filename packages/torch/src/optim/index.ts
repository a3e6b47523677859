/** `torch.optim`. */
export { Optimizer, type ParamGroup, type ParamsArg } from './optimizer.js';
export { SGD } from './sgd.js';
export { Adam, AdamW } from './adam.js';
export * as lr_scheduler from './lr-scheduler.js';
