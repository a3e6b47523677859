/** Distances between vectors (`torch.nn.functional.pairwise_distance`, `cosine_similarity`). */
import { IndexError } from '../../errors.js';
import { maximum } from '../../ops/elementwise.js';
import { normAxis } from '../../shape.js';
import type { Tensor } from '../../tensor/tensor.js';
import { checkBroadcast, checkFloat, checkNumber } from './checks.js';

export interface PairwiseDistanceOptions {
  /** Norm degree. Default 2. */
  p?: number;
  /** Added to the difference. Default 1e-6. */
  eps?: number;
  keepdim?: boolean;
  name?: string;
}

export interface CosineSimilarityOptions {
  /** Default 1. */
  dim?: number;
  /** Lower bound of each norm. Default 1e-8. */
  eps?: number;
  name?: string;
}

/**
 * ‖x1 − x2 + eps‖_p over the last dim (`torch.nn.functional.pairwise_distance`, `nn.PairwiseDistance`).
 */
export function pairwiseDistance(x1: Tensor, x2: Tensor, opts: PairwiseDistanceOptions = {}): Tensor {
  const name = opts.name ?? 'pairwise_distance';
  const p = checkNumber(name, 'p', opts.p ?? 2);
  const eps = checkNumber(name, 'eps', opts.eps ?? 1e-6);
  checkFloat(name, 'x1', x1);
  checkBroadcast(name, x1, x2, 'x1', 'x2');
  const d = x1.sub(x2).add(eps);
  return d.norm(p, d.ndim === 0 ? null : -1, opts.keepdim ?? false);
}

/**
 * Σ (x1 / max(‖x1‖, ε))·(x2 / max(‖x2‖, ε)) along `dim`, after broadcasting x1 and x2
 * (`torch.nn.functional.cosine_similarity`, `nn.CosineSimilarity`).
 * NOTE: follows the current F.cosine_similarity doc formula x1·x2 / (max(‖x1‖, ε)·max(‖x2‖, ε)),
 * not the nn.CosineSimilarity page's x1·x2 / max(‖x1‖·‖x2‖, ε). The clamp is an ordinary max
 * (no gradient to a norm below ε).
 */
export function cosineSimilarity(x1: Tensor, x2: Tensor, opts: CosineSimilarityOptions = {}): Tensor {
  const name = opts.name ?? 'cosine_similarity';
  const eps = checkNumber(name, 'eps', opts.eps ?? 1e-8);
  checkFloat(name, 'x1', x1);
  const shape = checkBroadcast(name, x1, x2, 'x1', 'x2');
  const d = opts.dim ?? 1;
  const r = Math.max(shape.length, 1);
  if (Number.isInteger(d) && (d < -r || d >= r)) throw new IndexError(`${name}: dim ${d} is out of range (expected to be in range of [${-r}, ${r - 1}])`);
  const dim = normAxis(name, d, shape.length);
  const a = x1.expand(shape);
  const b = x2.expand(shape);
  const na = maximum(a.norm(2, dim, true), eps);
  const nb = maximum(b.norm(2, dim, true), eps);
  return a.div(na).mul(b.div(nb)).sum(dim);
}
