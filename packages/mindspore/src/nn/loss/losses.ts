/**
 * The `mindspore.nn` losses of MindSpore 2.3, each a thin mapping onto one core loss with
 * MindSpore's defaults, argument order and checks (see `@rosetta/core` for the formulas).
 */
import * as core from '@rosetta/core';
import { bindArgs, newless, type Newless } from '@rosetta/core';
import { tensorArg, wrap, type Tensor } from '../../tensor.js';
import { ValueError } from '../../errors.js';
import { LossBaseImpl, type Reduction } from './loss-base.js';

type Core = core.Tensor;
type Compute = (self: MsLoss, inputs: Core[], extra: unknown[]) => Core;

/** The shared body of the built-in losses: options bound in MindSpore's order, one core call. */
export class MsLoss extends LossBaseImpl {
  readonly _opts: Record<string, unknown>;
  private readonly _compute: Compute;
  private readonly _inputs: string[];

  constructor(name: string, names: string[], defaults: Record<string, unknown>, args: unknown[], inputs: string[], compute: Compute, reductions?: string[]) {
    const o = bindArgs(name, names, defaults, args);
    super((o.reduction as Reduction | undefined) ?? 'mean', reductions);
    this._opts = o;
    this._inputs = inputs;
    this._compute = compute;
  }

  /** An option value (`margin`, `weight`, …). */
  opt<T>(key: string): T {
    return this._opts[key] as T;
  }

  /** An optional Tensor option as a core tensor. */
  tensorOpt(key: string): Core | null {
    const v = this._opts[key];
    return v === null || v === undefined ? null : tensorArg(this.cls_name, key, v);
  }

  override construct(...args: unknown[]): Tensor {
    const inputs = this._inputs.map((n, i) => tensorArg(this.cls_name, n, args[i]));
    return wrap(this._compute(this, inputs, args.slice(this._inputs.length)));
  }
}

/** A MindSpore loss class named `name`. */
function loss(name: string, names: string[], defaults: Record<string, unknown>, inputs: string[], compute: Compute, reductions?: string[]): Newless<new (...args: unknown[]) => MsLoss> {
  const cls = { [name]: class extends MsLoss { constructor(...args: unknown[]) { super(name, names, defaults, args, inputs, compute, reductions); } } }[name]!;
  return newless(cls);
}

const red = (s: MsLoss): core.ReductionMode => s.reduction;
const R = ['reduction'];
const M = { reduction: 'mean' };
const XY = ['logits', 'labels'];

/** MindSpore requires int32 class indices for these losses (whole-number floats are accepted, as everywhere). */
function int32Labels(cls: string, labels: Core): void {
  if (labels.dtype === 'int64') throw new TypeError(`For '${cls}', the 'labels' must be a Tensor of int32, but got Int64.`);
}

export const L1Loss = loss('L1Loss', R, M, XY, (s, [x, y]) => core.l1Loss(x!, y!, { reduction: red(s), name: s.cls_name }));
export const MAELoss = loss('MAELoss', R, M, ['logits', 'label'], (s, [x, y]) => s.get_loss(wrap(core.l1Loss(x!, y!, { reduction: 'none', name: s.cls_name }))).value);
export const MSELoss = loss('MSELoss', R, M, XY, (s, [x, y]) => s.get_loss(wrap(core.mseLoss(x!, y!, { reduction: 'none', name: s.cls_name }))).value);
export const RMSELoss = loss('RMSELoss', [], {}, ['logits', 'label'], (s, [x, y]) => core.rmseLoss(x!, y!, { name: s.cls_name }));
/** NOTE: MindSpore's SmoothL1Loss defaults to reduction='none' (PyTorch: 'mean'). */
export const SmoothL1Loss = loss('SmoothL1Loss', ['beta', 'reduction'], { beta: 1.0, reduction: 'none' }, XY,
  (s, [x, y]) => core.smoothL1Loss(x!, y!, { beta: s.opt('beta'), reduction: red(s), name: s.cls_name }));
export const HuberLoss = loss('HuberLoss', ['reduction', 'delta'], { reduction: 'mean', delta: 1.0 }, XY,
  (s, [x, y]) => core.huberLoss(x!, y!, { delta: s.opt('delta'), reduction: red(s), name: s.cls_name }));
export const SoftMarginLoss = loss('SoftMarginLoss', R, M, XY, (s, [x, y]) => core.softMarginLoss(x!, y!, { reduction: red(s), name: s.cls_name }));
export const MultiMarginLoss = loss('MultiMarginLoss', ['p', 'margin', 'reduction', 'weight'], { p: 1, margin: 1.0, reduction: 'mean', weight: null }, ['x', 'target'],
  (s, [x, t], [w]) => core.multiMarginLoss(x!, t!, {
    p: s.opt('p'), margin: s.opt('margin'), weight: s.tensorOpt('weight') ?? (w ? tensorArg(s.cls_name, 'weight', w) : null), reduction: red(s), name: s.cls_name,
  }));
/**
 * `SoftmaxCrossEntropyWithLogits(sparse=False, reduction='none')`: per-sample cross entropy of
 * logits (N, C) against one-hot/probability labels (N, C), or class indices (N,) when sparse.
 */
export const SoftmaxCrossEntropyWithLogits = loss('SoftmaxCrossEntropyWithLogits', ['sparse', 'reduction'], { sparse: false, reduction: 'none' }, XY,
  (s, [x, y]) => {
    if (s.opt('sparse') && y!.ndim !== 1) throw new ValueError(`For '${s.cls_name}', with sparse=True the 'labels' must be 1-D class indices, but got shape [${y!.shape.join(', ')}].`);
    return s.get_loss(wrap(core.crossEntropyLoss(x!, y!, { reduction: 'none', name: s.cls_name }))).value;
  });
export const CrossEntropyLoss = loss('CrossEntropyLoss', ['weight', 'ignore_index', 'reduction', 'label_smoothing'], { weight: null, ignore_index: -100, reduction: 'mean', label_smoothing: 0.0 }, XY,
  (s, [x, y]) => {
    if (y!.shape.join() !== x!.shape.join()) int32Labels(s.cls_name, y!);
    return core.crossEntropyLoss(x!, y!, { weight: s.tensorOpt('weight'), ignoreIndex: s.opt('ignore_index'), labelSmoothing: s.opt('label_smoothing'), reduction: red(s), name: s.cls_name });
  });
export const NLLLoss = loss('NLLLoss', ['weight', 'ignore_index', 'reduction'], { weight: null, ignore_index: -100, reduction: 'mean' }, XY,
  (s, [x, y]) => {
    int32Labels(s.cls_name, y!);
    return core.nllLoss(x!, y!, { weight: s.tensorOpt('weight'), ignoreIndex: s.opt('ignore_index'), reduction: red(s), name: s.cls_name });
  });
/** NOTE: MindSpore's kernels: log(x + 1e-12) (no clamp at −100) and `BinaryCrossEntropyGrad`'s gradient, ε = 1e-12 in the input's dtype. */
export const BCELoss = loss('BCELoss', ['weight', 'reduction'], { weight: null, reduction: 'mean' }, XY,
  (s, [x, y]) => core.binaryCrossEntropyLoss(x!, y!, { weight: s.tensorOpt('weight'), reduction: red(s), kernel: 'mindspore', name: s.cls_name }));
/** NOTE: MindSpore's order is (reduction, weight, pos_weight), not PyTorch's. */
export const BCEWithLogitsLoss = loss('BCEWithLogitsLoss', ['reduction', 'weight', 'pos_weight'], { reduction: 'mean', weight: null, pos_weight: null }, XY,
  (s, [x, y]) => core.binaryCrossEntropyWithLogitsLoss(x!, y!, { weight: s.tensorOpt('weight'), posWeight: s.tensorOpt('pos_weight'), reduction: red(s), name: s.cls_name }));
export const CosineEmbeddingLoss = loss('CosineEmbeddingLoss', ['margin', 'reduction'], { margin: 0.0, reduction: 'mean' }, ['logits_x1', 'logits_x2', 'labels'],
  (s, [a, b, y]) => core.cosineEmbeddingLoss(a!, b!, y!, { margin: s.opt('margin'), reduction: red(s), name: s.cls_name }));
/** `SampledSoftmaxLoss(num_sampled, num_classes, num_true=1, sampled_values=None, remove_accidental_hits=True, seed=0, reduction='none')`. */
export const SampledSoftmaxLoss = loss('SampledSoftmaxLoss', ['num_sampled', 'num_classes', 'num_true', 'sampled_values', 'remove_accidental_hits', 'seed', 'reduction'],
  { num_sampled: 0, num_classes: 0, num_true: 1, sampled_values: null, remove_accidental_hits: true, seed: 0, reduction: 'none' }, ['weights', 'biases', 'labels', 'logits'],
  (s, [w, b, y, x]) => core.sampledSoftmaxLoss(w!, b!, y!, x!, {
    numSampled: s.opt('num_sampled'), numClasses: s.opt('num_classes'), numTrue: s.opt('num_true'), sampledValues: s.opt('sampled_values'),
    removeAccidentalHits: s.opt('remove_accidental_hits'), seed: s.opt('seed'), reduction: 'none', name: s.cls_name,
  }));
export const DiceLoss = loss('DiceLoss', ['smooth'], { smooth: 1e-5 }, XY, (s, [x, y]) => core.diceLoss(x!, y!, { smooth: s.opt('smooth'), name: s.cls_name }));
/** NOTE: the keyword is spelled `ignore_indiex`, as in MindSpore. */
export const MultiClassDiceLoss = loss('MultiClassDiceLoss', ['weights', 'ignore_indiex', 'activation'], { weights: null, ignore_indiex: null, activation: 'softmax' }, XY,
  (s, [x, y]) => core.multiClassDiceLoss(x!, y!, { weights: s.tensorOpt('weights'), ignoreIndex: s.opt('ignore_indiex'), activation: s.opt('activation'), name: s.cls_name }));
export const FocalLoss = loss('FocalLoss', ['weight', 'gamma', 'reduction'], { weight: null, gamma: 2.0, reduction: 'mean' }, XY,
  (s, [x, y]) => core.focalLoss(x!, y!, { weight: s.tensorOpt('weight'), gamma: s.opt('gamma'), reduction: red(s), name: s.cls_name }));
export const PoissonNLLLoss = loss('PoissonNLLLoss', ['log_input', 'full', 'eps', 'reduction'], { log_input: true, full: false, eps: 1e-8, reduction: 'mean' }, ['input', 'target'],
  (s, [x, y]) => core.poissonNllLoss(x!, y!, { logInput: s.opt('log_input'), full: s.opt('full'), eps: s.opt('eps'), reduction: red(s), name: s.cls_name }));
export const KLDivLoss = loss('KLDivLoss', R, M, XY, (s, [x, y]) => core.klDivLoss(x!, y!, { reduction: red(s), name: s.cls_name }), ['mean', 'sum', 'none', 'batchmean']);
export const MarginRankingLoss = loss('MarginRankingLoss', ['margin', 'reduction'], { margin: 0.0, reduction: 'mean' }, ['input1', 'input2', 'target'],
  (s, [a, b, t]) => core.marginRankingLoss(a!, b!, t!, { margin: s.opt('margin'), reduction: red(s), name: s.cls_name }));
/** NOTE: MindSpore's order is (p, swap, eps, reduction, margin); `construct(x, positive, negative, margin=1.0)`. */
export const TripletMarginLoss = loss('TripletMarginLoss', ['p', 'swap', 'eps', 'reduction', 'margin'], { p: 2, swap: false, eps: 1e-6, reduction: 'mean', margin: 1.0 }, ['x', 'positive', 'negative'],
  (s, [x, p, n], [m]) => core.tripletMarginLoss(x!, p!, n!, {
    p: s.opt('p'), swap: s.opt('swap'), eps: s.opt('eps'), margin: s.opt<number>('margin') !== 1.0 ? s.opt('margin') : ((m as number | undefined) ?? 1.0), reduction: red(s), name: s.cls_name,
  }));
export const TripletMarginWithDistanceLoss = loss('TripletMarginWithDistanceLoss', ['distance_function', 'swap', 'reduction', 'margin'], { distance_function: null, swap: false, reduction: 'mean', margin: 1.0 }, ['x', 'positive', 'negative'],
  (s, [x, p, n]) => {
    const d = s.opt<((a: Tensor, b: Tensor) => Tensor) | null>('distance_function');
    return core.tripletMarginWithDistanceLoss(x!, p!, n!, { distanceFunction: d ? (a, b) => d(wrap(a), wrap(b)).value : null, swap: s.opt('swap'), margin: s.opt('margin'), reduction: red(s), name: s.cls_name });
  });
export const HingeEmbeddingLoss = loss('HingeEmbeddingLoss', ['margin', 'reduction'], { margin: 1.0, reduction: 'mean' }, XY,
  (s, [x, y]) => core.hingeEmbeddingLoss(x!, y!, { margin: s.opt('margin'), reduction: red(s), name: s.cls_name }));
export const MultilabelMarginLoss = loss('MultilabelMarginLoss', R, M, ['x', 'target'], (s, [x, t]) => core.multilabelMarginLoss(x!, t!, { reduction: red(s), name: s.cls_name }));
export const MultiLabelSoftMarginLoss = loss('MultiLabelSoftMarginLoss', ['weight', 'reduction'], { weight: null, reduction: 'mean' }, ['x', 'target'],
  (s, [x, t]) => core.multilabelSoftMarginLoss(x!, t!, { weight: s.tensorOpt('weight'), reduction: red(s), name: s.cls_name }));
export const GaussianNLLLoss = loss('GaussianNLLLoss', ['full', 'eps', 'reduction'], { full: false, eps: 1e-6, reduction: 'mean' }, ['logits', 'labels', 'var'],
  (s, [x, y, v]) => core.gaussianNllLoss(x!, y!, v!, { full: s.opt('full'), eps: s.opt('eps'), reduction: red(s), name: s.cls_name }));
/**
 * `CTCLoss(blank=0, reduction='mean', zero_infinity=False)`: `construct(log_probs, targets, input_lengths, target_lengths)`.
 * NOTE: the gradient is MindSpore's `CTCLossV2Grad` kernel, PyTorch's native backward (`nativeBackward`).
 */
export const CTCLoss = loss('CTCLoss', ['blank', 'reduction', 'zero_infinity'], { blank: 0, reduction: 'mean', zero_infinity: false }, ['log_probs', 'targets'],
  (s, [lp, t], [il, tl]) => {
    const len = (v: unknown) => (Array.isArray(v) ? (v as number[]) : tensorArg(s.cls_name, 'lengths', v));
    return core.ctcLoss(lp!, t!, { inputLengths: len(il), targetLengths: len(tl), blank: s.opt('blank'), zeroInfinity: s.opt('zero_infinity'), reduction: red(s), nativeBackward: true, name: s.cls_name });
  });
