/**
 * Binary cross entropy on probabilities (`torch.nn.functional.binary_cross_entropy`) and on
 * logits (`torch.nn.functional.binary_cross_entropy_with_logits`).
 */
import type { LossKernel } from './kernels.js';
import { noGrad } from '../../autograd/grad-mode.js';
import { recordCustom } from '../../autograd/record.js';
import { ShapeError, ValueError, fmtShape } from '../../errors.js';
import { exp, log, log1p, maximum, where } from '../../ops/elementwise.js';
import type { Tensor } from '../../tensor/tensor.js';
import { checkReduction, reduceLoss, type ReductionMode } from '../reduction.js';
import { checkBroadcastsTo, checkFloat, hostValues } from './checks.js';

interface BceCommonOptions {
  /** Rescaling weight, broadcast to the input's shape. */
  weight?: Tensor | null;
  reduction?: ReductionMode;
  name?: string;
}

export interface BinaryCrossEntropyLossOptions extends BceCommonOptions {
  /**
   * Whose kernels the value and the gradient follow (see {@link binaryCrossEntropyLoss}): 'torch'
   * (default) or 'mindspore'.
   */
  kernel?: LossKernel;
}

export interface BinaryCrossEntropyWithLogitsLossOptions extends BceCommonOptions {
  /** Weight of the positive examples, broadcast along the class dim ((C) for (N, C), (C, 1, 1) for (C, H, W)). */
  posWeight?: Tensor | null;
}

/** log(v) clamped to ≥ −100 (PyTorch's kernel). */
function clampedLog(v: Tensor): Tensor {
  const ok = v.gt(Math.exp(-100));
  return where(ok, log(where(ok, v, 1)), -100);
}

/**
 * The frameworks' ε: PyTorch's `constexpr float EPSILON = 1e-12` (ATen `Loss.cpp`, in the backward
 * only) is a float32 constant in every dtype; MindSpore's `static_cast<T>(1e-12)`
 * (`binary_cross_entropy_cpu_kernel.cc`, `binary_cross_entropy_grad_kernel.cc`) is 1e-12 in the
 * input's dtype.
 */
const EPS = { torch: Math.fround(1e-12), mindspore: 1e-12 } as const;

/**
 * ℓ = −(y·log x + (1 − y)·log(1 − x)) elementwise, with the logs as the kernels take them:
 * PyTorch's clamped to ≥ −100, MindSpore's log(x + ε) and log(1 − x + ε).
 * Custom VJP (numerical stability): the chain rule through PyTorch's clamped logs is 0 where a clamp
 * is active, so a confidently wrong prediction (x = 0, y = 1) would get no gradient. PyTorch's
 * `binary_cross_entropy_backward` and MindSpore's `BinaryCrossEntropyGrad` kernel both give
 *   ∂ℓ/∂x = (x − y) / max(x(1 − x), ε)
 * (MindSpore writes `x(1 − x) > ε ? x(1 − x) : ε`, the same for every x, NaN included, as x − y is
 * NaN there), and the target gets ∂ℓ/∂y = log(1 − x) − log x = −logit(x) (PyTorch's
 * `binary_cross_entropy_target_backward`; MindSpore's C++ bprop since it computes dy, zeros before).
 */
function kernelBce(x: Tensor, y: Tensor, kernel: LossKernel): Tensor {
  const eps = EPS[kernel];
  const logOf = kernel === 'torch' ? clampedLog : (v: Tensor) => log(v.add(eps));
  const out = noGrad(() => y.mul(logOf(x)).add(y.rsub(1).mul(logOf(x.rsub(1)))).neg());
  return recordCustom('binaryCrossEntropy', [x, y], out, (g) => {
    const p = x.mul(x.rsub(1));
    return [
      x.requiresGrad ? g.mul(x.sub(y)).div(where(p.lt(eps), eps, p)) : null,
      y.requiresGrad ? g.mul(log(x.rsub(1)).sub(log(x))) : null,
    ];
  });
}

function sameShape(name: string, input: Tensor, target: Tensor): void {
  if (target.shape.join() !== input.shape.join()) {
    throw new ShapeError(`${name}: Using a target size (${fmtShape(target.shape)}) that is different to the input size (${fmtShape(input.shape)}) is deprecated. Please ensure they have the same size.`);
  }
}

/**
 * l = −w·(y·max(log x, −100) + (1 − y)·max(log(1 − x), −100)), x in [0, 1]
 * (`torch.nn.functional.binary_cross_entropy`, `nn.BCELoss`); with `kernel: 'mindspore'`
 * l = −w·(y·log(x + ε) + (1 − y)·log(1 − x + ε)) (MindSpore `nn.BCELoss`, `ops.binary_cross_entropy`).
 * The input gradient is the kernels' g·w·(x − y)/max(x(1 − x), ε), so at x = 0 or 1 a wrong target
 * gets ±1/ε and a right one 0; the weight's gradient is the chain rule's.
 * NOTE: at x = 0 or 1 a wrong target costs 100 in PyTorch and −log ε ≈ 27.63 in MindSpore; ε is
 * float32(1e-12) for PyTorch in every dtype (its float64 gradient at 0 or 1 is ±1.0000000039958e12)
 * and 1e-12 in the input's dtype for MindSpore; Gluon's
 * `SigmoidBinaryCrossEntropyLoss(from_sigmoid=True)` is another formula with autograd's gradient
 * ({@link sigmoidBinaryCrossEntropyLoss}). PyTorch refuses a weight that requires grad; here it gets
 * the chain rule's gradient.
 */
export function binaryCrossEntropyLoss(input: Tensor, target: Tensor, opts: BinaryCrossEntropyLossOptions = {}): Tensor {
  const name = opts.name ?? 'binary_cross_entropy';
  const reduction = checkReduction(name, opts.reduction ?? 'mean');
  checkFloat(name, 'input', input);
  sameShape(name, input, target);
  const xs = opts.kernel === 'mindspore' ? null : hostValues(input);
  // NOTE: PyTorch refuses an input outside [0, 1]; MindSpore's kernel checks nothing (NaN out).
  if (xs) {
    for (let i = 0; i < xs.length; i++) {
      if (!(xs[i]! >= 0 && xs[i]! <= 1)) throw new ValueError(`${name}: all elements of input should be between 0 and 1, got ${xs[i]} (at position ${i})`);
    }
  }
  let loss = kernelBce(input, target.cast(input.dtype), opts.kernel ?? 'torch');
  if (opts.weight) {
    checkBroadcastsTo(name, opts.weight, input.shape, 'weight');
    loss = loss.mul(opts.weight);
  }
  return reduceLoss(name, loss, reduction);
}

/**
 * l = −w·(p·y·log σ(x) + (1 − y)·log(1 − σ(x))) in PyTorch's stable form
 * (1 − y)·x + (1 + (p − 1)·y)·(log1p(e^−|x|) + max(−x, 0)), p = 1 without pos_weight
 * (`torch.nn.functional.binary_cross_entropy_with_logits`, `nn.BCEWithLogitsLoss`): an infinite x
 * gives NaN where PyTorch's does ((1 − y)·x with y = 1, or −inf + inf).
 */
export function binaryCrossEntropyWithLogitsLoss(input: Tensor, target: Tensor, opts: BinaryCrossEntropyWithLogitsLossOptions = {}): Tensor {
  const name = opts.name ?? 'binary_cross_entropy_with_logits';
  const reduction = checkReduction(name, opts.reduction ?? 'mean');
  checkFloat(name, 'input', input);
  if (target.shape.join() !== input.shape.join()) {
    throw new ShapeError(`${name}: Target size (${fmtShape(target.shape)}) must be the same as input size (${fmtShape(input.shape)})`);
  }
  const y = target.cast(input.dtype);
  let logSigmoidNeg = log1p(exp(input.abs().neg())).add(maximum(input.neg(), 0));
  if (opts.posWeight) {
    checkBroadcastsTo(name, opts.posWeight, input.shape, 'pos_weight');
    logSigmoidNeg = opts.posWeight.sub(1).mul(y).add(1).mul(logSigmoidNeg);
  }
  let loss = y.rsub(1).mul(input).add(logSigmoidNeg);
  if (opts.weight) {
    checkBroadcastsTo(name, opts.weight, input.shape, 'weight');
    loss = loss.mul(opts.weight);
  }
  return reduceLoss(name, loss, reduction);
}
