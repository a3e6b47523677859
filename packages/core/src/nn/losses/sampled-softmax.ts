import { onBackend } from '../../backend/registry.js';
import { ShapeError, ValueError, fmtShape } from '../../errors.js';
import { concat } from '../../ops/movement.js';
import { MT19937 } from '../../random/mt19937.js';
import { tensor } from '../../tensor/create.js';
import type { Tensor } from '../../tensor/tensor.js';
import { reduceLoss, type ReductionMode } from '../reduction.js';

/** What a candidate sampler returns (MindSpore/TF `sampled_values`). */
export interface SampledValues {
  /** The sampled classes, (numSampled,). */
  sampled: readonly number[];
  /** Expected count of each true class, (N·numTrue,) row-major. */
  trueExpectedCount: readonly number[];
  /** Expected count of each sampled class, (numSampled,). */
  sampledExpectedCount: readonly number[];
}

export interface UniformCandidateSamplerOptions {
  numSampled: number;
  rangeMax: number;
  /** Default true: the sampled classes are distinct. */
  unique?: boolean;
  /** Default 0. Ignored when `generator` is given. */
  seed?: number;
  /** A generator to draw from (its state advances); default: a fresh MT19937 seeded with `seed`. */
  generator?: MT19937;
}

/**
 * A seeded uniform candidate sampler (the role of MindSpore's `UniformCandidateSampler`).
 * Exactly what is drawn: classes c = ⌊U·rangeMax⌋ with U = MT19937 `randomSample()` (NumPy's
 * `random_sample`), in order; with `unique`, a class already drawn is skipped and drawing goes on
 * until `numSampled` distinct classes are found (`tries` counts every draw). Expected counts with
 * p = 1/rangeMax: p·tries when tries = numSampled, else −expm1(tries·log1p(−p)) (TensorFlow's and
 * MindSpore's formula), the same for true and sampled classes.
 * NOTE: the stream is not MindSpore's (its op uses a C++ engine); the distribution is.
 */
export function uniformCandidateSampler(trueClasses: readonly number[], opts: UniformCandidateSamplerOptions): SampledValues {
  const { numSampled, rangeMax, unique = true } = opts;
  const gen = opts.generator ?? new MT19937(opts.seed ?? 0);
  const sampled: number[] = [];
  const seen = new Set<number>();
  let tries = 0;
  while (sampled.length < numSampled) {
    const c = Math.floor(gen.randomSample() * rangeMax);
    tries++;
    if (unique) {
      if (seen.has(c)) continue;
      seen.add(c);
    }
    sampled.push(c);
  }
  const p = 1 / rangeMax;
  const expected = tries === numSampled ? p * tries : -Math.expm1(tries * Math.log1p(-p));
  return { sampled, trueExpectedCount: trueClasses.map(() => expected), sampledExpectedCount: sampled.map(() => expected) };
}

export interface SampledSoftmaxLossOptions {
  numSampled: number;
  numClasses: number;
  /** Target classes per example; default 1. */
  numTrue?: number;
  /** Precomputed (sampled, true_expected_count, sampled_expected_count); default: {@link uniformCandidateSampler}. */
  sampledValues?: SampledValues | null;
  /** Push the logits of sampled classes equal to one of the row's true classes to −FLT_MAX; default true. */
  removeAccidentalHits?: boolean;
  /** Seed of the sampler; default 0. */
  seed?: number;
  /** A generator for the sampler instead of `seed` (its state advances across calls). */
  generator?: MT19937;
  /** Default 'none': the per-example loss (N,). MindSpore's construct does not reduce. */
  reduction?: ReductionMode;
  name?: string;
}

const FLT_MAX = 3.4028234663852886e38;

/**
 * MindSpore `nn.SampledSoftmaxLoss(num_sampled, num_classes, num_true=1, sampled_values=None,
 * remove_accidental_hits=True, seed=0, reduction='none')`, construct(weights (C, dim), biases (C,),
 * labels (N, num_true), inputs (N, dim)): with S the sampled classes,
 *   true logits  x·w_yᵀ + b_y − log Q(y),   sampled logits  x·w_sᵀ + b_s − log Q(s) (−FLT_MAX on hits),
 * targets 1/num_true on the true columns, 0 on the sampled ones, and
 *   L = −Σ_j target_j·log(softmax(logits)_j + 1e−20)   (MindSpore's `_softmax_cross_entropy`).
 * The sampled values carry no gradient. NOTE: MindSpore's own construct never applies `reduction`.
 */
export function sampledSoftmaxLoss(weights: Tensor, biases: Tensor, labels: Tensor, inputs: Tensor, opts: SampledSoftmaxLossOptions): Tensor {
  return onBackend(weights.backend, () => {
    const { numSampled, numClasses, numTrue = 1, removeAccidentalHits = true, reduction = 'none', name = 'SampledSoftmaxLoss' } = opts;
    if (!Number.isInteger(numTrue) || numTrue < 1) throw new ValueError(`${name}: num_true must be an integer ≥ 1, got ${numTrue}`);
    if (!Number.isInteger(numSampled) || numSampled < 1 || numSampled > numClasses) {
      throw new ValueError(`${name}: num_sampled must be an integer in [1, num_classes = ${numClasses}], got ${numSampled}`);
    }
    if (numTrue > numClasses) throw new ValueError(`${name}: num_true ${numTrue} cannot exceed num_classes ${numClasses}`);
    if (opts.seed !== undefined && (!Number.isInteger(opts.seed) || opts.seed < 0)) throw new ValueError(`${name}: seed must be a non-negative integer, got ${opts.seed}`);
    if (inputs.ndim !== 2 || weights.ndim !== 2 || weights.shape[1] !== inputs.shape[1] || biases.ndim !== 1 || biases.shape[0] !== weights.shape[0]) {
      throw new ShapeError(`${name}: expected weights (C, dim), biases (C,), inputs (N, dim); got ${fmtShape(weights.shape)}, ${fmtShape(biases.shape)}, ${fmtShape(inputs.shape)}`);
    }
    const N = inputs.shape[0]!;
    if (labels.size !== N * numTrue) throw new ShapeError(`${name}: labels must hold N·num_true = ${N * numTrue} classes (shape (N, num_true)), got ${fmtShape(labels.shape)}`);
    if (labels.dtype !== 'int32' && labels.dtype !== 'int64') throw new ValueError(`${name}: labels must be int32 or int64, got ${labels.dtype}`);
    const lab = Array.from(labels.dataSync() as ArrayLike<number | bigint>, Number);
    const C = weights.shape[0]!;
    if (lab.some((v) => v < 0 || v >= C)) throw new ValueError(`${name}: labels must be in [0, ${C}), got [${Math.min(...lab)}, ${Math.max(...lab)}]`);
    const sv = opts.sampledValues ?? uniformCandidateSampler(lab, { numSampled, rangeMax: numClasses, seed: opts.seed ?? 0, ...(opts.generator ? { generator: opts.generator } : {}) });
    if (sv.sampled.length !== numSampled || sv.sampledExpectedCount.length !== numSampled || sv.trueExpectedCount.length !== N * numTrue) {
      throw new ShapeError(`${name}: sampled_values must hold ${numSampled} sampled classes and counts and ${N * numTrue} true expected counts`);
    }
    if (sv.sampled.some((v) => !Number.isInteger(v) || v < 0 || v >= C)) throw new ValueError(`${name}: sampled classes must be in [0, ${C})`);

    const dt = inputs.dtype;
    const ids = (xs: readonly number[], shape: number[]) => tensor(Float64Array.from(xs), { dtype: 'int64', shape });
    const dim = inputs.shape[1]!;
    // True logits: row-wise dots with each true class's weight row.
    const trueW = weights.gather(0, ids(lab, [N * numTrue, 1]).expand([N * numTrue, dim])).reshape([N, numTrue, dim]);
    const trueB = biases.gather(0, ids(lab, [N * numTrue])).reshape([N, numTrue]);
    let trueLogits = inputs.unsqueeze(1).mul(trueW).sum(2).add(trueB);
    const sampW = weights.gather(0, ids(sv.sampled, [numSampled, 1]).expand([numSampled, dim]));
    const sampB = biases.gather(0, ids(sv.sampled, [numSampled]));
    let sampledLogits = inputs.matmul(sampW.transpose(0, 1)).add(sampB);
    if (removeAccidentalHits) {
      const hits = new Float64Array(N * numSampled);
      for (let n = 0; n < N; n++) {
        const row = lab.slice(n * numTrue, (n + 1) * numTrue);
        sv.sampled.forEach((s, j) => {
          if (row.includes(s)) hits[n * numSampled + j] = -FLT_MAX;
        });
      }
      sampledLogits = sampledLogits.add(tensor(hits, { dtype: dt, shape: [N, numSampled] }));
    }
    trueLogits = trueLogits.sub(tensor(Float64Array.from(sv.trueExpectedCount, Math.log), { dtype: dt, shape: [N, numTrue] }));
    sampledLogits = sampledLogits.sub(tensor(Float64Array.from(sv.sampledExpectedCount, Math.log), { dtype: dt, shape: [numSampled] }));
    const logits = concat([trueLogits, sampledLogits], 1);
    const target = tensor(Float64Array.from({ length: numTrue + numSampled }, (_, j) => (j < numTrue ? 1 / numTrue : 0)), { dtype: dt, shape: [1, numTrue + numSampled] });
    const loss = logits.softmax(1).add(1e-20).log().mul(target).sum(1).neg();
    return reduceLoss(name, loss, reduction);
  });
}
