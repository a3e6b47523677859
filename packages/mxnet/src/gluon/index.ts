/** `mxnet.gluon` (`from mxnet import gluon`; `from mxnet.gluon import nn, loss as gloss`). */
export * as nn from './nn/index.js';
export * as loss from './loss/index.js';
export * as data from './data/index.js';
import { newless } from '@rosetta/core';
import { ParameterDict as ParameterDictClass } from './parameter-dict.js';
import { Parameter as ParameterClass } from './parameter.js';
import { Trainer as TrainerClass } from './trainer.js';

/** `gluon.Trainer`, `gluon.Parameter`, `gluon.ParameterDict`, with and without `new`. */
export const Trainer = newless(TrainerClass);
export type Trainer = TrainerClass;
export const Parameter = newless(ParameterClass);
export type Parameter = ParameterClass;
export const ParameterDict = newless(ParameterDictClass);
export type ParameterDict = ParameterDictClass;
export { DeferredInitializationError } from './parameter.js';
export type { OptimizerParams } from './trainer.js';
export { Block, HybridBlock } from './block.js';
