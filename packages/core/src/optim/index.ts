/** Optimizer update rules, written once; the facades' optimizer classes map their options here. */
export { sgdUpdate, type SgdOptions, type SgdState } from './sgd.js';
export { adamUpdate, type AdamOptions, type AdamState } from './adam.js';
export { rmspropUpdate, type RmspropOptions, type RmspropState } from './rmsprop.js';
export { adagradUpdate, type AdagradOptions, type AdagradState } from './adagrad.js';
