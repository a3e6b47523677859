/**
 * `torch.nn.functional` losses: each binds PyTorch's positional and keyword arguments and calls one
 * core loss (`@rosetta/core`), which validates and computes; the `nn.*Loss` classes call these.
 */
import * as core from '@rosetta/core';
import { Tensor } from '../../tensor.js';
import { legacy, optTensor, opts, reductionOf, tensorArg } from './args.js';

type Args = unknown[];
const R = { reduction: 'mean' };

/** `F.l1_loss(input, target, size_average=None, reduce=None, reduction='mean')`: |x − y|. */
export function l1_loss(input: Tensor, target: Tensor, ...rest: Args): Tensor {
  const o = opts('l1_loss', ['size_average', 'reduce', 'reduction'], { ...legacy, ...R }, rest);
  return new Tensor(core.l1Loss(tensorArg(o._name, 'input', input), tensorArg(o._name, 'target', target), { reduction: reductionOf(o), name: o._name }));
}

/** `F.mse_loss(input, target, size_average=None, reduce=None, reduction='mean')`: (x − y)². */
export function mse_loss(input: Tensor, target: Tensor, ...rest: Args): Tensor {
  const o = opts('mse_loss', ['size_average', 'reduce', 'reduction'], { ...legacy, ...R }, rest);
  return new Tensor(core.mseLoss(tensorArg(o._name, 'input', input), tensorArg(o._name, 'target', target), { reduction: reductionOf(o), name: o._name }));
}

/** `F.smooth_l1_loss(input, target, size_average=None, reduce=None, reduction='mean', beta=1.0)`. */
export function smooth_l1_loss(input: Tensor, target: Tensor, ...rest: Args): Tensor {
  const o = opts('smooth_l1_loss', ['size_average', 'reduce', 'reduction', 'beta'], { ...legacy, ...R, beta: 1 }, rest);
  return new Tensor(core.smoothL1Loss(tensorArg(o._name, 'input', input), tensorArg(o._name, 'target', target), { reduction: reductionOf(o), beta: o.beta, name: o._name }));
}

/** `F.huber_loss(input, target, reduction='mean', delta=1.0)`. */
export function huber_loss(input: Tensor, target: Tensor, ...rest: Args): Tensor {
  const o = opts('huber_loss', ['reduction', 'delta'], { ...R, delta: 1 }, rest);
  return new Tensor(core.huberLoss(tensorArg(o._name, 'input', input), tensorArg(o._name, 'target', target), { reduction: o.reduction as core.ReductionMode, delta: o.delta, name: o._name }));
}

/** `F.cross_entropy(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction='mean', label_smoothing=0.0)`. */
export function cross_entropy(input: Tensor, target: Tensor, ...rest: Args): Tensor {
  const o = opts('cross_entropy', ['weight', 'size_average', 'ignore_index', 'reduce', 'reduction', 'label_smoothing'], {
    weight: null as Tensor | null, ...legacy, ignore_index: -100, ...R, label_smoothing: 0,
  }, rest);
  return new Tensor(core.crossEntropyLoss(tensorArg(o._name, 'input', input), tensorArg(o._name, 'target', target), {
    weight: optTensor(o._name, 'weight', o.weight), ignoreIndex: o.ignore_index, reduction: reductionOf(o), labelSmoothing: o.label_smoothing, name: o._name,
  }));
}

/** `F.nll_loss(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction='mean')`. */
export function nll_loss(input: Tensor, target: Tensor, ...rest: Args): Tensor {
  const o = opts('nll_loss', ['weight', 'size_average', 'ignore_index', 'reduce', 'reduction'], {
    weight: null as Tensor | null, ...legacy, ignore_index: -100, ...R,
  }, rest);
  return new Tensor(core.nllLoss(tensorArg(o._name, 'input', input), tensorArg(o._name, 'target', target), {
    weight: optTensor(o._name, 'weight', o.weight), ignoreIndex: o.ignore_index, reduction: reductionOf(o), name: o._name,
  }));
}

/** `F.binary_cross_entropy(input, target, weight=None, size_average=None, reduce=None, reduction='mean')`. */
export function binary_cross_entropy(input: Tensor, target: Tensor, ...rest: Args): Tensor {
  const o = opts('binary_cross_entropy', ['weight', 'size_average', 'reduce', 'reduction'], { weight: null as Tensor | null, ...legacy, ...R }, rest);
  return new Tensor(core.binaryCrossEntropyLoss(tensorArg(o._name, 'input', input), tensorArg(o._name, 'target', target), {
    weight: optTensor(o._name, 'weight', o.weight), reduction: reductionOf(o), name: o._name,
  }));
}

/** `F.binary_cross_entropy_with_logits(input, target, weight=None, size_average=None, reduce=None, reduction='mean', pos_weight=None)`. */
export function binary_cross_entropy_with_logits(input: Tensor, target: Tensor, ...rest: Args): Tensor {
  const o = opts('binary_cross_entropy_with_logits', ['weight', 'size_average', 'reduce', 'reduction', 'pos_weight'], {
    weight: null as Tensor | null, ...legacy, ...R, pos_weight: null as Tensor | null,
  }, rest);
  return new Tensor(core.binaryCrossEntropyWithLogitsLoss(tensorArg(o._name, 'input', input), tensorArg(o._name, 'target', target), {
    weight: optTensor(o._name, 'weight', o.weight), posWeight: optTensor(o._name, 'pos_weight', o.pos_weight), reduction: reductionOf(o), name: o._name,
  }));
}

/** `F.kl_div(input, target, size_average=None, reduce=None, reduction='mean', log_target=False)`; input holds log-probabilities. */
export function kl_div(input: Tensor, target: Tensor, ...rest: Args): Tensor {
  const o = opts('kl_div', ['size_average', 'reduce', 'reduction', 'log_target'], { ...legacy, ...R, log_target: false }, rest);
  return new Tensor(core.klDivLoss(tensorArg(o._name, 'input', input), tensorArg(o._name, 'target', target), { reduction: reductionOf(o), logTarget: o.log_target, name: o._name }));
}

/** `F.soft_margin_loss(input, target, size_average=None, reduce=None, reduction='mean')`. */
export function soft_margin_loss(input: Tensor, target: Tensor, ...rest: Args): Tensor {
  const o = opts('soft_margin_loss', ['size_average', 'reduce', 'reduction'], { ...legacy, ...R }, rest);
  return new Tensor(core.softMarginLoss(tensorArg(o._name, 'input', input), tensorArg(o._name, 'target', target), { reduction: reductionOf(o), name: o._name }));
}

/** `F.multi_margin_loss(input, target, p=1, margin=1, weight=None, size_average=None, reduce=None, reduction='mean')`. */
export function multi_margin_loss(input: Tensor, target: Tensor, ...rest: Args): Tensor {
  const o = opts('multi_margin_loss', ['p', 'margin', 'weight', 'size_average', 'reduce', 'reduction'], { p: 1, margin: 1, weight: null as Tensor | null, ...legacy, ...R }, rest);
  return new Tensor(core.multiMarginLoss(tensorArg(o._name, 'input', input), tensorArg(o._name, 'target', target), {
    p: o.p, margin: o.margin, weight: optTensor(o._name, 'weight', o.weight), reduction: reductionOf(o), name: o._name,
  }));
}

/** `F.multilabel_margin_loss(input, target, size_average=None, reduce=None, reduction='mean')`. */
export function multilabel_margin_loss(input: Tensor, target: Tensor, ...rest: Args): Tensor {
  const o = opts('multilabel_margin_loss', ['size_average', 'reduce', 'reduction'], { ...legacy, ...R }, rest);
  return new Tensor(core.multilabelMarginLoss(tensorArg(o._name, 'input', input), tensorArg(o._name, 'target', target), { reduction: reductionOf(o), name: o._name }));
}

/** `F.multilabel_soft_margin_loss(input, target, weight=None, size_average=None, reduce=None, reduction='mean')`. */
export function multilabel_soft_margin_loss(input: Tensor, target: Tensor, ...rest: Args): Tensor {
  const o = opts('multilabel_soft_margin_loss', ['weight', 'size_average', 'reduce', 'reduction'], { weight: null as Tensor | null, ...legacy, ...R }, rest);
  return new Tensor(core.multilabelSoftMarginLoss(tensorArg(o._name, 'input', input), tensorArg(o._name, 'target', target), {
    weight: optTensor(o._name, 'weight', o.weight), reduction: reductionOf(o), name: o._name,
  }));
}

/** `F.margin_ranking_loss(input1, input2, target, margin=0, size_average=None, reduce=None, reduction='mean')`. */
export function margin_ranking_loss(input1: Tensor, input2: Tensor, target: Tensor, ...rest: Args): Tensor {
  const o = opts('margin_ranking_loss', ['margin', 'size_average', 'reduce', 'reduction'], { margin: 0, ...legacy, ...R }, rest);
  return new Tensor(core.marginRankingLoss(tensorArg(o._name, 'input1', input1), tensorArg(o._name, 'input2', input2), tensorArg(o._name, 'target', target), {
    margin: o.margin, reduction: reductionOf(o), name: o._name,
  }));
}

/** `F.hinge_embedding_loss(input, target, margin=1.0, size_average=None, reduce=None, reduction='mean')`. */
export function hinge_embedding_loss(input: Tensor, target: Tensor, ...rest: Args): Tensor {
  const o = opts('hinge_embedding_loss', ['margin', 'size_average', 'reduce', 'reduction'], { margin: 1, ...legacy, ...R }, rest);
  return new Tensor(core.hingeEmbeddingLoss(tensorArg(o._name, 'input', input), tensorArg(o._name, 'target', target), { margin: o.margin, reduction: reductionOf(o), name: o._name }));
}

/** `F.cosine_embedding_loss(input1, input2, target, margin=0, size_average=None, reduce=None, reduction='mean')`. */
export function cosine_embedding_loss(input1: Tensor, input2: Tensor, target: Tensor, ...rest: Args): Tensor {
  const o = opts('cosine_embedding_loss', ['margin', 'size_average', 'reduce', 'reduction'], { margin: 0, ...legacy, ...R }, rest);
  return new Tensor(core.cosineEmbeddingLoss(tensorArg(o._name, 'input1', input1), tensorArg(o._name, 'input2', input2), tensorArg(o._name, 'target', target), {
    margin: o.margin, reduction: reductionOf(o), name: o._name,
  }));
}

/** `F.poisson_nll_loss(input, target, log_input=True, full=False, size_average=None, eps=1e-08, reduce=None, reduction='mean')`. */
export function poisson_nll_loss(input: Tensor, target: Tensor, ...rest: Args): Tensor {
  const o = opts('poisson_nll_loss', ['log_input', 'full', 'size_average', 'eps', 'reduce', 'reduction'], { log_input: true, full: false, size_average: legacy.size_average, eps: 1e-8, reduce: legacy.reduce, ...R }, rest);
  return new Tensor(core.poissonNllLoss(tensorArg(o._name, 'input', input), tensorArg(o._name, 'target', target), {
    logInput: o.log_input, full: o.full, eps: o.eps, reduction: reductionOf(o), name: o._name,
  }));
}

/** `F.gaussian_nll_loss(input, target, var, full=False, eps=1e-06, reduction='mean')`. */
export function gaussian_nll_loss(input: Tensor, target: Tensor, variance: Tensor | number, ...rest: Args): Tensor {
  const o = opts('gaussian_nll_loss', ['full', 'eps', 'reduction'], { full: false, eps: 1e-6, ...R }, rest);
  const v = typeof variance === 'number' ? variance : tensorArg(o._name, 'var', variance);
  return new Tensor(core.gaussianNllLoss(tensorArg(o._name, 'input', input), tensorArg(o._name, 'target', target), v, {
    full: o.full, eps: o.eps, reduction: o.reduction as core.ReductionMode, name: o._name,
  }));
}

/**
 * `F.ctc_loss(log_probs, targets, input_lengths, target_lengths, blank=0, reduction='mean', zero_infinity=False)`; log_probs (T, N, C).
 * NOTE: the gradient is PyTorch's native backward (`nativeBackward`), e^{log_probs}·grad more than the derivative.
 */
export function ctc_loss(log_probs: Tensor, targets: Tensor, input_lengths: Tensor | readonly number[], target_lengths: Tensor | readonly number[], ...rest: Args): Tensor {
  const o = opts('ctc_loss', ['blank', 'reduction', 'zero_infinity'], { blank: 0, ...R, zero_infinity: false }, rest);
  const len = (x: Tensor | readonly number[]) => (x instanceof Tensor ? x.value : x);
  return new Tensor(core.ctcLoss(tensorArg(o._name, 'log_probs', log_probs), tensorArg(o._name, 'targets', targets), {
    inputLengths: len(input_lengths), targetLengths: len(target_lengths), blank: o.blank, zeroInfinity: o.zero_infinity, nativeBackward: true,
    reduction: o.reduction as core.ReductionMode, name: o._name,
  }));
}

/** `F.triplet_margin_loss(anchor, positive, negative, margin=1.0, p=2, eps=1e-06, swap=False, size_average=None, reduce=None, reduction='mean')`. */
export function triplet_margin_loss(anchor: Tensor, positive: Tensor, negative: Tensor, ...rest: Args): Tensor {
  const o = opts('triplet_margin_loss', ['margin', 'p', 'eps', 'swap', 'size_average', 'reduce', 'reduction'], { margin: 1, p: 2, eps: 1e-6, swap: false, ...legacy, ...R }, rest);
  return new Tensor(core.tripletMarginLoss(tensorArg(o._name, 'anchor', anchor), tensorArg(o._name, 'positive', positive), tensorArg(o._name, 'negative', negative), {
    margin: o.margin, p: o.p, eps: o.eps, swap: o.swap, reduction: reductionOf(o), name: o._name,
  }));
}

/** `F.triplet_margin_with_distance_loss(anchor, positive, negative, *, distance_function=None, margin=1.0, swap=False, reduction='mean')`. */
export function triplet_margin_with_distance_loss(anchor: Tensor, positive: Tensor, negative: Tensor, kw: { distance_function?: ((a: Tensor, b: Tensor) => Tensor) | null; margin?: number; swap?: boolean; reduction?: string; _name?: string } = {}): Tensor {
  const name = kw._name ?? 'triplet_margin_with_distance_loss';
  const d = kw.distance_function;
  return new Tensor(core.tripletMarginWithDistanceLoss(tensorArg(name, 'anchor', anchor), tensorArg(name, 'positive', positive), tensorArg(name, 'negative', negative), {
    distanceFunction: d ? (a, b) => d(new Tensor(a), new Tensor(b)).value : null,
    margin: kw.margin ?? 1, swap: kw.swap ?? false, reduction: (kw.reduction ?? 'mean') as core.ReductionMode, name,
  }));
}

/** `F.cosine_similarity(x1, x2, dim=1, eps=1e-8)`. */
export function cosine_similarity(x1: Tensor, x2: Tensor, ...rest: Args): Tensor {
  const o = opts('cosine_similarity', ['dim', 'eps'], { dim: 1, eps: 1e-8 }, rest);
  return new Tensor(core.cosineSimilarity(tensorArg(o._name, 'x1', x1), tensorArg(o._name, 'x2', x2), { dim: o.dim, eps: o.eps, name: o._name }));
}

/** `F.pairwise_distance(x1, x2, p=2.0, eps=1e-6, keepdim=False)`. */
export function pairwise_distance(x1: Tensor, x2: Tensor, ...rest: Args): Tensor {
  const o = opts('pairwise_distance', ['p', 'eps', 'keepdim'], { p: 2, eps: 1e-6, keepdim: false }, rest);
  return new Tensor(core.pairwiseDistance(tensorArg(o._name, 'x1', x1), tensorArg(o._name, 'x2', x2), { p: o.p, eps: o.eps, keepdim: o.keepdim, name: o._name }));
}
