/**
 * Elementwise regression losses (PyTorch `F.l1_loss`, `F.mse_loss`, `F.smooth_l1_loss`,
 * `F.huber_loss`; MindSpore `nn.RMSELoss`). Input and target broadcast together.
 * NOTE: PyTorch warns when the two shapes differ and then broadcasts; here they broadcast silently.
 */
import { ValueError } from '../../errors.js';
import { where } from '../../ops/elementwise.js';
import type { Tensor } from '../../tensor/tensor.js';
import { checkReduction, reduceLoss, type ReductionMode } from '../reduction.js';
import { checkBroadcast, checkFloat, checkNumber } from './checks.js';

export interface RegressionLossOptions {
  reduction?: ReductionMode;
  /** The caller's name for error messages. */
  name?: string;
}

export interface SmoothL1LossOptions extends RegressionLossOptions {
  /** Where the loss switches from quadratic to linear; ≥ 0 (0 gives L1). Default 1. */
  beta?: number;
}

export interface HuberLossOptions extends RegressionLossOptions {
  /** Where the loss switches from quadratic to linear; > 0. Default 1. */
  delta?: number;
}

export interface RmseLossOptions {
  name?: string;
}

function diff(name: string, input: Tensor, target: Tensor): Tensor {
  checkFloat(name, 'input', input);
  checkBroadcast(name, input, target);
  return input.sub(target);
}

/** |x − y| (`torch.nn.functional.l1_loss`, `nn.L1Loss`). */
export function l1Loss(input: Tensor, target: Tensor, opts: RegressionLossOptions = {}): Tensor {
  const name = opts.name ?? 'l1_loss';
  const reduction = checkReduction(name, opts.reduction ?? 'mean');
  return reduceLoss(name, diff(name, input, target).abs(), reduction);
}

/** (x − y)² (`torch.nn.functional.mse_loss`, `nn.MSELoss`). */
export function mseLoss(input: Tensor, target: Tensor, opts: RegressionLossOptions = {}): Tensor {
  const name = opts.name ?? 'mse_loss';
  const reduction = checkReduction(name, opts.reduction ?? 'mean');
  return reduceLoss(name, diff(name, input, target).square(), reduction);
}

/**
 * √(mean((x − y)²)), always a scalar (MindSpore `nn.RMSELoss`, which takes no reduction).
 * NOTE: the gradient at a zero loss is NaN (√ at 0), as in MindSpore.
 */
export function rmseLoss(input: Tensor, target: Tensor, opts: RmseLossOptions = {}): Tensor {
  const name = opts.name ?? 'RMSELoss';
  return mseLoss(input, target, { name, reduction: 'mean' }).sqrt();
}

/**
 * 0.5·d²/β where |d| < β, else |d| − 0.5β, d = x − y; β = 0 is L1
 * (`torch.nn.functional.smooth_l1_loss`, `nn.SmoothL1Loss`).
 */
export function smoothL1Loss(input: Tensor, target: Tensor, opts: SmoothL1LossOptions = {}): Tensor {
  const name = opts.name ?? 'smooth_l1_loss';
  const reduction = checkReduction(name, opts.reduction ?? 'mean');
  const beta = checkNumber(name, 'beta', opts.beta ?? 1);
  if (beta < 0) throw new ValueError(`${name}: smooth_l1_loss does not support negative values for beta, got ${beta}`);
  const d = diff(name, input, target);
  const a = d.abs();
  if (beta === 0) return reduceLoss(name, a, reduction);
  const far = a.ge(beta);
  return reduceLoss(name, where(far, a.sub(0.5 * beta), quadraticPart(d, far).mul(0.5 / beta)), reduction);
}

/**
 * d² where not `far`, from d zeroed where `far`: an infinite d in the linear part then sends no
 * 0·∞ = NaN through the unused square, and a NaN d (never `far`) stays NaN in value and gradient,
 * as PyTorch's smooth-L1 and Huber kernels (`x > β ? 1 : x < −β ? −1 : x/β`).
 */
function quadraticPart(d: Tensor, far: Tensor): Tensor {
  return where(far, 0, d).square();
}

/**
 * 0.5·d² where |d| < δ, else δ·(|d| − 0.5δ), d = x − y (`torch.nn.functional.huber_loss`,
 * `nn.HuberLoss`); equals δ·smoothL1(β = δ).
 */
export function huberLoss(input: Tensor, target: Tensor, opts: HuberLossOptions = {}): Tensor {
  const name = opts.name ?? 'huber_loss';
  const reduction = checkReduction(name, opts.reduction ?? 'mean');
  const delta = checkNumber(name, 'delta', opts.delta ?? 1);
  if (!(delta > 0)) throw new ValueError(`${name}: huber_loss does not support non-positive values for delta, got ${delta}`);
  const d = diff(name, input, target);
  const a = d.abs();
  const far = a.ge(delta);
  return reduceLoss(name, where(far, a.sub(0.5 * delta).mul(delta), quadraticPart(d, far).mul(0.5)), reduction);
}
