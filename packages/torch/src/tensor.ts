/**
 * `torch.Tensor`: a core tensor with PyTorch's method names, autograd attributes (`requires_grad`,
 * `grad`, `grad_fn`, `is_leaf`, `backward`) and printing (`tensor(0.5493)`).
 */
import { ArgTypeError, DTypeError, ShapeError, inspectSymbol, indexTensor, pyTypeName, maxWithIndex, minWithIndex, noGrad, toBackend, toNumpy, type Tensor as CoreTensor, type NDArray as NpArray } from '@rosetta/core';
import { deviceBackend } from './device.js';
import { coreDType, dtypeByName, dtype as DTypeObj, type dtype } from './dtype.js';
import { formatTensor } from './format.js';

/** A tensor or a Python number operand. */
export type Operand = Tensor | number;

/** The core value of an operand. */
export const val = (x: Operand): CoreTensor | number => (typeof x === 'number' ? x : x.value);

/** Size arguments: `view(2, 3)` or `view([2, 3])`. */
export type SizeArgs = (number | readonly number[])[];
export const sizeOf = (args: SizeArgs): number[] => (args.length === 1 && Array.isArray(args[0]) ? [...args[0]] : (args as number[]));

type Dim = number | readonly number[] | null | undefined;
const dims = (d: Dim): number | number[] | undefined => (d === null || d === undefined ? undefined : typeof d === 'number' ? d : [...d]);
/** `amax`/`amin` reduce every dim when `dim` is `()` or omitted: listed explicitly, so a NaN follows amax's gradient rule, not `max()`'s. */
const amaxDims = (d: Dim, ndim: number): number | number[] => {
  const list = dims(d);
  return list === undefined || (Array.isArray(list) && list.length === 0) ? Array.from({ length: ndim }, (_, i) => i) : list;
};

export class Tensor {
  /** The engine tensor (its value, tape entry and gradient); `Module.to` swaps it for a moved copy. */
  value: CoreTensor;

  constructor(value: CoreTensor) {
    this.value = value;
  }

  // Attributes.
  get shape(): number[] { return this.value.shape; }
  get dtype(): dtype { return DTypeObj.of(this.value.dtype); }
  get device(): string { return this.value.backend.name; }
  get ndim(): number { return this.value.ndim; }
  get requires_grad(): boolean { return this.value.requiresGrad; }
  set requires_grad(flag: boolean) { this.value.requiresGrad_(flag); }
  get is_leaf(): boolean { return this.value.isLeaf; }
  get grad(): Tensor | null { return this.value.grad ? new Tensor(this.value.grad) : null; }
  /**
   * `x.grad = g`: a Tensor of this tensor's shape and dtype, or None (null/undefined); anything else
   * is PyTorch's `TypeError: assigned grad expected to be a Tensor or None but got grad of type float`.
   */
  set grad(g: Tensor | null) {
    if (g === null || g === undefined) {
      this.value.grad = null;
      return;
    }
    if (!(g instanceof Tensor)) throw new ArgTypeError(`assigned grad expected to be a Tensor or None but got grad of type ${pyTypeName(g)}`);
    if (g.shape.join() !== this.shape.join()) throw new ShapeError(`assigned grad has data of a different size: grad [${g.shape.join(', ')}], tensor [${this.shape.join(', ')}]`);
    if (g.value.dtype !== this.value.dtype) throw new DTypeError(`assigned grad has data of a different type: grad ${g.value.dtype}, tensor ${this.value.dtype}`);
    this.value.grad = g.value;
  }
  /** The name of the recorded op that produced this tensor (`<MulBackward0>`), or null for a leaf. */
  get grad_fn(): string | null {
    const f = this.value.gradFn;
    return f ? `<${f.name.charAt(0).toUpperCase()}${f.name.slice(1)}Backward0>` : null;
  }
  /** `x.data`: the same values, cut from the tape; assigning copies into this tensor. */
  get data(): Tensor { return new Tensor(this.value.detach()); }
  set data(v: Tensor) { noGrad(() => this.value.copy_(v.value)); }
  /** `len(x)`. */
  get length(): number { return this.shape[0] ?? 0; }
  /** `x.T`. */
  get T(): Tensor { return this.permute(...this.shape.map((_, i) => this.ndim - 1 - i)); }

  size(dim?: number): number | number[] {
    if (dim === undefined) return this.shape;
    return this.shape[dim < 0 ? dim + this.ndim : dim]!;
  }
  dim(): number { return this.ndim; }
  numel(): number { return this.value.size; }
  item(): number { return this.value.item(); }
  tolist(): unknown { return this.value.tolist(); }
  /** `x.numpy()`: a host `np` array. */
  numpy(): NpArray { return toNumpy(this.value); }
  is_floating_point(): boolean { return this.dtype.is_floating_point; }

  // Autograd.
  backward(gradient?: Tensor | null): void { this.value.backward(gradient ? gradient.value : undefined); }
  detach(): Tensor { return new Tensor(this.value.detach()); }
  requires_grad_(flag = true): this { this.value.requiresGrad_(flag); return this; }
  clone(): Tensor { return new Tensor(this.value.add(0).cast(this.value.dtype)); }
  retain_grad(): void {}

  // Conversion.
  /**
   * `to(dtype)` casts; `to(device)` copies to the backend of that name (`'cpu'`, `'wasm'`, … — see
   * `set_default_device`). NOTE: only leaf tensors move (see `toBackend` in core).
   */
  to(target: dtype | string): Tensor {
    if (target instanceof DTypeObj) return this.type(target);
    if (typeof target !== 'string') throw new ArgTypeError(`to() received an invalid combination of arguments - got (${pyTypeName(target)}), but expected a torch.dtype or a device string`);
    const named = dtypeByName(target);
    if (named) throw new ArgTypeError(`to(): a dtype is a torch.dtype, not the string '${target}': use ${named}`);
    return new Tensor(toBackend(this.value, deviceBackend(target)));
  }
  type(d: dtype): Tensor { return new Tensor(this.value.cast(coreDType('type', d))); }
  float(): Tensor { return new Tensor(this.value.cast('float32')); }
  double(): Tensor { return new Tensor(this.value.cast('float64')); }
  long(): Tensor { return new Tensor(this.value.cast('int64')); }
  int(): Tensor { return new Tensor(this.value.cast('int32')); }
  bool(): Tensor { return new Tensor(this.value.cast('bool')); }

  // Arithmetic (`a + b` → `a.add(b)`; `1 - a` → `a.rsub(1)`).
  add(o: Operand, opts: { alpha?: number } = {}): Tensor { return new Tensor(this.value.add(opts.alpha === undefined ? val(o) : scaled(o, opts.alpha))); }
  sub(o: Operand, opts: { alpha?: number } = {}): Tensor { return new Tensor(this.value.sub(opts.alpha === undefined ? val(o) : scaled(o, opts.alpha))); }
  mul(o: Operand): Tensor { return new Tensor(this.value.mul(val(o))); }
  div(o: Operand): Tensor { return new Tensor(this.value.div(val(o))); }
  pow(o: Operand): Tensor { return new Tensor(this.value.pow(val(o))); }
  rsub(o: Operand): Tensor { return new Tensor(this.value.rsub(val(o))); }
  rdiv(o: Operand): Tensor { return new Tensor(this.value.rdiv(val(o))); }
  neg(): Tensor { return new Tensor(this.value.neg()); }
  matmul(o: Tensor): Tensor { return new Tensor(this.value.matmul(o.value)); }
  mm(o: Tensor): Tensor { return this.matmul(o); }
  gt(o: Operand): Tensor { return new Tensor(this.value.gt(val(o))); }
  ge(o: Operand): Tensor { return new Tensor(this.value.ge(val(o))); }
  lt(o: Operand): Tensor { return new Tensor(this.value.lt(val(o))); }
  le(o: Operand): Tensor { return new Tensor(this.value.le(val(o))); }
  eq(o: Operand): Tensor { return new Tensor(this.value.eq(val(o))); }
  ne(o: Operand): Tensor { return new Tensor(this.value.ne(val(o))); }

  // Elementwise.
  abs(): Tensor { return new Tensor(this.value.abs()); }
  exp(): Tensor { return new Tensor(this.value.exp()); }
  log(): Tensor { return new Tensor(this.value.log()); }
  sqrt(): Tensor { return new Tensor(this.value.sqrt()); }
  square(): Tensor { return new Tensor(this.value.square()); }
  sin(): Tensor { return new Tensor(this.value.sin()); }
  cos(): Tensor { return new Tensor(this.value.cos()); }
  tanh(): Tensor { return new Tensor(this.value.tanh()); }
  sigmoid(): Tensor { return new Tensor(this.value.sigmoid()); }
  relu(): Tensor { return new Tensor(this.value.relu()); }
  sign(): Tensor { return new Tensor(this.value.sign()); }
  clamp(min?: number | null, max?: number | null): Tensor { return new Tensor(this.value.clamp(min, max)); }
  clip(min?: number | null, max?: number | null): Tensor { return this.clamp(min, max); }
  softmax(dim: number): Tensor { return new Tensor(this.value.softmax(dim)); }
  log_softmax(dim: number): Tensor { return new Tensor(this.value.logSoftmax(dim)); }

  // Reductions.
  sum(dim?: Dim, keepdim = false): Tensor { return new Tensor(this.value.sum(dims(dim), keepdim)); }
  mean(dim?: Dim, keepdim = false): Tensor { return new Tensor(this.value.mean(dims(dim), keepdim)); }
  /** `max()` over everything, or `max(dim)` → `{ values, indices }` (PyTorch's named tuple). */
  max(): Tensor;
  max(dim: number, keepdim?: boolean): { values: Tensor; indices: Tensor };
  max(dim?: number, keepdim = false): Tensor | { values: Tensor; indices: Tensor } {
    if (dim === undefined) return new Tensor(this.value.max());
    const r = maxWithIndex(this.value, dim, keepdim);
    return { values: new Tensor(r.values), indices: new Tensor(r.indices) };
  }
  min(): Tensor;
  min(dim: number, keepdim?: boolean): { values: Tensor; indices: Tensor };
  min(dim?: number, keepdim = false): Tensor | { values: Tensor; indices: Tensor } {
    if (dim === undefined) return new Tensor(this.value.min());
    const r = minWithIndex(this.value, dim, keepdim);
    return { values: new Tensor(r.values), indices: new Tensor(r.indices) };
  }
  argmax(dim?: number, keepdim = false): Tensor { return new Tensor(this.value.argmax(dim, keepdim)); }
  argmin(dim?: number, keepdim = false): Tensor { return new Tensor(this.value.argmin(dim, keepdim)); }
  /** `amax(dim=(), keepdim=False)`: ties share the gradient evenly (unlike `max(dim)`). */
  amax(dim: Dim = null, keepdim = false): Tensor { return new Tensor(this.value.max(amaxDims(dim, this.ndim), keepdim)); }
  /** `amin(dim=(), keepdim=False)`. */
  amin(dim: Dim = null, keepdim = false): Tensor { return new Tensor(this.value.min(amaxDims(dim, this.ndim), keepdim)); }
  std(dim?: Dim, keepdim = false): Tensor { return new Tensor(this.value.std(dims(dim), 1, keepdim)); }
  var(dim?: Dim, keepdim = false): Tensor { return new Tensor(this.value.variance(dims(dim), 1, keepdim)); }
  norm(p = 2, dim?: Dim, keepdim = false): Tensor { return new Tensor(this.value.norm(p, dims(dim), keepdim)); }

  // Shape.
  view(...shape: SizeArgs): Tensor { return new Tensor(this.value.reshape(sizeOf(shape))); }
  reshape(...shape: SizeArgs): Tensor { return this.view(...shape); }
  view_as(o: Tensor): Tensor { return this.view(o.shape); }
  squeeze(dim?: number): Tensor { return new Tensor(this.value.squeeze(dim)); }
  unsqueeze(dim: number): Tensor { return new Tensor(this.value.unsqueeze(dim)); }
  flatten(start_dim = 0, end_dim = -1): Tensor { return new Tensor(this.value.flatten(start_dim, end_dim)); }
  permute(...order: SizeArgs): Tensor { return new Tensor(this.value.permute(sizeOf(order))); }
  transpose(a: number, b: number): Tensor { return new Tensor(this.value.transpose(a, b)); }
  t(): Tensor { return this.transpose(0, 1); }
  expand(...shape: SizeArgs): Tensor { return new Tensor(this.value.expand(sizeOf(shape).map((d, i, all) => (d === -1 ? this.shape[i - (all.length - this.ndim)]! : d)))); }
  expand_as(o: Tensor): Tensor { return this.expand(o.shape); }
  /**
   * Indexing, the method form of `x[...]`: numbers pick, `':'` / `'a:b'` / `'a:b:s'` slice, `null`
   * inserts an axis, `'...'` fills the rest, a bool tensor selects (`x[mask]`), an int tensor gathers rows.
   */
  index(...keys: (number | string | null | Tensor)[]): Tensor {
    return new Tensor(indexTensor(this.value, keys.map((k) => (k instanceof Tensor ? k.value : k))));
  }

  // In place (outside the tape for leaves: wrap in `torch.no_grad`).
  add_(o: Operand): this { this.value.add_(val(o)); return this; }
  sub_(o: Operand): this { this.value.sub_(val(o)); return this; }
  mul_(o: Operand): this { this.value.mul_(val(o)); return this; }
  div_(o: Operand): this { this.value.div_(val(o)); return this; }
  zero_(): this { this.value.zero_(); return this; }
  fill_(v: number): this { this.value.fill_(v); return this; }
  copy_(src: Tensor): this { this.value.copy_(src.value); return this; }

  /** PyTorch's repr: `tensor([1., 2.], requires_grad=True)`. */
  toString(): string {
    const extras: string[] = [];
    if (this.grad_fn) extras.push(`grad_fn=${this.grad_fn}`);
    else if (this.requires_grad) extras.push('requires_grad=True');
    return formatTensor(this.value, extras);
  }
  [inspectSymbol](): string { return this.toString(); }
}

function scaled(o: Operand, alpha: number): CoreTensor | number {
  return typeof o === 'number' ? o * alpha : o.value.mul(alpha);
}
