/** `mxnet.initializer` (`mx.init`). */
export { Initializer, Uniform, Normal, Constant, Zero, One, Xavier } from './initializer.js';
