import { getBackend, onBackend } from '../backend/registry.js';
import { allocStorage, checkDType, dtypeOfArray, isFloat, type DType, type TypedArray } from '../dtype.js';
import { DTypeError, RosettaError, ShapeError, ValueError, fmtShape } from '../errors.js';
import { mkConst, mkLoad } from '../ir/lazy.js';
import { realize } from '../ir/schedule.js';
import { contiguousView } from '../ir/view.js';
import { NDArray } from '../np/ndarray.js';
import { defaultGenerator, fillNormal, fillUniform } from '../random/generator.js';
import { checkShape, sizeOf } from '../shape.js';
import { checkNumber, checkOptNumber, checkSizes } from '../arg-types.js';
import { Tensor } from './tensor.js';

export interface TensorOptions {
  dtype?: DType;
  requiresGrad?: boolean;
}

/** Nested arrays, a typed array, an `np` array, a number, boolean or bigint. */
export type TensorData = number | boolean | bigint | readonly unknown[] | ArrayLike<number> | BigInt64Array | NDArray | Tensor;

function finish(data: TypedArray, dtype: DType, shape: readonly number[], opts: TensorOptions | undefined, op: string): Tensor {
  const backend = getBackend();
  const t = new Tensor(mkLoad(backend.upload(data, dtype), contiguousView(shape)), backend);
  if (opts?.requiresGrad) {
    if (!isFloat(dtype)) throw new RosettaError(`${op}: only Tensors of floating point dtype can require gradients, got ${dtype}`);
    t.requiresGrad = true;
  }
  return t;
}

/** Converts host values into the storage of `dtype` (float → int truncates, as PyTorch). */
function convert(values: ArrayLike<number | bigint | boolean>, dtype: DType): TypedArray {
  const out = allocStorage(dtype, values.length);
  const toInt = dtype === 'int32' || dtype === 'int64';
  for (let i = 0; i < values.length; i++) {
    const v = Number(values[i]);
    out[i] = dtype === 'bool' ? (v !== 0 ? 1 : 0) : toInt ? Math.trunc(v) : v;
  }
  return out;
}

function inferNested(op: string, data: readonly unknown[]): { shape: number[]; flat: unknown[] } {
  const shape: number[] = [];
  let probe: unknown = data;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    probe = probe[0];
  }
  const flat: unknown[] = [];
  const walk = (v: unknown, d: number): void => {
    if (d === shape.length) {
      if (Array.isArray(v)) throw new ShapeError(`${op}: ragged nested sequence: expected a scalar at depth ${d}, found a list`);
      flat.push(v);
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[d]) {
      throw new ShapeError(`${op}: ragged nested sequence: expected a list of length ${shape[d]} at depth ${d}, got ${Array.isArray(v) ? `length ${v.length}` : typeof v}`);
    }
    for (const x of v) walk(x, d + 1);
  };
  walk(data, 0);
  return { shape, flat };
}

function scalarKind(op: string, flat: readonly unknown[]): DType {
  let hasNumber = false;
  let hasBigint = false;
  for (const v of flat) {
    if (typeof v === 'number') hasNumber = true;
    else if (typeof v === 'bigint') hasBigint = true;
    else if (typeof v !== 'boolean') throw new DTypeError(`${op}: could not convert ${typeof v} ${String(v)} to a tensor element (numbers, booleans or bigints)`);
  }
  return hasNumber || flat.length === 0 ? 'float32' : hasBigint ? 'int64' : 'bool';
}

/**
 * Creates a tensor from data (`torch.tensor`): JS numbers give float32 unless `dtype` says
 * otherwise, booleans bool, bigints and BigInt64Array int64; typed and `np` arrays keep their
 * dtype; the data is copied.
 */
export function tensor(data: TensorData, opts?: TensorOptions & { shape?: readonly number[] }): Tensor {
  const op = 'tensor';
  const want = opts?.dtype === undefined ? undefined : checkDType(op, opts.dtype);
  let values: ArrayLike<number | bigint | boolean>;
  let shape: number[];
  let dtype: DType;
  if (data instanceof Tensor) {
    shape = data.shape;
    dtype = data.dtype;
    values = data.backend.readSync(realize(data.lazy));
  } else if (data instanceof NDArray) {
    shape = [...data.shape];
    dtype = data.dtype;
    values = data.data;
  } else if (typeof data === 'number' || typeof data === 'boolean' || typeof data === 'bigint') {
    shape = [];
    dtype = typeof data === 'number' ? 'float32' : typeof data === 'boolean' ? 'bool' : 'int64';
    values = [data];
  } else if (Array.isArray(data)) {
    const n = inferNested(op, data);
    shape = n.shape;
    dtype = scalarKind(op, n.flat);
    values = n.flat as (number | boolean | bigint)[];
  } else if (ArrayBuffer.isView(data)) {
    const arr = data as ArrayLike<number> | BigInt64Array;
    dtype = dtypeOfArray(arr) ?? 'float32';
    values = arr;
    shape = [values.length];
  } else {
    throw new DTypeError(`${op}: cannot make a tensor from ${Object.prototype.toString.call(data)}`);
  }
  if (opts?.shape) {
    const s = checkShape(op, opts.shape);
    if (sizeOf(s) !== values.length) throw new ShapeError(`${op}: shape ${fmtShape(s)} does not match the ${values.length} values given`);
    shape = s;
  }
  const target = want ?? dtype;
  return finish(convert(values, target), target, shape, opts, op);
}

function shapeArg(op: string, shape: number | readonly number[]): number[] {
  return checkSizes(op, 'size', typeof shape === 'number' ? [shape] : shape);
}

/** A tensor of one value; nothing is allocated until it is needed (`torch.full`). */
export function full(shape: number | readonly number[], value: number, opts?: TensorOptions): Tensor {
  const s = shapeArg('full', shape);
  checkNumber('full', 'fill_value', value, 2);
  const dtype = opts?.dtype ? checkDType('full', opts.dtype) : 'float32';
  const backend = getBackend();
  const t = new Tensor(mkConst(value, dtype, s, backend), backend);
  if (opts?.requiresGrad) {
    if (!isFloat(dtype)) throw new RosettaError(`full: only Tensors of floating point dtype can require gradients, got ${dtype}`);
    // A leaf that requires grad gets real storage, so in-place updates and reads behave.
    t.lazy = mkLoad(realize(t.lazy), contiguousView(s));
    t.requiresGrad = true;
  }
  return t;
}

/** All zeros (`torch.zeros`). */
export const zeros = (shape: number | readonly number[], opts?: TensorOptions): Tensor => full(shape, 0, opts);
/** All ones (`torch.ones`). */
export const ones = (shape: number | readonly number[], opts?: TensorOptions): Tensor => full(shape, 1, opts);
/** Zeros of x's shape and dtype, on x's backend (`torch.zeros_like`). */
export const zerosLike = (x: Tensor, opts?: TensorOptions): Tensor => fullLike(x, 0, opts);
/** Ones of x's shape and dtype, on x's backend (`torch.ones_like`). */
export const onesLike = (x: Tensor, opts?: TensorOptions): Tensor => fullLike(x, 1, opts);
/** `value` in x's shape and dtype, on x's backend (`torch.full_like`). */
export const fullLike = (x: Tensor, value: number, opts?: TensorOptions): Tensor => onBackend(x.backend, () => full(x.shape, value, { dtype: x.dtype, ...opts }));

/** start, start+step, … below end (`torch.arange`; one argument means [0, end)). Whole arguments give int64. */
export function arange(start: number, end?: number, step = 1, opts?: TensorOptions): Tensor {
  checkNumber('arange', 'start', start, 1);
  checkOptNumber('arange', 'end', end, 2);
  checkNumber('arange', 'step', step, 3);
  const [b, e] = end === undefined ? [0, start] : [start, end];
  if (step === 0 || !Number.isFinite(step)) throw new ValueError(`arange: step must be a finite non-zero number, got ${step}`);
  const n = Math.max(0, Math.ceil((e - b) / step));
  const dtype = opts?.dtype ?? ([b, e, step].every(Number.isInteger) ? 'int64' : 'float32');
  const vals = new Float64Array(n);
  for (let i = 0; i < n; i++) vals[i] = b + i * step;
  return finish(convert(vals, dtype), dtype, [n], opts, 'arange');
}

/** `steps` evenly spaced values from start to end inclusive (`torch.linspace`). */
export function linspace(start: number, end: number, steps: number, opts?: TensorOptions): Tensor {
  checkNumber('linspace', 'start', start, 1);
  checkNumber('linspace', 'end', end, 2);
  checkNumber('linspace', 'steps', steps, 3);
  if (!Number.isInteger(steps) || steps < 0) throw new ValueError(`linspace: number of steps must be a whole number ≥ 0, got ${steps}`);
  const vals = new Float64Array(steps);
  const h = steps > 1 ? (end - start) / (steps - 1) : 0;
  // Symmetric fill from both ends, as PyTorch does, so the end point is exact.
  for (let i = 0; i < steps; i++) vals[i] = i < steps / 2 ? start + i * h : end - (steps - 1 - i) * h;
  const dtype = opts?.dtype ?? 'float32';
  return finish(convert(vals, dtype), dtype, [steps], opts, 'linspace');
}

/** Identity matrix n×m (`torch.eye`). */
export function eye(n: number, m = n, opts?: TensorOptions): Tensor {
  checkSizes('eye', 'n, m', [n, m]);
  const dtype = opts?.dtype ?? 'float32';
  const data = allocStorage(dtype, n * m);
  for (let i = 0; i < Math.min(n, m); i++) data[i * m + i] = 1;
  return finish(data, dtype, checkShape('eye', [n, m]), opts, 'eye');
}

function randomFloat(op: string, shape: number | readonly number[], opts: TensorOptions | undefined, fill: (out: Float64Array) => void): Tensor {
  const s = shapeArg(op, shape);
  const dtype = opts?.dtype ?? 'float32';
  if (!isFloat(dtype)) throw new DTypeError(`${op}: expected a floating dtype, got ${dtype}`);
  const vals = new Float64Array(sizeOf(s));
  fill(vals);
  return finish(convert(vals, dtype), dtype, s, opts, op);
}

/** Uniform on [low, high) from the seeded generator (`torch.empty(...).uniform_`). */
export function uniform(shape: number | readonly number[], low = 0, high = 1, opts?: TensorOptions): Tensor {
  checkNumber('uniform', 'low', low);
  checkNumber('uniform', 'high', high);
  return randomFloat('uniform', shape, opts, (v) => fillUniform(v, low, high, defaultGenerator()));
}

/** Normal with `mean` and `std` from the seeded generator (`torch.normal(mean, std, size)`). */
export function normal(shape: number | readonly number[], mean = 0, std = 1, opts?: TensorOptions): Tensor {
  checkNumber('normal', 'mean', mean);
  checkNumber('normal', 'std', std);
  if (!(std >= 0)) throw new ValueError(`normal: std must be ≥ 0, got ${std}`);
  return randomFloat('normal', shape, opts, (v) => fillNormal(v, mean, std, defaultGenerator()));
}

/** Uniform on [0, 1) (`torch.rand`). */
export const rand = (shape: number | readonly number[], opts?: TensorOptions): Tensor => uniform(shape, 0, 1, opts);
/** Standard normal (`torch.randn`). */
export const randn = (shape: number | readonly number[], opts?: TensorOptions): Tensor => normal(shape, 0, 1, opts);
