/**
 * `np`: the small part of NumPy that tutorials use on the host (`import numpy as np` →
 * `import { np } from '@rosetta/core'`), on plain JS arrays, printing exactly as NumPy does.
 */
import { array, asarray } from './convert.js';
import { arange, eye, full, full_like, linspace, ones, ones_like, zeros, zeros_like } from './creation.js';
import { abs, add, cos, divide, exp, log, maximum, minimum, multiply, negative, power, sin, sqrt, square, subtract, tanh } from './elementwise.js';
import { NDArray, type ShapeArgs } from './ndarray.js';
import * as random from './random.js';
import { max, mean, min, sum } from './reductions.js';

export { NDArray, type NestedList, type ShapeArgs } from './ndarray.js';
export type { NpDType, NpData } from './dtypes.js';
export type { ArrayInput, DTypeArg, Scalar, TypedInput } from './convert.js';
export type { Size, LinspaceOptions } from './creation.js';
export type { Operand, BinaryUfunc, UnaryUfunc } from './elementwise.js';
export type { Reduction, ReduceOptions } from './reductions.js';
export type { UniformKw, NormalKw, RandintKw } from './random.js';

/** `np.reshape(a, newshape)`. */
function reshape(a: NDArray, ...shape: ShapeArgs): NDArray {
  return asarray(a).reshape(...shape);
}

/** The `np` namespace object. */
export const np = {
  ndarray: NDArray,
  NDArray,
  float32: 'float32' as const,
  float64: 'float64' as const,
  int32: 'int32' as const,
  int64: 'int64' as const,
  bool_: 'bool' as const,
  bool: 'bool' as const,
  pi: Math.PI,
  e: Math.E,
  inf: Infinity,
  nan: NaN,
  array,
  asarray,
  zeros,
  ones,
  full,
  zeros_like,
  ones_like,
  full_like,
  arange,
  linspace,
  eye,
  reshape,
  add,
  subtract,
  multiply,
  divide,
  power,
  maximum,
  minimum,
  abs,
  absolute: abs,
  negative,
  square,
  sqrt,
  exp,
  log,
  sin,
  cos,
  tanh,
  sum,
  mean,
  max,
  min,
  amax: max,
  amin: min,
  random: {
    seed: random.seed,
    rand: random.rand,
    randn: random.randn,
    random: random.random_sample,
    random_sample: random.random_sample,
    standard_normal: random.standard_normal,
    uniform: random.uniform,
    normal: random.normal,
    randint: random.randint,
    shuffle: random.shuffle,
    permutation: random.permutation,
    get_state: random.get_state,
    set_state: random.set_state,
  },
};
