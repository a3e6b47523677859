/**
 * `@rosetta/torch`: the PyTorch API over the Rosetta engine (`import torch` →
 * `import * as torch from '@rosetta/torch'`).
 */
export { Tensor, type Operand } from './tensor.js';
export { dtype, float32, float, float64, double, int32, int, int64, long, bool } from './dtype.js';
export * from './creation.js';
export * from './functions.js';
export { set_default_device, get_default_device, set_num_threads, get_num_threads } from './device.js';
export * as nn from './nn/index.js';
export * as optim from './optim/index.js';
export * as utils from './utils/index.js';
export { np, print, pyStr as str } from '@rosetta/core';
