/** `mxnet.gluon` (`from mxnet import gluon`; `from mxnet.gluon import nn, loss as gloss`). */
export * as nn from './nn/index.js';
export * as loss from './loss/index.js';
export * as data from './data/index.js';
export { Trainer, type OptimizerParams } from './trainer.js';
export { Parameter, DeferredInitializationError } from './parameter.js';
export { ParameterDict } from './parameter-dict.js';
export { Block, HybridBlock } from './block.js';
