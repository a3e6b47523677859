/** Functional forms of every op (`torch.add(a, b)` style); Tensor methods call these. */
export * from './elementwise.js';
export { sum, mean, max, min, argmax, argmin, maxWithIndex, minWithIndex } from './reduce.js';
export { reshape, permute, transpose, expand, squeeze, unsqueeze, flatten, slice, narrow, pad, concat, stack } from './movement.js';
export { gather, scatterAdd } from './index-ops.js';
export { matmul } from './matmul.js';
export { relu, positivePart, sigmoid, softplus, logSigmoid, clamp } from './activations.js';
export { softmax, logSoftmax, logsumexp } from './softmax.js';
export { variance, std, norm } from './statistics.js';
export { oneHot } from './one-hot.js';
export { indexTensor, type IndexKey } from './indexing.js';
