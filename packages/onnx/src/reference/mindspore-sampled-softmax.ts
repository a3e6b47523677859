/**
 * Reference graph for MindSpore `nn.SampledSoftmaxLoss(num_sampled, num_classes, num_true=1,
 * sampled_values=None, remove_accidental_hits=True, seed=0, reduction='none')` (2.3), construct
 * `(weights (C, dim), biases (C,), labels (N, num_true), logits (N, dim))`, written from ONNX ops
 * independently of the engine (nothing traced or exported from Rosetta). The sampled candidates and
 * their expected counts are given (initializers): the sampler is not what this graph checks.
 * From the documented formula: true logits x·W[label]ᵀ + b[label] (N, num_true), sampled logits
 * x·W[sampled]ᵀ + b[sampled] (N, S); with remove_accidental_hits, −FLT_MAX is added where a sampled
 * class equals one of the row's true classes; both minus log(expected count); concatenated; target
 * 1/num_true on the true columns, 0 on the sampled ones; L = −Σ_j target_j·log(softmax(logits)_j + 1e−20).
 * Output (N,): MindSpore's construct applies no reduction.
 */
import { elemTypeOf } from '../builder/dtypes.js';
import { GraphBuilder } from '../builder/graph.js';
import { finish, scalar } from './gluon-common.js';
import type { FloatDType } from './torch-common.js';
import type { ReferenceModel } from './types.js';

const FLT_MAX = 3.4028234663852886e38;

export interface MindSporeSampledSoftmaxOptions {
  /** Float dtype of the graph's inputs, constants and outputs; default float32. */
  dtype?: FloatDType;
  batch: number;
  dim: number;
  /** Rows of weights / biases (num_classes). */
  classes: number;
  numTrue: number;
  /** The sampled candidates and expected counts (e.g. from core's `uniformCandidateSampler`). */
  sampled: readonly number[];
  trueExpectedCount: readonly number[];
  sampledExpectedCount: readonly number[];
  removeAccidentalHits?: boolean;
}

/** Inputs `weights`, `biases`, `labels` (int64), `inputs`; output `loss` (N,). */
export function mindsporeSampledSoftmaxReference(opts: MindSporeSampledSoftmaxOptions): ReferenceModel {
  const dtype = opts.dtype ?? 'float32';
  const { batch: n, dim, classes, numTrue: t, sampled, removeAccidentalHits = true } = opts;
  const s = sampled.length;
  const g = new GraphBuilder({ name: 'mindspore_sampled_softmax_reference' });
  const w = g.input('weights', dtype, [classes, dim]);
  const b = g.input('biases', dtype, [classes]);
  const labels = g.input('labels', 'int64', [n, t]);
  const x = g.input('inputs', dtype, [n, dim]);
  const samp = g.constant('int64', [s], sampled, 'sampled');
  const trueCount = g.constant(dtype, [n, t], opts.trueExpectedCount, 'true_expected_count');
  const sampCount = g.constant(dtype, [s], opts.sampledExpectedCount, 'sampled_expected_count');

  const trueW = g.op('Gather', [w, labels], { axis: 0 }); // (N, T, D)
  const trueDot = g.op('ReduceSum', [g.op('Mul', [g.op('Unsqueeze', [x, g.int64s([1])]), trueW]), g.int64s([2], 'axes')], { keepdims: 0 });
  let trueLogits = g.op('Add', [trueDot, g.op('Gather', [b, labels], { axis: 0 })]); // (N, T)
  let sampLogits = g.op('Add', [g.op('MatMul', [x, g.op('Transpose', [g.op('Gather', [w, samp], { axis: 0 })], { perm: [1, 0] })]), g.op('Gather', [b, samp], { axis: 0 })]); // (N, S)
  if (removeAccidentalHits) {
    const eq = g.op('Cast', [g.op('Equal', [g.op('Unsqueeze', [labels, g.int64s([2])]), samp])], { to: elemTypeOf[dtype] }); // (N, T, S)
    const hit = g.op('Greater', [g.op('ReduceMax', [eq, g.int64s([1], 'axes')], { keepdims: 0 }), scalar(g, 0, dtype)]); // (N, S)
    sampLogits = g.op('Add', [sampLogits, g.op('Where', [hit, scalar(g, -FLT_MAX, dtype), scalar(g, 0, dtype)])]);
  }
  trueLogits = g.op('Sub', [trueLogits, g.op('Log', [trueCount])]);
  sampLogits = g.op('Sub', [sampLogits, g.op('Log', [sampCount])]);
  const logits = g.op('Concat', [trueLogits, sampLogits], { axis: 1 }); // (N, T + S)
  const target = g.constant(dtype, [1, t + s], Array.from({ length: t + s }, (_, j) => (j < t ? 1 / t : 0)), 'target');
  const logProb = g.op('Log', [g.op('Add', [g.op('Softmax', [logits], { axis: 1 }), scalar(g, 1e-20, dtype)])]);
  const loss = g.op('Neg', [g.op('ReduceSum', [g.op('Mul', [target, logProb]), g.int64s([1], 'axes')], { keepdims: 0 })]);
  return finish(g, [w, b, labels, x], [{ name: 'loss', value: loss, shape: [n] }], dtype);
}
