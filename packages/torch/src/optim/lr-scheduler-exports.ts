/** `torch.optim.lr_scheduler`, constructible with and without `new`. */
import { newless } from '@rosetta/core';
import { StepLR as StepLRClass } from './lr-scheduler.js';

export const StepLR = newless(StepLRClass);
export type StepLR = StepLRClass;
