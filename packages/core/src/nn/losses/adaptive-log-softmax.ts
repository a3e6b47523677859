import { onBackend } from '../../backend/registry.js';
import { ShapeError, ValueError, fmtShape } from '../../errors.js';
import { concat } from '../../ops/movement.js';
import { where } from '../../ops/elementwise.js';
import { tensor } from '../../tensor/create.js';
import type { Tensor } from '../../tensor/tensor.js';
import { reduceLoss, type ReductionMode } from '../reduction.js';

/** The weights of `nn.AdaptiveLogSoftmaxWithLoss`, in `nn.Linear` layout (out_features, in_features). */
export interface AdaptiveWeights {
  /** head.weight: (shortlist + n_clusters, in_features). */
  headWeight: Tensor;
  /** head.bias: (shortlist + n_clusters,), when `head_bias=True`. */
  headBias?: Tensor | null;
  /** tail[i] = [proj (hsz_i, in_features), out (osz_i, hsz_i)], both without bias. */
  tailWeights: readonly (readonly [Tensor, Tensor])[];
  /** PyTorch's `cutoffs` (increasing, without n_classes); n_classes = last cutoff + last tail's osz. */
  cutoffs: readonly number[];
  name?: string;
}

export interface AdaptiveLogSoftmaxOptions extends AdaptiveWeights {
  /** Reduction of the returned `loss`; default 'mean' (PyTorch's loss is `(−output).mean()`). */
  reduction?: ReductionMode;
}

interface Layout {
  name: string;
  shortlist: number;
  bounds: number[];
  batched: boolean;
  x: Tensor;
}

function layout(input: Tensor, w: AdaptiveWeights): Layout {
  const name = w.name ?? 'AdaptiveLogSoftmaxWithLoss';
  const { cutoffs, tailWeights, headWeight } = w;
  if (cutoffs.length === 0 || cutoffs.some((c, i) => !Number.isInteger(c) || c <= 0 || (i > 0 && c <= cutoffs[i - 1]!))) {
    throw new ValueError(`${name}: cutoffs should be a sequence of unique, positive integers sorted in an increasing order, got [${cutoffs.join(', ')}]`);
  }
  if (tailWeights.length !== cutoffs.length) throw new ValueError(`${name}: expected ${cutoffs.length} tail clusters (one per cutoff), got ${tailWeights.length}`);
  const batched = input.ndim === 2;
  if (input.ndim !== 1 && !batched) throw new ShapeError(`${name}: input should be 1-D or 2-D, got ${fmtShape(input.shape)}`);
  const x = batched ? input : input.unsqueeze(0);
  const inF = x.shape[1]!;
  const shortlist = cutoffs[0]!;
  const nClusters = cutoffs.length;
  if (headWeight.ndim === 2 && headWeight.shape[1] !== inF) {
    throw new ShapeError(`${name}: input of shape ${fmtShape(input.shape)} has ${inF} features, expected in_features = ${headWeight.shape[1]}`);
  }
  if (headWeight.ndim !== 2 || headWeight.shape[0] !== shortlist + nClusters || headWeight.shape[1] !== inF) {
    throw new ShapeError(`${name}: head weight must be [${shortlist + nClusters}, ${inF}] (shortlist + clusters, in_features), got ${fmtShape(headWeight.shape)}`);
  }
  const bounds = [...cutoffs];
  tailWeights.forEach(([proj, out], i) => {
    if (proj.ndim !== 2 || proj.shape[1] !== inF || out.ndim !== 2 || out.shape[1] !== proj.shape[0]) {
      throw new ShapeError(`${name}: tail ${i} weights must be [hsz, ${inF}] and [osz, hsz], got ${fmtShape(proj.shape)} and ${fmtShape(out.shape)}`);
    }
    const next = cutoffs[i + 1];
    if (next !== undefined && out.shape[0] !== next - cutoffs[i]!) {
      throw new ShapeError(`${name}: tail ${i} must have ${next - cutoffs[i]!} outputs (cutoffs ${cutoffs[i]}..${next}), got ${out.shape[0]}`);
    }
  });
  bounds.push(cutoffs[nClusters - 1]! + tailWeights[nClusters - 1]![1].shape[0]!);
  return { name, shortlist, bounds, batched, x };
}

const linear = (x: Tensor, w: Tensor, b?: Tensor | null): Tensor => {
  const y = x.matmul(w.transpose(0, 1));
  return b ? y.add(b) : y;
};
const headLogProb = (x: Tensor, w: AdaptiveWeights): Tensor => linear(x, w.headWeight, w.headBias).logSoftmax(1);
const clusterLogProb = (x: Tensor, w: AdaptiveWeights, i: number): Tensor =>
  linear(linear(x, w.tailWeights[i]![0]), w.tailWeights[i]![1]).logSoftmax(1);

/**
 * `nn.AdaptiveLogSoftmaxWithLoss.forward` as a function of its weights: for a target in the
 * shortlist, output = log_softmax(head(x))[target]; for a target in cluster i (cutoffs[i] ≤ t <
 * cutoffs[i+1]), output = log_softmax(head(x))[shortlist + i] + log_softmax(tail_i(x))[t − cutoffs[i]],
 * tail_i(x) = (x·projᵀ)·outᵀ. Returns `{ output, loss }`, output (B,) (0-d for a 1-D input and 0-d
 * target) and loss = reduce(−output) (mean by default).
 * NOTE: every tail is evaluated on the whole batch and rows are selected with `where` (PyTorch
 * evaluates each tail on its rows only); values and gradients are the same.
 */
export function adaptiveLogSoftmaxWithLoss(input: Tensor, target: Tensor, opts: AdaptiveLogSoftmaxOptions): { output: Tensor; loss: Tensor } {
  return onBackend(input.backend, () => {
    const L = layout(input, opts);
    const { name, shortlist, bounds, x } = L;
    const B = x.shape[0]!;
    if ((L.batched && (target.ndim !== 1 || target.shape[0] !== B)) || (!L.batched && target.ndim !== 0)) {
      throw new ShapeError(`${name}: Input and target should have the same size in the batch dimension (input ${fmtShape(input.shape)}, target ${fmtShape(target.shape)})`);
    }
    const t = Array.from(target.dataSync() as ArrayLike<number | bigint>, Number);
    const nClasses = bounds[bounds.length - 1]!;
    if (t.some((v) => !Number.isInteger(v) || v < 0 || v >= nClasses)) {
      throw new ValueError(`${name}: Target values should be in [0, ${nClasses - 1}], but values in range [${Math.min(...t)}, ${Math.max(...t)}] were found.`);
    }
    const cluster = t.map((v) => (v < shortlist ? -1 : bounds.findIndex((b, i) => v >= b && v < bounds[i + 1]!)));
    const head = headLogProb(x, opts);
    const headIdx = tensor(Float64Array.from(t, (v, n) => (cluster[n]! < 0 ? v : shortlist + cluster[n]!)), { dtype: 'int64', shape: [B, 1] });
    let output = head.gather(1, headIdx).reshape([B]);
    for (let i = 0; i < opts.tailWeights.length; i++) {
      const rows = cluster.map((c) => c === i);
      if (!rows.some(Boolean)) continue;
      const rel = tensor(Float64Array.from(t, (v, n) => (rows[n] ? v - bounds[i]! : 0)), { dtype: 'int64', shape: [B, 1] });
      const local = clusterLogProb(x, opts, i).gather(1, rel).reshape([B]);
      output = output.add(where(tensor(Uint8Array.from(rows, Number), { dtype: 'bool', shape: [B] }), local, 0));
    }
    const out = L.batched ? output : output.reshape([]);
    return { output: out, loss: reduceLoss(name, out.neg(), opts.reduction ?? 'mean') };
  });
}

/**
 * `AdaptiveLogSoftmaxWithLoss.log_prob(input)`: log-probabilities of every class, (B, n_classes):
 * the head's shortlist columns, then for each cluster log_softmax(tail_i(x)) + the head's cluster column.
 */
export function adaptiveLogProb(input: Tensor, weights: AdaptiveWeights): Tensor {
  const L = layout(input, weights);
  const head = headLogProb(L.x, weights);
  const parts = [head.narrow(1, 0, L.shortlist)];
  weights.tailWeights.forEach((_, i) => parts.push(clusterLogProb(L.x, weights, i).add(head.narrow(1, L.shortlist + i, 1))));
  const out = concat(parts, 1);
  return L.batched ? out : out.reshape([out.shape[1]!]);
}

/** `AdaptiveLogSoftmaxWithLoss.predict(input)`: the most likely class per row (int64), argmax of {@link adaptiveLogProb}. */
export function adaptivePredict(input: Tensor, weights: AdaptiveWeights): Tensor {
  return adaptiveLogProb(input, weights).argmax(-1);
}
