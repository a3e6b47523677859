/**
 * The `torch.nn` loss classes: each stores PyTorch's constructor options (legacy `size_average`/
 * `reduce` folded into `reduction` as `_Loss.__init__` does; `weight`/`pos_weight` as buffers) and
 * its `forward` calls the matching `torch.nn.functional` loss.
 */
import { DTypeError, ValueError, adaptiveLogProb, pyStr, adaptiveLogSoftmaxWithLoss, adaptivePredict, bindArgs, newless, type Newless } from '@rosetta/core';
import type { dtype } from '../dtype.js';
import { Tensor } from '../tensor.js';
import * as F from './functional/losses.js';
import { legacy, reductionOf, tensorArg } from './functional/args.js';
import { ModuleImpl, Parameter } from './module.js';
import { Linear, Sequential } from './layers.js';

type LossFn = (...args: any[]) => Tensor;

/** What a loss class is made of: its name, functional form, `forward` parameters and constructor parameters. */
interface LossSpec {
  name: string;
  fn: LossFn;
  /** The parameters of `forward` in PyTorch's order (all required): `['input', 'target']`. */
  forward: readonly string[];
  /** Constructor parameters that may be passed by position, in PyTorch's order (legacy flags included). */
  names: readonly string[];
  /** Every constructor parameter's default; a key missing from `names` is keyword-only (`GaussianNLLLoss(*, full=False, …)`). */
  defaults: Record<string, unknown>;
  /** Parameters kept as buffers (`weight`, `pos_weight`). */
  tensorOpts: readonly string[];
  /** Checks `__init__` makes itself (most checks happen at the call, in the functional form). */
  init?: (o: Record<string, unknown>) => void;
}

/**
 * The shared body of the loss classes: binds the constructor arguments as `__init__` does
 * (legacy `size_average`/`reduce` folded into `reduction`; tensors as buffers), and `forward`'s
 * arguments as `forward` does (`L1Loss.forward() takes 3 positional arguments but 4 were given`),
 * then calls the functional form, which validates the values.
 */
export class LossModule extends ModuleImpl {
  readonly reduction: string;
  readonly _spec: LossSpec;
  readonly _opts: Record<string, unknown>;

  constructor(spec: LossSpec, args: unknown[]) {
    super();
    const o = bindArgs(`${spec.name}.__init__`, spec.names, spec.defaults, args, { implicit: 1 });
    spec.init?.(o);
    this._spec = spec;
    this.reduction = (spec.names.includes('size_average') ? reductionOf(o) : o.reduction) as string;
    const kept: Record<string, unknown> = {};
    for (const k of Object.keys(spec.defaults)) {
      if (k === 'size_average' || k === 'reduce' || k === 'reduction') continue;
      if (spec.tensorOpts.includes(k)) this.register_buffer(k, o[k] as Tensor | null);
      else (this as unknown as Record<string, unknown>)[k] = o[k];
      kept[k] = o[k];
    }
    this._opts = kept;
  }

  override forward(...args: unknown[]): Tensor {
    const { name, fn, forward, tensorOpts } = this._spec;
    const inputs = bindArgs<Record<string, unknown>>(`${name}.forward`, forward, {}, args, { implicit: 1 });
    const own = this as unknown as Record<string, unknown>;
    const kw: Record<string, unknown> = { _name: name };
    if ('reduction' in this._spec.defaults) kw.reduction = this.reduction;
    for (const k of Object.keys(this._opts)) kw[k] = tensorOpts.includes(k) ? own[k] : this._opts[k];
    return fn(...forward.map((k) => inputs[k]), kw);
  }
}

/** A loss class named `name` (callable with and without `new`). */
function lossClass(name: string, fn: LossFn, forward: readonly string[], names: readonly string[], defaults: Record<string, unknown>,
  tensorOpts: readonly string[] = [], init?: LossSpec['init']): Newless<new (...args: unknown[]) => LossModule> {
  const spec: LossSpec = { name, fn, forward, names, defaults, tensorOpts, init };
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
const IT = ['input', 'target'];
const APN = ['anchor', 'positive', 'negative'];

export const L1Loss = lossClass('L1Loss', F.l1_loss, IT, LN, L);
export const MSELoss = lossClass('MSELoss', F.mse_loss, IT, LN, L);
export const SmoothL1Loss = lossClass('SmoothL1Loss', F.smooth_l1_loss, IT, [...LN, 'beta'], { ...L, beta: 1 });
export const HuberLoss = lossClass('HuberLoss', F.huber_loss, IT, ['reduction', 'delta'], { reduction: 'mean', delta: 1 });
export const CrossEntropyLoss = lossClass('CrossEntropyLoss', F.cross_entropy, IT,
  ['weight', 'size_average', 'ignore_index', 'reduce', 'reduction', 'label_smoothing'], { weight: null, ...L, ignore_index: -100, label_smoothing: 0 }, ['weight']);
export const NLLLoss = lossClass('NLLLoss', F.nll_loss, IT, ['weight', 'size_average', 'ignore_index', 'reduce', 'reduction'], { weight: null, ...L, ignore_index: -100 }, ['weight']);
export const BCELoss = lossClass('BCELoss', F.binary_cross_entropy, IT, ['weight', ...LN], { weight: null, ...L }, ['weight']);
export const BCEWithLogitsLoss = lossClass('BCEWithLogitsLoss', F.binary_cross_entropy_with_logits, IT,
  ['weight', ...LN, 'pos_weight'], { weight: null, ...L, pos_weight: null }, ['weight', 'pos_weight']);
export const KLDivLoss = lossClass('KLDivLoss', F.kl_div, IT, [...LN, 'log_target'], { ...L, log_target: false });
export const SoftMarginLoss = lossClass('SoftMarginLoss', F.soft_margin_loss, IT, LN, L);
/** `nn.MultiMarginLoss(p=1, margin=1.0, weight=None, …)`: `__init__` refuses p other than 1 and 2, as PyTorch's does. */
export const MultiMarginLoss = lossClass('MultiMarginLoss', F.multi_margin_loss, IT, ['p', 'margin', 'weight', ...LN], { p: 1, margin: 1, weight: null, ...L }, ['weight'], (o) => {
  if (o.p !== 1 && o.p !== 2) throw new ValueError(`MultiMarginLoss: only p == 1 and p == 2 supported, got p = ${pyStr(o.p)}`);
});
export const MultiLabelMarginLoss = lossClass('MultiLabelMarginLoss', F.multilabel_margin_loss, IT, LN, L);
export const MultiLabelSoftMarginLoss = lossClass('MultiLabelSoftMarginLoss', F.multilabel_soft_margin_loss, IT, ['weight', ...LN], { weight: null, ...L }, ['weight']);
export const MarginRankingLoss = lossClass('MarginRankingLoss', F.margin_ranking_loss, ['input1', 'input2', 'target'], ['margin', ...LN], { margin: 0, ...L });
export const HingeEmbeddingLoss = lossClass('HingeEmbeddingLoss', F.hinge_embedding_loss, IT, ['margin', ...LN], { margin: 1, ...L });
export const CosineEmbeddingLoss = lossClass('CosineEmbeddingLoss', F.cosine_embedding_loss, ['input1', 'input2', 'target'], ['margin', ...LN], { margin: 0, ...L });
/** `nn.PoissonNLLLoss(…)`; NOTE: its `forward(log_input, target)` names the input `log_input`, as PyTorch's does. */
export const PoissonNLLLoss = lossClass('PoissonNLLLoss', F.poisson_nll_loss, ['log_input', 'target'], ['log_input', 'full', 'size_average', 'eps', 'reduce', 'reduction'], { log_input: true, full: false, eps: 1e-8, ...L });
/** `nn.GaussianNLLLoss(*, full=False, eps=1e-06, reduction='mean')`: keyword-only options. */
export const GaussianNLLLoss = lossClass('GaussianNLLLoss', F.gaussian_nll_loss, ['input', 'target', 'var'], [], { full: false, eps: 1e-6, reduction: 'mean' });
export const CTCLoss = lossClass('CTCLoss', F.ctc_loss, ['log_probs', 'targets', 'input_lengths', 'target_lengths'], ['blank', 'reduction', 'zero_infinity'], { blank: 0, reduction: 'mean', zero_infinity: false });
export const TripletMarginLoss = lossClass('TripletMarginLoss', F.triplet_margin_loss, APN, ['margin', 'p', 'eps', 'swap', ...LN], { margin: 1, p: 2, eps: 1e-6, swap: false, ...L });
/** `nn.TripletMarginWithDistanceLoss(*, distance_function=None, margin=1.0, swap=False, reduction='mean')`: keyword-only options. */
export const TripletMarginWithDistanceLoss = lossClass('TripletMarginWithDistanceLoss', F.triplet_margin_with_distance_loss, APN,
  [], { distance_function: null, margin: 1, swap: false, reduction: 'mean' });
export const CosineSimilarity = lossClass('CosineSimilarity', F.cosine_similarity, ['x1', 'x2'], ['dim', 'eps'], { dim: 1, eps: 1e-8 });
export const PairwiseDistance = lossClass('PairwiseDistance', F.pairwise_distance, ['x1', 'x2'], ['p', 'eps', 'keepdim'], { p: 2, eps: 1e-6, keepdim: false });

class AdaptiveLogSoftmaxWithLossImpl extends ModuleImpl {
  readonly in_features: number;
  readonly n_classes: number;
  readonly cutoffs: number[];
  readonly div_value: number;
  readonly head: ModuleImpl & { weight: Parameter; bias: Parameter | null };
  readonly tail: (ModuleImpl & { 0: { weight: Parameter }; 1: { weight: Parameter } })[];

  /**
   * `nn.AdaptiveLogSoftmaxWithLoss(in_features, n_classes, cutoffs, div_value=4.0, head_bias=False, device=None, dtype=None)`:
   * a head over the shortlist and clusters, and per-cluster projections of size in/div^(i+1).
   * `forward(input_, target_)` returns `{ output, loss }` (PyTorch's named tuple).
   */
  constructor(...args: unknown[]) {
    super();
    const o = bindArgs<{ in_features: number; n_classes: number; cutoffs: number[]; div_value: number; head_bias: boolean; device: string | null; dtype: dtype | null }>(
      'AdaptiveLogSoftmaxWithLoss.__init__', ['in_features', 'n_classes', 'cutoffs', 'div_value', 'head_bias', 'device', 'dtype'],
      { div_value: 4, head_bias: false, device: null, dtype: null }, args, { implicit: 1 });
    const cutoffs = Array.isArray(o.cutoffs) ? [...o.cutoffs] : [];
    if (cutoffs.join() !== [...cutoffs].sort((a, b) => a - b).join() || cutoffs.some((c, i) => !Number.isInteger(c) || c <= 0 || c >= o.n_classes || cutoffs.indexOf(c) !== i)) {
      throw new ValueError('AdaptiveLogSoftmaxWithLoss: cutoffs should be a sequence of unique, positive integers sorted in an increasing order, where each value is between 1 and n_classes-1');
    }
    this.in_features = o.in_features;
    this.n_classes = o.n_classes;
    this.cutoffs = [...cutoffs, o.n_classes];
    this.div_value = o.div_value;
    const nClusters = cutoffs.length;
    const kw = { device: o.device, dtype: o.dtype };
    this.head = Linear(o.in_features, cutoffs[0]! + nClusters, { bias: o.head_bias, ...kw });
    const sizes = adaptiveTailSizes(o.in_features, o.div_value, this.cutoffs);
    this.tail = sizes.map(([hsz, osz]) => Sequential(Linear(o.in_features, hsz, { bias: false, ...kw }), Linear(hsz, osz, { bias: false, ...kw })) as never);
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

  override forward(...args: unknown[]): { output: Tensor; loss: Tensor } {
    const o = bindArgs<{ input_: unknown; target_: unknown }>('AdaptiveLogSoftmaxWithLoss.forward', ['input_', 'target_'], {}, args, { implicit: 1 });
    const name = 'AdaptiveLogSoftmaxWithLoss.forward';
    const input = tensorArg(name, 'input_', 1, o.input_);
    const wdt = this.head.weight.value.dtype;
    if (input.dtype !== wdt) throw new DTypeError(`${name}: input_ of dtype ${input.dtype} does not match the weights' dtype ${wdt}`);
    const r = adaptiveLogSoftmaxWithLoss(input, tensorArg(name, 'target_', 2, o.target_), this.weights());
    return { output: new Tensor(r.output), loss: new Tensor(r.loss) };
  }

  /** `log_prob(input)`: log-probabilities of every class. */
  log_prob(...args: unknown[]): Tensor {
    const o = bindArgs<{ input: unknown }>('AdaptiveLogSoftmaxWithLoss.log_prob', ['input'], {}, args, { implicit: 1 });
    return new Tensor(adaptiveLogProb(tensorArg('AdaptiveLogSoftmaxWithLoss.log_prob', 'input', 1, o.input), this.weights()));
  }

  /** `predict(input)`: the most likely class of each row. */
  predict(...args: unknown[]): Tensor {
    const o = bindArgs<{ input: unknown }>('AdaptiveLogSoftmaxWithLoss.predict', ['input'], {}, args, { implicit: 1 });
    return new Tensor(adaptivePredict(tensorArg('AdaptiveLogSoftmaxWithLoss.predict', 'input', 1, o.input), this.weights()));
  }
}

/** Hidden and output sizes of each tail cluster: (in // div^(i+1), cutoff[i+1] − cutoff[i]). */
function adaptiveTailSizes(inFeatures: number, div: number, cutoffs: number[]): [number, number][] {
  return cutoffs.slice(0, -1).map((c, i) => [Math.floor(inFeatures / div ** (i + 1)), cutoffs[i + 1]! - c]);
}

export const AdaptiveLogSoftmaxWithLoss = newless(AdaptiveLogSoftmaxWithLossImpl);
export type AdaptiveLogSoftmaxWithLoss = AdaptiveLogSoftmaxWithLossImpl;
