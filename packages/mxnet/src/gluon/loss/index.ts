/** `mxnet.gluon.loss` (`from mxnet.gluon import loss as gloss`): every Gluon 1.x loss. */
import { newless } from '@rosetta/core';
import { LossImpl } from './loss-base.js';

/** `gluon.loss.Loss(weight, batch_axis)`: subclass it and override `forward` (or `hybrid_forward`). */
export const Loss = newless(LossImpl);
export type Loss = LossImpl;
export { L2Loss, L1Loss, HuberLoss } from './regression.js';
export {
  SigmoidBinaryCrossEntropyLoss, SigmoidBCELoss, SoftmaxCrossEntropyLoss, SoftmaxCELoss, KLDivLoss,
  HingeLoss, SquaredHingeLoss, LogisticLoss,
} from './classification.js';
export { TripletLoss, CosineEmbeddingLoss, SDMLLoss, PoissonNLLLoss, CTCLoss } from './other.js';
