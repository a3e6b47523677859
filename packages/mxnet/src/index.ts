/**
 * `@rosetta/mxnet`: the MXNet Gluon API over the Rosetta engine (`import mxnet as mx` →
 * `import * as mx from '@rosetta/mxnet'`; `from mxnet import nd, autograd` →
 * `import { nd, autograd } from '@rosetta/mxnet'`).
 */
export * as nd from './ndarray/index.js';
export * as ndarray from './ndarray/index.js';
export * as autograd from './autograd/index.js';
export * as gluon from './gluon/index.js';
export * as init from './initializer/index.js';
export * as initializer from './initializer/index.js';
export * as random from './random.js';
export { cpu, current_context } from './context.js';
import { newless } from '@rosetta/core';
import { Context as ContextClass } from './context.js';
/** `mx.Context(device_type, device_id)`, with and without `new`. */
export const Context = newless(ContextClass);
export type Context = ContextClass;
export { NDArray } from './ndarray/ndarray.js';
export { memory_scope } from './memory.js';
export { np, print, pyStr as str } from '@rosetta/core';
