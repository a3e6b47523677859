/** `torch.optim.lr_scheduler`. */
import type { Optimizer } from './optimizer.js';

/** `StepLR(optimizer, step_size, gamma=0.1, last_epoch=-1)`: lr × gamma every `step_size` epochs. */
export class StepLR {
  last_epoch: number;
  readonly gamma: number;
  private readonly base_lrs: number[];

  constructor(readonly optimizer: Optimizer, readonly step_size: number, opts: { gamma?: number; last_epoch?: number } = {}) {
    this.gamma = opts.gamma ?? 0.1;
    this.last_epoch = opts.last_epoch ?? -1;
    this.base_lrs = optimizer.param_groups.map((g) => g.lr);
    this.step();
  }

  /** Advances one epoch and sets each group's lr = base_lr × gamma^⌊epoch / step_size⌋. */
  step(): void {
    this.last_epoch += 1;
    const factor = this.gamma ** Math.floor(this.last_epoch / this.step_size);
    this.optimizer.param_groups.forEach((g, i) => (g.lr = this.base_lrs[i]! * factor));
  }

  /** `get_last_lr()`. */
  get_last_lr(): number[] {
    return this.optimizer.param_groups.map((g) => g.lr);
  }
}
