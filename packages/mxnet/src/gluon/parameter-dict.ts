/** `gluon.ParameterDict`: parameters by full name, as `Block.collect_params()` returns them. */
import { bindArgs } from '@rosetta/core';
import { Parameter } from './parameter.js';

export class ParameterDict {
  private readonly entries = new Map<string, Parameter>();

  constructor(readonly prefix = '') {}

  /** `params.get(name, **kwargs)`: the parameter `prefix + name`, created on first request. */
  get(name: string, ...args: unknown[]): Parameter {
    const full = this.prefix + name;
    let p = this.entries.get(full);
    if (!p) {
      p = new Parameter(full, ...args);
      this.entries.set(full, p);
    }
    return p;
  }

  /** Adds parameters (`update`); a different parameter under a taken name is an error. */
  update(other: ParameterDict | Iterable<Parameter>): void {
    for (const p of other instanceof ParameterDict ? other.values() : other) {
      const had = this.entries.get(p.name);
      if (had && had !== p) throw new Error(`Cannot update self with other because they have different Parameters with the same name '${p.name}'`);
      this.entries.set(p.name, p);
    }
  }

  keys(): string[] { return [...this.entries.keys()]; }
  values(): Parameter[] { return [...this.entries.values()]; }
  items(): [string, Parameter][] { return [...this.entries.entries()]; }
  get length(): number { return this.entries.size; }
  [Symbol.iterator](): Iterator<string> { return this.entries.keys(); }

  /** `initialize(init=Uniform(), ctx=None, verbose=False, force_reinit=False)` on every parameter. */
  initialize(...args: unknown[]): void {
    const o = bindArgs('initialize', ['init', 'ctx', 'verbose', 'force_reinit'], { init: null as unknown, ctx: null as unknown, verbose: false, force_reinit: false }, args);
    for (const p of this.values()) p.initialize({ default_init: o.init, force_reinit: o.force_reinit });
  }

  /** `zero_grad()` on every parameter. */
  zero_grad(): void {
    for (const p of this.values()) p.zero_grad();
  }

  /** `setattr(name, value)`: sets an attribute (`grad_req`, `lr_mult`, `wd_mult`) on every parameter. */
  setattr(name: 'grad_req' | 'lr_mult' | 'wd_mult', value: unknown): void {
    for (const p of this.values()) (p as unknown as Record<string, unknown>)[name] = value;
  }

  /** MXNet's print: the prefix, then one parameter per line. */
  toString(): string {
    return `${this.prefix} (\n${this.values().map((p) => `  ${p}`).join('\n')}\n)`;
  }
}
