/** `torch.nn` (`from torch import nn`). */
export { Module, Parameter, type ForwardHook } from './module.js';
export { Linear, Sequential, ReLU, Sigmoid, Tanh, Softmax, LogSoftmax, Identity, Flatten } from './layers.js';
export * from './losses.js';
export * as functional from './functional/index.js';
