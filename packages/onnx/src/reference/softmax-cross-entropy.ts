/**
 * Reference graph for softmax cross-entropy, written from ONNX's own `SoftmaxCrossEntropyLoss`
 * node — independently of the engine (nothing here is traced or exported from Rosetta), so a
 * comparison with the engine checks the engine against ONNX's definition, not against itself.
 * The pattern for later references: build the graph from ONNX ops with `GraphBuilder`, feed the
 * same inputs, compare (e.g. `crossCheck(fn, inputs, { reference })`).
 */
import { GraphBuilder } from '../builder/graph.js';
import type { ClassLossOptions, ReferenceModel } from './types.js';

/**
 * `loss = SoftmaxCrossEntropyLoss(scores, labels[, weight])` with outputs `loss` (scalar, or
 * [batch] for reduction 'none') and `log_prob` [batch, classes].
 * Inputs: `scores` [batch, classes], `labels` [batch] int64, and `weight` [classes] when weighted.
 */
export function softmaxCrossEntropyReference(opts: ClassLossOptions): ReferenceModel {
  const { batch, classes, dtype = 'float32', reduction = 'mean' } = opts;
  const g = new GraphBuilder({ name: 'softmax_cross_entropy_reference' });
  const inputs = [g.input('scores', dtype, [batch, classes]), g.input('labels', 'int64', [batch])];
  if (opts.weighted) inputs.push(g.input('weight', dtype, [classes]));
  g.node('SoftmaxCrossEntropyLoss', inputs, ['loss', 'log_prob'], {
    reduction,
    ignore_index: opts.ignoreIndex,
  });
  g.output('loss', dtype, reduction === 'none' ? [batch] : []);
  g.output('log_prob', dtype, [batch, classes]);
  return { bytes: g.toBytes(), inputNames: inputs, outputNames: ['loss', 'log_prob'] };
}
