/**
 * `gluon.Block` and `gluon.HybridBlock`: callable containers of parameters and child blocks.
 * Subclass and override `forward` (or `hybrid_forward(F, x, …, params)` for a HybridBlock); children
 * and parameters are found by walking fields, and names follow MXNet 1.x's prefixes (`dense0_weight`).
 */
import { Callable, bindArgs, newless } from '@rosetta/core';
import * as nd from '../ndarray/index.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { ParameterDict } from './parameter-dict.js';
import type { Parameter } from './parameter.js';

/** Name counters of the current `name_scope` (MXNet's `_BlockScope`). */
const scopes: { prefix: string; counters: Map<string, number> }[] = [];
const globalCounters = new Map<string, number>();

function nextPrefix(hint: string): string {
  const scope = scopes[scopes.length - 1];
  const counters = scope ? scope.counters : globalCounters;
  const n = counters.get(hint) ?? 0;
  counters.set(hint, n + 1);
  return `${scope ? scope.prefix : ''}${hint}${n}_`;
}

const isBlock = (v: unknown): v is BlockImpl => v instanceof BlockImpl;

export class BlockImpl extends Callable {
  readonly _prefix: string;
  readonly _params: ParameterDict;
  /** Children added with `register_child` (fields holding blocks are found without it). */
  readonly _registered: BlockImpl[] = [];

  /** `Block(prefix=None, params=None)`. */
  constructor(...args: unknown[]) {
    super();
    const o = bindArgs('Block', ['prefix', 'params'], { prefix: null as string | null, params: null as ParameterDict | null }, args);
    this._prefix = o.prefix ?? nextPrefix(this._alias());
    this._params = new ParameterDict(this._prefix);
    if (o.params) this._params.update(o.params);
  }

  /** The naming hint: the class name in lower case (`dense`, `sequential`). */
  _alias(): string {
    return this.constructor.name.replace(/Impl$/, '').toLowerCase();
  }

  /** The prefix (`dense0_`). */
  get prefix(): string {
    return this._prefix;
  }

  /** The name: the prefix without its trailing underscore (`dense0`). */
  override get name(): string {
    return this._prefix.endsWith('_') ? this._prefix.slice(0, -1) : this._prefix;
  }

  /** This block's own parameters (`self.params.get('weight', shape=…)`). */
  get params(): ParameterDict {
    return this._params;
  }

  /** `with self.name_scope(): …` → `this.name_scope(() => { … })`: children created inside get this block's prefix. */
  name_scope<T>(fn: () => T): T {
    scopes.push({ prefix: this._prefix, counters: new Map() });
    try {
      return fn();
    } finally {
      scopes.pop();
    }
  }

  /** `register_child(block)`. */
  register_child(block: BlockImpl): void {
    if (!this._registered.includes(block)) this._registered.push(block);
  }

  /** Direct children: blocks held in fields or in arrays in fields (in field order), then registered ones. */
  _children(): BlockImpl[] {
    const out: BlockImpl[] = [];
    const add = (v: unknown): void => {
      if (isBlock(v) && !out.includes(v)) out.push(v);
    };
    for (const key of Object.keys(this)) {
      const v = (this as unknown as Record<string, unknown>)[key];
      if (Array.isArray(v)) v.forEach(add);
      else add(v);
    }
    this._registered.forEach(add);
    return out;
  }

  /** `collect_params(select=None)`: this block's parameters and its descendants', by full name; `select` is a regex. */
  collect_params(select?: string): ParameterDict {
    const all = new ParameterDict(this._prefix);
    all.update(this._params);
    for (const c of this._children()) all.update(c.collect_params());
    if (select === undefined) return all;
    const re = new RegExp(select);
    const picked = new ParameterDict(this._prefix);
    picked.update(all.values().filter((p: Parameter) => re.test(p.name)));
    return picked;
  }

  /** `initialize(init=Uniform(), ctx=None, verbose=False, force_reinit=False)`. */
  initialize(...args: unknown[]): void {
    this.collect_params().initialize(...args);
  }

  /** `hybridize()`: accepted; NOTE: Rosetta fuses lazily already, so there is no separate symbolic graph. */
  hybridize(..._args: unknown[]): void {}

  __call__(...args: unknown[]): unknown {
    return this.forward(...args);
  }

  /** Override with the computation. */
  forward(..._args: unknown[]): unknown {
    throw new Error(`${this.constructor.name.replace(/Impl$/, '')}.forward is not implemented`);
  }

  /** MXNet's repr: the class name, then each child on its own indented line. */
  override toString(): string {
    const children = this._children();
    const cls = this.constructor.name.replace(/Impl$/, '');
    if (!children.length) return `${cls}()`;
    const lines = children.map((c, i) => `  (${i}): ${String(c).replace(/\n/g, '\n  ')}`);
    return `${cls}(\n${lines.join('\n')}\n)`;
  }
}
export interface BlockImpl {
  (...args: any[]): any;
}

export class HybridBlockImpl extends BlockImpl {
  /**
   * Calls `hybrid_forward(F, x, ...args, params)` with F = `nd` and this block's own parameters as
   * an object keyed by their short names (MXNet passes them as keyword arguments).
   */
  override forward(...args: unknown[]): unknown {
    const params: Record<string, NDArray> = {};
    for (const [full, p] of this._params.items()) params[full.slice(this._prefix.length)] = p.data();
    return this.hybrid_forward(nd, ...args, params);
  }

  /** Override with the computation, written against `F` (the `nd` module). */
  hybrid_forward(_F: typeof nd, ..._args: unknown[]): unknown {
    throw new Error(`${this.constructor.name.replace(/Impl$/, '')}.hybrid_forward is not implemented`);
  }
}

export const Block = newless(BlockImpl);
export type Block = BlockImpl;
export const HybridBlock = newless(HybridBlockImpl);
export type HybridBlock = HybridBlockImpl;
