/**
 * `@rosetta/mindspore`: the MindSpore API over the Rosetta engine (`import mindspore as ms` →
 * `import * as ms from '@rosetta/mindspore'`; `from mindspore import nn, ops, Tensor`).
 */
export { Tensor } from './tensor.js';
export { Type, float32, float64, int32, int64, bool_ } from './dtype.js';
export { Parameter } from './nn/cell.js';
export { value_and_grad } from './value-and-grad.js';
export { set_seed } from './seed.js';
export { set_context, get_context } from './context.js';
export { Model } from './train/model.js';
export { memory_scope } from './memory.js';
export * as nn from './nn/index.js';
export * as ops from './ops/index.js';
export * as dataset from './dataset/index.js';
export * as train from './train/index.js';
export { np, print, pyStr as str } from '@rosetta/core';
