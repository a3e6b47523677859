/**
 * `mxnet.ndarray.NDArray`: an n-dimensional array over a core tensor, with MXNet's method names,
 * its gradient conventions (`attach_grad`, `grad`, `backward` of a non-scalar = of its sum) and its
 * print format (`\n[1.5]\n<NDArray 1 @cpu(0)>`).
 */
import { inspectSymbol, indexTensor, ones, toNumpy, zerosLike, type Tensor, type NDArray as NpArray } from '@rosetta/core';
import { attach, clearWriteGrads, gradReqOf, type GradReq } from '../autograd/state.js';
import { cpu, type Context } from '../context.js';
import { checkDType, unwrap, wrap, type Operand } from './convert.js';

/** Axis arguments: one axis, several, or all (undefined). */
export type Axis = number | readonly number[] | undefined;

const axes = (axis: Axis): number | number[] | undefined => (axis === undefined ? undefined : typeof axis === 'number' ? axis : [...axis]);

export class NDArray {
  /**
   * The core tensor holding the value; in-place updates replace its value, not the tensor. Only
   * `attach_grad()` of a recorded result swaps it for a new leaf (see there).
   */
  tensor: Tensor;

  constructor(tensor: Tensor) {
    this.tensor = tensor;
  }

  /** The shape as an array (`x.shape` is a tuple in MXNet). */
  get shape(): number[] { return this.tensor.shape; }
  /** NOTE: MXNet returns a NumPy type object (`numpy.float32`); here its name, `'float32'`. */
  get dtype(): string { return this.tensor.dtype; }
  get size(): number { return this.tensor.size; }
  get ndim(): number { return this.tensor.ndim; }
  get context(): Context { return cpu(); }
  get ctx(): Context { return this.context; }
  /** `len(x)`: the first dimension. */
  get length(): number { return this.shape[0] ?? 0; }

  /** A host copy as an `np` array (`asnumpy()`). */
  asnumpy(): NpArray { return toNumpy(this.tensor); }
  /** The value of a one-element array (`asscalar()`). */
  asscalar(): number {
    if (this.size !== 1) throw new Error(`asscalar: The current array is not a scalar (shape ${JSON.stringify(this.shape)})`);
    return this.tensor.item();
  }
  /** `astype(dtype)`: a converted copy. */
  astype(dtype: string): NDArray { return wrap(this.tensor.cast(checkDType('astype', dtype))); }
  /** `copy()`. */
  copy(): NDArray { return wrap(this.tensor.detach().add(0).cast(this.tensor.dtype)); }
  /** `as_in_context(ctx)` / `copyto(ctx)`: only the cpu context exists, so the array itself. */
  as_in_context(_ctx: Context): NDArray { return this; }
  /** `detach()`: the same value, cut from the recorded graph. */
  detach(): NDArray { return new NDArray(this.tensor.detach()); }

  /**
   * `attach_grad(grad_req='write')`: allocates a gradient buffer for this array and makes it a
   * variable of the recorded graph. An array computed inside `autograd.record()` becomes a new leaf,
   * cut from the ops that produced it (MXNet's `Imperative::MarkVariables` gives the array a fresh
   * variable entry): `u = x * y; u.attach_grad(); z = 5 * u - x` gives x.grad = −1, u.grad = 5,
   * y.grad = 0. Ops recorded before the call keep their history, as in MXNet.
   */
  attach_grad(grad_req: GradReq = 'write'): void {
    if (!this.tensor.isLeaf) this.tensor = this.tensor.detach();
    attach(this.tensor, grad_req);
  }

  /** The gradient buffer (`x.grad`): zeros until a backward pass writes it; null if never attached. */
  get grad(): NDArray | null {
    const t = this.tensor;
    if (t.grad) return wrap(t.grad);
    return gradReqOf(t) === undefined || gradReqOf(t) === 'null' ? null : wrap(zerosLike(t));
  }

  /**
   * `backward(out_grad=None)`: gradients of this array into the attached arrays, written over the
   * previous ones (grad_req 'write'). Without `out_grad`, a non-scalar differentiates its sum.
   */
  backward(out_grad?: NDArray | null): void {
    const t = this.tensor;
    if (!t.requiresGrad) {
      throw new Error('backward: cannot differentiate with respect to an array that was not computed from arrays with attach_grad() inside autograd.record()');
    }
    clearWriteGrads(t);
    t.backward(out_grad ? out_grad.tensor : ones(t.shape, { dtype: t.dtype }));
  }

  // Arithmetic (`a + b` → `a.add(b)`), with MXNet broadcasting and scalar operands.
  add(o: Operand): NDArray { return wrap(this.tensor.add(unwrap(o))); }
  sub(o: Operand): NDArray { return wrap(this.tensor.sub(unwrap(o))); }
  mul(o: Operand): NDArray { return wrap(this.tensor.mul(unwrap(o))); }
  div(o: Operand): NDArray { return wrap(this.tensor.div(unwrap(o))); }
  pow(o: Operand): NDArray { return wrap(this.tensor.pow(unwrap(o))); }
  /** `s - a` → `a.rsub(s)`. */
  rsub(o: number): NDArray { return wrap(this.tensor.rsub(o)); }
  /** `s / a` → `a.rdiv(s)`. */
  rdiv(o: number): NDArray { return wrap(this.tensor.rdiv(o)); }
  neg(): NDArray { return wrap(this.tensor.neg()); }
  gt(o: Operand): NDArray { return wrap(this.tensor.gt(unwrap(o)).cast(this.tensor.dtype)); }
  ge(o: Operand): NDArray { return wrap(this.tensor.ge(unwrap(o)).cast(this.tensor.dtype)); }
  lt(o: Operand): NDArray { return wrap(this.tensor.lt(unwrap(o)).cast(this.tensor.dtype)); }
  le(o: Operand): NDArray { return wrap(this.tensor.le(unwrap(o)).cast(this.tensor.dtype)); }
  eq(o: Operand): NDArray { return wrap(this.tensor.eq(unwrap(o)).cast(this.tensor.dtype)); }
  ne(o: Operand): NDArray { return wrap(this.tensor.ne(unwrap(o)).cast(this.tensor.dtype)); }

  // Elementwise functions.
  abs(): NDArray { return wrap(this.tensor.abs()); }
  square(): NDArray { return wrap(this.tensor.square()); }
  sqrt(): NDArray { return wrap(this.tensor.sqrt()); }
  exp(): NDArray { return wrap(this.tensor.exp()); }
  log(): NDArray { return wrap(this.tensor.log()); }
  relu(): NDArray { return wrap(this.tensor.relu()); }
  sigmoid(): NDArray { return wrap(this.tensor.sigmoid()); }
  tanh(): NDArray { return wrap(this.tensor.tanh()); }
  clip(a_min: number, a_max: number): NDArray { return wrap(this.tensor.clamp(a_min, a_max)); }

  // Reductions: `axis=None` reduces everything (to shape (1,), MXNet has no 0-d arrays).
  sum(axis?: Axis, keepdims = false): NDArray { return wrap(this.tensor.sum(axes(axis), keepdims)); }
  mean(axis?: Axis, keepdims = false): NDArray { return wrap(this.tensor.mean(axes(axis), keepdims)); }
  max(axis?: Axis, keepdims = false): NDArray { return wrap(this.tensor.max(axes(axis), keepdims)); }
  min(axis?: Axis, keepdims = false): NDArray { return wrap(this.tensor.min(axes(axis), keepdims)); }
  argmax(axis?: number, keepdims = false): NDArray { return wrap(this.tensor.argmax(axis, keepdims).cast('float32')); }
  /** `softmax(axis=-1)`. */
  softmax(axis = -1): NDArray { return wrap(this.tensor.softmax(axis)); }
  /** `log_softmax(axis=-1)`. */
  log_softmax(axis = -1): NDArray { return wrap(this.tensor.logSoftmax(axis)); }

  // Shape.
  /** `reshape(shape)`: MXNet's special values 0 (copy this dimension) and -1 (infer) are accepted. */
  reshape(...shape: (number | readonly number[])[]): NDArray {
    const s = (shape.length === 1 && Array.isArray(shape[0]) ? shape[0] : shape) as number[];
    return wrap(this.tensor.reshape(s.map((d, i) => (d === 0 ? this.shape[i]! : d))));
  }
  /** `transpose(axes=None)`: reverses the axes by default. */
  transpose(...order: number[]): NDArray {
    return wrap(order.length ? this.tensor.permute(order) : this.tensor.permute(this.shape.map((_, i) => this.ndim - 1 - i)));
  }
  /** `x.T`. */
  get T(): NDArray { return this.transpose(); }
  /** `flatten()`: (N, ...) → (N, prod(...)). */
  flatten(): NDArray { return wrap(this.tensor.reshape([this.shape[0] ?? 1, -1])); }
  expand_dims(axis: number): NDArray { return wrap(this.tensor.unsqueeze(axis)); }
  squeeze(axis?: number): NDArray { return wrap(axis === undefined ? this.tensor.squeeze() : this.tensor.squeeze(axis)); }
  /** `broadcast_to(shape)`. */
  broadcast_to(shape: readonly number[]): NDArray { return wrap(this.tensor.expand([...shape])); }
  /** `slice_axis(axis, begin, end)` — the method form of `x[begin:end]` along `axis`. */
  slice_axis(axis: number, begin: number, end: number | null): NDArray {
    const n = this.shape[axis < 0 ? axis + this.ndim : axis]!;
    const e = end === null ? n : end < 0 ? end + n : end;
    const b = begin < 0 ? begin + n : begin;
    return wrap(this.tensor.narrow(axis, b, e - b));
  }
  /**
   * Indexing, the method form of `x[...]`: numbers pick, `':'` / `'a:b:s'` slice, `null` adds an
   * axis, `'...'` fills the rest, an NDArray of whole numbers gathers along its axis (MXNet comparisons
   * give float 0/1, not booleans, so masks go through `nd.where` or `pick` as in MXNet).
   */
  index(...keys: (number | string | null | NDArray)[]): NDArray {
    return wrap(indexTensor(this.tensor, keys.map((k) => (k instanceof NDArray ? k.tensor : k))));
  }

  /** `x[i]` along the first axis. */
  at(i: number): NDArray {
    return this.index(i);
  }

  /** MXNet's repr: the NumPy print of the values, then `<NDArray 2x3 @cpu(0)>`. */
  toString(): string {
    return `\n${String(this.asnumpy())}\n<NDArray ${this.shape.join('x')} @${this.context}>`;
  }

  [inspectSymbol](): string {
    return this.toString();
  }
}
