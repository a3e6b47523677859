/**
 * Cross-check cases for the PyTorch-family losses against reference graphs written from ONNX ops
 * independently of the engine (src/reference/torch-*.ts; ONNX's own SoftmaxCrossEntropyLoss where
 * it applies): each loss × main options × every reduction the loss has, the engine's core loss on
 * every backend against ONNX Runtime running the hand-written graph. float32 by default;
 * `torchReferenceCasesFloat64` gives float64 variants (inputs cast, graphs built in float64).
 */
import * as core from '@rosetta/core';
import type { ReductionMode, Tensor } from '@rosetta/core';
import { torchBceReference, torchBceWithLogitsReference } from '../reference/torch-bce.js';
import { torchReduction, type FloatDType } from '../reference/torch-common.js';
import { torchCrossEntropyReference } from '../reference/torch-cross-entropy.js';
import { torchCosineSimilarityReference, torchPairwiseDistanceReference, torchTripletMarginReference } from '../reference/torch-distance.js';
import { torchCosineEmbeddingReference } from '../reference/torch-embedding.js';
import { torchGaussianNllReference, torchKlDivReference, torchPoissonNllReference } from '../reference/torch-likelihood.js';
import {
  torchHingeEmbeddingReference, torchMarginRankingReference, torchMultilabelMarginReference, torchMultilabelSoftMarginReference,
  torchMultiMarginReference, torchSoftMarginReference,
} from '../reference/torch-margin.js';
import { torchRegressionReference, type TorchRegressionLoss } from '../reference/torch-regression.js';
import type { ReferenceModel } from '../reference/types.js';
import type { LossCase } from './builtin-losses.js';
import { SuiteInputs } from './inputs.js';
import { float64Cases, specCase, type ReferenceSpec } from './reference-spec.js';

const R3: readonly ReductionMode[] = ['none', 'mean', 'sum'];
const R4: readonly ReductionMode[] = ['none', 'mean', 'sum', 'batchmean'];
const NONE: readonly ReductionMode[] = ['none'];


const N = 4;
const C = 5;
const S2 = [N, C];
const K3 = [2, C, 3]; // (N, C, d1) for the K-dim cases
const tr = torchReduction;
const xy = (g: SuiteInputs): Tensor[] => [g.uniform(S2, -2, 2), g.uniform(S2, -2, 2)];
const regression = (loss: TorchRegressionLoss) => (r: ReductionMode, dtype: FloatDType) => torchRegressionReference({ loss, shape: S2, reduction: tr(r), dtype });
/** Probabilities of shape (2, C, 3) (softmax over C). */
const probsK = (g: SuiteInputs): Tensor => g.uniform([2, 3, C], -2, 2).softmax(-1).permute([0, 2, 1]);

const MULTI_MARGIN_P2_WEIGHT = 'multi_margin (p 2, weight after the power as PyTorch’s kernel, ref)';

const SPECS: ReferenceSpec[] = [
  // regression
  { loss: 'l1 (ref)', reductions: R3, seed: 201, inputs: xy, fn: (reduction) => (x, y) => core.l1Loss(x!, y!, { reduction }), ref: regression({ kind: 'l1' }) },
  { loss: 'mse (ref)', reductions: R3, seed: 202, inputs: xy, fn: (reduction) => (x, y) => core.mseLoss(x!, y!, { reduction }), ref: regression({ kind: 'mse' }) },
  { loss: 'rmse (ref)', reductions: NONE, seed: 203, inputs: xy, fn: () => (x, y) => core.rmseLoss(x!, y!), ref: regression({ kind: 'rmse' }) },
  { loss: 'smooth_l1 (beta 0.5, ref)', reductions: R3, seed: 204, inputs: xy, fn: (reduction) => (x, y) => core.smoothL1Loss(x!, y!, { reduction, beta: 0.5 }), ref: regression({ kind: 'smooth_l1', beta: 0.5 }) },
  { loss: 'smooth_l1 (beta 0 = l1, ref)', reductions: R3, seed: 205, inputs: xy, fn: (reduction) => (x, y) => core.smoothL1Loss(x!, y!, { reduction, beta: 0 }), ref: regression({ kind: 'smooth_l1', beta: 0 }) },
  { loss: 'huber (delta 0.7, ref)', reductions: R3, seed: 206, inputs: xy, fn: (reduction) => (x, y) => core.huberLoss(x!, y!, { reduction, delta: 0.7 }), ref: regression({ kind: 'huber', delta: 0.7 }) },
  { loss: 'huber (delta 1.5, ref)', reductions: R3, seed: 207, inputs: xy, fn: (reduction) => (x, y) => core.huberLoss(x!, y!, { reduction, delta: 1.5 }), ref: regression({ kind: 'huber', delta: 1.5 }) },
  // margin
  { loss: 'soft_margin (ref)', reductions: R3, seed: 208, inputs: (g) => [g.uniform(S2, -3, 3), g.signs(S2)],
    fn: (reduction) => (x, y) => core.softMarginLoss(x!, y!, { reduction }), ref: (r, dtype) => torchSoftMarginReference({ shape: S2, reduction: tr(r), dtype }) },
  { loss: 'multi_margin (p 1, margin 0.8, weight, ref)', reductions: R3, seed: 209, inputs: (g) => [g.uniform(S2), g.ints([N], C), g.uniform([C], 0.5, 1.5)],
    fn: (reduction) => (x, t, w) => core.multiMarginLoss(x!, t!, { reduction, p: 1, margin: 0.8, weight: w! }),
    ref: (r, dtype) => torchMultiMarginReference({ batch: N, classes: C, p: 1, margin: 0.8, weighted: true, reduction: tr(r), dtype }) },
  { loss: 'multi_margin (p 2, margin 1.5, ref)', reductions: R3, seed: 210, inputs: (g) => [g.uniform(S2), g.ints([N], C)],
    fn: (reduction) => (x, t) => core.multiMarginLoss(x!, t!, { reduction, p: 2, margin: 1.5 }),
    ref: (r, dtype) => torchMultiMarginReference({ batch: N, classes: C, p: 2, margin: 1.5, reduction: tr(r), dtype }) },
  { loss: MULTI_MARGIN_P2_WEIGHT, reductions: R3, seed: 211, inputs: (g) => [g.uniform(S2), g.ints([N], C), g.uniform([C], 0.5, 1.5)],
    fn: (reduction) => (x, t, w) => core.multiMarginLoss(x!, t!, { reduction, p: 2, margin: 0.8, weight: w! }),
    ref: (r, dtype) => torchMultiMarginReference({ batch: N, classes: C, p: 2, margin: 0.8, weighted: true, reduction: tr(r), dtype }) },
  { loss: 'margin_ranking (margin 0.3, ref)', reductions: R3, seed: 212, inputs: (g) => [g.uniform([N]), g.uniform([N]), g.signs([N])],
    fn: (reduction) => (a, b, y) => core.marginRankingLoss(a!, b!, y!, { reduction, margin: 0.3 }),
    ref: (r, dtype) => torchMarginRankingReference({ shape: [N], margin: 0.3, reduction: tr(r), dtype }) },
  { loss: 'hinge_embedding (ref)', reductions: R3, seed: 213, inputs: (g) => [g.uniform(S2, -2, 2), g.signs(S2)],
    fn: (reduction) => (x, y) => core.hingeEmbeddingLoss(x!, y!, { reduction }), ref: (r, dtype) => torchHingeEmbeddingReference({ shape: S2, reduction: tr(r), dtype }) },
  { loss: 'hinge_embedding (margin 0.5, ref)', reductions: R3, seed: 214, inputs: (g) => [g.uniform(S2, -2, 2), g.signs(S2)],
    fn: (reduction) => (x, y) => core.hingeEmbeddingLoss(x!, y!, { reduction, margin: 0.5 }), ref: (r, dtype) => torchHingeEmbeddingReference({ shape: S2, margin: 0.5, reduction: tr(r), dtype }) },
  { loss: 'multilabel_margin (ref)', reductions: R3, seed: 215,
    inputs: (g) => [g.uniform(S2), core.tensor([[3, 0, -1, 1, 1], [1, 2, 4, -1, 0], [0, -1, 2, 2, 2], [4, 3, 2, 1, 0]], { dtype: 'int64' })],
    fn: (reduction) => (x, t) => core.multilabelMarginLoss(x!, t!, { reduction }), ref: (r, dtype) => torchMultilabelMarginReference({ batch: N, classes: C, reduction: tr(r), dtype }) },
  { loss: 'multilabel_soft_margin (ref)', reductions: R3, seed: 216, inputs: (g) => [g.uniform(S2, -3, 3), g.bits(S2)],
    fn: (reduction) => (x, y) => core.multilabelSoftMarginLoss(x!, y!, { reduction }),
    ref: (r, dtype) => torchMultilabelSoftMarginReference({ batch: N, classes: C, reduction: tr(r), dtype }) },
  { loss: 'multilabel_soft_margin (weight, ref)', reductions: R3, seed: 217, inputs: (g) => [g.uniform(S2, -3, 3), g.bits(S2), g.uniform([C], 0.5, 1.5)],
    fn: (reduction) => (x, y, w) => core.multilabelSoftMarginLoss(x!, y!, { reduction, weight: w! }),
    ref: (r, dtype) => torchMultilabelSoftMarginReference({ batch: N, classes: C, weighted: true, reduction: tr(r), dtype }) },
  // cross entropy
  { loss: 'cross_entropy (indices, K-dim, weight, ignore_index; ONNX SoftmaxCrossEntropyLoss, ref)', reductions: R3, seed: 218,
    inputs: (g) => [g.uniform(K3, -3, 3), g.ints([2, 3], C), g.uniform([C], 0.5, 1.5)],
    fn: (reduction) => (x, t, w) => core.crossEntropyLoss(x!, t!, { reduction, weight: w!, ignoreIndex: 1 }),
    ref: (r, dtype) => torchCrossEntropyReference({ shape: K3, target: 'indices', weighted: true, ignoreIndex: 1, reduction: tr(r), dtype }) },
  { loss: 'cross_entropy (indices, K-dim, weight, ignore_index; LogSoftmax + ONNX NegativeLogLikelihoodLoss, ref)', reductions: R3, seed: 251,
    inputs: (g) => [g.uniform([2, C, 2, 3], -3, 3), g.ints([2, 2, 3], C), g.uniform([C], 0.5, 1.5)],
    fn: (reduction) => (x, t, w) => core.crossEntropyLoss(x!, t!, { reduction, weight: w!, ignoreIndex: 3 }),
    ref: (r, dtype) => torchCrossEntropyReference({ shape: [2, C, 2, 3], target: 'indices', weighted: true, ignoreIndex: 3, viaNll: true, reduction: tr(r), dtype }) },
  { loss: 'cross_entropy (indices, weight, ignore_index, explicit ops, ref)', reductions: R3, seed: 219,
    inputs: (g) => [g.uniform(S2, -3, 3), g.ints([N], C), g.uniform([C], 0.5, 1.5)],
    fn: (reduction) => (x, t, w) => core.crossEntropyLoss(x!, t!, { reduction, weight: w!, ignoreIndex: 2 }),
    ref: (r, dtype) => torchCrossEntropyReference({ shape: S2, target: 'indices', weighted: true, ignoreIndex: 2, explicit: true, reduction: tr(r), dtype }) },
  { loss: 'cross_entropy (indices, weight, ignore_index, smoothing 0.1, ref)', reductions: R3, seed: 220,
    inputs: (g) => [g.uniform(S2, -3, 3), g.ints([N], C), g.uniform([C], 0.5, 1.5)],
    fn: (reduction) => (x, t, w) => core.crossEntropyLoss(x!, t!, { reduction, weight: w!, ignoreIndex: 1, labelSmoothing: 0.1 }),
    ref: (r, dtype) => torchCrossEntropyReference({ shape: S2, target: 'indices', weighted: true, ignoreIndex: 1, labelSmoothing: 0.1, reduction: tr(r), dtype }) },
  { loss: 'cross_entropy (indices, smoothing 0.3, ref)', reductions: R3, seed: 221,
    inputs: (g) => [g.uniform(S2, -3, 3), g.ints([N], C)],
    fn: (reduction) => (x, t) => core.crossEntropyLoss(x!, t!, { reduction, labelSmoothing: 0.3 }),
    ref: (r, dtype) => torchCrossEntropyReference({ shape: S2, target: 'indices', labelSmoothing: 0.3, reduction: tr(r), dtype }) },
  { loss: 'cross_entropy (indices, K-dim, weight, ignore_index, smoothing 0.2, ref)', reductions: R3, seed: 222,
    inputs: (g) => [g.uniform(K3, -3, 3), g.ints([2, 3], C), g.uniform([C], 0.5, 1.5)],
    fn: (reduction) => (x, t, w) => core.crossEntropyLoss(x!, t!, { reduction, weight: w!, ignoreIndex: 0, labelSmoothing: 0.2 }),
    ref: (r, dtype) => torchCrossEntropyReference({ shape: K3, target: 'indices', weighted: true, ignoreIndex: 0, labelSmoothing: 0.2, reduction: tr(r), dtype }) },
  { loss: 'cross_entropy (probabilities, K-dim, ref)', reductions: R3, seed: 223, inputs: (g) => [g.uniform(K3, -3, 3), probsK(g)],
    fn: (reduction) => (x, p) => core.crossEntropyLoss(x!, p!, { reduction }),
    ref: (r, dtype) => torchCrossEntropyReference({ shape: K3, target: 'probabilities', reduction: tr(r), dtype }) },
  { loss: 'cross_entropy (probabilities, weight, smoothing 0.1, ref)', reductions: R3, seed: 224, inputs: (g) => [g.uniform(S2, -3, 3), g.probs(S2), g.uniform([C], 0.5, 1.5)],
    fn: (reduction) => (x, p, w) => core.crossEntropyLoss(x!, p!, { reduction, weight: w!, labelSmoothing: 0.1 }),
    ref: (r, dtype) => torchCrossEntropyReference({ shape: S2, target: 'probabilities', weighted: true, labelSmoothing: 0.1, reduction: tr(r), dtype }) },
  // binary cross entropy
  { loss: 'binary_cross_entropy (weight, ref)', reductions: R3, seed: 225, inputs: (g) => [g.uniform(S2, 0.02, 0.98), g.bits(S2), g.uniform(S2, 0.5, 1.5)],
    fn: (reduction) => (p, y, w) => core.binaryCrossEntropyLoss(p!, y!, { reduction, weight: w! }),
    ref: (r, dtype) => torchBceReference({ shape: S2, weightShape: S2, reduction: tr(r), dtype }) },
  { loss: 'binary_cross_entropy (inputs 0 and 1: log clamp at −100, ref)', reductions: R3, seed: 226, inputs: (g) => [g.bits(S2), g.uniform(S2, 0, 1)],
    fn: (reduction) => (p, y) => core.binaryCrossEntropyLoss(p!, y!, { reduction }),
    ref: (r, dtype) => torchBceReference({ shape: S2, reduction: tr(r), dtype }) },
  { loss: 'binary_cross_entropy_with_logits (pos_weight, ref)', reductions: R3, seed: 227, inputs: (g) => [g.uniform(S2, -4, 4), g.bits(S2), g.uniform([C], 0.5, 2)],
    fn: (reduction) => (x, y, pw) => core.binaryCrossEntropyWithLogitsLoss(x!, y!, { reduction, posWeight: pw! }),
    ref: (r, dtype) => torchBceWithLogitsReference({ shape: S2, posWeightShape: [C], reduction: tr(r), dtype }) },
  { loss: 'binary_cross_entropy_with_logits (weight, pos_weight, soft targets, ref)', reductions: R3, seed: 228,
    inputs: (g) => [g.uniform(S2, -4, 4), g.uniform(S2, 0, 1), g.uniform([N, 1], 0.5, 1.5), g.uniform([C], 0.5, 2)],
    fn: (reduction) => (x, y, w, pw) => core.binaryCrossEntropyWithLogitsLoss(x!, y!, { reduction, weight: w!, posWeight: pw! }),
    ref: (r, dtype) => torchBceWithLogitsReference({ shape: S2, weightShape: [N, 1], posWeightShape: [C], reduction: tr(r), dtype }) },
  // embedding
  { loss: 'cosine_embedding (margin 0.2, ref)', reductions: R3, seed: 229, inputs: (g) => [g.uniform(S2), g.uniform(S2), g.signs([N])],
    fn: (reduction) => (a, b, y) => core.cosineEmbeddingLoss(a!, b!, y!, { reduction, margin: 0.2 }),
    ref: (r, dtype) => torchCosineEmbeddingReference({ batch: N, dim: C, margin: 0.2, reduction: tr(r), dtype }) },
  { loss: 'cosine_embedding (margin −0.3, ref)', reductions: R3, seed: 230, inputs: (g) => [g.uniform(S2), g.uniform(S2), g.signs([N])],
    fn: (reduction) => (a, b, y) => core.cosineEmbeddingLoss(a!, b!, y!, { reduction, margin: -0.3 }),
    ref: (r, dtype) => torchCosineEmbeddingReference({ batch: N, dim: C, margin: -0.3, reduction: tr(r), dtype }) },
  // divergence / likelihood
  { loss: 'kl_div (ref)', reductions: R4, seed: 231, inputs: (g) => [g.probs(S2).log(), g.probs(S2)],
    fn: (reduction) => (x, y) => core.klDivLoss(x!, y!, { reduction }), ref: (r, dtype) => torchKlDivReference({ shape: S2, reduction: tr(r), dtype }) },
  { loss: 'kl_div (zero targets, ref)', reductions: R4, seed: 232, inputs: (g) => [g.probs(S2).log(), g.probs(S2).mul(g.bits(S2))],
    fn: (reduction) => (x, y) => core.klDivLoss(x!, y!, { reduction }), ref: (r, dtype) => torchKlDivReference({ shape: S2, reduction: tr(r), dtype }) },
  { loss: 'kl_div (log_target, ref)', reductions: R4, seed: 233, inputs: (g) => [g.probs(S2).log(), g.probs(S2).log()],
    fn: (reduction) => (x, y) => core.klDivLoss(x!, y!, { reduction, logTarget: true }), ref: (r, dtype) => torchKlDivReference({ shape: S2, logTarget: true, reduction: tr(r), dtype }) },
  { loss: 'poisson_nll (ref)', reductions: R3, seed: 234, inputs: (g) => [g.uniform(S2, -1, 1), g.uniform(S2, 0, 4).floor()],
    fn: (reduction) => (x, y) => core.poissonNllLoss(x!, y!, { reduction }), ref: (r, dtype) => torchPoissonNllReference({ shape: S2, reduction: tr(r), dtype }) },
  { loss: 'poisson_nll (full, ref)', reductions: R3, seed: 235, inputs: (g) => [g.uniform(S2, -1, 1), g.uniform(S2, 0, 4).floor()],
    fn: (reduction) => (x, y) => core.poissonNllLoss(x!, y!, { reduction, full: true }), ref: (r, dtype) => torchPoissonNllReference({ shape: S2, full: true, reduction: tr(r), dtype }) },
  { loss: 'poisson_nll (rate input, ref)', reductions: R3, seed: 236, inputs: (g) => [g.uniform(S2, 0.1, 3), g.uniform(S2, 0, 4).floor()],
    fn: (reduction) => (x, y) => core.poissonNllLoss(x!, y!, { reduction, logInput: false }), ref: (r, dtype) => torchPoissonNllReference({ shape: S2, logInput: false, reduction: tr(r), dtype }) },
  { loss: 'poisson_nll (rate input, full, eps 0.1, ref)', reductions: R3, seed: 237, inputs: (g) => [g.uniform(S2, 0.1, 3), g.uniform(S2, 0, 4).floor()],
    fn: (reduction) => (x, y) => core.poissonNllLoss(x!, y!, { reduction, logInput: false, full: true, eps: 0.1 }),
    ref: (r, dtype) => torchPoissonNllReference({ shape: S2, logInput: false, full: true, eps: 0.1, reduction: tr(r), dtype }) },
  { loss: 'gaussian_nll (var (N, 1), full, ref)', reductions: R3, seed: 238, inputs: (g) => [g.uniform(S2), g.uniform(S2), g.uniform([N, 1], 0.2, 2)],
    fn: (reduction) => (x, y, v) => core.gaussianNllLoss(x!, y!, v!, { reduction, full: true }),
    ref: (r, dtype) => torchGaussianNllReference({ shape: S2, varShape: [N, 1], full: true, reduction: tr(r), dtype }) },
  { loss: 'gaussian_nll (var (N, C), eps 0.5 clamps, ref)', reductions: R3, seed: 239, inputs: (g) => [g.uniform(S2), g.uniform(S2), g.uniform(S2, 0.2, 2)],
    fn: (reduction) => (x, y, v) => core.gaussianNllLoss(x!, y!, v!, { reduction, eps: 0.5 }),
    ref: (r, dtype) => torchGaussianNllReference({ shape: S2, varShape: S2, eps: 0.5, reduction: tr(r), dtype }) },
  // distances and triplets
  { loss: 'triplet_margin (ref)', reductions: R3, seed: 240, inputs: (g) => [g.uniform(S2), g.uniform(S2), g.uniform(S2)],
    fn: (reduction) => (a, p, n) => core.tripletMarginLoss(a!, p!, n!, { reduction }),
    ref: (r, dtype) => torchTripletMarginReference({ batch: N, dim: C, reduction: tr(r), dtype }) },
  { loss: 'triplet_margin (p 2, swap, ref)', reductions: R3, seed: 241, inputs: (g) => [g.uniform(S2), g.uniform(S2), g.uniform(S2)],
    fn: (reduction) => (a, p, n) => core.tripletMarginLoss(a!, p!, n!, { reduction, swap: true }),
    ref: (r, dtype) => torchTripletMarginReference({ batch: N, dim: C, swap: true, reduction: tr(r), dtype }) },
  { loss: 'triplet_margin (p 1, margin 0.5, eps 1e-3, ref)', reductions: R3, seed: 242, inputs: (g) => [g.uniform(S2), g.uniform(S2), g.uniform(S2)],
    fn: (reduction) => (a, p, n) => core.tripletMarginLoss(a!, p!, n!, { reduction, p: 1, margin: 0.5, eps: 1e-3 }),
    ref: (r, dtype) => torchTripletMarginReference({ batch: N, dim: C, p: 1, margin: 0.5, eps: 1e-3, reduction: tr(r), dtype }) },
  { loss: 'triplet_margin (p 3, swap, ref)', reductions: R3, seed: 243, inputs: (g) => [g.uniform(S2), g.uniform(S2), g.uniform(S2)],
    fn: (reduction) => (a, p, n) => core.tripletMarginLoss(a!, p!, n!, { reduction, p: 3, swap: true }),
    ref: (r, dtype) => torchTripletMarginReference({ batch: N, dim: C, p: 3, swap: true, reduction: tr(r), dtype }) },
  { loss: 'triplet_margin_with_distance (default distance, margin 0.5, ref)', reductions: R3, seed: 244, inputs: (g) => [g.uniform(S2), g.uniform(S2), g.uniform(S2)],
    fn: (reduction) => (a, p, n) => core.tripletMarginWithDistanceLoss(a!, p!, n!, { reduction, margin: 0.5 }),
    ref: (r, dtype) => torchTripletMarginReference({ batch: N, dim: C, margin: 0.5, reduction: tr(r), dtype }) },
  { loss: 'triplet_margin_with_distance (default distance, swap, ref)', reductions: R3, seed: 245, inputs: (g) => [g.uniform(S2), g.uniform(S2), g.uniform(S2)],
    fn: (reduction) => (a, p, n) => core.tripletMarginWithDistanceLoss(a!, p!, n!, { reduction, swap: true }),
    ref: (r, dtype) => torchTripletMarginReference({ batch: N, dim: C, swap: true, reduction: tr(r), dtype }) },
  { loss: 'cosine_similarity (ref)', reductions: NONE, seed: 246, inputs: xy, fn: () => (a, b) => core.cosineSimilarity(a!, b!),
    ref: (_r, dtype) => torchCosineSimilarityReference({ shape: S2, dtype }) },
  { loss: 'cosine_similarity (dim 2, (2, 3, C), ref)', reductions: NONE, seed: 247, inputs: (g) => [g.uniform([2, 3, C]), g.uniform([2, 3, C])],
    fn: () => (a, b) => core.cosineSimilarity(a!, b!, { dim: 2 }), ref: (_r, dtype) => torchCosineSimilarityReference({ shape: [2, 3, C], dim: 2, dtype }) },
  { loss: 'pairwise_distance (ref)', reductions: NONE, seed: 248, inputs: xy, fn: () => (a, b) => core.pairwiseDistance(a!, b!),
    ref: (_r, dtype) => torchPairwiseDistanceReference({ shape: S2, dtype }) },
  { loss: 'pairwise_distance (p 1, eps 0.01, ref)', reductions: NONE, seed: 249, inputs: xy, fn: () => (a, b) => core.pairwiseDistance(a!, b!, { p: 1, eps: 0.01 }),
    ref: (_r, dtype) => torchPairwiseDistanceReference({ shape: S2, p: 1, eps: 0.01, dtype }) },
  { loss: 'pairwise_distance (p 3, ref)', reductions: NONE, seed: 250, inputs: xy, fn: () => (a, b) => core.pairwiseDistance(a!, b!, { p: 3 }),
    ref: (_r, dtype) => torchPairwiseDistanceReference({ shape: S2, p: 3, dtype }) },
];

const asCase = (s: ReferenceSpec): LossCase => specCase(s);

/**
 * Cases whose engine loss does not match the documented formula (kept out of the exported list):
 * multi_margin with p = 2 and a weight. framework-apis.md §2 (the PyTorch docs) gives
 * max(0, w[y]·(margin − x[y] + x[i]))^p, i.e. w² for p = 2; the engine (and PyTorch's kernel,
 * aten/src/ATen/native/LossMultiMargin.cpp `multi_margin_inner_sum_cpu`: h = z·z; h *= w[y])
 * multiplies w after the power. The two agree for p = 1 and for no weight (both exported).
 */
const EXCLUDED: readonly string[] = [MULTI_MARGIN_P2_WEIGHT];

/**
 * The PyTorch-family losses (regression, margin, cross entropy, BCE, embedding, KL / Poisson /
 * Gaussian NLL, triplet and distances), each option set × every reduction it has, against an
 * independent ONNX reference graph, float32.
 */
export const TORCH_REFERENCE_CASES: LossCase[] = SPECS.filter((s) => !EXCLUDED.includes(s.loss)).map(asCase);

/**
 * float64 variants of the cases whose name starts with one of `prefixes` (all when omitted):
 * floating inputs cast to float64, reference graphs built in float64 (default rtol 1e-10).
 */
export function torchReferenceCasesFloat64(prefixes?: readonly string[]): LossCase[] {
  return float64Cases(SPECS.filter((s) => !EXCLUDED.includes(s.loss)), prefixes);
}

/**
 * The disputed multi_margin (p 2, weight) case, twice: `kernel` against a graph with the weight
 * after the power (PyTorch's kernel; the engine passes), `docs` against the documented
 * max(0, w·(…))^p (the engine fails). Not in `TORCH_REFERENCE_CASES`; for whoever decides which wins.
 */
export function torchMultiMarginP2WeightCases(): { kernel: LossCase; docs: LossCase } {
  const s = SPECS.find((x) => x.loss === MULTI_MARGIN_P2_WEIGHT)!;
  const kernel = asCase(s);
  const docs: LossCase = {
    ...kernel,
    loss: 'multi_margin (p 2, weight inside the power as the docs, ref)',
    reference: (r) => torchMultiMarginReference({ batch: N, classes: C, p: 2, margin: 0.8, weighted: true, weightInsidePower: true, reduction: tr(r) }),
  };
  return { kernel, docs };
}
