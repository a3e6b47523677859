/** `mx.nd` creation functions: float32 unless a dtype is given, as MXNet 1.x. */
import {
  NDArray as NpArray, arange as coreArange, bindArgs, checkNumber, full as coreFull, normal as coreNormal, tensor,
  uniform as coreUniform, type TensorData,
} from '@rosetta/core';
import type { Context } from '../context.js';
import { checkDType, wrap } from './convert.js';
import { NDArray } from './ndarray.js';

type Shape = number | readonly number[];
const shapeOf = (s: Shape): number[] => (typeof s === 'number' ? [s] : [...s]);

/**
 * `nd.array(source_array, ctx=None, dtype=None)`: float32 for any source but an NDArray (which keeps
 * its dtype), even float64 `np` arrays, as MXNet does.
 */
export function array(source_array: TensorData | NDArray, ...rest: ({ ctx?: Context; dtype?: string } | Context | string | undefined)[]): NDArray {
  const { dtype } = bindArgs('array', ['ctx', 'dtype'], { ctx: undefined as unknown, dtype: undefined as string | undefined }, rest);
  if (source_array instanceof NDArray) return dtype === undefined ? source_array.copy() : source_array.astype(dtype);
  const d = checkDType('array', dtype ?? 'float32');
  return wrap(tensor(source_array instanceof NpArray ? source_array : source_array, { dtype: d }));
}

/** `nd.full(shape, val, ctx=None, dtype='float32')`. */
export function full(shape: Shape, val: number, opts: { ctx?: Context; dtype?: string } = {}): NDArray {
  checkNumber('full', 'val', val, 2);
  return wrap(coreFull(shapeOf(shape), val, { dtype: checkDType('full', opts.dtype ?? 'float32') }));
}

/** `nd.zeros(shape, ctx=None, dtype='float32')`. */
export function zeros(shape: Shape, opts: { ctx?: Context; dtype?: string } = {}): NDArray {
  return full(shape, 0, opts);
}

/** `nd.ones(shape, ctx=None, dtype='float32')`. */
export function ones(shape: Shape, opts: { ctx?: Context; dtype?: string } = {}): NDArray {
  return full(shape, 1, opts);
}

/** `nd.zeros_like(data)`: zeros of data's shape and dtype. */
export function zeros_like(data: NDArray): NDArray {
  return full(data.shape, 0, { dtype: data.dtype });
}

/** `nd.ones_like(data)`. */
export function ones_like(data: NDArray): NDArray {
  return full(data.shape, 1, { dtype: data.dtype });
}

/**
 * `nd.arange(start, stop=None, step=1.0, repeat=1, ctx=None, dtype='float32')`: float32 by default,
 * unlike NumPy; `repeat` repeats each value.
 */
export function arange(start: number, ...rest: unknown[]): NDArray {
  const o = bindArgs('arange', ['stop', 'step', 'repeat', 'ctx', 'dtype'], {
    stop: undefined as number | undefined, step: 1, repeat: 1, ctx: undefined as unknown, dtype: 'float32',
  }, rest);
  const [lo, hi] = o.stop === undefined ? [0, start] : [start, o.stop];
  let t = coreArange(lo, hi, o.step, { dtype: checkDType('arange', o.dtype) });
  if (o.repeat !== 1) t = t.unsqueeze(1).expand([t.shape[0]!, o.repeat]).reshape([-1]);
  return wrap(t);
}

/** `nd.random`: draws from the engine's generator (seeded by `mx.random.seed`). */
export const random = {
  /** `nd.random.uniform(low=0, high=1, shape=(1,), dtype='float32')`. */
  uniform(...args: unknown[]): NDArray {
    const o = bindArgs('uniform', ['low', 'high', 'shape', 'dtype', 'ctx'], {
      low: 0, high: 1, shape: [1] as Shape, dtype: 'float32', ctx: undefined as unknown,
    }, args);
    return wrap(coreUniform(shapeOf(o.shape), o.low, o.high, { dtype: checkDType('uniform', o.dtype) }));
  },
  /** `nd.random.normal(loc=0, scale=1, shape=(1,), dtype='float32')`. */
  normal(...args: unknown[]): NDArray {
    const o = bindArgs('normal', ['loc', 'scale', 'shape', 'dtype', 'ctx'], {
      loc: 0, scale: 1, shape: [1] as Shape, dtype: 'float32', ctx: undefined as unknown,
    }, args);
    return wrap(coreNormal(shapeOf(o.shape), o.loc, o.scale, { dtype: checkDType('normal', o.dtype) }));
  },
};
