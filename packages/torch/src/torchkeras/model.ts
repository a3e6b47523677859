/**
 * What the seed takes from torchkeras (2020): `torchkeras.Model`, an `nn.Module` with `summary`,
 * `compile(loss_func, optimizer, metrics_dict)` and `fit(epochs, dl_train, dl_val, log_step_freq)`,
 * printing torchkeras' progress lines and per-epoch table and returning the history.
 */
import { bindArgs, memoryScope, noGrad, pyStr } from '@rosetta/core';
import { ModuleImpl } from '../nn/module.js';
import type { Optimizer } from '../optim/optimizer.js';
import type { Tensor } from '../tensor.js';
import { summary } from './summary.js';
import { prettyTable } from './table.js';

type Metric = (y_pred: Tensor, y_true: Tensor) => Tensor;
type Batches = Iterable<[Tensor, Tensor]>;

/** Python's `round(x, 3)` for display. */
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * `step(x, y)` for each batch of `dl`, each in a memory scope that also takes the batch from the
 * loader: its batch, activations and gradients are freed when the step ends (steps return numbers),
 * so `fit` runs with flat memory in a browser page that does not yield.
 */
function* perStep<R>(dl: Batches, step: (x: Tensor, y: Tensor) => R): Generator<R> {
  const batches = dl[Symbol.iterator]();
  for (;;) {
    const r = memoryScope(() => {
      const b = batches.next();
      return b.done ? null : { value: step(...b.value) };
    });
    if (r === null) return;
    yield r.value;
  }
}

/** `dfhistory`: one row per epoch (`epoch`, `loss`, metrics, `val_loss`, val metrics). */
export class History {
  constructor(readonly columns: string[], readonly rows: number[][] = []) {}
  /** The values of one column (`dfhistory['val_accuracy']`). */
  get(column: string): number[] {
    const i = this.columns.indexOf(column);
    if (i < 0) throw new Error(`KeyError: '${column}'`);
    return this.rows.map((r) => r[i]!);
  }
  toString(): string {
    return prettyTable(this.columns, this.rows.map((r) => r.map((v) => String(round3(v)))));
  }
}

/** torchkeras' separator: a newline, 80 '=' and the time (`2020-07-11 23:34:17`). */
function printBar(): void {
  const now = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())} ${p(now.getHours())}:${p(now.getMinutes())}:${p(now.getSeconds())}`;
  console.log(`\n${'='.repeat(80)}${stamp}`);
}

export class ModelImpl extends ModuleImpl {
  loss_func: ((y_pred: Tensor, y_true: Tensor) => Tensor) | null = null;
  optimizer: Optimizer | null = null;
  metrics_dict: Record<string, Metric> = {};

  /** `model.summary(input_shape)`. */
  summary(...args: unknown[]): void {
    summary(this, ...args);
  }

  /** `compile(loss_func, optimizer=None, metrics_dict=None)`. */
  compile(opts: { loss_func: (y_pred: Tensor, y_true: Tensor) => Tensor; optimizer: Optimizer; metrics_dict?: Record<string, Metric> }): void {
    this.loss_func = opts.loss_func;
    this.optimizer = opts.optimizer;
    this.metrics_dict = opts.metrics_dict ?? {};
  }

  private ready(): { loss: (p: Tensor, y: Tensor) => Tensor; opt: Optimizer } {
    if (!this.loss_func || !this.optimizer) throw new Error('torchkeras.Model: call compile(loss_func, optimizer) before fit');
    return { loss: this.loss_func, opt: this.optimizer };
  }

  /** One optimisation step; returns the loss and metrics as numbers. */
  train_step(features: Tensor, labels: Tensor): [number, Record<string, number>] {
    const { loss, opt } = this.ready();
    this.train();
    opt.zero_grad();
    const predictions = this(features) as Tensor;
    const l = loss(predictions, labels);
    const metrics = Object.fromEntries(Object.entries(this.metrics_dict).map(([k, f]) => [k, noGrad(() => f(predictions, labels).item())]));
    l.backward();
    opt.step();
    return [l.item(), metrics];
  }

  /** The loss and metrics of one batch, without gradients. */
  evaluate_step(features: Tensor, labels: Tensor): [number, Record<string, number>] {
    const { loss } = this.ready();
    this.eval();
    return noGrad(() => {
      const predictions = this(features) as Tensor;
      const metrics = Object.fromEntries(Object.entries(this.metrics_dict).map(([k, f]) => [k, f(predictions, labels).item()]));
      return [loss(predictions, labels).item(), metrics];
    });
  }

  /** Mean loss and metrics over the batches of `dl`. */
  evaluate(dl: Batches): Record<string, number> {
    let n = 0;
    const sums: Record<string, number> = { val_loss: 0 };
    for (const [l, m] of perStep(dl, (x, y) => this.evaluate_step(x, y))) {
      n += 1;
      sums.val_loss! += l;
      for (const [k, v] of Object.entries(m)) sums[`val_${k}`] = (sums[`val_${k}`] ?? 0) + v;
    }
    return Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, v / n]));
  }

  /** `fit(epochs, dl_train, dl_val=None, log_step_freq=1)`: torchkeras' loop and printout; returns the history. */
  fit(epochs: number, ...args: unknown[]): History {
    const { dl_train, dl_val, log_step_freq } = bindArgs('fit', ['dl_train', 'dl_val', 'log_step_freq'], {
      dl_train: null as Batches | null, dl_val: null as Batches | null, log_step_freq: 1,
    }, args);
    if (!dl_train) throw new TypeError("fit() missing 1 required positional argument: 'dl_train'");
    const names = Object.keys(this.metrics_dict);
    const columns = ['epoch', 'loss', ...names, ...(dl_val ? ['val_loss', ...names.map((k) => `val_${k}`)] : [])];
    const history = new History(columns);
    console.log('Start Training ...');
    printBar();
    for (let epoch = 1; epoch <= epochs; epoch++) {
      let lossSum = 0;
      const metricSum: Record<string, number> = Object.fromEntries(names.map((k) => [k, 0]));
      let step = 0;
      for (const [l, m] of perStep(dl_train, (features, labels) => this.train_step(features, labels))) {
        step += 1;
        lossSum += l;
        for (const k of names) metricSum[k]! += m[k]!;
        if (step % log_step_freq === 0) {
          console.log(pyStr({ step, loss: round3(lossSum / step), ...Object.fromEntries(names.map((k) => [k, round3(metricSum[k]! / step)])) }));
        }
      }
      const info = [epoch, lossSum / step, ...names.map((k) => metricSum[k]! / step)];
      if (dl_val) {
        const v = this.evaluate(dl_val);
        info.push(v.val_loss!, ...names.map((k) => v[`val_${k}`]!));
      }
      history.rows.push(info);
      console.log(`\n ${prettyTable(columns, [info.map((x) => String(round3(x)))])}`);
      printBar();
    }
    console.log('Finished Training...');
    return history;
  }
}

/** `torchkeras.Model`: subclass it like `nn.Module`. */
export const Model = ModelImpl;
export type Model = ModelImpl;
