/**
 * Cross-check cases for the Gluon- and MindSpore-dialect losses (and PyTorch's adaptive log-softmax
 * loss) against reference graphs written from ONNX ops independently of the engine
 * (src/reference/gluon-*.ts, mindspore-*.ts, adaptive-log-softmax.ts): each loss × reduction, the
 * engine's core loss on every backend against ONNX Runtime running the hand-written graph. float32 by
 * default; `extraReferenceCasesFloat64` gives float64 variants (inputs cast, graphs built in float64).
 * CTC is not here (ONNX has no CTC op; it is checked by brute force elsewhere).
 */
import * as core from '@rosetta/core';
import type { ReductionMode, Tensor } from '@rosetta/core';
import { adaptiveLogSoftmaxReference } from '../reference/adaptive-log-softmax.js';
import { gluonReduction, mindsporeReduction } from '../reference/gluon-common.js';
import { gluonCosineEmbeddingReference } from '../reference/gluon-cosine-embedding.js';
import { gluonTripletReference, gluonSdmlReference } from '../reference/gluon-metric.js';
import { gluonPointwiseReference, type GluonPointwiseLoss } from '../reference/gluon-pointwise.js';
import { gluonPoissonNllReference } from '../reference/gluon-poisson.js';
import { gluonSigmoidBceReference } from '../reference/gluon-sigmoid-bce.js';
import { gluonKlReference, gluonSoftmaxCeReference } from '../reference/gluon-softmax.js';
import { mindsporeDiceReference, mindsporeMultiClassDiceReference } from '../reference/mindspore-dice.js';
import { mindsporeFocalReference } from '../reference/mindspore-focal.js';
import { mindsporeSampledSoftmaxReference } from '../reference/mindspore-sampled-softmax.js';
import type { FloatDType } from '../reference/torch-common.js';
import type { ReferenceModel } from '../reference/types.js';
import type { LossCase } from './builtin-losses.js';
import { SuiteInputs } from './inputs.js';
import { float64Cases, specCase, type ReferenceSpec } from './reference-spec.js';

const GLUON: readonly ReductionMode[] = ['none', { batchAxis: 0 }];
const MS3: readonly ReductionMode[] = ['none', 'mean', 'sum'];
const NONE: readonly ReductionMode[] = ['none'];


/** A case with inputs drawn from their own seeded stream and an independent reference graph. */
function c(loss: string, reductions: readonly ReductionMode[], seed: number, inputs: (g: SuiteInputs) => Tensor[], fn: LossCase['fn'], ref: ReferenceSpec['ref']): ReferenceSpec {
  return { loss, reductions, seed, inputs, fn, ref };
}

const N = 4;
const C = 5;
const S2 = [N, C];
const gr = gluonReduction;

/** One-hot float32 targets (N, C, M) from int64 class indices (N, M). */
function oneHot3(idx: Tensor, classes: number): Tensor {
  const [n, m] = idx.shape as [number, number];
  const src = Array.from(idx.dataSync() as ArrayLike<number | bigint>, Number);
  const out = new Float32Array(n * classes * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) out[i * classes * m + src[i * m + j]! * m + j] = 1;
  return core.tensor(out, { dtype: 'float32', shape: [n, classes, m] });
}

const pointwise = (loss: GluonPointwiseLoss) => (r: ReductionMode, dtype: FloatDType) => gluonPointwiseReference({ loss, shape: S2, reduction: gr(r), dtype });

// Sampled softmax: weights (8, 3), biases (8,), labels (N, numTrue), inputs (N, 3); candidates from core's sampler.
const SS = { classes: 8, dim: 3, numSampled: 4 };
const sampledInputs = (numTrue: number) => (g: SuiteInputs): Tensor[] => [g.uniform([SS.classes, SS.dim]), g.uniform([SS.classes]), g.ints([N, numTrue], SS.classes), g.uniform([N, SS.dim])];
function sampledCase(numTrue: number, seed: number): ReferenceSpec {
  const values = () => {
    const labels = sampledInputs(numTrue)(new SuiteInputs(seed))[2]!;
    return core.uniformCandidateSampler(Array.from(labels.dataSync() as ArrayLike<number | bigint>, Number), { numSampled: SS.numSampled, rangeMax: SS.classes, seed: 7 });
  };
  return c(`sampled_softmax (MindSpore, num_true ${numTrue}, remove_accidental_hits)`, NONE, seed, sampledInputs(numTrue),
    () => (w, b, l, x) => core.sampledSoftmaxLoss(w!, b!, l!, x!, { numSampled: SS.numSampled, numClasses: SS.classes, numTrue, sampledValues: values() }),
    (_r, dtype) => mindsporeSampledSoftmaxReference({ batch: N, dim: SS.dim, classes: SS.classes, numTrue, ...values(), dtype }));
}

const SPECS: ReferenceSpec[] = [
  // Gluon: elementwise
  c('gluon l2 (ref)', GLUON, 101, (g) => [g.uniform(S2, -2, 2), g.uniform(S2, -2, 2)],
    (reduction) => (x, y) => core.l2Loss(x!, y!, { reduction }), pointwise({ kind: 'l2' })),
  c('gluon hinge (margin 0.8, ref)', GLUON, 102, (g) => [g.uniform(S2, -2, 2), g.signs(S2)],
    (reduction) => (x, y) => core.hingeLoss(x!, y!, { reduction, margin: 0.8 }), pointwise({ kind: 'hinge', margin: 0.8 })),
  c('gluon squared_hinge (margin 1.2, ref)', GLUON, 103, (g) => [g.uniform(S2, -2, 2), g.signs(S2)],
    (reduction) => (x, y) => core.squaredHingeLoss(x!, y!, { reduction, margin: 1.2 }), pointwise({ kind: 'squared_hinge', margin: 1.2 })),
  c('gluon logistic (signed, ref)', GLUON, 104, (g) => [g.uniform(S2, -3, 3), g.signs(S2)],
    (reduction) => (x, y) => core.logisticLoss(x!, y!, { reduction, labelFormat: 'signed' }), pointwise({ kind: 'logistic', labelFormat: 'signed' })),
  c('gluon logistic (binary, ref)', GLUON, 105, (g) => [g.uniform(S2, -3, 3), g.bits(S2)],
    (reduction) => (x, y) => core.logisticLoss(x!, y!, { reduction, labelFormat: 'binary' }), pointwise({ kind: 'logistic', labelFormat: 'binary' })),
  // Gluon: metric learning
  c('gluon triplet (margin 0.7, (N, 2, 3), ref)', GLUON, 106, (g) => [g.uniform([N, 2, 3]), g.uniform([N, 2, 3]), g.uniform([N, 2, 3])],
    (reduction) => (a, p, n) => core.tripletLoss(a!, p!, n!, { reduction, margin: 0.7 }),
    (r, dtype) => gluonTripletReference({ shape: [N, 2, 3], margin: 0.7, reduction: gr(r), dtype })),
  c('gluon sdml (smoothing 0.2, ref)', GLUON, 107, (g) => [g.uniform([N, 3]), g.uniform([N, 3])],
    (reduction) => (a, b) => core.sdmlLoss(a!, b!, { reduction, smoothingParameter: 0.2 }),
    (r, dtype) => gluonSdmlReference({ batch: N, dim: 3, smoothingParameter: 0.2, reduction: gr(r), dtype })),
  c('gluon sdml (default smoothing 0.3, ref)', GLUON, 108, (g) => [g.uniform([N, 3], -2, 2), g.uniform([N, 3], -2, 2)],
    (reduction) => (a, b) => core.sdmlLoss(a!, b!, { reduction }),
    (r, dtype) => gluonSdmlReference({ batch: N, dim: 3, smoothingParameter: 0.3, reduction: gr(r), dtype })),
  // Gluon: cosine embedding (labels ±1)
  c('gluon cosine_embedding (margin 0, ref)', GLUON, 134, (g) => [g.uniform(S2, -2, 2), g.uniform(S2, -2, 2), g.signs([N])],
    (reduction) => (a, b, y) => core.gluonCosineEmbeddingLoss(a!, b!, y!, { reduction }),
    (r, dtype) => gluonCosineEmbeddingReference({ batch: N, dim: C, reduction: gr(r), dtype })),
  c('gluon cosine_embedding (margin 0.1, ref)', GLUON, 135, (g) => [g.uniform(S2, -2, 2), g.uniform(S2, -2, 2), g.signs([N])],
    (reduction) => (a, b, y) => core.gluonCosineEmbeddingLoss(a!, b!, y!, { reduction, margin: 0.1 }),
    (r, dtype) => gluonCosineEmbeddingReference({ batch: N, dim: C, margin: 0.1, reduction: gr(r), dtype })),
  // Gluon: sigmoid BCE
  c('gluon sigmoid_bce (logits, ref)', GLUON, 109, (g) => [g.uniform(S2, -4, 4), g.bits(S2)],
    (reduction) => (x, y) => core.sigmoidBinaryCrossEntropyLoss(x!, y!, { reduction }),
    (r, dtype) => gluonSigmoidBceReference({ shape: S2, fromSigmoid: false, reduction: gr(r), dtype })),
  c('gluon sigmoid_bce (logits, pos_weight, ref)', GLUON, 110, (g) => [g.uniform(S2, -4, 4), g.bits(S2), g.uniform([C], 0.5, 2)],
    (reduction) => (x, y, pw) => core.sigmoidBinaryCrossEntropyLoss(x!, y!, { reduction, posWeight: pw! }),
    (r, dtype) => gluonSigmoidBceReference({ shape: S2, fromSigmoid: false, posWeightShape: [C], reduction: gr(r), dtype })),
  c('gluon sigmoid_bce (from_sigmoid, ref)', GLUON, 111, (g) => [g.uniform(S2, 0.02, 0.98), g.bits(S2)],
    (reduction) => (p, y) => core.sigmoidBinaryCrossEntropyLoss(p!, y!, { reduction, fromSigmoid: true }),
    (r, dtype) => gluonSigmoidBceReference({ shape: S2, fromSigmoid: true, reduction: gr(r), dtype })),
  c('gluon sigmoid_bce (from_sigmoid, pos_weight (1, C), ref)', GLUON, 112, (g) => [g.uniform(S2, 0.02, 0.98), g.bits(S2), g.uniform([1, C], 0.5, 2)],
    (reduction) => (p, y, pw) => core.sigmoidBinaryCrossEntropyLoss(p!, y!, { reduction, fromSigmoid: true, posWeight: pw! }),
    (r, dtype) => gluonSigmoidBceReference({ shape: S2, fromSigmoid: true, posWeightShape: [1, C], reduction: gr(r), dtype })),
  // Gluon: softmax CE and KL
  c('gluon softmax_ce (sparse, ref)', GLUON, 113, (g) => [g.uniform(S2, -3, 3), g.ints([N], C)],
    (reduction) => (x, t) => core.softmaxCrossEntropyLoss(x!, t!, { reduction }),
    (r, dtype) => gluonSoftmaxCeReference({ shape: S2, reduction: gr(r), dtype })),
  c('gluon softmax_ce (dense, ref)', GLUON, 114, (g) => [g.uniform(S2, -3, 3), g.probs(S2)],
    (reduction) => (x, y) => core.softmaxCrossEntropyLoss(x!, y!, { reduction, sparseLabel: false }),
    (r, dtype) => gluonSoftmaxCeReference({ shape: S2, sparseLabel: false, reduction: gr(r), dtype })),
  c('gluon softmax_ce (sparse, from_logits, ref)', GLUON, 115, (g) => [g.probs(S2).log(), g.ints([N], C)],
    (reduction) => (x, t) => core.softmaxCrossEntropyLoss(x!, t!, { reduction, fromLogits: true }),
    (r, dtype) => gluonSoftmaxCeReference({ shape: S2, fromLogits: true, reduction: gr(r), dtype })),
  c('gluon softmax_ce (sparse, axis 1 of (N, C, 2), ref)', GLUON, 116, (g) => [g.uniform([N, C, 2], -3, 3), g.ints([N, 2], C)],
    (reduction) => (x, t) => core.softmaxCrossEntropyLoss(x!, t!, { reduction, axis: 1 }),
    (r, dtype) => gluonSoftmaxCeReference({ shape: [N, C, 2], axis: 1, reduction: gr(r), dtype })),
  c('gluon softmax_ce (dense, axis 1 of (N, C, 2), ref)', GLUON, 117, (g) => [g.uniform([N, C, 2], -3, 3), g.uniform([N, 2, C], -2, 2).softmax(-1).permute([0, 2, 1])],
    (reduction) => (x, y) => core.softmaxCrossEntropyLoss(x!, y!, { reduction, axis: 1, sparseLabel: false }),
    (r, dtype) => gluonSoftmaxCeReference({ shape: [N, C, 2], axis: 1, sparseLabel: false, reduction: gr(r), dtype })),
  c('gluon kl (from_logits, ref)', GLUON, 118, (g) => [g.probs(S2).log(), g.probs(S2)],
    (reduction) => (x, y) => core.gluonKlDivLoss(x!, y!, { reduction }),
    (r, dtype) => gluonKlReference({ shape: S2, reduction: gr(r), dtype })),
  c('gluon kl (from_logits false, ref)', GLUON, 119, (g) => [g.uniform(S2, -3, 3), g.probs(S2)],
    (reduction) => (x, y) => core.gluonKlDivLoss(x!, y!, { reduction, fromLogits: false }),
    (r, dtype) => gluonKlReference({ shape: S2, fromLogits: false, reduction: gr(r), dtype })),
  // Gluon: Poisson NLL
  c('gluon poisson_nll (from_logits, ref)', GLUON, 120, (g) => [g.uniform(S2, -1, 1), g.uniform(S2, 0, 4).floor()],
    (reduction) => (x, y) => core.gluonPoissonNllLoss(x!, y!, { reduction }),
    (r, dtype) => gluonPoissonNllReference({ shape: S2, reduction: gr(r), dtype })),
  c('gluon poisson_nll (from_logits, compute_full, ref)', GLUON, 121, (g) => [g.uniform(S2, -1, 1), g.uniform(S2, 0, 5).floor()],
    (reduction) => (x, y) => core.gluonPoissonNllLoss(x!, y!, { reduction, computeFull: true }),
    (r, dtype) => gluonPoissonNllReference({ shape: S2, computeFull: true, reduction: gr(r), dtype })),
  c('gluon poisson_nll (rate, compute_full, ref)', GLUON, 122, (g) => [g.uniform(S2, 0.1, 3), g.uniform(S2, 0, 5).floor()],
    (reduction) => (x, y) => core.gluonPoissonNllLoss(x!, y!, { reduction, fromLogits: false, computeFull: true }),
    (r, dtype) => gluonPoissonNllReference({ shape: S2, fromLogits: false, computeFull: true, reduction: gr(r), dtype })),
  // MindSpore: dice
  c('dice (MindSpore, smooth 1e-5, ref)', NONE, 123, (g) => [g.uniform(S2, 0, 1), g.bits(S2)],
    () => (p, y) => core.diceLoss(p!, y!), (_r, dtype) => mindsporeDiceReference({ shape: S2, dtype })),
  c('dice (MindSpore, smooth 0.5, (N, C, 3), ref)', NONE, 124, (g) => [g.uniform([N, C, 3], 0, 1), g.bits([N, C, 3])],
    () => (p, y) => core.diceLoss(p!, y!, { smooth: 0.5 }), (_r, dtype) => mindsporeDiceReference({ shape: [N, C, 3], smooth: 0.5, dtype })),
  c('multiclass_dice (MindSpore, softmax, ref)', NONE, 125, (g) => [g.uniform(S2, -2, 2), g.bits(S2)],
    () => (p, y) => core.multiClassDiceLoss(p!, y!), (_r, dtype) => mindsporeMultiClassDiceReference({ batch: N, classes: C, dtype })),
  c('multiclass_dice (MindSpore, softmax, weights (C, 3), ref)', NONE, 126, (g) => [g.uniform(S2, -2, 2), g.bits(S2), g.uniform([C, 3], 0.5, 1.5)],
    () => (p, y, w) => core.multiClassDiceLoss(p!, y!, { weights: w! }), (_r, dtype) => mindsporeMultiClassDiceReference({ batch: N, classes: C, weightDim: 3, dtype })),
  // MindSpore: focal
  c('focal (MindSpore, gamma 2, index labels, ref)', MS3, 127, (g) => [g.uniform(S2, -2, 2), g.ints([N, 1], C)],
    (reduction) => (x, t) => core.focalLoss(x!, t!, { reduction }),
    (r, dtype) => mindsporeFocalReference({ shape: S2, gamma: 2, indexLabels: true, weighted: false, reduction: mindsporeReduction(r), dtype })),
  c('focal (MindSpore, gamma 1.5, weight, index labels, (N, C, 3), ref)', MS3, 128, (g) => [g.uniform([N, C, 3], -2, 2), g.ints([N, 1, 3], C), g.uniform([C], 0.5, 1.5)],
    (reduction) => (x, t, w) => core.focalLoss(x!, t!, { reduction, gamma: 1.5, weight: w! }),
    (r, dtype) => mindsporeFocalReference({ shape: [N, C, 3], gamma: 1.5, indexLabels: true, weighted: true, reduction: mindsporeReduction(r), dtype })),
  c('focal (MindSpore, gamma 2, weight, one-hot labels, (N, C, 3), ref)', MS3, 129, (g) => [g.uniform([N, C, 3], -2, 2), oneHot3(g.ints([N, 3], C), C), g.uniform([C], 0.5, 1.5)],
    (reduction) => (x, t, w) => core.focalLoss(x!, t!, { reduction, weight: w! }),
    (r, dtype) => mindsporeFocalReference({ shape: [N, C, 3], gamma: 2, indexLabels: false, weighted: true, reduction: mindsporeReduction(r), dtype })),
  c('focal (MindSpore, gamma 0.5, one-hot labels, ref)', MS3, 130, (g) => [g.uniform(S2, -2, 2), oneHot3(g.ints([N, 1], C), C).reshape(S2)],
    (reduction) => (x, t) => core.focalLoss(x!, t!, { reduction, gamma: 0.5 }),
    (r, dtype) => mindsporeFocalReference({ shape: S2, gamma: 0.5, indexLabels: false, weighted: false, reduction: mindsporeReduction(r), dtype })),
  // MindSpore: sampled softmax (candidates from core's sampler, fed to both sides)
  sampledCase(1, 131),
  sampledCase(2, 132),
  // PyTorch: adaptive log-softmax (head + one tail cluster)
  c('adaptive_log_softmax (output, loss; ref)', ['mean'], 133,
    (g) => [g.uniform([6, 3], -2, 2), core.tensor([0, 2, 4, 3, 5, 1], { dtype: 'int64' }), g.uniform([4, 3], -1, 1), g.uniform([2, 3], -1, 1), g.uniform([3, 2], -1, 1)],
    () => (x, t, hw, p, o) => {
      const r = core.adaptiveLogSoftmaxWithLoss(x!, t!, { headWeight: hw!, tailWeights: [[p!, o!]], cutoffs: [3] });
      return [r.output, r.loss];
    },
    (_r, dtype) => adaptiveLogSoftmaxReference({ batch: 6, inFeatures: 3, shortlist: 3, hsz: 2, osz: 3, dtype })),
];

/**
 * The Gluon losses (reductions 'none' and the per-sample batch mean), MindSpore's dice, focal and
 * sampled softmax losses (their reductions), and adaptive log-softmax's loss, each against an
 * independent ONNX reference graph.
 */
export const EXTRA_REFERENCE_CASES: LossCase[] = SPECS.map((s) => specCase(s));

/**
 * float64 variants of the cases whose name starts with one of `prefixes` (all when omitted):
 * floating inputs cast to float64, reference graphs built in float64 (default rtol 1e-10).
 */
export function extraReferenceCasesFloat64(prefixes?: readonly string[]): LossCase[] {
  return float64Cases(SPECS, prefixes);
}
