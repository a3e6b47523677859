import * as core from '@rosetta/core';
import type { ReductionMode, Tensor } from '@rosetta/core';
import { nllReference } from '../reference/nll.js';
import { softmaxCrossEntropyReference } from '../reference/softmax-cross-entropy.js';
import type { ReferenceModel } from '../reference/types.js';
import { SuiteInputs } from './inputs.js';

/** One loss of the built-in cross-check suite: how to call it and on what. */
export interface LossCase {
  /** The loss, as the table shows it. */
  loss: string;
  reductions: readonly ReductionMode[];
  /** Fresh inputs for the case (seeded). */
  inputs: () => Tensor[];
  fn: (reduction: ReductionMode) => (...xs: Tensor[]) => Tensor | Tensor[];
  /** An independent ONNX graph to compare with instead of the engine's own export. */
  reference?: (reduction: ReductionMode) => ReferenceModel;
}

const R3: readonly ReductionMode[] = ['none', 'mean', 'sum'];
const GLUON: readonly ReductionMode[] = ['none', { batchAxis: 0 }];
const NONE: readonly ReductionMode[] = ['none'];

/** A case with inputs drawn from their own seeded stream. */
function c(loss: string, reductions: readonly ReductionMode[], seed: number, inputs: (g: SuiteInputs) => Tensor[], fn: LossCase['fn'], reference?: LossCase['reference']): LossCase {
  return { loss, reductions, inputs: () => inputs(new SuiteInputs(seed)), fn, ...(reference ? { reference } : {}) };
}

const N = 4;
const C = 5;
const xy = (g: SuiteInputs): Tensor[] => [g.uniform([N, C], -2, 2), g.uniform([N, C], -2, 2)];

/**
 * Every built-in loss of core, each checked per reduction: the engine on every backend against
 * ONNX Runtime running the engine's export, and for softmax cross-entropy and NLL also against
 * graphs written independently from ONNX's own loss operators.
 */
export const LOSS_CASES: readonly LossCase[] = [
  c('l1', R3, 1, xy, (reduction) => (x, y) => core.l1Loss(x!, y!, { reduction })),
  c('mse', R3, 2, xy, (reduction) => (x, y) => core.mseLoss(x!, y!, { reduction })),
  c('rmse', NONE, 3, xy, () => (x, y) => core.rmseLoss(x!, y!)),
  c('smooth_l1 (beta 0.5)', R3, 4, xy, (reduction) => (x, y) => core.smoothL1Loss(x!, y!, { reduction, beta: 0.5 })),
  c('huber (delta 0.7)', R3, 5, xy, (reduction) => (x, y) => core.huberLoss(x!, y!, { reduction, delta: 0.7 })),
  c('soft_margin', R3, 6, (g) => [g.uniform([N, C], -3, 3), g.signs([N, C])], (reduction) => (x, y) => core.softMarginLoss(x!, y!, { reduction })),
  c('multi_margin (p 2, weight)', R3, 7, (g) => [g.uniform([N, C]), g.ints([N], C), g.uniform([C], 0.5, 1.5)],
    (reduction) => (x, t, w) => core.multiMarginLoss(x!, t!, { reduction, p: 2, margin: 0.8, weight: w! })),
  c('cross_entropy (indices)', R3, 8, (g) => [g.uniform([N, C], -3, 3), g.ints([N], C)], (reduction) => (x, t) => core.crossEntropyLoss(x!, t!, { reduction })),
  c('cross_entropy (weight, ignore_index, smoothing)', R3, 9, (g) => [g.uniform([N, C], -3, 3), g.ints([N], C), g.uniform([C], 0.5, 1.5)],
    (reduction) => (x, t, w) => core.crossEntropyLoss(x!, t!, { reduction, weight: w!, ignoreIndex: 1, labelSmoothing: 0.1 })),
  c('cross_entropy (probabilities, K-dim)', R3, 10, (g) => [g.uniform([2, C, 3], -3, 3), g.uniform([2, 3, C], -2, 2).softmax(-1).permute([0, 2, 1])],
    (reduction) => (x, p) => core.crossEntropyLoss(x!, p!, { reduction })),
  c('cross_entropy vs ONNX SoftmaxCrossEntropyLoss', R3, 11, (g) => [g.uniform([N, C], -3, 3), g.ints([N], C), g.uniform([C], 0.5, 1.5)],
    (reduction) => (x, t, w) => [core.crossEntropyLoss(x!, t!, { reduction, weight: w!, ignoreIndex: 2 }), x!.logSoftmax(1)],
    (reduction) => softmaxCrossEntropyReference({ batch: N, classes: C, reduction: reduction as 'none' | 'mean' | 'sum', weighted: true, ignoreIndex: 2 })),
  c('nll vs ONNX NegativeLogLikelihoodLoss', R3, 12, (g) => [g.uniform([N, C], -3, 3).logSoftmax(1), g.ints([N], C), g.uniform([C], 0.5, 1.5)],
    (reduction) => (x, t, w) => core.nllLoss(x!, t!, { reduction, weight: w!, ignoreIndex: 3 }),
    (reduction) => nllReference({ batch: N, classes: C, reduction: reduction as 'none' | 'mean' | 'sum', weighted: true, ignoreIndex: 3 })),
  c('binary_cross_entropy (weight)', R3, 13, (g) => [g.uniform([N, C], 0.02, 0.98), g.bits([N, C]), g.uniform([N, C], 0.5, 1.5)],
    (reduction) => (p, y, w) => core.binaryCrossEntropyLoss(p!, y!, { reduction, weight: w! })),
  c('binary_cross_entropy_with_logits (pos_weight)', R3, 14, (g) => [g.uniform([N, C], -4, 4), g.bits([N, C]), g.uniform([C], 0.5, 2)],
    (reduction) => (x, y, pw) => core.binaryCrossEntropyWithLogitsLoss(x!, y!, { reduction, posWeight: pw! })),
  c('cosine_embedding (margin 0.2)', R3, 15, (g) => [g.uniform([N, C]), g.uniform([N, C]), g.signs([N])],
    (reduction) => (a, b, y) => core.cosineEmbeddingLoss(a!, b!, y!, { reduction, margin: 0.2 })),
  c('margin_ranking (margin 0.3)', R3, 16, (g) => [g.uniform([N]), g.uniform([N]), g.signs([N])],
    (reduction) => (a, b, y) => core.marginRankingLoss(a!, b!, y!, { reduction, margin: 0.3 })),
  c('hinge_embedding', R3, 17, (g) => [g.uniform([N, C], -2, 2), g.signs([N, C])], (reduction) => (x, y) => core.hingeEmbeddingLoss(x!, y!, { reduction })),
  c('multilabel_margin', R3, 18, (g) => [g.uniform([N, C]), core.tensor([[3, 0, -1, 1, 1], [1, 2, 4, -1, 0], [0, -1, 2, 2, 2], [4, 3, 2, 1, 0]], { dtype: 'int64' })],
    (reduction) => (x, t) => core.multilabelMarginLoss(x!, t!, { reduction })),
  c('multilabel_soft_margin (weight)', R3, 19, (g) => [g.uniform([N, C], -3, 3), g.bits([N, C]), g.uniform([C], 0.5, 1.5)],
    (reduction) => (x, y, w) => core.multilabelSoftMarginLoss(x!, y!, { reduction, weight: w! })),
  c('kl_div', ['none', 'mean', 'sum', 'batchmean'], 20, (g) => [g.probs([N, C]).log(), g.probs([N, C])], (reduction) => (x, y) => core.klDivLoss(x!, y!, { reduction })),
  c('kl_div (log_target)', ['none', 'batchmean'], 21, (g) => [g.probs([N, C]).log(), g.probs([N, C]).log()], (reduction) => (x, y) => core.klDivLoss(x!, y!, { reduction, logTarget: true })),
  c('poisson_nll (full)', R3, 22, (g) => [g.uniform([N, C], -1, 1), g.uniform([N, C], 0, 4).floor()], (reduction) => (x, y) => core.poissonNllLoss(x!, y!, { reduction, full: true })),
  c('poisson_nll (rate input)', R3, 23, (g) => [g.uniform([N, C], 0.1, 3), g.uniform([N, C], 0, 4).floor()], (reduction) => (x, y) => core.poissonNllLoss(x!, y!, { reduction, logInput: false })),
  c('gaussian_nll (full)', R3, 24, (g) => [g.uniform([N, C]), g.uniform([N, C]), g.uniform([N, 1], 0.2, 2)], (reduction) => (x, y, v) => core.gaussianNllLoss(x!, y!, v!, { reduction, full: true })),
  c('triplet_margin (p 2, swap)', R3, 25, (g) => [g.uniform([N, C]), g.uniform([N, C]), g.uniform([N, C])],
    (reduction) => (a, p, n) => core.tripletMarginLoss(a!, p!, n!, { reduction, swap: true })),
  c('triplet_margin_with_distance', R3, 26, (g) => [g.uniform([N, C]), g.uniform([N, C]), g.uniform([N, C])],
    (reduction) => (a, p, n) => core.tripletMarginWithDistanceLoss(a!, p!, n!, { reduction, margin: 0.5 })),
  c('cosine_similarity', NONE, 27, xy, () => (a, b) => core.cosineSimilarity(a!, b!)),
  c('pairwise_distance', NONE, 28, xy, () => (a, b) => core.pairwiseDistance(a!, b!)),
  c('ctc', R3, 29, (g) => [g.uniform([6, 2, C], -2, 2).logSoftmax(2), core.tensor([[1, 2, 2], [3, 1, 0]], { dtype: 'int64' })],
    (reduction) => (lp, t) => core.ctcLoss(lp!, t!, { reduction, inputLengths: [6, 5], targetLengths: [3, 2] })),
  c('dice (MindSpore)', NONE, 30, (g) => [g.uniform([N, C], 0, 1), g.bits([N, C])], () => (p, y) => core.diceLoss(p!, y!)),
  c('multiclass_dice (MindSpore)', NONE, 31, (g) => [g.uniform([N, C], -2, 2), g.bits([N, C])], () => (p, y) => core.multiClassDiceLoss(p!, y!)),
  c('focal (MindSpore)', R3, 32, (g) => [g.uniform([N, C], -2, 2), g.ints([N, 1], C)], (reduction) => (x, t) => core.focalLoss(x!, t!, { reduction })),
  c('sampled_softmax (MindSpore)', NONE, 33, (g) => [g.uniform([8, 3]), g.uniform([8]), g.ints([N, 1], 8), g.uniform([N, 3])],
    () => (w, b, l, x) => core.sampledSoftmaxLoss(w!, b!, l!, x!, { numSampled: 4, numClasses: 8 })),
  c('adaptive_log_softmax', ['mean'], 34, (g) => [g.uniform([N, 3]), core.tensor([0, 2, 4, 3], { dtype: 'int64' }), g.uniform([4, 3]), g.uniform([2, 3]), g.uniform([3, 2])],
    () => (x, t, hw, p, o) => core.adaptiveLogSoftmaxWithLoss(x!, t!, { headWeight: hw!, tailWeights: [[p!, o!]], cutoffs: [3] }).loss),
  c('gluon l2', GLUON, 35, xy, (reduction) => (x, y) => core.l2Loss(x!, y!, { reduction })),
  c('gluon hinge', GLUON, 36, (g) => [g.uniform([N, C], -2, 2), g.signs([N, C])], (reduction) => (x, y) => core.hingeLoss(x!, y!, { reduction })),
  c('gluon squared_hinge', GLUON, 37, (g) => [g.uniform([N, C], -2, 2), g.signs([N, C])], (reduction) => (x, y) => core.squaredHingeLoss(x!, y!, { reduction })),
  c('gluon logistic (binary)', GLUON, 38, (g) => [g.uniform([N, C], -3, 3), g.bits([N, C])], (reduction) => (x, y) => core.logisticLoss(x!, y!, { reduction, labelFormat: 'binary' })),
  c('gluon triplet', GLUON, 39, (g) => [g.uniform([N, C]), g.uniform([N, C]), g.uniform([N, C])], (reduction) => (a, p, n) => core.tripletLoss(a!, p!, n!, { reduction })),
  c('gluon sdml', GLUON, 40, (g) => [g.uniform([N, C]), g.uniform([N, C])], (reduction) => (a, b) => core.sdmlLoss(a!, b!, { reduction })),
  c('gluon sigmoid_bce (pos_weight)', GLUON, 41, (g) => [g.uniform([N, C], -4, 4), g.bits([N, C]), g.uniform([C], 0.5, 2)],
    (reduction) => (x, y, pw) => core.sigmoidBinaryCrossEntropyLoss(x!, y!, { reduction, posWeight: pw! })),
  c('gluon softmax_ce (sparse)', GLUON, 42, (g) => [g.uniform([N, C], -3, 3), g.ints([N], C)], (reduction) => (x, t) => core.softmaxCrossEntropyLoss(x!, t!, { reduction })),
  c('gluon kl', GLUON, 43, (g) => [g.probs([N, C]).log(), g.probs([N, C])], (reduction) => (x, y) => core.gluonKlDivLoss(x!, y!, { reduction })),
  c('gluon poisson_nll (compute_full)', GLUON, 44, (g) => [g.uniform([N, C], -1, 1), g.uniform([N, C], 0, 4).floor()],
    (reduction) => (x, y) => core.gluonPoissonNllLoss(x!, y!, { reduction, computeFull: true })),
  c('gluon cosine_embedding (margin 0.1)', GLUON, 46, (g) => [g.uniform([N, C]), g.uniform([N, C]), g.signs([N])],
    (reduction) => (a, b, y) => core.gluonCosineEmbeddingLoss(a!, b!, y!, { reduction, margin: 0.1 })),
  c('gluon ctc (blank last)', NONE, 45, (g) => [g.uniform([2, 6, C], -2, 2), core.tensor([[1, 2, 2], [3, 1, -1]], { dtype: 'float32' })],
    () => (x, l) => core.gluonCtcLoss(x!, l!)),
];
