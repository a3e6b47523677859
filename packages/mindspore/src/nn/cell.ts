/**
 * `mindspore.nn.Cell` and `mindspore.Parameter`: subclass `Cell`, set layers and parameters as fields
 * in the constructor, override `construct`; instances are callable. Parameter names follow the field
 * path (`fc.weight`), without the prefix of a cell built with `auto_prefix=False` (`WithLossCell`).
 */
import { Callable, newless } from '@rosetta/core';
import { TensorImpl, type Tensor } from '../tensor.js';

/** `Parameter(default_input, name=None, requires_grad=True)`: a trainable Tensor of a Cell. */
export class ParameterImpl extends TensorImpl {
  name: string;
  constructor(default_input: Tensor, name: string | null = null, requires_grad = true) {
    super(default_input.value.detach());
    this.name = name ?? 'Parameter';
    this.value.requiresGrad = requires_grad;
  }
  get requires_grad(): boolean {
    return this.value.requiresGrad;
  }
  set requires_grad(flag: boolean) {
    this.value.requiresGrad = flag;
  }
  /** `set_data(data)`: replaces the value in place. */
  set_data(data: Tensor): this {
    const req = this.value.requiresGrad;
    this.value.requiresGrad = false;
    this.value.copy_(data.value);
    this.value.requiresGrad = req;
    return this;
  }
  /** `Parameter (name=fc.weight, shape=(1, 1), dtype=Float32, requires_grad=True)`. */
  override toString(): string {
    const s = this.shape.length === 1 ? `(${this.shape[0]},)` : `(${this.shape.join(', ')})`;
    return `Parameter (name=${this.name}, shape=${s}, dtype=${this.dtype}, requires_grad=${this.requires_grad ? 'True' : 'False'})`;
  }
}
export const Parameter = newless(ParameterImpl);
export type Parameter = ParameterImpl;

export class CellImpl extends Callable {
  training = false;
  readonly auto_prefix: boolean;

  /** `Cell(auto_prefix=True, flags=None)`. */
  constructor(auto_prefix: boolean | { auto_prefix?: boolean } = true) {
    super();
    this.auto_prefix = typeof auto_prefix === 'boolean' ? auto_prefix : (auto_prefix.auto_prefix ?? true);
  }

  /** The class name (`cls_name`). */
  get cls_name(): string {
    return this.constructor.name.replace(/Impl$/, '');
  }

  __call__(...args: unknown[]): unknown {
    return this.construct(...args);
  }

  /** Override with the computation. */
  construct(..._args: unknown[]): unknown {
    throw new Error(`The 'construct' method of '${this.cls_name}' is not defined.`);
  }

  /** `set_train(mode=True)` on this cell and every sub-cell (cells start in inference mode). */
  set_train(mode = true): this {
    for (const [, c] of this.cells_and_names()) c.training = mode;
    return this;
  }

  /** `cells_and_names()`: this cell (name '') and every sub-cell by field path. */
  cells_and_names(): [string, CellImpl][] {
    const out: [string, CellImpl][] = [['', this]];
    const seen = new Set<CellImpl>([this]);
    const visit = (cell: CellImpl, prefix: string) => {
      for (const [key, v] of fieldsOf(cell)) {
        if (v instanceof CellImpl && !seen.has(v)) {
          seen.add(v);
          const name = prefix + key;
          out.push([name, v]);
          visit(v, `${name}.`);
        }
      }
    };
    visit(this, '');
    return out;
  }

  /** `name_cells()`: direct sub-cells by field name. */
  name_cells(): Record<string, CellImpl> {
    return Object.fromEntries(fieldsOf(this).filter(([, v]) => v instanceof CellImpl)) as Record<string, CellImpl>;
  }

  /** `parameters_and_names()`: every parameter once, named by field path (names are assigned to unnamed parameters). */
  parameters_and_names(): [string, ParameterImpl][] {
    const out: [string, ParameterImpl][] = [];
    const seen = new Set<unknown>();
    const visit = (cell: CellImpl, prefix: string) => {
      if (seen.has(cell)) return;
      seen.add(cell);
      for (const [key, v] of fieldsOf(cell)) {
        if (v instanceof ParameterImpl) {
          if (seen.has(v)) continue;
          seen.add(v);
          const name = prefix + key;
          // MindSpore prefixes a parameter's local name with the cell path when the cell is assigned.
          if (v.name === 'Parameter' || v.name === key) v.name = name;
          out.push([name, v]);
        } else if (v instanceof CellImpl) {
          visit(v, cell.auto_prefix ? `${prefix}${key}.` : prefix);
        }
      }
    };
    visit(this, '');
    return out;
  }

  /** `get_parameters()` / `trainable_params()` (parameters with requires_grad). */
  get_parameters(): ParameterImpl[] {
    return this.parameters_and_names().map(([, p]) => p);
  }
  trainable_params(): ParameterImpl[] {
    return this.get_parameters().filter((p) => p.requires_grad);
  }
  untrainable_params(): ParameterImpl[] {
    return this.get_parameters().filter((p) => !p.requires_grad);
  }

  /** MindSpore's repr: `Name<\n  (fc): Dense<input_channels=1, output_channels=1, has_bias=True>\n  >`. */
  override toString(): string {
    const kids = Object.entries(this.name_cells());
    const extra = this.extend_repr();
    if (!kids.length) return `${this.cls_name}<${extra}>`;
    return `${this.cls_name}<${extra ? `${extra}` : ''}\n${kids.map(([n, c]) => `  (${n}): ${String(c).replace(/\n/g, '\n  ')}`).join('\n')}\n  >`;
  }

  /** Extra text inside the angle brackets of the repr. */
  extend_repr(): string {
    return '';
  }
}
export interface CellImpl {
  (...args: any[]): any;
}

/** A cell's own fields, with array elements as `field.i`. */
function fieldsOf(cell: CellImpl): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const key of Object.keys(cell)) {
    const v = (cell as unknown as Record<string, unknown>)[key];
    if (Array.isArray(v)) v.forEach((x, i) => out.push([`${key}.${i}`, x]));
    else out.push([key, v]);
  }
  return out;
}

export const Cell = newless(CellImpl);
export type Cell = CellImpl;
