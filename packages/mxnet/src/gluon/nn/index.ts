/** `mxnet.gluon.nn`. */
export { Block, HybridBlock } from '../block.js';
export { Dense, Sequential, HybridSequential, Activation, Flatten } from './basic-layers.js';
