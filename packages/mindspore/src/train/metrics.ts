/**
 * `mindspore.train` metrics for `Model(metrics=…)`: `Loss`, `MAE`, `MSE`, `Accuracy` with
 * `clear` / `update` / `eval`; names (`'loss'`, `'mae'`, `'mse'`, `'accuracy'`) select them.
 */
import type { Tensor } from '../tensor.js';

export abstract class Metric {
  protected total = 0;
  protected count = 0;
  clear(): void {
    this.total = 0;
    this.count = 0;
  }
  /** `update(*inputs)`: predictions and labels (or the loss for `Loss`). */
  abstract update(...inputs: Tensor[]): void;
  eval(): number {
    if (this.count === 0) throw new Error(`The '${this.constructor.name}' metric needs at least one update before eval.`);
    return this.total / this.count;
  }
}

/** The mean of the losses seen. */
export class Loss extends Metric {
  update(loss: Tensor): void {
    this.total += loss.value.mean().item();
    this.count += 1;
  }
}

/** Mean absolute error over all samples. */
export class MAE extends Metric {
  update(y_pred: Tensor, y: Tensor): void {
    this.total += y_pred.value.sub(y.value.reshape(y_pred.shape)).abs().sum().item();
    this.count += y_pred.shape[0] ?? 1;
  }
}

/** Mean squared error over all samples. */
export class MSE extends Metric {
  update(y_pred: Tensor, y: Tensor): void {
    this.total += y_pred.value.sub(y.value.reshape(y_pred.shape)).square().sum().item();
    this.count += y_pred.shape[0] ?? 1;
  }
}

/** Classification accuracy: argmax of the scores against class indices. */
export class Accuracy extends Metric {
  update(y_pred: Tensor, y: Tensor): void {
    const hits = y_pred.value.argmax(-1).eq(y.value.ndim === y_pred.ndim ? y.value.argmax(-1) : y.value.cast('int64'));
    this.total += hits.cast('float32').sum().item();
    this.count += hits.size;
  }
}

const NAMED: Record<string, () => Metric> = { loss: () => new Loss(), mae: () => new MAE(), mse: () => new MSE(), accuracy: () => new Accuracy(), acc: () => new Accuracy() };

/** Metrics from `Model`'s `metrics` argument (a set/array of names or an object of Metric instances). */
export function resolveMetrics(metrics: Iterable<string> | Record<string, Metric> | null): Map<string, Metric> {
  const out = new Map<string, Metric>();
  if (metrics === null) return out;
  if (Symbol.iterator in Object(metrics)) {
    for (const name of metrics as Iterable<string>) {
      const make = NAMED[name.toLowerCase()];
      if (!make) throw new Error(`The metric '${name}' is not supported; choose from ${Object.keys(NAMED).join(', ')}.`);
      out.set(name, make());
    }
  } else {
    for (const [k, m] of Object.entries(metrics as Record<string, Metric>)) out.set(k, m);
  }
  return out;
}
