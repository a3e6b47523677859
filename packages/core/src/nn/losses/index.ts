/**
 * Every loss of MindSpore, PyTorch and Gluon, written once over core ops. Each takes its inputs
 * and an options object (camelCase options, `reduction`, `name` for error messages) and returns
 * the loss reduced by `reduceLoss` ('none' gives the unreduced loss). Facades map names and defaults.
 */
export * from './regression.js';
export * from './cross-entropy.js';
export { nllLoss, type NllLossOptions } from './nll.js';
export * from './binary-cross-entropy.js';
export * from './kl-div.js';
export * from './margin.js';
export * from './embedding.js';
export * from './distance.js';
export * from './triplet.js';
export * from './poisson-gaussian.js';
export * from './ctc.js';
export * from './dice.js';
export * from './focal.js';
export * from './sampled-softmax.js';
export * from './adaptive-log-softmax.js';
export * from './gluon-l2.js';
export * from './gluon-margin.js';
export * from './logistic.js';
export * from './gluon-sigmoid-bce.js';
export * from './gluon-softmax-ce.js';
export * from './gluon-kl.js';
export * from './gluon-poisson.js';
export * from './sdml.js';
export * from './gluon-cosine-embedding.js';
export { reshapeLike } from './gluon-shared.js';
export { hinge, type LossKernel } from './kernels.js';
