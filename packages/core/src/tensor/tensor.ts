import type { Backend } from '../backend/backend.js';
import { BackendError, RosettaError, ValueError } from '../errors.js';
import { isFloat, type DType, type HostArray, type TypedArray } from '../dtype.js';
import type { Lazy } from '../ir/lazy.js';
import { realize } from '../ir/schedule.js';
import { sizeOf } from '../shape.js';
import type { TapeNode } from './tape.js';
import * as ew from '../ops/elementwise.js';
import * as red from '../ops/reduce.js';
import * as mv from '../ops/movement.js';
import * as ix from '../ops/index-ops.js';
import { matmul } from '../ops/matmul.js';
import * as act from '../ops/activations.js';
import * as sm from '../ops/softmax.js';
import * as st from '../ops/statistics.js';
import * as inplace from '../ops/inplace.js';
import { backward } from '../autograd/backward.js';
import { born, noteWrite } from '../memory/arena.js';
import { disown, freeOwned } from '../memory/ownership.js';

type Operand = Tensor | number;

/**
 * An n-dimensional array on a backend, with autograd. Values are lazy: elementwise results stay
 * expressions until read, reduced or used by a special kernel, so chains fuse into one kernel.
 * Methods mirror `torch.Tensor` in camelCase; facades add each framework's own names.
 */
export class Tensor {
  /** The current value; in-place ops replace it. */
  lazy: Lazy;
  readonly backend: Backend;
  /** Whether gradients flow to this tensor (`requires_grad`). */
  requiresGrad = false;
  private _grad: Tensor | null = null;
  /** Creation order (memory arenas tell tensors made before them from those made inside). */
  readonly serial = born(this);
  /** How this tensor was computed, when recorded for backward; null for leaves. */
  gradFn: TapeNode | null = null;
  /**
   * Bumped by every in-place update (`_version`); the tape refuses to differentiate through an op
   * whose input changed after it was recorded, instead of silently using the new value.
   */
  version = 0;

  constructor(lazy: Lazy, backend: Backend) {
    this.lazy = lazy;
    this.backend = backend;
  }

  get shape(): number[] { return [...this.lazy.shape]; }
  get dtype(): DType { return this.lazy.dtype; }
  get ndim(): number { return this.lazy.shape.length; }
  /** Number of elements (`numel()`). */
  get size(): number { return sizeOf(this.lazy.shape); }
  numel(): number { return this.size; }
  /** A leaf is a tensor the user made, not the result of a recorded op. */
  get isLeaf(): boolean { return this.gradFn === null; }

  /** Accumulated gradient of a leaf after `backward()`. */
  get grad(): Tensor | null {
    const g = this._grad;
    if (g) disown(g);
    return g;
  }

  /** Replacing a gradient frees the old one's memory when nothing else can hold it (`memory/ownership.ts`). */
  set grad(g: Tensor | null) {
    const old = this._grad;
    this._grad = g;
    noteWrite(this);
    if (old && old !== g) freeOwned(old);
  }

  /**
   * The gradient for an update rule, without handing it out: its memory is freed when it is
   * replaced (next `backward()`, `grad = null`), so the caller must not keep it.
   */
  peekGrad(): Tensor | null {
    return this._grad;
  }

  /** Computes the value (if lazy) and returns its host array; int64 comes back as BigInt64Array. */
  dataSync(): HostArray {
    if (!this.backend.syncRead) {
      throw new BackendError(`dataSync: the ${this.backend.name} backend cannot read synchronously; use \`await tensor.data()\``);
    }
    return toHost(this.backend.readSync(realize(this.lazy)), this.dtype);
  }

  /** Computes the value and resolves to its host array (works on every backend). */
  async data(): Promise<HostArray> {
    return toHost(await this.backend.read(realize(this.lazy)), this.dtype);
  }

  /** The value of a one-element tensor as a JS number (`item()`). */
  item(): number {
    if (this.size !== 1) throw new ValueError(`item: a Tensor with ${this.size} elements cannot be converted to a number`);
    return Number(this.dataSync()[0]);
  }

  /** Nested arrays of numbers (booleans for bool tensors), like `tolist()`. */
  tolist(): unknown {
    const data = this.dataSync();
    const flat = Array.from(data as ArrayLike<number | bigint>, (v) => (this.dtype === 'bool' ? v !== 0 : Number(v)));
    const nest = (dim: number, offset: number): unknown => {
      if (dim === this.ndim) return flat[offset];
      const n = this.lazy.shape[dim]!;
      const step = sizeOf(this.lazy.shape.slice(dim + 1));
      return Array.from({ length: n }, (_, i) => nest(dim + 1, offset + i * step));
    };
    return nest(0, 0);
  }

  /**
   * Frees this tensor's memory now instead of when it is garbage-collected (`tf.Tensor.dispose()`;
   * PyTorch has none). Only a computed value owns memory: a lazy expression has none yet, and a
   * view (`reshape` of a permuted tensor, `slice`, …) reads its base's buffer, which stays.
   * NOTE: tensors sharing the buffer (`detach()`, identity reshapes, the base of a view) are freed
   * with it; using any of them afterwards throws.
   */
  dispose(): void {
    const buf = this.lazy.buf;
    if (!buf || buf.disposed) return;
    buf.disposed = true;
    this.backend.dispose?.(buf);
  }

  /** A tensor sharing this value, cut from the tape (`detach()`). */
  detach(): Tensor {
    disown(this);
    return new Tensor(this.lazy, this.backend);
  }

  /** Sets `requiresGrad` on a leaf (`requires_grad_()`). */
  requiresGrad_(flag = true): this {
    if (!this.isLeaf && !flag) throw new RosettaError('requiresGrad_: you can only change requires_grad flags of leaf variables');
    if (flag && !isFloat(this.dtype)) throw new RosettaError(`requiresGrad_: only Tensors of floating point dtype can require gradients, got ${this.dtype}`);
    this.requiresGrad = flag;
    return this;
  }

  /** Back-propagates from this tensor; a non-scalar needs an explicit `gradient` of its shape. */
  backward(gradient?: Tensor): void {
    backward(this, gradient);
  }

  toString(): string {
    return `Tensor(${JSON.stringify(this.tolist())}, dtype=${this.dtype}, shape=[${this.lazy.shape.join(', ')}])`;
  }

  // Elementwise
  add(o: Operand): Tensor { return ew.add(this, o); }
  sub(o: Operand): Tensor { return ew.sub(this, o); }
  mul(o: Operand): Tensor { return ew.mul(this, o); }
  div(o: Operand): Tensor { return ew.div(this, o); }
  pow(o: Operand): Tensor { return ew.pow(this, o); }
  /** `other - this` (a scalar on the left). */
  rsub(o: Operand): Tensor { return ew.sub(o, this); }
  /** `other / this`. */
  rdiv(o: Operand): Tensor { return ew.div(o, this); }
  maximum(o: Operand): Tensor { return ew.maximum(this, o); }
  minimum(o: Operand): Tensor { return ew.minimum(this, o); }
  neg(): Tensor { return ew.neg(this); }
  exp(): Tensor { return ew.exp(this); }
  log(): Tensor { return ew.log(this); }
  sqrt(): Tensor { return ew.sqrt(this); }
  abs(): Tensor { return ew.abs(this); }
  sign(): Tensor { return ew.sign(this); }
  sin(): Tensor { return ew.sin(this); }
  cos(): Tensor { return ew.cos(this); }
  tanh(): Tensor { return ew.tanh(this); }
  reciprocal(): Tensor { return ew.reciprocal(this); }
  log1p(): Tensor { return ew.log1p(this); }
  expm1(): Tensor { return ew.expm1(this); }
  floor(): Tensor { return ew.floor(this); }
  ceil(): Tensor { return ew.ceil(this); }
  round(): Tensor { return ew.round(this); }
  square(): Tensor { return ew.mul(this, this); }
  eq(o: Operand): Tensor { return ew.eq(this, o); }
  ne(o: Operand): Tensor { return ew.ne(this, o); }
  lt(o: Operand): Tensor { return ew.lt(this, o); }
  le(o: Operand): Tensor { return ew.le(this, o); }
  gt(o: Operand): Tensor { return ew.gt(this, o); }
  ge(o: Operand): Tensor { return ew.ge(this, o); }
  logicalNot(): Tensor { return ew.logicalNot(this); }
  logicalAnd(o: Operand): Tensor { return ew.logicalAnd(this, o); }
  logicalOr(o: Operand): Tensor { return ew.logicalOr(this, o); }
  cast(dtype: DType): Tensor { return ew.cast(this, dtype); }
  float(): Tensor { return ew.cast(this, 'float32'); }
  double(): Tensor { return ew.cast(this, 'float64'); }
  int(): Tensor { return ew.cast(this, 'int32'); }
  long(): Tensor { return ew.cast(this, 'int64'); }
  bool(): Tensor { return ew.cast(this, 'bool'); }
  clamp(min?: number | null, max?: number | null): Tensor { return act.clamp(this, min, max); }
  relu(): Tensor { return act.relu(this); }
  sigmoid(): Tensor { return act.sigmoid(this); }
  softplus(): Tensor { return act.softplus(this); }

  // Reductions
  sum(axis?: number | number[] | null, keepdims = false): Tensor { return red.sum(this, axis, keepdims); }
  mean(axis?: number | number[] | null, keepdims = false): Tensor { return red.mean(this, axis, keepdims); }
  max(axis?: number | number[] | null, keepdims = false): Tensor { return red.max(this, axis, keepdims); }
  min(axis?: number | number[] | null, keepdims = false): Tensor { return red.min(this, axis, keepdims); }
  argmax(axis?: number | null, keepdims = false): Tensor { return red.argmax(this, axis, keepdims); }
  argmin(axis?: number | null, keepdims = false): Tensor { return red.argmin(this, axis, keepdims); }
  logsumexp(axis?: number | number[] | null, keepdims = false): Tensor { return sm.logsumexp(this, axis, keepdims); }
  softmax(axis: number): Tensor { return sm.softmax(this, axis); }
  logSoftmax(axis: number): Tensor { return sm.logSoftmax(this, axis); }
  variance(axis?: number | number[] | null, correction = 1, keepdims = false): Tensor { return st.variance(this, axis, correction, keepdims); }
  std(axis?: number | number[] | null, correction = 1, keepdims = false): Tensor { return st.std(this, axis, correction, keepdims); }
  norm(p: number = 2, axis?: number | number[] | null, keepdims = false): Tensor { return st.norm(this, p, axis, keepdims); }

  // Movement
  reshape(shape: number[]): Tensor { return mv.reshape(this, shape); }
  permute(perm: number[]): Tensor { return mv.permute(this, perm); }
  transpose(a: number, b: number): Tensor { return mv.transpose(this, a, b); }
  expand(shape: number[]): Tensor { return mv.expand(this, shape); }
  squeeze(axis?: number | number[]): Tensor { return mv.squeeze(this, axis); }
  unsqueeze(axis: number): Tensor { return mv.unsqueeze(this, axis); }
  flatten(startDim = 0, endDim = -1): Tensor { return mv.flatten(this, startDim, endDim); }
  /** Python slicing: one `[start, end, step]` (or null for `:`) per leading axis. */
  slice(spec: (readonly (number | null | undefined)[] | null)[]): Tensor { return mv.slice(this, spec); }
  narrow(axis: number, start: number, length: number): Tensor { return mv.narrow(this, axis, start, length); }
  pad(before: number[], after: number[], value = 0): Tensor { return mv.pad(this, before, after, value); }

  // Index and linear algebra
  gather(axis: number, index: Tensor): Tensor { return ix.gather(this, axis, index); }
  scatterAdd(axis: number, index: Tensor, src: Tensor): Tensor { return ix.scatterAdd(this, axis, index, src); }
  matmul(o: Tensor): Tensor { return matmul(this, o); }

  // In place (replace the value; refused on a leaf that requires grad while recording)
  add_(o: Operand): this { return inplace.update(this, 'add_', (prev) => ew.add(prev, o === this ? prev : o)); }
  sub_(o: Operand): this { return inplace.update(this, 'sub_', (prev) => ew.sub(prev, o === this ? prev : o)); }
  mul_(o: Operand): this { return inplace.update(this, 'mul_', (prev) => ew.mul(prev, o === this ? prev : o)); }
  div_(o: Operand): this { return inplace.update(this, 'div_', (prev) => ew.div(prev, o === this ? prev : o)); }
  copy_(src: Tensor): this { return inplace.copy(this, src); }
  zero_(): this { return inplace.fill(this, 0, 'zero_'); }
  fill_(value: number): this { return inplace.fill(this, value); }
}

/**
 * A buffer as the host sees it: int64 (held as doubles) becomes a BigInt64Array. A NaN, ±inf or
 * out-of-range value that reached int64 (a cast of such a float) reads as INT64_MIN, as PyTorch's
 * cast gives on x86 (it is undefined in C++); BigInt() would throw or wrap.
 */
function toHost(data: TypedArray, dtype: DType): HostArray {
  if (dtype !== 'int64') return data;
  const out = new BigInt64Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    out[i] = Math.abs(v) < 2 ** 63 ? BigInt(v) : -(2n ** 63n);
  }
  return out;
}
