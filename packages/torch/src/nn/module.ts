/**
 * `torch.nn.Module` and `torch.nn.Parameter`: subclass `Module`, set layers and parameters as
 * fields in the constructor, override `forward`; instances are callable. Parameters, buffers and
 * sub-modules are found by walking fields (`fc1.weight`), as PyTorch's `__setattr__` registers them.
 */
import { ArgTypeError, Callable, newless, pyTypeName, toBackend, walkNamed, walkNodes } from '@rosetta/core';
import { deviceBackend } from '../device.js';
import { dtype } from '../dtype.js';
import { Tensor } from '../tensor.js';

/** `nn.Parameter(data, requires_grad=True)`: a tensor that a Module registers as a parameter. */
export class Parameter extends Tensor {
  constructor(data: Tensor, requires_grad = true) {
    super(data.value.detach());
    if (requires_grad) this.value.requiresGrad_(true);
  }
  override toString(): string {
    return `Parameter containing:\n${super.toString()}`;
  }
}

const isParam = (v: unknown): v is Parameter => v instanceof Parameter;
const isModule = (v: unknown): v is ModuleImpl => v instanceof ModuleImpl;

/** A forward hook: `hook(module, inputs, output)`. */
export type ForwardHook = (module: ModuleImpl, inputs: unknown[], output: unknown) => void;

export class ModuleImpl extends Callable {
  training = true;
  private readonly _buffers = new Set<string>();
  private readonly _forward_hooks = new Set<ForwardHook>();

  __call__(...args: unknown[]): unknown {
    const out = this.forward(...args);
    for (const h of this._forward_hooks) h(this, args, out);
    return out;
  }

  /** Override with the computation. */
  forward(..._args: unknown[]): unknown {
    throw new Error(`Module [${this._className()}] is missing the required "forward" function`);
  }

  _className(): string {
    return this.constructor.name.replace(/Impl$/, '');
  }

  /** `named_parameters(prefix='', recurse=True)`: dotted names from fields, each parameter once. */
  named_parameters(prefix = '', recurse = true): [string, Parameter][] {
    const all = [...walkNamed(this, { isLeaf: isParam, isNode: isModule }, prefix ? `${prefix}.` : '')];
    return recurse ? all : all.filter(([n]) => !n.slice(prefix ? prefix.length + 1 : 0).includes('.'));
  }

  /** `parameters(recurse=True)`. */
  parameters(recurse = true): Parameter[] {
    return this.named_parameters('', recurse).map(([, p]) => p);
  }

  /** `register_buffer(name, tensor)`: a tensor saved in `state_dict` but not trained. */
  register_buffer(name: string, tensor: Tensor | null): void {
    if (tensor !== null && !(tensor instanceof Tensor)) {
      throw new ArgTypeError(`${this._className()}: cannot assign '${pyTypeName(tensor)}' object to buffer '${name}' (torch Tensor or None required)`);
    }
    (this as unknown as Record<string, unknown>)[name] = tensor;
    this._buffers.add(name);
  }

  /** `named_buffers()`: registered buffers of this module and its descendants. */
  named_buffers(): [string, Tensor][] {
    const out: [string, Tensor][] = [];
    for (const [prefix, m] of this.named_modules()) {
      for (const b of m._buffers) {
        const t = (m as unknown as Record<string, unknown>)[b];
        if (t instanceof Tensor) out.push([prefix ? `${prefix}.${b}` : b, t]);
      }
    }
    return out;
  }

  buffers(): Tensor[] {
    return this.named_buffers().map(([, b]) => b);
  }

  /** `named_children()`: direct sub-modules by field name. */
  named_children(): [string, ModuleImpl][] {
    const all = this.named_modules().slice(1);
    return all.filter(([n]) => !all.some(([o]) => o !== n && n.startsWith(`${o}.`)));
  }

  children(): ModuleImpl[] {
    return this.named_children().map(([, m]) => m);
  }

  /** `named_modules()`: this module (name '') and every descendant. */
  named_modules(): [string, ModuleImpl][] {
    return [['', this], ...([...walkNodes(this, isModule)] as [string, ModuleImpl][])];
  }

  modules(): ModuleImpl[] {
    return this.named_modules().map(([, m]) => m);
  }

  /** `train(mode=True)` on this module and every descendant. */
  train(mode = true): this {
    for (const m of this.modules()) m.training = mode;
    return this;
  }

  /** `eval()`. */
  eval(): this {
    return this.train(false);
  }

  /** `zero_grad(set_to_none=True)`. */
  zero_grad(set_to_none = true): void {
    for (const p of this.parameters()) {
      if (set_to_none) p.grad = null;
      else if (p.grad) p.grad.zero_();
    }
  }

  /** `requires_grad_(requires_grad=True)` on every parameter. */
  requires_grad_(flag = true): this {
    for (const p of this.parameters()) p.requires_grad_(flag);
    return this;
  }

  /** `state_dict()`: parameters and buffers by dotted name (detached tensors sharing their values). */
  state_dict(): Record<string, Tensor> {
    const out: Record<string, Tensor> = {};
    for (const [n, p] of this.named_parameters()) out[n] = p.detach();
    for (const [n, b] of this.named_buffers()) out[n] = b.detach();
    return out;
  }

  /** `load_state_dict(state_dict, strict=True)`: copies values in; reports missing and unexpected keys. */
  load_state_dict(state: Record<string, Tensor>, strict = true): { missing_keys: string[]; unexpected_keys: string[] } {
    const own = new Map<string, Tensor>([...this.named_parameters(), ...this.named_buffers()]);
    const missing = [...own.keys()].filter((k) => !(k in state));
    const unexpected = Object.keys(state).filter((k) => !own.has(k));
    if (strict && (missing.length || unexpected.length)) {
      throw new Error(`Error(s) in loading state_dict for ${this._className()}:\n\tMissing key(s) in state_dict: ${missing.map((k) => `"${k}"`).join(', ')}. \n\tUnexpected key(s) in state_dict: ${unexpected.map((k) => `"${k}"`).join(', ')}. `);
    }
    for (const [k, t] of own) {
      const src = state[k];
      if (!src) continue;
      if (src.shape.join() !== t.shape.join()) {
        throw new Error(`Error(s) in loading state_dict for ${this._className()}:\n\tsize mismatch for ${k}: copying a param with shape [${src.shape.join(', ')}] from checkpoint, the shape in current model is [${t.shape.join(', ')}].`);
      }
      t.data = src;
    }
    return { missing_keys: missing, unexpected_keys: unexpected };
  }

  /** `apply(fn)`: calls fn on every descendant, then on this module. */
  override apply(fn: (m: ModuleImpl) => void): this {
    for (const m of this.modules().slice(1).reverse()) fn(m);
    fn(this);
    return this;
  }

  /** `register_forward_hook(hook)`: returns a handle with `remove()`. */
  register_forward_hook(hook: ForwardHook): { remove(): void } {
    this._forward_hooks.add(hook);
    return { remove: () => this._forward_hooks.delete(hook) };
  }

  /**
   * `to(device)` / `to(dtype)`: moves (or casts) every parameter and buffer in place, as PyTorch's
   * `module.to`; optimizers built on the parameters keep working.
   */
  to(target: string | dtype): this {
    for (const t of [...this.parameters(), ...this.buffers()]) {
      const moved = target instanceof dtype ? t.value.detach().cast(target.name) : toBackend(t.value.detach(), deviceBackend(target));
      const grad = t.value.requiresGrad;
      t.value = moved === t.value ? t.value : moved;
      if (grad && !t.value.requiresGrad) t.value.requiresGrad_(true);
    }
    return this;
  }

  /** `double()` / `float()`: `to(torch.float64)` / `to(torch.float32)`. */
  double(): this {
    return this.to(dtype.of('float64'));
  }
  float(): this {
    return this.to(dtype.of('float32'));
  }

  /** Extra text inside the parentheses of the repr (`in_features=2, out_features=4, bias=True`). */
  extra_repr(): string {
    return '';
  }

  /** PyTorch's repr: `Net(\n  (fc1): Linear(in_features=2, out_features=4, bias=True)\n)`. */
  override toString(): string {
    const kids = this.named_children();
    const extra = this.extra_repr();
    if (!kids.length) return `${this._className()}(${extra})`;
    const lines = kids.map(([n, m]) => `  (${n}): ${String(m).replace(/\n/g, '\n  ')}`);
    return `${this._className()}(${extra ? `\n  ${extra}` : ''}\n${lines.join('\n')}\n)`;
  }
}
export interface ModuleImpl {
  (...args: any[]): any;
}

export const Module = newless(ModuleImpl);
export type Module = ModuleImpl;
