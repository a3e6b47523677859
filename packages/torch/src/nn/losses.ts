/**
 * The `torch.nn` loss classes: each stores PyTorch's constructor options (legacy `size_average`/
 * `reduce` folded into `reduction` as `_Loss.__init__` does; `weight`/`pos_weight` as buffers) and
 * its `forward` calls the matching `torch.nn.functional` loss.
 */
import { adaptiveLogProb, adaptiveLogSoftmaxWithLoss, adaptivePredict, bindArgs, newless, type Newless } from '@rosetta/core';
import { Tensor } from '../tensor.js';
import * as F from './functional/losses.js';
import { legacy, reductionOf } from './functional/args.js';
import { ModuleImpl, Parameter } from './module.js';
import { Linear, Sequential } from './layers.js';

type LossFn = (...args: any[]) => Tensor;

/** What a loss class is made of: its name, functional form, tensor inputs and constructor parameters. */
interface LossSpec {
  name: string;
  fn: LossFn;
  /** How many tensors `forward` takes before any extra arguments. */
  inputs: number;
  /** Constructor parameters in PyTorch's order (legacy flags included) and their defaults. */
  names: string[];
  defaults: Record<string, unknown>;
  /** Parameters kept as buffers (`weight`, `pos_weight`). */
  tensorOpts: string[];
}

/**
 * The shared body of the loss classes: stores the constructor options (legacy `size_average`/`reduce`
 * folded into `reduction`; tensors as buffers) and forwards to the functional form.
 */
export class LossModule extends ModuleImpl {
  readonly reduction: string;
  readonly _spec: LossSpec;
  readonly _opts: Record<string, unknown>;

  constructor(spec: LossSpec, args: unknown[]) {
    super();
    const o = bindArgs(spec.name, spec.names, { ...spec.defaults }, args);
    this._spec = spec;
    this.reduction = (spec.names.includes('size_average') ? reductionOf(o) : o.reduction) as string;
    const kept: Record<string, unknown> = {};
    for (const k of spec.names) {
      if (k === 'size_average' || k === 'reduce' || k === 'reduction') continue;
      if (spec.tensorOpts.includes(k)) this.register_buffer(k, (o[k] as Tensor | null) ?? null);
      else (this as unknown as Record<string, unknown>)[k] = o[k];
      kept[k] = o[k];
    }
    this._opts = kept;
  }

  override forward(...args: Tensor[]): Tensor {
    const { name, fn, inputs, tensorOpts } = this._spec;
    const own = this as unknown as Record<string, unknown>;
    const kw: Record<string, unknown> = { _name: name };
    if (this._spec.names.includes('reduction')) kw.reduction = this.reduction;
    for (const k of Object.keys(this._opts)) kw[k] = tensorOpts.includes(k) ? own[k] : this._opts[k];
    return fn(...args.slice(0, inputs), ...args.slice(inputs), kw);
  }
}

/** A loss class named `name` (callable with and without `new`). */
function lossClass(name: string, fn: LossFn, inputs: number, names: string[], defaults: Record<string, unknown>, tensorOpts: string[] = []): Newless<new (...args: unknown[]) => LossModule> {
  const spec: LossSpec = { name, fn, inputs, names, defaults, tensorOpts };
  const cls = {
    [name]: class extends LossModule {
      constructor(...args: unknown[]) {
        super(spec, args);
      }
    },
  }[name]!;
  return newless(cls);
}

const L = { ...legacy, reduction: 'mean' };
const LN = ['size_average', 'reduce', 'reduction'];

export const L1Loss = lossClass('L1Loss', F.l1_loss, 2, LN, L);
export const MSELoss = lossClass('MSELoss', F.mse_loss, 2, LN, L);
export const SmoothL1Loss = lossClass('SmoothL1Loss', F.smooth_l1_loss, 2, [...LN, 'beta'], { ...L, beta: 1 });
export const HuberLoss = lossClass('HuberLoss', F.huber_loss, 2, ['reduction', 'delta'], { reduction: 'mean', delta: 1 });
export const CrossEntropyLoss = lossClass('CrossEntropyLoss', F.cross_entropy, 2,
  ['weight', 'size_average', 'ignore_index', 'reduce', 'reduction', 'label_smoothing'], { weight: null, ...L, ignore_index: -100, label_smoothing: 0 }, ['weight']);
export const NLLLoss = lossClass('NLLLoss', F.nll_loss, 2, ['weight', 'size_average', 'ignore_index', 'reduce', 'reduction'], { weight: null, ...L, ignore_index: -100 }, ['weight']);
export const BCELoss = lossClass('BCELoss', F.binary_cross_entropy, 2, ['weight', ...LN], { weight: null, ...L }, ['weight']);
export const BCEWithLogitsLoss = lossClass('BCEWithLogitsLoss', F.binary_cross_entropy_with_logits, 2,
  ['weight', ...LN, 'pos_weight'], { weight: null, ...L, pos_weight: null }, ['weight', 'pos_weight']);
export const KLDivLoss = lossClass('KLDivLoss', F.kl_div, 2, [...LN, 'log_target'], { ...L, log_target: false });
export const SoftMarginLoss = lossClass('SoftMarginLoss', F.soft_margin_loss, 2, LN, L);
export const MultiMarginLoss = lossClass('MultiMarginLoss', F.multi_margin_loss, 2, ['p', 'margin', 'weight', ...LN], { p: 1, margin: 1, weight: null, ...L }, ['weight']);
export const MultiLabelMarginLoss = lossClass('MultiLabelMarginLoss', F.multilabel_margin_loss, 2, LN, L);
export const MultiLabelSoftMarginLoss = lossClass('MultiLabelSoftMarginLoss', F.multilabel_soft_margin_loss, 2, ['weight', ...LN], { weight: null, ...L }, ['weight']);
export const MarginRankingLoss = lossClass('MarginRankingLoss', F.margin_ranking_loss, 3, ['margin', ...LN], { margin: 0, ...L });
export const HingeEmbeddingLoss = lossClass('HingeEmbeddingLoss', F.hinge_embedding_loss, 2, ['margin', ...LN], { margin: 1, ...L });
export const CosineEmbeddingLoss = lossClass('CosineEmbeddingLoss', F.cosine_embedding_loss, 3, ['margin', ...LN], { margin: 0, ...L });
export const PoissonNLLLoss = lossClass('PoissonNLLLoss', F.poisson_nll_loss, 2, ['log_input', 'full', 'size_average', 'eps', 'reduce', 'reduction'], { log_input: true, full: false, eps: 1e-8, ...L });
export const GaussianNLLLoss = lossClass('GaussianNLLLoss', F.gaussian_nll_loss, 3, ['full', 'eps', 'reduction'], { full: false, eps: 1e-6, reduction: 'mean' });
export const CTCLoss = lossClass('CTCLoss', F.ctc_loss, 4, ['blank', 'reduction', 'zero_infinity'], { blank: 0, reduction: 'mean', zero_infinity: false });
export const TripletMarginLoss = lossClass('TripletMarginLoss', F.triplet_margin_loss, 3, ['margin', 'p', 'eps', 'swap', ...LN], { margin: 1, p: 2, eps: 1e-6, swap: false, ...L });
export const TripletMarginWithDistanceLoss = lossClass('TripletMarginWithDistanceLoss', F.triplet_margin_with_distance_loss, 3,
  ['distance_function', 'margin', 'swap', 'reduction'], { distance_function: null, margin: 1, swap: false, reduction: 'mean' });
export const CosineSimilarity = lossClass('CosineSimilarity', F.cosine_similarity, 2, ['dim', 'eps'], { dim: 1, eps: 1e-8 });
export const PairwiseDistance = lossClass('PairwiseDistance', F.pairwise_distance, 2, ['p', 'eps', 'keepdim'], { p: 2, eps: 1e-6, keepdim: false });

class AdaptiveLogSoftmaxWithLossImpl extends ModuleImpl {
  readonly in_features: number;
  readonly n_classes: number;
  readonly cutoffs: number[];
  readonly div_value: number;
  readonly head: ModuleImpl & { weight: Parameter; bias: Parameter | null };
  readonly tail: (ModuleImpl & { 0: { weight: Parameter }; 1: { weight: Parameter } })[];

  /**
   * `nn.AdaptiveLogSoftmaxWithLoss(in_features, n_classes, cutoffs, div_value=4.0, head_bias=False)`:
   * a head over the shortlist and clusters, and per-cluster projections of size in/div^(i+1).
   * `forward(input, target)` returns `{ output, loss }` (PyTorch's named tuple).
   */
  constructor(...args: unknown[]) {
    super();
    const o = bindArgs('AdaptiveLogSoftmaxWithLoss', ['in_features', 'n_classes', 'cutoffs', 'div_value', 'head_bias'], {
      in_features: NaN, n_classes: NaN, cutoffs: [] as number[], div_value: 4, head_bias: false,
    }, args);
    const cutoffs = [...o.cutoffs];
    if (cutoffs.join() !== [...cutoffs].sort((a, b) => a - b).join() || cutoffs.some((c, i) => !Number.isInteger(c) || c <= 0 || c >= o.n_classes || cutoffs.indexOf(c) !== i)) {
      throw new Error('cutoffs should be a sequence of unique, positive integers sorted in an increasing order, where each value is between 1 and n_classes-1');
    }
    this.in_features = o.in_features;
    this.n_classes = o.n_classes;
    this.cutoffs = [...cutoffs, o.n_classes];
    this.div_value = o.div_value;
    const nClusters = cutoffs.length;
    this.head = Linear(o.in_features, cutoffs[0]! + nClusters, { bias: o.head_bias });
    const sizes = adaptiveTailSizes(o.in_features, o.div_value, this.cutoffs);
    this.tail = sizes.map(([hsz, osz]) => Sequential(Linear(o.in_features, hsz, { bias: false }), Linear(hsz, osz, { bias: false })) as never);
  }

  private weights() {
    return {
      headWeight: this.head.weight.value,
      headBias: this.head.bias?.value ?? null,
      tailWeights: this.tail.map((t) => [t[0].weight.value, t[1].weight.value] as const),
      cutoffs: this.cutoffs.slice(0, -1),
      name: 'AdaptiveLogSoftmaxWithLoss',
    };
  }

  override forward(input: Tensor, target: Tensor): { output: Tensor; loss: Tensor } {
    const r = adaptiveLogSoftmaxWithLoss(input.value, target.value, this.weights());
    return { output: new Tensor(r.output), loss: new Tensor(r.loss) };
  }

  /** `log_prob(input)`: log-probabilities of every class. */
  log_prob(input: Tensor): Tensor {
    return new Tensor(adaptiveLogProb(input.value, this.weights()));
  }

  /** `predict(input)`: the most likely class of each row. */
  predict(input: Tensor): Tensor {
    return new Tensor(adaptivePredict(input.value, this.weights()));
  }
}

/** Hidden and output sizes of each tail cluster: (in // div^(i+1), cutoff[i+1] − cutoff[i]). */
function adaptiveTailSizes(inFeatures: number, div: number, cutoffs: number[]): [number, number][] {
  return cutoffs.slice(0, -1).map((c, i) => [Math.floor(inFeatures / div ** (i + 1)), cutoffs[i + 1]! - c]);
}

export const AdaptiveLogSoftmaxWithLoss = newless(AdaptiveLogSoftmaxWithLossImpl);
export type AdaptiveLogSoftmaxWithLoss = AdaptiveLogSoftmaxWithLossImpl;
