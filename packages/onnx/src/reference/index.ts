/** Reference graphs written from ONNX ops, independently of the engine. */
export { softmaxCrossEntropyReference } from './softmax-cross-entropy.js';
export { nllReference, type NllReferenceOptions } from './nll.js';
export type { ReferenceModel, ClassLossOptions, OnnxReduction } from './types.js';
