/** `torch.nn` (`from torch import nn`). */
import { newless } from '@rosetta/core';
import { Parameter as ParameterClass } from './module.js';

export { Module, type ForwardHook } from './module.js';
/** `nn.Parameter(data, requires_grad=True)`, with and without `new`. */
export const Parameter = newless(ParameterClass);
export type Parameter = ParameterClass;
export { Linear, Sequential, ReLU, Sigmoid, Tanh, Softmax, LogSoftmax, Identity, Flatten } from './layers.js';
export * from './losses.js';
export * as functional from './functional/index.js';
