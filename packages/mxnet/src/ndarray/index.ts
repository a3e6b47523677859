/** `mxnet.ndarray` (`from mxnet import nd`). */
export { NDArray, type Axis } from './ndarray.js';
export { array, full, zeros, ones, zeros_like, ones_like, arange, random } from './creation.js';
export * from './functions.js';
export type { Operand, MxDType } from './convert.js';
