/**
 * `mindspore.train.Model(network, loss_fn=None, optimizer=None, metrics=None)`: wraps the network in
 * `WithLossCell` (when a loss_fn is given) and `TrainOneStepCell`, and runs epochs over a dataset
 * with callbacks. `train`/`eval` return Promises (`await model.train(…)`).
 */
import { bindArgs, memoryScope, newless, noGrad } from '@rosetta/core';
import type { Dataset } from '../dataset/generator-dataset.js';
import type { CellImpl } from '../nn/cell.js';
import type { OptimizerImpl } from '../nn/optim.js';
import { TrainOneStepCell, WithLossCell } from '../nn/wrappers.js';
import type { Tensor } from '../tensor.js';
import { RunContext, type Callback, type CallbackParams } from './callback/callbacks.js';
import { resolveMetrics, type Metric } from './metrics.js';

class ModelImpl {
  readonly network: CellImpl;
  readonly loss_fn: CellImpl | null;
  readonly optimizer: OptimizerImpl | null;
  private readonly metrics: Map<string, Metric>;
  private trainNet: CellImpl | null = null;

  /** `Model(network, loss_fn=None, optimizer=None, metrics=None, …)`; every argument may also be a keyword. */
  constructor(...args: unknown[]) {
    const o = bindArgs('Model', ['network', 'loss_fn', 'optimizer', 'metrics', 'eval_network', 'eval_indexes', 'amp_level'], {
      network: null as CellImpl | null, loss_fn: null as CellImpl | null, optimizer: null as OptimizerImpl | null, metrics: null as Iterable<string> | Record<string, Metric> | null,
      eval_network: null as unknown, eval_indexes: null as unknown, amp_level: 'O0', boost_level: 'O0',
    }, args);
    if (!o.network) throw new TypeError("Model() missing 1 required positional argument: 'network'");
    this.network = o.network;
    this.loss_fn = o.loss_fn;
    this.optimizer = o.optimizer;
    this.metrics = resolveMetrics(o.metrics);
  }

  private trainNetwork(): CellImpl {
    if (this.trainNet) return this.trainNet;
    if (!this.optimizer) throw new Error("For 'Model.train', the 'optimizer' must be set when training.");
    const withLoss = this.loss_fn ? WithLossCell(this.network, this.loss_fn) : this.network;
    return (this.trainNet = TrainOneStepCell(withLoss, this.optimizer));
  }

  /**
   * `train(epoch, train_dataset, callbacks=None, dataset_sink_mode=False, sink_size=-1, initial_epoch=0)`:
   * each row's first column goes to the network, the rest to the loss.
   * NOTE: `dataset_sink_mode` is accepted; data is always fed step by step. Each step runs in a
   * memory scope (`ms.memory_scope`): tensors a callback makes in a step, other than
   * `cb_params.net_outputs`, are freed when the step ends.
   */
  async train(...args: unknown[]): Promise<void> {
    const o = bindArgs('train', ['epoch', 'train_dataset', 'callbacks', 'dataset_sink_mode', 'sink_size', 'initial_epoch'], {
      epoch: 0, train_dataset: null as Dataset | null, callbacks: null as Callback | Callback[] | null, dataset_sink_mode: false, sink_size: -1, initial_epoch: 0,
    }, args);
    const { epoch, train_dataset } = o;
    if (!train_dataset) throw new TypeError("train() missing 1 required positional argument: 'train_dataset'");
    if (!(epoch > o.initial_epoch)) throw new Error(`For 'Model.train', the 'epoch' must be bigger than 'initial_epoch', but got ${epoch} and ${o.initial_epoch}.`);
    const batch_num = train_dataset.get_dataset_size();
    if (batch_num === 0) throw new Error("For 'Model.train', the dataset is empty (get_dataset_size() returned 0).");
    const cbs = o.callbacks === null ? [] : Array.isArray(o.callbacks) ? o.callbacks : [o.callbacks];
    const net = this.trainNetwork();
    net.set_train(true);
    const params: CallbackParams = { cur_epoch_num: o.initial_epoch, cur_step_num: 0, batch_num, epoch_num: epoch, net_outputs: null, mode: 'train', train_network: net };
    const ctx = new RunContext(params);
    cbs.forEach((c) => c.on_train_begin(ctx));
    for (let e = o.initial_epoch + 1; e <= epoch && !ctx.get_stop_requested(); e++) {
      params.cur_epoch_num = e;
      cbs.forEach((c) => c.on_train_epoch_begin(ctx));
      const rows = train_dataset.create_tuple_iterator()[Symbol.iterator]();
      // Each step (taking its batch too) runs in a memory scope: what it made is freed when it ends,
      // but the parameters, optimizer state and the loss in cb_params.net_outputs.
      const step = () => memoryScope(() => {
        const row = rows.next();
        if (row.done) return null;
        params.cur_step_num += 1;
        cbs.forEach((c) => c.on_train_step_begin(ctx));
        params.net_outputs = net(...row.value) as Tensor;
        cbs.forEach((c) => c.on_train_step_end(ctx));
        return params.net_outputs;
      });
      while (step() !== null && !ctx.get_stop_requested());
      cbs.forEach((c) => c.on_train_epoch_end(ctx));
      await Promise.resolve();
    }
    cbs.forEach((c) => c.on_train_end(ctx));
  }

  /** `eval(valid_dataset, callbacks=None)`: the metrics over the dataset, `{ name: value }`. */
  async eval(valid_dataset: Dataset, ..._args: unknown[]): Promise<Record<string, number>> {
    if (!this.metrics.size) throw new Error("For 'Model.eval', the model must be built with 'metrics' to evaluate.");
    this.network.set_train(false);
    this.metrics.forEach((m) => m.clear());
    noGrad(() => {
      for (const [data, ...labels] of valid_dataset.create_tuple_iterator()) {
        const out = this.network(data) as Tensor;
        for (const m of this.metrics.values()) {
          if (m.constructor.name === 'Loss') m.update(this.loss_fn ? (this.loss_fn(out, ...labels) as Tensor) : out);
          else m.update(out, labels[0]!);
        }
      }
    });
    return Object.fromEntries([...this.metrics].map(([k, m]) => [k, m.eval()]));
  }

  /** `predict(*predict_data)`: the network's output without gradients. */
  predict(...data: Tensor[]): Tensor {
    return noGrad(() => this.network(...data) as Tensor);
  }
}

export const Model = newless(ModelImpl);
export type Model = ModelImpl;
