/** Triplet losses (`torch.nn.functional.triplet_margin_loss`, `triplet_margin_with_distance_loss`). */
import { ShapeError, ValueError } from '../../errors.js';
import { hinge, type LossKernel } from './kernels.js';
import { minimum } from '../../ops/elementwise.js';
import type { Tensor } from '../../tensor/tensor.js';
import { checkReduction, reduceLoss, type ReductionMode } from '../reduction.js';
import { checkBroadcast, checkNumber } from './checks.js';
import { pairwiseDistance } from './distance.js';

export interface TripletMarginLossOptions {
  /** Default 1. */
  margin?: number;
  /** Norm degree of the pairwise distance. Default 2. */
  p?: number;
  /** Added to the differences. Default 1e-6. */
  eps?: number;
  /** Use min(d(a, n), d(p, n)) as the negative distance. Default false. */
  swap?: boolean;
  reduction?: ReductionMode;
  /** Whose kernel max(·, 0) follows at NaN: 'torch' (default, NaN stays) or 'mindspore' (NaN gives 0). */
  kernel?: LossKernel;
  name?: string;
}

export interface TripletMarginWithDistanceLossOptions {
  /** Default pairwise_distance (p = 2, eps = 1e-6). */
  distanceFunction?: ((x1: Tensor, x2: Tensor) => Tensor) | null;
  /** > 0. Default 1. */
  margin?: number;
  swap?: boolean;
  reduction?: ReductionMode;
  /** Whose kernel max(·, 0) follows at NaN: 'torch' (default, NaN stays) or 'mindspore' (NaN gives 0). */
  kernel?: LossKernel;
  name?: string;
}

/** Anchor, positive and negative: the same rank, and shapes that broadcast together (PyTorch's distances broadcast). */
function checkDims(name: string, a: Tensor, p: Tensor, n: Tensor): void {
  if (a.ndim !== p.ndim || p.ndim !== n.ndim) {
    throw new ShapeError(`${name}: The anchor, positive, and negative tensors are expected to have the same number of dimensions, but got: anchor ${a.ndim}D, positive ${p.ndim}D, and negative ${n.ndim}D inputs`);
  }
  checkBroadcast(name, a, p, 'anchor', 'positive');
  checkBroadcast(name, a, n, 'anchor', 'negative');
  checkBroadcast(name, p, n, 'positive', 'negative');
}

function triplet(name: string, dist: (x: Tensor, y: Tensor) => Tensor, a: Tensor, p: Tensor, n: Tensor, margin: number, swap: boolean, reduction: ReductionMode, kernel?: LossKernel): Tensor {
  const dPos = dist(a, p);
  let dNeg = dist(a, n);
  if (swap) dNeg = minimum(dNeg, dist(p, n));
  return reduceLoss(name, hinge(dPos.sub(dNeg).add(margin), kernel), reduction);
}

/**
 * max(d(a, p) − d(a, n) + margin, 0), d = pairwise_distance(·, ·, p, eps); with `swap`,
 * d(a, n) becomes min(d(a, n), d(p, n)); inputs (N, D) or (D)
 * (`torch.nn.functional.triplet_margin_loss`, `nn.TripletMarginLoss`).
 */
export function tripletMarginLoss(anchor: Tensor, positive: Tensor, negative: Tensor, opts: TripletMarginLossOptions = {}): Tensor {
  const name = opts.name ?? 'triplet_margin_loss';
  const reduction = checkReduction(name, opts.reduction ?? 'mean');
  const margin = checkNumber(name, 'margin', opts.margin ?? 1);
  const p = checkNumber(name, 'p', opts.p ?? 2);
  const eps = checkNumber(name, 'eps', opts.eps ?? 1e-6);
  checkDims(name, anchor, positive, negative);
  if (anchor.ndim !== 1 && anchor.ndim !== 2) throw new ShapeError(`${name}: Expected 1D or 2D inputs (unbatched (D) or batched (N, D)), got ${anchor.ndim}D`);
  return triplet(name, (x, y) => pairwiseDistance(x, y, { p, eps, name }), anchor, positive, negative, margin, opts.swap ?? false, reduction, opts.kernel);
}

/**
 * max(d(a, p) − d(a, n) + margin, 0) with any distance function (default pairwise_distance);
 * `swap` as in tripletMarginLoss (`torch.nn.functional.triplet_margin_with_distance_loss`,
 * `nn.TripletMarginWithDistanceLoss`).
 */
export function tripletMarginWithDistanceLoss(anchor: Tensor, positive: Tensor, negative: Tensor, opts: TripletMarginWithDistanceLossOptions = {}): Tensor {
  const name = opts.name ?? 'triplet_margin_with_distance_loss';
  const reduction = checkReduction(name, opts.reduction ?? 'mean');
  const margin = checkNumber(name, 'margin', opts.margin ?? 1);
  if (!(margin > 0)) throw new ValueError(`${name}: expected margin to be greater than 0, got ${margin}`);
  checkDims(name, anchor, positive, negative);
  const dist = opts.distanceFunction ?? ((x: Tensor, y: Tensor) => pairwiseDistance(x, y, { name }));
  return triplet(name, dist, anchor, positive, negative, margin, opts.swap ?? false, reduction, opts.kernel);
}
