/**
 * `torch.optim.Optimizer`: parameter groups (`[{ params, lr, weight_decay }, …]` or a plain list),
 * per-parameter state, `zero_grad(set_to_none=True)`, `step()`, `add_param_group`, `state_dict`.
 * Subclasses give the defaults and the update rule (a core function).
 */
import { pyStr } from '@rosetta/core';
import { Tensor } from '../tensor.js';
import type { Parameter } from '../nn/module.js';

export interface ParamGroup extends Record<string, unknown> {
  params: Parameter[];
  lr: number;
}

export type ParamsArg = Iterable<Parameter> | readonly (Partial<ParamGroup> & { params: Iterable<Parameter> })[];

export abstract class Optimizer {
  readonly param_groups: ParamGroup[] = [];
  readonly state = new Map<Parameter, Record<string, unknown>>();

  constructor(params: ParamsArg, readonly defaults: Record<string, unknown> & { lr: number }) {
    const list = [...(params as Iterable<unknown>)];
    if (list.length === 0) throw new Error('optimizer got an empty parameter list');
    const groups = list[0] instanceof Tensor ? [{ params: list as Parameter[] }] : (list as (Partial<ParamGroup> & { params: Iterable<Parameter> })[]);
    for (const g of groups) this.add_param_group(g);
  }

  /** `add_param_group(param_group)`: options missing from the group come from the defaults. */
  add_param_group(group: Partial<ParamGroup> & { params: Iterable<Parameter> }): void {
    const params = group.params instanceof Tensor ? [group.params as Parameter] : [...group.params];
    for (const p of params) {
      if (!(p instanceof Tensor)) throw new TypeError(`optimizer can only optimize Tensors, but one of the params is ${typeof p}`);
      if (!p.is_leaf) throw new Error("can't optimize a non-leaf Tensor");
      if (this.param_groups.some((g) => g.params.includes(p))) throw new Error('some parameters appear in more than one parameter group');
    }
    this.param_groups.push({ ...this.defaults, ...group, params } as ParamGroup);
  }

  /** `zero_grad(set_to_none=True)`. */
  zero_grad(set_to_none = true): void {
    for (const g of this.param_groups) {
      for (const p of g.params) {
        if (set_to_none) p.grad = null;
        else if (p.grad) p.grad.zero_();
      }
    }
  }

  /** `step(closure=None)`: one update of every parameter that has a gradient; returns the closure's loss. */
  step(closure?: () => Tensor): Tensor | undefined {
    const loss = closure?.();
    for (const g of this.param_groups) {
      for (const p of g.params) {
        // peekGrad: the update rule only reads it, so zero_grad() can free it afterwards.
        if (p.value.peekGrad() === null) continue;
        let s = this.state.get(p);
        if (!s) this.state.set(p, (s = {}));
        this.update(p, g, s);
      }
    }
    return loss;
  }

  /** Applies the rule to one parameter with its group's options. */
  protected abstract update(p: Parameter, group: ParamGroup, state: Record<string, unknown>): void;

  /** `state_dict()`: the state by parameter index and the groups with indices for params. */
  state_dict(): { state: Record<number, Record<string, unknown>>; param_groups: Record<string, unknown>[] } {
    const index = new Map<Parameter, number>();
    this.param_groups.flatMap((g) => g.params).forEach((p, i) => index.set(p, i));
    const state: Record<number, Record<string, unknown>> = {};
    for (const [p, s] of this.state) state[index.get(p)!] = { ...s };
    return { state, param_groups: this.param_groups.map((g) => ({ ...g, params: g.params.map((p) => index.get(p)!) })) };
  }

  /** PyTorch's repr: the class name, then each group's options in key order. */
  toString(): string {
    const groups = this.param_groups.map((g, i) => {
      const keys = Object.keys(g).filter((k) => k !== 'params').sort();
      return `Parameter Group ${i}\n${keys.map((k) => `    ${k}: ${pyStr(g[k])}`).join('\n')}`;
    });
    return `${this.constructor.name} (\n${groups.join('\n\n')}\n)`;
  }

  /** `load_state_dict(state_dict)`. */
  load_state_dict(sd: { state: Record<number, Record<string, unknown>>; param_groups: Record<string, unknown>[] }): void {
    const params = this.param_groups.flatMap((g) => g.params);
    sd.param_groups.forEach((g, i) => Object.assign(this.param_groups[i]!, { ...g, params: this.param_groups[i]!.params }));
    this.state.clear();
    for (const [k, s] of Object.entries(sd.state)) this.state.set(params[Number(k)]!, { ...s });
  }
}

/** PyTorch's option checks (`Invalid learning rate: -1`). */
export function checkOptions(o: Record<string, unknown>, checks: [string, string][]): void {
  for (const [key, label] of checks) {
    const v = o[key];
    if (typeof v === 'number' && !(v >= 0)) throw new Error(`Invalid ${label}: ${v}`);
  }
}
