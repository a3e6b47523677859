/** `torch.optim`. */
export { Optimizer, type ParamGroup, type ParamsArg } from './optimizer.js';
import { newless } from '@rosetta/core';
import { Adam as AdamClass, AdamW as AdamWClass } from './adam.js';
import { SGD as SGDClass } from './sgd.js';

/** The optimizers, constructible with and without `new` (`torch.optim.SGD(params, { lr })`). */
export const SGD = newless(SGDClass);
export type SGD = SGDClass;
export const Adam = newless(AdamClass);
export type Adam = AdamClass;
export const AdamW = newless(AdamWClass);
export type AdamW = AdamWClass;
export * as lr_scheduler from './lr-scheduler-exports.js';
