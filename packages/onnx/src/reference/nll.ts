/**
 * Reference graph for the negative log-likelihood loss, written from ONNX's own
 * `NegativeLogLikelihoodLoss` node (and ONNX's `LogSoftmax` when fed logits) — independently of
 * the engine: nothing here comes from Rosetta's trace or export.
 */
import { GraphBuilder } from '../builder/graph.js';
import type { ClassLossOptions, ReferenceModel } from './types.js';

export interface NllReferenceOptions extends ClassLossOptions {
  /** Feed logits and let ONNX's `LogSoftmax(axis=1)` make the log-probabilities (default: feed log-probabilities). */
  fromLogits?: boolean;
}

/**
 * `loss = NegativeLogLikelihoodLoss(logp, labels[, weight])`, reduction and ignore_index as
 * given. Inputs: `input` [batch, classes] (log-probabilities, or logits with `fromLogits`),
 * `labels` [batch] int64, and `weight` [classes] when weighted. Output `loss`.
 */
export function nllReference(opts: NllReferenceOptions): ReferenceModel {
  const { batch, classes, dtype = 'float32', reduction = 'mean' } = opts;
  const g = new GraphBuilder({ name: 'nll_reference' });
  const input = g.input('input', dtype, [batch, classes]);
  const labels = g.input('labels', 'int64', [batch]);
  const inputs = [input, labels];
  if (opts.weighted) inputs.push(g.input('weight', dtype, [classes]));
  const logp = opts.fromLogits ? g.op('LogSoftmax', [input], { axis: 1 }) : input;
  g.node('NegativeLogLikelihoodLoss', [logp, ...inputs.slice(1)], ['loss'], { reduction, ignore_index: opts.ignoreIndex });
  g.output('loss', dtype, reduction === 'none' ? [batch] : []);
  return { bytes: g.toBytes(), inputNames: inputs, outputNames: ['loss'] };
}
