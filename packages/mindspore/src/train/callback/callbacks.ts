/**
 * `mindspore.train` callbacks: `Callback` (override `on_train_step_end`, … or the older `step_end`,
 * …), `RunContext`, `LossMonitor(per_print_times=1)` printing `epoch: 1 step: 10, loss is 6.52…`,
 * and `TimeMonitor`.
 */
import { newless, pyFloatRepr } from '@rosetta/core';
import type { Tensor } from '../../tensor.js';

/** What a callback sees (`run_context.original_args()`). */
export interface CallbackParams {
  cur_epoch_num: number;
  cur_step_num: number;
  batch_num: number;
  epoch_num: number;
  net_outputs: Tensor | null;
  mode: 'train' | 'eval';
  [key: string]: unknown;
}

export class RunContext {
  private stop = false;
  constructor(private readonly params: CallbackParams) {}
  original_args(): CallbackParams {
    return this.params;
  }
  request_stop(): void {
    this.stop = true;
  }
  get_stop_requested(): boolean {
    return this.stop;
  }
}

/** Override the hooks you need; the `on_train_*` hooks call the older names by default. */
export class Callback {
  on_train_begin(ctx: RunContext): void { this.begin(ctx); }
  on_train_epoch_begin(ctx: RunContext): void { this.epoch_begin(ctx); }
  on_train_step_begin(ctx: RunContext): void { this.step_begin(ctx); }
  on_train_step_end(ctx: RunContext): void { this.step_end(ctx); }
  on_train_epoch_end(ctx: RunContext): void { this.epoch_end(ctx); }
  on_train_end(ctx: RunContext): void { this.end(ctx); }
  on_eval_begin(_ctx: RunContext): void {}
  on_eval_end(_ctx: RunContext): void {}
  begin(_ctx: RunContext): void {}
  epoch_begin(_ctx: RunContext): void {}
  step_begin(_ctx: RunContext): void {}
  step_end(_ctx: RunContext): void {}
  epoch_end(_ctx: RunContext): void {}
  end(_ctx: RunContext): void {}
}

/** `LossMonitor(per_print_times=1)`: prints the loss every `per_print_times` steps; NaN/Inf stops training with an error. */
class LossMonitorImpl extends Callback {
  constructor(readonly per_print_times = 1) {
    super();
    if (!Number.isInteger(per_print_times) || per_print_times < 0) {
      throw new Error(`For 'LossMonitor', the argument 'per_print_times' must be a non-negative int, but got ${per_print_times}.`);
    }
  }
  override step_end(ctx: RunContext): void {
    const p = ctx.original_args();
    if (!p.net_outputs) return;
    const loss = p.net_outputs.value.mean().item();
    const step = ((p.cur_step_num - 1) % p.batch_num) + 1;
    if (!Number.isFinite(loss)) throw new Error(`epoch: ${p.cur_epoch_num} step: ${step}. Invalid loss, terminating training.`);
    if (this.per_print_times !== 0 && p.cur_step_num % this.per_print_times === 0) {
      console.log(`epoch: ${p.cur_epoch_num} step: ${step}, loss is ${pyFloatRepr(loss)}`);
    }
  }
}

/** `TimeMonitor(data_size=None)`: prints each epoch's time and time per step in milliseconds. */
class TimeMonitorImpl extends Callback {
  private start = 0;
  constructor(readonly data_size: number | null = null) {
    super();
  }
  override epoch_begin(): void {
    this.start = performance.now();
  }
  override epoch_end(ctx: RunContext): void {
    const ms = performance.now() - this.start;
    const steps = this.data_size ?? ctx.original_args().batch_num;
    console.log(`epoch time: ${ms.toFixed(3)} ms, per step time: ${(ms / steps).toFixed(3)} ms`);
  }
}

export const LossMonitor = newless(LossMonitorImpl);
export type LossMonitor = LossMonitorImpl;
export const TimeMonitor = newless(TimeMonitorImpl);
export type TimeMonitor = TimeMonitorImpl;
