/** The `mindspore.nn` losses. */
import { newless } from '@rosetta/core';
import { LossBaseImpl } from './loss-base.js';

/** `nn.LossBase(reduction='mean')`: subclass it, override `construct`, reduce with `get_loss`. */
export const LossBase = newless(LossBaseImpl);
export type LossBase = LossBaseImpl;
export * from './losses.js';
