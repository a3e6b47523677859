/**
 * Reference graph for PyTorch `nn.AdaptiveLogSoftmaxWithLoss(in_features, n_classes, cutoffs=[shortlist],
 * div_value, head_bias=False)`'s forward with one tail cluster, written from ONNX ops (MatMul,
 * LogSoftmax, GatherElements, Where) independently of the engine (nothing traced or exported from
 * Rosetta), from the documented formula: head = log_softmax(x·headᵀ) over shortlist + 1 columns;
 * tail = log_softmax((x·projᵀ)·outᵀ) over the cluster's classes; for a target t < shortlist,
 * output = head[t]; otherwise output = head[shortlist] + tail[t − shortlist]; loss = mean(−output).
 * Inputs `input` (N, in), `target` (N,) int64, `head_weight` (shortlist + 1, in), `proj` (hsz, in),
 * `out` (osz, hsz); outputs `output` (N,) and `loss` (0-d).
 */
import { GraphBuilder } from '../builder/graph.js';
import { finish } from './gluon-common.js';
import type { FloatDType } from './torch-common.js';
import type { ReferenceModel } from './types.js';

export interface AdaptiveLogSoftmaxOptions {
  /** Float dtype of the graph's inputs, constants and outputs; default float32. */
  dtype?: FloatDType;
  batch: number;
  inFeatures: number;
  shortlist: number;
  /** Tail projection size (hsz) and cluster size (osz). */
  hsz: number;
  osz: number;
}

export function adaptiveLogSoftmaxReference(opts: AdaptiveLogSoftmaxOptions): ReferenceModel {
  const dtype = opts.dtype ?? 'float32';
  const { batch: n, inFeatures: d, shortlist, hsz, osz } = opts;
  const g = new GraphBuilder({ name: 'adaptive_log_softmax_reference' });
  const x = g.input('input', dtype, [n, d]);
  const target = g.input('target', 'int64', [n]);
  const head = g.input('head_weight', dtype, [shortlist + 1, d]);
  const proj = g.input('proj', dtype, [hsz, d]);
  const out = g.input('out', dtype, [osz, hsz]);
  const linear = (v: string, wt: string): string => g.op('MatMul', [v, g.op('Transpose', [wt], { perm: [1, 0] })]);
  const headLp = g.op('LogSoftmax', [linear(x, head)], { axis: 1 }); // (N, shortlist + 1)
  const tailLp = g.op('LogSoftmax', [linear(linear(x, proj), out)], { axis: 1 }); // (N, osz)
  const cut = g.constant('int64', [], [shortlist], 'shortlist');
  const inHead = g.op('Less', [target, cut]);
  const zero = g.constant('int64', [], [0], 'zero');
  const headIdx = g.op('Where', [inHead, target, cut]);
  const tailIdx = g.op('Where', [inHead, zero, g.op('Sub', [target, cut])]);
  const col = (lp: string, idx: string): string =>
    g.op('Squeeze', [g.op('GatherElements', [lp, g.op('Unsqueeze', [idx, g.int64s([1])])], { axis: 1 }), g.int64s([1])]);
  const tailTerm = g.op('Where', [inHead, g.constant(dtype, [], [0], 'fzero'), col(tailLp, tailIdx)]);
  const output = g.op('Add', [col(headLp, headIdx), tailTerm]);
  const loss = g.op('ReduceMean', [g.op('Neg', [output])], { keepdims: 0 });
  return finish(g, [x, target, head, proj, out], [{ name: 'output', value: output, shape: [n] }, { name: 'loss', value: loss, shape: [] }], dtype);
}
