/**
 * Where the frameworks' CPU kernels disagree on NaN and ±inf, a core loss takes a `kernel` option
 * naming whose kernel its value and gradient follow. Facades pick it; the math stays here, once.
 */
import { clamp, positivePart } from '../../ops/activations.js';
import type { Tensor } from '../../tensor/tensor.js';

/** Whose kernels a loss follows: PyTorch's (the default) or MindSpore's. */
export type LossKernel = 'torch' | 'mindspore';

/**
 * max(z, 0) as the kernel takes it: PyTorch's `clamp_min` keeps a NaN (gradient 0 there);
 * MindSpore's CPU `Maximum` (`x > c ? x : c`) and its triplet-margin kernel (`z > 0 ? z : 0`) turn
 * it into 0.
 */
export function hinge(z: Tensor, kernel: LossKernel = 'torch'): Tensor {
  return kernel === 'torch' ? clamp(z, 0) : positivePart(z);
}
