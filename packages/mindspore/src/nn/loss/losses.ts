/**
 * The `mindspore.nn` losses of MindSpore 2.3, each a thin mapping onto one core loss with
 * MindSpore's defaults, argument order and checks (see `@rosetta/core` for the formulas).
 * Every class declares its `construct` signature (bound with CPython's errors:
 * `L1Loss.construct() takes 3 positional arguments but 4 were given`) and the input checks
 * MindSpore runs (see `checks.ts`), so bad input fails at the call with MindSpore's wording.
 */
import * as core from '@rosetta/core';
import { ArgTypeError, bindArgs, bindPyCall, newless, type DType, type Newless } from '@rosetta/core';
import { tensorArg, wrap, type Tensor } from '../../tensor.js';
import { ValueError } from '../../errors.js';
import { LossBaseImpl, type Reduction } from './loss-base.js';
import {
  checkBroadcast, checkClassIndices, checkDType, checkFloat, checkNotEmpty, checkRank, checkSameDType, checkSameShape, tuple,
} from './checks.js';

type Core = core.Tensor;
type Compute = (self: MsLoss, inputs: Core[], args: Record<string, unknown>) => Core;

/** How a class checks its `reduction` when constructed (MindSpore's wording differs by class). */
type ReductionCheck = (cls: string, reduction: unknown) => void;

/** One loss class: constructor parameters, `construct` signature, MindSpore's checks, one core call. */
interface Spec {
  /** Constructor parameters in MindSpore's order; `keywordOnly` for `(*, full, eps, reduction)`. */
  readonly options: readonly string[];
  readonly defaults: Readonly<Record<string, unknown>>;
  readonly keywordOnly?: boolean;
  /** `construct`'s required parameters, then its optional ones with their defaults. */
  readonly inputs: readonly string[];
  readonly optional?: Readonly<Record<string, unknown>>;
  /** The required parameters that must be Tensors (default: all). */
  readonly tensors?: readonly string[];
  /** The reductions the class takes, when more than LossBase's three. */
  readonly reductions?: readonly string[];
  /** The class's own check of `reduction` (default: LossBase's). */
  readonly checkReduction?: ReductionCheck;
  /** MindSpore's checks of the inputs (dtypes, shapes, class indices). */
  readonly check?: (self: MsLoss, inputs: Core[], args: Record<string, unknown>) => void;
  readonly compute: Compute;
}

/** The shared body of the built-in losses: options bound in MindSpore's order, one core call. */
export class MsLoss extends LossBaseImpl {
  readonly _opts: Record<string, unknown>;
  private readonly _spec: Spec;

  constructor(name: string, spec: Spec, args: unknown[]) {
    const o = spec.keywordOnly ? bindArgs(name, [], spec.defaults, args) : bindArgs(name, spec.options, spec.defaults, args);
    const r = o.reduction ?? 'mean';
    spec.checkReduction?.(name, r);
    super(r as Reduction, spec.reductions);
    this._opts = o;
    this._spec = spec;
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

  /**
   * `construct(...)`: binds the arguments as Python binds them to MindSpore's signature (Cell.__call__
   * calls `self.construct(*args, **kwargs)`), checks them as MindSpore does, then runs the core loss.
   */
  override construct(...args: unknown[]): Tensor {
    const spec = this._spec;
    const cls = this.cls_name;
    const bound = bindPyCall({ qualname: `${cls}.construct`, required: spec.inputs, optional: spec.optional, implicit: 1 }, args);
    const tensors = spec.tensors ?? spec.inputs;
    const inputs = tensors.map((n) => tensorArg(cls, n, bound[n]));
    if (this.reduction !== 'none') tensors.forEach((n, i) => checkNotEmpty(cls, n, inputs[i]!));
    spec.check?.(this, inputs, bound);
    return wrap(spec.compute(this, inputs, bound));
  }
}

/** A MindSpore loss class named `name`. */
function loss(name: string, spec: Spec): Newless<new (...args: unknown[]) => MsLoss> {
  const cls = { [name]: class extends MsLoss { constructor(...args: unknown[]) { super(name, spec, args); } } }[name]!;
  return newless(cls);
}

const red = (s: MsLoss): core.ReductionMode => s.reduction;
const R = ['reduction'];
const M = { reduction: 'mean' };
const XY = ['logits', 'labels'];
const INTS: readonly DType[] = ['int32', 'int64'];

/**
 * `_checkparam.check_string(reduction, valid, 'reduction', cls)`, the check of the classes that
 * hand `reduction` to a primitive or function instead of LossBase: `For 'SoftMarginLoss', the
 * 'reduction' must be str and must be in '['none', 'sum', 'mean']', but got 'avg'.`
 * NOTE: MindSpore runs some of these checks on the first call (KLDivLoss, TripletMarginLoss, CTCLoss);
 * Rosetta runs them when the loss is constructed.
 */
const checkString = (valid: readonly string[]): ReductionCheck => (cls, r) => {
  if (typeof r !== 'string' || !valid.includes(r)) {
    throw new ValueError(`For '${cls}', the 'reduction' must be str and must be in '[${valid.map((v) => `'${v}'`).join(', ')}]', but got '${String(r)}'.`);
  }
};
const NSM = checkString(['none', 'sum', 'mean']);

/**
 * Elementwise losses: a float first input, shapes that broadcast (MindSpore's `Sub`/`Mul` rules; the
 * other inputs are promoted to the first one's dtype, as MindSpore's implicit type conversion does).
 */
const floatBroadcast = (names: readonly string[]) => (s: MsLoss, ts: Core[]) => {
  checkFloat(s.cls_name, names[0]!, ts[0]!);
  checkBroadcast(s.cls_name, names, ts.map((t) => t.shape));
};

/** Primitive losses of two same-shape, same-dtype float inputs (`CheckShapeSame`, `CheckTensorTypeSame`). */
const floatSame = (a: string, b: string) => (s: MsLoss, [x, y]: Core[]) => {
  checkFloat(s.cls_name, a, x!);
  checkSameDType(s.cls_name, a, x!, b, y!);
  checkSameShape(s.cls_name, a, x!, b, y!);
};

/**
 * MindSpore's `CrossEntropyLoss` input check (`loss.py: _check_cross_entropy_inputs`), verbatim:
 * float logits; probabilities of logits' shape, or int32 class indices of logits' shape without C.
 */
function crossEntropyInputs(s: MsLoss, [x, y]: Core[]): void {
  const cls = s.cls_name;
  checkDType(cls, 'logits', x!, ['float32'], ['Float16', 'Float32']);
  if (x!.ndim === y!.ndim) {
    checkDType(cls, 'labels', y!, ['float32'], ['Float16', 'Float32']);
    if (x!.shape.join() !== y!.shape.join()) {
      throw new ValueError(`For '${cls}', the shape of 'logits' should be (N, C, d_0, d_1, ...), and the shape of 'labels' should be (N, C, d_0, d_1, ...), but get 'logits' shape: ${tuple(x!.shape)} and 'labels' shape: ${tuple(y!.shape)}.`);
    }
  } else if (y!.ndim === x!.ndim - 1) {
    checkDType(cls, 'labels', y!, ['int32']);
    if (x!.ndim !== 1 && [x!.shape[0], ...x!.shape.slice(2)].join() !== y!.shape.join()) {
      throw new ValueError(`For '${cls}', the shape of 'logits' should be (N, C, d_0, d_1, ...), and the shape of 'labels' should be (N, d_0, d_1, ...), but get 'logits' shape: ${tuple(x!.shape)} and 'labels' shape: ${tuple(y!.shape)}.`);
    }
    checkClassIndices(cls, 'labels', y!, x!.shape[x!.ndim === 1 ? 0 : 1]!, s.opt('ignore_index'));
  } else {
    throw new ValueError(`For '${cls}', the rank of 'logits' and 'labels' should be:\n1. 'logits.ndim == labels.ndim' for probabilities, \n2. 'logits.ndim - 1 == labels.ndim' for class indices, \nbut get 'logits' rank: ${x!.ndim} and 'labels' rank: ${y!.ndim}.`);
  }
}

/** `(N, C)` scores and `(N,)` class indices in [0, C) (NLLLoss, MultiMarginLoss, sparse SoftmaxCrossEntropyWithLogits). */
function scoresAndIndices(s: MsLoss, x: Core, y: Core, xName: string, yName: string, dtypes: readonly DType[], ignore?: number): void {
  const cls = s.cls_name;
  checkFloat(cls, xName, x);
  checkDType(cls, yName, y, dtypes);
  if (x.ndim !== 2 || y.ndim !== 1 || x.shape[0] !== y.shape[0]) {
    throw new ValueError(`For '${cls}', the shape of '${xName}' should be (N, C) and the shape of '${yName}' (N,), but got '${xName}' shape: ${tuple(x.shape)} and '${yName}' shape: ${tuple(y.shape)}.`);
  }
  checkClassIndices(cls, yName, y, x.shape[1]!, ignore);
}

export const L1Loss = loss('L1Loss', {
  options: R, defaults: M, inputs: XY, check: floatBroadcast(XY),
  compute: (s, [x, y]) => core.l1Loss(x!, y!, { reduction: red(s), name: s.cls_name }),
});
export const MAELoss = loss('MAELoss', {
  options: R, defaults: M, inputs: ['logits', 'label'], check: floatBroadcast(['logits', 'label']),
  compute: (s, [x, y]) => s.get_loss(wrap(core.l1Loss(x!, y!, { reduction: 'none', name: s.cls_name }))).value,
});
export const MSELoss = loss('MSELoss', {
  options: R, defaults: M, inputs: XY, check: floatBroadcast(XY),
  compute: (s, [x, y]) => s.get_loss(wrap(core.mseLoss(x!, y!, { reduction: 'none', name: s.cls_name }))).value,
});
export const RMSELoss = loss('RMSELoss', {
  options: [], defaults: {}, inputs: ['logits', 'label'], check: floatBroadcast(['logits', 'label']),
  compute: (s, [x, y]) => core.rmseLoss(x!, y!, { name: s.cls_name }),
});
/** NOTE: MindSpore's SmoothL1Loss defaults to reduction='none' (PyTorch: 'mean'). */
export const SmoothL1Loss = loss('SmoothL1Loss', {
  options: ['beta', 'reduction'], defaults: { beta: 1.0, reduction: 'none' }, inputs: XY, check: floatSame('logits', 'labels'),
  compute: (s, [x, y]) => core.smoothL1Loss(x!, y!, { beta: s.opt('beta'), reduction: red(s), name: s.cls_name }),
});
export const HuberLoss = loss('HuberLoss', {
  options: ['reduction', 'delta'], defaults: { reduction: 'mean', delta: 1.0 }, inputs: XY, check: floatBroadcast(XY),
  compute: (s, [x, y]) => core.huberLoss(x!, y!, { delta: s.opt('delta'), reduction: red(s), name: s.cls_name }),
});
export const SoftMarginLoss = loss('SoftMarginLoss', {
  options: R, defaults: M, inputs: XY, checkReduction: NSM, check: floatSame('logits', 'labels'),
  compute: (s, [x, y]) => core.softMarginLoss(x!, y!, { reduction: red(s), name: s.cls_name }),
});
/** `MultiMarginLoss(p=1, margin=1.0, reduction='mean', weight=None)`; `construct(x, target, weight=None)`, int64 targets. */
export const MultiMarginLoss = loss('MultiMarginLoss', {
  options: ['p', 'margin', 'reduction', 'weight'], defaults: { p: 1, margin: 1.0, reduction: 'mean', weight: null },
  inputs: ['x', 'target'], optional: { weight: null }, checkReduction: NSM,
  check: (s, [x, t]) => scoresAndIndices(s, x!, t!, 'x', 'target', ['int64']),
  compute: (s, [x, t], a) => core.multiMarginLoss(x!, t!, {
    p: s.opt('p'), margin: s.opt('margin'), reduction: red(s), name: s.cls_name,
    weight: s.tensorOpt('weight') ?? (a.weight === null || a.weight === undefined ? null : tensorArg(s.cls_name, 'weight', a.weight)),
  }),
});
/**
 * `SoftmaxCrossEntropyWithLogits(sparse=False, reduction='none')`: per-sample cross entropy of
 * logits (N, C) against one-hot/probability labels (N, C), or class indices (N,) when sparse.
 */
export const SoftmaxCrossEntropyWithLogits = loss('SoftmaxCrossEntropyWithLogits', {
  options: ['sparse', 'reduction'], defaults: { sparse: false, reduction: 'none' }, inputs: XY,
  check: (s, [x, y]) => {
    if (s.opt('sparse')) return scoresAndIndices(s, x!, y!, 'logits', 'labels', INTS);
    // softmax_cross_entropy_with_logits.cc: rank 2, labels of logits' shape and dtype.
    checkFloat(s.cls_name, 'logits', x!);
    checkRank(s.cls_name, 'logits', x!, [2]);
    checkSameDType(s.cls_name, 'logits', x!, 'labels', y!);
    if (x!.shape.join() !== y!.shape.join()) {
      throw new ValueError(`For '${s.cls_name}', evaluator arg 'label' shape must be consistent with 'logits' shape, but got 'label' shape: ${tuple(y!.shape)}, 'logits' shape: ${tuple(x!.shape)}.`);
    }
  },
  compute: (s, [x, y]) => s.get_loss(wrap(core.crossEntropyLoss(x!, y!, { reduction: 'none', name: s.cls_name }))).value,
});
export const CrossEntropyLoss = loss('CrossEntropyLoss', {
  options: ['weight', 'ignore_index', 'reduction', 'label_smoothing'], defaults: { weight: null, ignore_index: -100, reduction: 'mean', label_smoothing: 0.0 },
  inputs: XY, check: crossEntropyInputs,
  compute: (s, [x, y]) => core.crossEntropyLoss(x!, y!, { weight: s.tensorOpt('weight'), ignoreIndex: s.opt('ignore_index'), labelSmoothing: s.opt('label_smoothing'), reduction: red(s), name: s.cls_name }),
});
/** NLLLoss: log-probabilities (N, C) and int32 class indices (N,) (MindSpore's docs; `F.nll_loss` gathers with GatherD). */
export const NLLLoss = loss('NLLLoss', {
  options: ['weight', 'ignore_index', 'reduction'], defaults: { weight: null, ignore_index: -100, reduction: 'mean' }, inputs: XY,
  check: (s, [x, y]) => scoresAndIndices(s, x!, y!, 'logits', 'labels', ['int32'], s.opt('ignore_index')),
  compute: (s, [x, y]) => core.nllLoss(x!, y!, { weight: s.tensorOpt('weight'), ignoreIndex: s.opt('ignore_index'), reduction: red(s), name: s.cls_name }),
});
/** BCELoss: probabilities and labels of one shape (`BinaryCrossEntropy`: `the input_shape … must be equal to …`). */
export const BCELoss = loss('BCELoss', {
  options: ['weight', 'reduction'], defaults: { weight: null, reduction: 'mean' }, inputs: XY, check: floatSame('logits', 'labels'),
  // NOTE: MindSpore's kernels: log(x + 1e-12) (no clamp at −100) and BinaryCrossEntropyGrad's gradient, ε in the dtype.
  compute: (s, [x, y]) => core.binaryCrossEntropyLoss(x!, y!, { weight: s.tensorOpt('weight'), reduction: red(s), kernel: 'mindspore', name: s.cls_name }),
});
/**
 * NOTE: MindSpore's order is (reduction, weight, pos_weight), not PyTorch's; `construct(input, target)`.
 * The primitive converts `reduction` to an enum when called: `Failed to convert the value "avg" of
 * input 'reduction' of 'BCEWithLogitsLoss' to enum.` (core/ops/op_enum.cc: StringToEnumImpl).
 */
export const BCEWithLogitsLoss = loss('BCEWithLogitsLoss', {
  options: ['reduction', 'weight', 'pos_weight'], defaults: { reduction: 'mean', weight: null, pos_weight: null }, inputs: ['input', 'target'],
  checkReduction: (cls, r) => {
    if (typeof r !== 'string' || !['none', 'sum', 'mean'].includes(r)) throw new ValueError(`Failed to convert the value "${String(r)}" of input 'reduction' of '${cls}' to enum.`);
  },
  check: (s, [x, y]) => {
    checkFloat(s.cls_name, 'input', x!);
    checkSameDType(s.cls_name, 'input', x!, 'target', y!);
    if (x!.shape.join() !== y!.shape.join()) {
      throw new ValueError(`For '${s.cls_name}', two inputs 'input' and 'target' shape are not equal, 'input' shape: ${tuple(x!.shape)}, 'target' shape: ${tuple(y!.shape)}`);
    }
  },
  compute: (s, [x, y]) => core.binaryCrossEntropyWithLogitsLoss(x!, y!, { weight: s.tensorOpt('weight'), posWeight: s.tensorOpt('pos_weight'), reduction: red(s), name: s.cls_name }),
});
/** CosineEmbeddingLoss: `SameTypeShape(logits_x1, logits_x2)`, labels (N,) of ±1. */
export const CosineEmbeddingLoss = loss('CosineEmbeddingLoss', {
  options: ['margin', 'reduction'], defaults: { margin: 0.0, reduction: 'mean' }, inputs: ['logits_x1', 'logits_x2', 'labels'],
  check: (s, [a, b, y]) => {
    const cls = s.cls_name;
    checkFloat(cls, 'logits_x1', a!);
    if (a!.dtype !== b!.dtype) throw new ArgTypeError(`For '${cls}', the logits_x1 dtype should be = logits_x2 dtype: ${String(wrap(b!).dtype)}, but got ${String(wrap(a!).dtype)}.`);
    if (a!.shape.join() !== b!.shape.join()) throw new ValueError(`For '${cls}', the logits_x1 shape should be = logits_x2 shape: ${tuple(b!.shape)}, but got ${tuple(a!.shape)}.`);
    checkFloat(cls, 'labels', y!);
    checkBroadcast(cls, ['logits_x1 (without axis 1)', 'labels'], [a!.shape.filter((_, i) => i !== 1), y!.shape]);
  },
  compute: (s, [a, b, y]) => core.cosineEmbeddingLoss(a!, b!, y!, { margin: s.opt('margin'), reduction: red(s), name: s.cls_name }),
});

/** `sampled_values`: MindSpore's (sampled, true_expected_count, sampled_expected_count) Tensors, as core's arrays. */
function sampledValues(cls: string, v: unknown): core.SampledValues | null {
  if (v === null || v === undefined) return null;
  if (!Array.isArray(v)) throw new ArgTypeError(`For '${cls}', the type of 'sampled_values' must be a list or tuple, but got ${typeof v}.`);
  if (v.length !== 3) throw new ValueError(`For '${cls}', the length of 'sampled_values' must be equal to 3,but got ${v.length}.`);
  const list = (x: unknown, n: string) => tensorArg(cls, n, x).tolist() as number[];
  return { sampled: list(v[0], 'sampled'), trueExpectedCount: list(v[1], 'true_expected_count'), sampledExpectedCount: list(v[2], 'sampled_expected_count') };
}

/** `SampledSoftmaxLoss(num_sampled, num_classes, num_true=1, sampled_values=None, remove_accidental_hits=True, seed=0, reduction='none')`. */
export const SampledSoftmaxLoss = loss('SampledSoftmaxLoss', {
  options: ['num_sampled', 'num_classes', 'num_true', 'sampled_values', 'remove_accidental_hits', 'seed', 'reduction'],
  defaults: { num_sampled: 0, num_classes: 0, num_true: 1, sampled_values: null, remove_accidental_hits: true, seed: 0, reduction: 'none' },
  inputs: ['weights', 'biases', 'labels', 'logits'],
  check: (s, [w, b, y, x]) => {
    const cls = s.cls_name;
    checkFloat(cls, 'weights', w!);
    checkFloat(cls, 'logits', x!);
    // loss.py: _check_label_dtype → check_type_name('labels', …, [int32, int64], cls).
    checkDType(cls, 'labels', y!, INTS);
    if (w!.ndim !== 2 || b!.ndim !== 1 || x!.ndim !== 2 || w!.shape[1] !== x!.shape[1] || b!.shape[0] !== w!.shape[0] || y!.size !== x!.shape[0]! * s.opt<number>('num_true')) {
      throw new ValueError(`For '${cls}', the shapes of 'weights' (C, dim), 'biases' (C,), 'labels' (N, num_true) and 'logits' (N, dim) do not match: got ${tuple(w!.shape)}, ${tuple(b!.shape)}, ${tuple(y!.shape)} and ${tuple(x!.shape)}.`);
    }
    checkClassIndices(cls, 'labels', y!, s.opt('num_classes'));
  },
  compute: (s, [w, b, y, x]) => core.sampledSoftmaxLoss(w!, b!, y!, x!, {
    numSampled: s.opt('num_sampled'), numClasses: s.opt('num_classes'), numTrue: s.opt('num_true'), sampledValues: sampledValues(s.cls_name, s.opt('sampled_values')),
    removeAccidentalHits: s.opt('remove_accidental_hits'), seed: s.opt('seed'), reduction: 'none', name: s.cls_name,
  }),
});
/**
 * DiceLoss: `_check_dice_shape` → `validator.check('logits_shape', …, 'label_shape', …)`, verbatim.
 * NOTE: MindSpore's construct names its second input `label` but checks it as 'labels'.
 */
export const DiceLoss = loss('DiceLoss', {
  options: ['smooth'], defaults: { smooth: 1e-5 }, inputs: ['logits', 'label'],
  check: (s, [x, y]) => {
    if (x!.shape.join() !== y!.shape.join()) throw new ValueError(`For '${s.cls_name}', the 'logits_shape' should be = label_shape: ${tuple(y!.shape)}, but got ${tuple(x!.shape)}.`);
    checkFloat(s.cls_name, 'logits', x!);
    checkFloat(s.cls_name, 'labels', y!);
  },
  compute: (s, [x, y]) => core.diceLoss(x!, y!, { smooth: s.opt('smooth'), name: s.cls_name }),
});
/** NOTE: the keyword is spelled `ignore_indiex`, as in MindSpore. */
export const MultiClassDiceLoss = loss('MultiClassDiceLoss', {
  options: ['weights', 'ignore_indiex', 'activation'], defaults: { weights: null, ignore_indiex: null, activation: 'softmax' }, inputs: ['logits', 'label'],
  check: (s, [x, y]) => {
    const cls = s.cls_name;
    // loss.py: _check_shape, then _check_ndim_multi, verbatim.
    if (x!.shape.join() !== y!.shape.join()) throw new ValueError(`For '${cls}', the 'logits_shape' should be = label_shape: ${tuple(y!.shape)}, but got ${tuple(x!.shape)}.`);
    if (x!.ndim < 2) throw new ValueError(`For '${cls}', the 'logits' dimension must be greater than 1, but got ${x!.ndim}.`);
    checkFloat(cls, 'logits', x!);
    checkFloat(cls, 'labels', y!);
  },
  compute: (s, [x, y]) => core.multiClassDiceLoss(x!, y!, { weights: s.tensorOpt('weights'), ignoreIndex: s.opt('ignore_indiex'), activation: s.opt('activation'), name: s.cls_name }),
});
/** FocalLoss: `_check_ndim`, `_check_channel_and_shape` and `_check_input_dtype` of loss.py, verbatim. */
export const FocalLoss = loss('FocalLoss', {
  options: ['weight', 'gamma', 'reduction'], defaults: { weight: null, gamma: 2.0, reduction: 'mean' }, inputs: XY,
  check: (s, [x, y]) => {
    const cls = s.cls_name;
    if (x!.ndim < 2 || x!.ndim > 4) throw new ValueError(`For '${cls}', the dimensions of 'logits' must be in [2, 4], but got dimension of 'logits' ${x!.ndim}.`);
    if (y!.ndim < 2 || y!.ndim > 4) throw new ValueError(`For '${cls}', the dimensions of 'labels' must be in [2, 4], but got dimension of 'labels' ${y!.ndim}.`);
    if (x!.ndim !== y!.ndim) throw new ValueError(`For '${cls}', the dimensions of 'logits' and 'labels' must be equal, but got dimension of 'logits' ${x!.ndim} and dimension of 'labels' ${y!.ndim}.`);
    const C = x!.shape[1]!;
    if (C === 1) throw new ValueError(`For '${cls}', the 'logits'.shape[1] cannot be one, but got ${C}.`);
    if (y!.shape[1] !== 1 && y!.shape[1] !== C) throw new ValueError(`For '${cls}', the 'labels'.shape[1] must be one or equal to 'logits'.shape[1]: ${C}, but got ${y!.shape[1]}.`);
    checkDType(cls, 'labels', y!, ['int32', 'int64', 'float32'], ['Int32', 'Int64', 'Float16', 'Float32']);
    checkFloat(cls, 'logits', x!);
    if (y!.shape[1] === 1) checkClassIndices(cls, 'labels', y!, C);
  },
  compute: (s, [x, y]) => core.focalLoss(x!, y!, { weight: s.tensorOpt('weight'), gamma: s.opt('gamma'), reduction: red(s), name: s.cls_name }),
});
export const PoissonNLLLoss = loss('PoissonNLLLoss', {
  options: ['log_input', 'full', 'eps', 'reduction'], defaults: { log_input: true, full: false, eps: 1e-8, reduction: 'mean' }, inputs: ['input', 'target'],
  check: floatBroadcast(['input', 'target']),
  compute: (s, [x, y]) => core.poissonNllLoss(x!, y!, { logInput: s.opt('log_input'), full: s.opt('full'), eps: s.opt('eps'), reduction: red(s), name: s.cls_name }),
});
/** KLDivLoss: `P.KLDivLoss` checks `reduction` (CPU: none, mean, batchmean, sum), dtypes and equal shapes. */
export const KLDivLoss = loss('KLDivLoss', {
  options: R, defaults: M, inputs: XY, reductions: ['mean', 'sum', 'none', 'batchmean'], checkReduction: checkString(['none', 'mean', 'batchmean', 'sum']),
  check: floatSame('logits', 'labels'),
  compute: (s, [x, y]) => core.klDivLoss(x!, y!, { reduction: red(s), kernel: 'mindspore', name: s.cls_name }),
});
/** MarginRankingLoss: `margin_ranking_loss` requires input2 and target of input1's dtype (`check_input_dtype`). */
export const MarginRankingLoss = loss('MarginRankingLoss', {
  options: ['margin', 'reduction'], defaults: { margin: 0.0, reduction: 'mean' }, inputs: ['input1', 'input2', 'target'],
  check: (s, [a, b, t]) => {
    checkFloat(s.cls_name, 'input1', a!);
    checkSameDType(s.cls_name, 'input1', a!, 'input2', b!);
    checkSameDType(s.cls_name, 'input1', a!, 'target', t!);
    checkBroadcast(s.cls_name, ['input1', 'input2', 'target'], [a!.shape, b!.shape, t!.shape]);
  },
  compute: (s, [a, b, t]) => core.marginRankingLoss(a!, b!, t!, { margin: s.opt('margin'), reduction: red(s), kernel: 'mindspore', name: s.cls_name }),
});
/** NOTE: MindSpore's order is (p, swap, eps, reduction, margin); `construct(x, positive, negative, margin=1.0)`. */
export const TripletMarginLoss = loss('TripletMarginLoss', {
  options: ['p', 'swap', 'eps', 'reduction', 'margin'], defaults: { p: 2, swap: false, eps: 1e-6, reduction: 'mean', margin: 1.0 },
  inputs: ['x', 'positive', 'negative'], optional: { margin: 1.0 }, checkReduction: NSM,
  check: (s, [x, p, n]) => {
    // triplet_margin_loss.cc: one float dtype, shapes broadcast (`inputs' shape can't broadcast`).
    checkFloat(s.cls_name, 'x', x!);
    checkSameDType(s.cls_name, 'x', x!, 'positive', p!);
    checkSameDType(s.cls_name, 'x', x!, 'negative', n!);
    checkBroadcast(s.cls_name, ['x', 'positive', 'negative'], [x!.shape, p!.shape, n!.shape]);
  },
  compute: (s, [x, p, n], a) => core.tripletMarginLoss(x!, p!, n!, {
    p: s.opt('p'), swap: s.opt('swap'), eps: s.opt('eps'), margin: s.opt<number>('margin') !== 1.0 ? s.opt('margin') : (a.margin as number), reduction: red(s), kernel: 'mindspore', name: s.cls_name,
  }),
});
export const TripletMarginWithDistanceLoss = loss('TripletMarginWithDistanceLoss', {
  options: ['distance_function', 'swap', 'reduction', 'margin'], defaults: { distance_function: null, swap: false, reduction: 'mean', margin: 1.0 },
  inputs: ['x', 'positive', 'negative'], check: floatBroadcast(['x', 'positive', 'negative']),
  compute: (s, [x, p, n]) => {
    const d = s.opt<((a: Tensor, b: Tensor) => Tensor) | null>('distance_function');
    return core.tripletMarginWithDistanceLoss(x!, p!, n!, { distanceFunction: d ? (a, b) => d(wrap(a), wrap(b)).value : null, swap: s.opt('swap'), margin: s.opt('margin'), reduction: red(s), kernel: 'mindspore', name: s.cls_name });
  },
});
/** HingeEmbeddingLoss: `_check_hinge_embedding_loss_type` (float inputs, verbatim), reduction by `check_string`. */
export const HingeEmbeddingLoss = loss('HingeEmbeddingLoss', {
  options: ['margin', 'reduction'], defaults: { margin: 1.0, reduction: 'mean' }, inputs: XY, checkReduction: NSM,
  check: (s, [x, y]) => {
    if (x!.dtype !== 'float32' && x!.dtype !== 'float64') throw new ArgTypeError(`For 'HingeEmbeddingLoss', the dtype of the first input must be float, but got ${String(wrap(x!).dtype)}.`);
    if (y!.dtype !== 'float32' && y!.dtype !== 'float64') throw new ArgTypeError(`For 'HingeEmbeddingLoss', the dtype of the second input must be float, but got ${String(wrap(y!).dtype)}.`);
    checkBroadcast(s.cls_name, XY, [x!.shape, y!.shape]);
  },
  compute: (s, [x, y]) => core.hingeEmbeddingLoss(x!, y!, { margin: s.opt('margin'), reduction: red(s), kernel: 'mindspore', name: s.cls_name }),
});
/** MultilabelMarginLoss: x and int32 target of one shape, rank 1 or 2 (multilabel_margin_loss.cc); targets in [0, C), −1 pads. */
export const MultilabelMarginLoss = loss('MultilabelMarginLoss', {
  options: R, defaults: M, inputs: ['x', 'target'], checkReduction: NSM,
  check: (s, [x, t]) => {
    const cls = s.cls_name;
    checkFloat(cls, 'x', x!);
    checkDType(cls, 'target', t!, ['int32']);
    if ((x!.ndim !== 1 && x!.ndim !== 2) || (t!.ndim !== 1 && t!.ndim !== 2)) {
      throw new ValueError(`For ${cls}, the rank of input x and target should be 1 or 2, while rank of x is : ${x!.ndim}, rank of target is : ${t!.ndim}.`);
    }
    if (x!.shape.join() !== t!.shape.join()) throw new ValueError(`For ${cls}, x_shape and target_shape should be the same, while x_shape is : ${tuple(x!.shape)}, target_shape is : ${tuple(t!.shape)}.`);
    checkClassIndices(cls, 'target', t!, x!.shape[x!.ndim - 1]!, -1);
  },
  compute: (s, [x, t]) => core.multilabelMarginLoss(x!, t!, { reduction: red(s), name: s.cls_name }),
});
export const MultiLabelSoftMarginLoss = loss('MultiLabelSoftMarginLoss', {
  options: ['weight', 'reduction'], defaults: { weight: null, reduction: 'mean' }, inputs: ['x', 'target'], check: floatBroadcast(['x', 'target']),
  compute: (s, [x, t]) => core.multilabelSoftMarginLoss(x!, t!, { weight: s.tensorOpt('weight'), reduction: red(s), name: s.cls_name }),
});
/** `GaussianNLLLoss(*, full=False, eps=1e-6, reduction='mean')`: keyword-only, as in MindSpore. */
export const GaussianNLLLoss = loss('GaussianNLLLoss', {
  options: ['full', 'eps', 'reduction'], keywordOnly: true, defaults: { full: false, eps: 1e-6, reduction: 'mean' }, inputs: ['logits', 'labels', 'var'],
  checkReduction: checkString(['none', 'mean', 'sum']), check: floatBroadcast(['logits', 'labels', 'var']),
  compute: (s, [x, y, v]) => core.gaussianNllLoss(x!, y!, v!, { full: s.opt('full'), eps: s.opt('eps'), reduction: red(s), name: s.cls_name }),
});
/**
 * `CTCLoss(blank=0, reduction='mean', zero_infinity=False)`: `construct(log_probs, targets, input_lengths,
 * target_lengths)`, the lengths a Tensor or a tuple (`CTCLossV2`'s checks: float log_probs (T, N, C),
 * int targets (N, S), lengths of N entries).
 * NOTE: the gradient is MindSpore's `CTCLossV2Grad` kernel, PyTorch's native backward (`nativeBackward`).
 */
export const CTCLoss = loss('CTCLoss', {
  options: ['blank', 'reduction', 'zero_infinity'], defaults: { blank: 0, reduction: 'mean', zero_infinity: false },
  inputs: ['log_probs', 'targets', 'input_lengths', 'target_lengths'], tensors: ['log_probs', 'targets'], checkReduction: NSM,
  check: (s, [lp, t]) => {
    const cls = s.cls_name;
    checkFloat(cls, 'log_probs', lp!);
    checkDType(cls, 'targets', t!, INTS);
    if (lp!.ndim === 3) checkRank(cls, 'targets', t!, [2]);
  },
  compute: (s, [lp, t], a) => {
    const len = (n: string) => (Array.isArray(a[n]) ? (a[n] as number[]) : tensorArg(s.cls_name, n, a[n]));
    return core.ctcLoss(lp!, t!, { inputLengths: len('input_lengths'), targetLengths: len('target_lengths'), blank: s.opt('blank'), zeroInfinity: s.opt('zero_infinity'), reduction: red(s), nativeBackward: true, name: s.cls_name });
  },
});
