/**
 * `torch.nn.functional` losses: each binds PyTorch's positional and keyword arguments, checks the
 * argument types and `reduction` with PyTorch's wording, and calls one core loss (`@rosetta/core`),
 * which validates shapes, dtypes and values and computes; the `nn.*Loss` classes call these.
 */
import * as core from '@rosetta/core';
import { Tensor } from '../../tensor.js';
import { legacy, optTensor, opts, reductionArg, tensorArg } from './args.js';
import { castDTypes, type DTypeRule } from './dtypes.js';

type Args = unknown[];
type CT = core.Tensor;
/** Tensors without a target, promoted together (integer inputs included), as `pairwise_distance` does. */
const PROMOTE: DTypeRule = { intInput: true, target: 'promote' };
const R = { reduction: 'mean' };
const num = core.checkNumber;

/** `F.l1_loss(input, target, size_average=None, reduce=None, reduction='mean')`: |x − y|. */
export function l1_loss(input: Tensor, target: Tensor, ...rest: Args): Tensor {
  const o = opts('l1_loss', ['size_average', 'reduce', 'reduction'], { ...legacy, ...R }, rest);
  const reduction = reductionArg(o);
  return new Tensor(core.l1Loss(...castDTypes(o._name, { intInput: true, target: 'promote', intTarget: true }, [['input', tensorArg(o._name, 'input', 1, input)]], ['target', tensorArg(o._name, 'target', 2, target)]) as [CT, CT], { reduction, name: o._name }));
}

/** `F.mse_loss(input, target, size_average=None, reduce=None, reduction='mean')`: (x − y)². */
export function mse_loss(input: Tensor, target: Tensor, ...rest: Args): Tensor {
  const o = opts('mse_loss', ['size_average', 'reduce', 'reduction'], { ...legacy, ...R }, rest);
  const reduction = reductionArg(o);
  return new Tensor(core.mseLoss(...castDTypes(o._name, { intInput: true, target: 'promote', intTarget: true, boolTarget: true }, [['input', tensorArg(o._name, 'input', 1, input)]], ['target', tensorArg(o._name, 'target', 2, target)]) as [CT, CT], { reduction, name: o._name }));
}

/** `F.smooth_l1_loss(input, target, size_average=None, reduce=None, reduction='mean', beta=1.0)`. */
export function smooth_l1_loss(input: Tensor, target: Tensor, ...rest: Args): Tensor {
  const o = opts('smooth_l1_loss', ['size_average', 'reduce', 'reduction', 'beta'], { ...legacy, ...R, beta: 1 }, rest);
  const reduction = reductionArg(o);
  return new Tensor(core.smoothL1Loss(...castDTypes(o._name, { intInput: true, target: 'promote', intTarget: true, boolTarget: true }, [['input', tensorArg(o._name, 'input', 1, input)]], ['target', tensorArg(o._name, 'target', 2, target)]) as [CT, CT], {
    reduction, beta: num(o._name, 'beta', o.beta), name: o._name,
  }));
}

/** `F.huber_loss(input, target, reduction='mean', delta=1.0)`. */
export function huber_loss(input: Tensor, target: Tensor, ...rest: Args): Tensor {
  const o = opts('huber_loss', ['reduction', 'delta'], { ...R, delta: 1 }, rest);
  const reduction = reductionArg(o);
  return new Tensor(core.huberLoss(...castDTypes(o._name, { target: 'input', intTarget: true, boolTarget: true }, [['input', tensorArg(o._name, 'input', 1, input)]], ['target', tensorArg(o._name, 'target', 2, target)]) as [CT, CT], {
    reduction, delta: num(o._name, 'delta', o.delta), name: o._name,
  }));
}

/** `F.cross_entropy(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction='mean', label_smoothing=0.0)`. */
export function cross_entropy(input: Tensor, target: Tensor, ...rest: Args): Tensor {
  const o = opts('cross_entropy', ['weight', 'size_average', 'ignore_index', 'reduce', 'reduction', 'label_smoothing'], {
    weight: null as Tensor | null, ...legacy, ignore_index: -100, ...R, label_smoothing: 0,
  }, rest);
  const reduction = reductionArg(o);
  return new Tensor(core.crossEntropyLoss(tensorArg(o._name, 'input', 1, input), tensorArg(o._name, 'target', 2, target), {
    weight: optTensor(o._name, 'weight', 3, o.weight), ignoreIndex: num(o._name, 'ignore_index', o.ignore_index, 5), reduction,
    labelSmoothing: num(o._name, 'label_smoothing', o.label_smoothing, 6), name: o._name,
  }));
}

/** `F.nll_loss(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction='mean')`. */
export function nll_loss(input: Tensor, target: Tensor, ...rest: Args): Tensor {
  const o = opts('nll_loss', ['weight', 'size_average', 'ignore_index', 'reduce', 'reduction'], {
    weight: null as Tensor | null, ...legacy, ignore_index: -100, ...R,
  }, rest);
  const reduction = reductionArg(o);
  return new Tensor(core.nllLoss(tensorArg(o._name, 'input', 1, input), tensorArg(o._name, 'target', 2, target), {
    weight: optTensor(o._name, 'weight', 3, o.weight), ignoreIndex: num(o._name, 'ignore_index', o.ignore_index, 5), reduction, name: o._name,
  }));
}

/** `F.binary_cross_entropy(input, target, weight=None, size_average=None, reduce=None, reduction='mean')`. */
export function binary_cross_entropy(input: Tensor, target: Tensor, ...rest: Args): Tensor {
  const o = opts('binary_cross_entropy', ['weight', 'size_average', 'reduce', 'reduction'], { weight: null as Tensor | null, ...legacy, ...R }, rest);
  const reduction = reductionArg(o);
  return new Tensor(core.binaryCrossEntropyLoss(...castDTypes(o._name, { target: 'same' }, [['input', tensorArg(o._name, 'input', 1, input)]], ['target', tensorArg(o._name, 'target', 2, target)]) as [CT, CT], {
    weight: optTensor(o._name, 'weight', 3, o.weight), reduction, name: o._name,
  }));
}

/** `F.binary_cross_entropy_with_logits(input, target, weight=None, size_average=None, reduce=None, reduction='mean', pos_weight=None)`. */
export function binary_cross_entropy_with_logits(input: Tensor, target: Tensor, ...rest: Args): Tensor {
  const o = opts('binary_cross_entropy_with_logits', ['weight', 'size_average', 'reduce', 'reduction', 'pos_weight'], {
    weight: null as Tensor | null, ...legacy, ...R, pos_weight: null as Tensor | null,
  }, rest);
  const reduction = reductionArg(o);
  return new Tensor(core.binaryCrossEntropyWithLogitsLoss(...castDTypes(o._name, { target: 'promote' }, [['input', tensorArg(o._name, 'input', 1, input)]], ['target', tensorArg(o._name, 'target', 2, target)]) as [CT, CT], {
    weight: optTensor(o._name, 'weight', 3, o.weight), posWeight: optTensor(o._name, 'pos_weight', 7, o.pos_weight), reduction, name: o._name,
  }));
}

/** `F.kl_div(input, target, size_average=None, reduce=None, reduction='mean', log_target=False)`; input holds log-probabilities. */
export function kl_div(input: Tensor, target: Tensor, ...rest: Args): Tensor {
  const o = opts('kl_div', ['size_average', 'reduce', 'reduction', 'log_target'], { ...legacy, ...R, log_target: false }, rest);
  const reduction = reductionArg(o, 'enum', ['batchmean']);
  return new Tensor(core.klDivLoss(...castDTypes(o._name, { target: 'promote' }, [['input', tensorArg(o._name, 'input', 1, input)]], ['target', tensorArg(o._name, 'target', 2, target)]) as [CT, CT], { reduction, logTarget: o.log_target, name: o._name }));
}

/** `F.soft_margin_loss(input, target, size_average=None, reduce=None, reduction='mean')`. */
export function soft_margin_loss(input: Tensor, target: Tensor, ...rest: Args): Tensor {
  const o = opts('soft_margin_loss', ['size_average', 'reduce', 'reduction'], { ...legacy, ...R }, rest);
  const reduction = reductionArg(o);
  return new Tensor(core.softMarginLoss(...castDTypes(o._name, { target: 'input', intTarget: true, boolTarget: true }, [['input', tensorArg(o._name, 'input', 1, input)]], ['target', tensorArg(o._name, 'target', 2, target)]) as [CT, CT], { reduction, name: o._name }));
}

/** `F.multi_margin_loss(input, target, p=1, margin=1, weight=None, size_average=None, reduce=None, reduction='mean')`. */
export function multi_margin_loss(input: Tensor, target: Tensor, ...rest: Args): Tensor {
  const o = opts('multi_margin_loss', ['p', 'margin', 'weight', 'size_average', 'reduce', 'reduction'], { p: 1, margin: 1, weight: null as Tensor | null, ...legacy, ...R }, rest);
  const reduction = reductionArg(o);
  return new Tensor(core.multiMarginLoss(tensorArg(o._name, 'input', 1, input), tensorArg(o._name, 'target', 2, target), {
    p: num(o._name, 'p', o.p, 3), margin: num(o._name, 'margin', o.margin, 4), weight: optTensor(o._name, 'weight', 5, o.weight), reduction, name: o._name,
  }));
}

/** `F.multilabel_margin_loss(input, target, size_average=None, reduce=None, reduction='mean')`. */
export function multilabel_margin_loss(input: Tensor, target: Tensor, ...rest: Args): Tensor {
  const o = opts('multilabel_margin_loss', ['size_average', 'reduce', 'reduction'], { ...legacy, ...R }, rest);
  const reduction = reductionArg(o);
  return new Tensor(core.multilabelMarginLoss(tensorArg(o._name, 'input', 1, input), tensorArg(o._name, 'target', 2, target), { reduction, name: o._name }));
}

/** `F.multilabel_soft_margin_loss(input, target, weight=None, size_average=None, reduce=None, reduction='mean')`. */
export function multilabel_soft_margin_loss(input: Tensor, target: Tensor, ...rest: Args): Tensor {
  const o = opts('multilabel_soft_margin_loss', ['weight', 'size_average', 'reduce', 'reduction'], { weight: null as Tensor | null, ...legacy, ...R }, rest);
  const reduction = reductionArg(o, 'short');
  // NOTE: PyTorch's Python formula takes a number for the target (it broadcasts), so Rosetta does too.
  const y = typeof target === 'number' ? new Tensor(core.tensor(target)) : target;
  return new Tensor(core.multilabelSoftMarginLoss(...castDTypes(o._name, { target: 'promote', intTarget: true }, [['input', tensorArg(o._name, 'input', 1, input)]], ['target', tensorArg(o._name, 'target', 2, y)]) as [CT, CT], {
    weight: optTensor(o._name, 'weight', 3, o.weight), reduction, name: o._name,
  }));
}

/** `F.margin_ranking_loss(input1, input2, target, margin=0, size_average=None, reduce=None, reduction='mean')`. */
export function margin_ranking_loss(input1: Tensor, input2: Tensor, target: Tensor, ...rest: Args): Tensor {
  const o = opts('margin_ranking_loss', ['margin', 'size_average', 'reduce', 'reduction'], { margin: 0, ...legacy, ...R }, rest);
  const reduction = reductionArg(o);
  return new Tensor(core.marginRankingLoss(...castDTypes(o._name, { intInput: true, target: 'promote', intTarget: true },
    [['input1', tensorArg(o._name, 'input1', 1, input1)], ['input2', tensorArg(o._name, 'input2', 2, input2)]], ['target', tensorArg(o._name, 'target', 3, target)]) as [CT, CT, CT], {
    margin: num(o._name, 'margin', o.margin, 4), reduction, name: o._name,
  }));
}

/** `F.hinge_embedding_loss(input, target, margin=1.0, size_average=None, reduce=None, reduction='mean')`. */
export function hinge_embedding_loss(input: Tensor, target: Tensor, ...rest: Args): Tensor {
  const o = opts('hinge_embedding_loss', ['margin', 'size_average', 'reduce', 'reduction'], { margin: 1, ...legacy, ...R }, rest);
  const reduction = reductionArg(o);
  return new Tensor(core.hingeEmbeddingLoss(...castDTypes(o._name, { target: 'input', intTarget: true, boolTarget: true }, [['input', tensorArg(o._name, 'input', 1, input)]], ['target', tensorArg(o._name, 'target', 2, target)]) as [CT, CT], {
    margin: num(o._name, 'margin', o.margin, 3), reduction, name: o._name,
  }));
}

/** `F.cosine_embedding_loss(input1, input2, target, margin=0, size_average=None, reduce=None, reduction='mean')`. */
export function cosine_embedding_loss(input1: Tensor, input2: Tensor, target: Tensor, ...rest: Args): Tensor {
  const o = opts('cosine_embedding_loss', ['margin', 'size_average', 'reduce', 'reduction'], { margin: 0, ...legacy, ...R }, rest);
  const reduction = reductionArg(o);
  return new Tensor(core.cosineEmbeddingLoss(...castDTypes(o._name, { intInput: true, target: 'input', intTarget: true },
    [['input1', tensorArg(o._name, 'input1', 1, input1)], ['input2', tensorArg(o._name, 'input2', 2, input2)]], ['target', tensorArg(o._name, 'target', 3, target)]) as [CT, CT, CT], {
    margin: num(o._name, 'margin', o.margin, 4), reduction, name: o._name,
  }));
}

/** `F.poisson_nll_loss(input, target, log_input=True, full=False, size_average=None, eps=1e-08, reduce=None, reduction='mean')`. */
export function poisson_nll_loss(input: Tensor, target: Tensor, ...rest: Args): Tensor {
  const o = opts('poisson_nll_loss', ['log_input', 'full', 'size_average', 'eps', 'reduce', 'reduction'], { log_input: true, full: false, size_average: legacy.size_average, eps: 1e-8, reduce: legacy.reduce, ...R }, rest);
  const reduction = reductionArg(o, 'short');
  return new Tensor(core.poissonNllLoss(...castDTypes(o._name, { intInput: true, target: 'promote', intTarget: true, boolTarget: true }, [['input', tensorArg(o._name, 'input', 1, input)]], ['target', tensorArg(o._name, 'target', 2, target)]) as [CT, CT], {
    logInput: o.log_input, full: o.full, eps: num(o._name, 'eps', o.eps, 6), reduction, name: o._name,
  }));
}

/** `F.gaussian_nll_loss(input, target, var, full=False, eps=1e-06, reduction='mean')`. */
export function gaussian_nll_loss(input: Tensor, target: Tensor, variance: Tensor | number, ...rest: Args): Tensor {
  const o = opts('gaussian_nll_loss', ['full', 'eps', 'reduction'], { full: false, eps: 1e-6, ...R }, rest);
  const reduction = reductionArg(o, 'short');
  const tensors: [string, CT][] = [['input', tensorArg(o._name, 'input', 1, input)]];
  if (typeof variance !== 'number') tensors.push(['var', tensorArg(o._name, 'var', 3, variance)]);
  const cast = castDTypes(o._name, { intInput: true, target: 'promote', intTarget: true }, tensors, ['target', tensorArg(o._name, 'target', 2, target)]);
  const v = typeof variance === 'number' ? variance : cast[1]!;
  return new Tensor(core.gaussianNllLoss(cast[0]!, cast[cast.length - 1]!, v, {
    full: o.full, eps: num(o._name, 'eps', o.eps, 5), reduction, name: o._name,
  }));
}

/**
 * CTC lengths: both Tensors or both lists of ints (PyTorch's two `ctc_loss` overloads; a list and a
 * Tensor together match neither).
 */
function lengthsArgs(fn: string, inputLengths: unknown, targetLengths: unknown): [CT | readonly number[], CT | readonly number[]] {
  const ints = (arg: string, position: number, x: unknown[]) => x.map((v, i) => num(fn, `${arg}[${i}]`, v, position));
  if (Array.isArray(inputLengths)) {
    if (!Array.isArray(targetLengths)) throw new core.ArgTypeError(`${fn}(): argument 'target_lengths' (position 4) must be a list of ints like input_lengths, not ${core.pyTypeName(targetLengths)}`);
    return [ints('input_lengths', 3, inputLengths), ints('target_lengths', 4, targetLengths)];
  }
  const il = tensorArg(fn, 'input_lengths', 3, inputLengths);
  if (Array.isArray(targetLengths)) throw new core.ArgTypeError(`${fn}(): argument 'target_lengths' (position 4) must be Tensor like input_lengths, not list`);
  return [il, tensorArg(fn, 'target_lengths', 4, targetLengths)];
}

/**
 * `F.ctc_loss(log_probs, targets, input_lengths, target_lengths, blank=0, reduction='mean', zero_infinity=False)`; log_probs (T, N, C) or (T, C).
 * NOTE: the gradient is PyTorch's native backward (`nativeBackward`), e^{log_probs}·grad more than the derivative.
 */
export function ctc_loss(log_probs: Tensor, targets: Tensor, input_lengths: Tensor | readonly number[], target_lengths: Tensor | readonly number[], ...rest: Args): Tensor {
  const o = opts('ctc_loss', ['blank', 'reduction', 'zero_infinity'], { blank: 0, ...R, zero_infinity: false }, rest);
  const reduction = reductionArg(o);
  const [inputLengths, targetLengths] = lengthsArgs(o._name, input_lengths, target_lengths);
  return new Tensor(core.ctcLoss(tensorArg(o._name, 'log_probs', 1, log_probs), tensorArg(o._name, 'targets', 2, targets), {
    inputLengths, targetLengths, blank: num(o._name, 'blank', o.blank, 5), zeroInfinity: o.zero_infinity, reduction, nativeBackward: true, name: o._name,
  }));
}

/** `F.triplet_margin_loss(anchor, positive, negative, margin=1.0, p=2, eps=1e-06, swap=False, size_average=None, reduce=None, reduction='mean')`. */
export function triplet_margin_loss(anchor: Tensor, positive: Tensor, negative: Tensor, ...rest: Args): Tensor {
  const o = opts('triplet_margin_loss', ['margin', 'p', 'eps', 'swap', 'size_average', 'reduce', 'reduction'], { margin: 1, p: 2, eps: 1e-6, swap: false, ...legacy, ...R }, rest);
  const reduction = reductionArg(o);
  return new Tensor(core.tripletMarginLoss(...tripletArgs(o._name, anchor, positive, negative), {
    margin: num(o._name, 'margin', o.margin, 4), p: num(o._name, 'p', o.p, 5), eps: num(o._name, 'eps', o.eps, 6), swap: o.swap, reduction, name: o._name,
  }));
}

type DistanceFn = (a: Tensor, b: Tensor) => Tensor;

/** The three tensors of the triplet losses, promoted together. */
const tripletArgs = (name: string, anchor: unknown, positive: unknown, negative: unknown) => castDTypes(name, PROMOTE, [
  ['anchor', tensorArg(name, 'anchor', 1, anchor)], ['positive', tensorArg(name, 'positive', 2, positive)], ['negative', tensorArg(name, 'negative', 3, negative)],
]) as [CT, CT, CT];

/** `F.triplet_margin_with_distance_loss(anchor, positive, negative, *, distance_function=None, margin=1.0, swap=False, reduction='mean')`. */
export function triplet_margin_with_distance_loss(anchor: Tensor, positive: Tensor, negative: Tensor, ...rest: Args): Tensor {
  const o = opts('triplet_margin_with_distance_loss', [], { distance_function: null as DistanceFn | null, margin: 1, swap: false, ...R }, rest);
  const reduction = reductionArg(o);
  const d = o.distance_function;
  if (d !== null && typeof d !== 'function') throw new core.ArgTypeError(`${o._name}: distance_function must be callable, not ${core.pyTypeName(d)}`);
  return new Tensor(core.tripletMarginWithDistanceLoss(...tripletArgs(o._name, anchor, positive, negative), {
    distanceFunction: d ? (a, b) => d(new Tensor(a), new Tensor(b)).value : null,
    margin: num(o._name, 'margin', o.margin), swap: o.swap, reduction, name: o._name,
  }));
}

/** `F.cosine_similarity(x1, x2, dim=1, eps=1e-8)`. */
export function cosine_similarity(x1: Tensor, x2: Tensor, ...rest: Args): Tensor {
  const o = opts('cosine_similarity', ['dim', 'eps'], { dim: 1, eps: 1e-8 }, rest);
  return new Tensor(core.cosineSimilarity(...castDTypes(o._name, PROMOTE, [['x1', tensorArg(o._name, 'x1', 1, x1)], ['x2', tensorArg(o._name, 'x2', 2, x2)]]) as [CT, CT], {
    dim: num(o._name, 'dim', o.dim, 3), eps: num(o._name, 'eps', o.eps, 4), name: o._name,
  }));
}

/** `F.pairwise_distance(x1, x2, p=2.0, eps=1e-6, keepdim=False)`. */
export function pairwise_distance(x1: Tensor, x2: Tensor, ...rest: Args): Tensor {
  const o = opts('pairwise_distance', ['p', 'eps', 'keepdim'], { p: 2, eps: 1e-6, keepdim: false }, rest);
  return new Tensor(core.pairwiseDistance(...castDTypes(o._name, PROMOTE, [['x1', tensorArg(o._name, 'x1', 1, x1)], ['x2', tensorArg(o._name, 'x2', 2, x2)]]) as [CT, CT], {
    p: num(o._name, 'p', o.p, 3), eps: num(o._name, 'eps', o.eps, 4), keepdim: o.keepdim, name: o._name,
  }));
}
