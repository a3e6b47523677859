/** Python's exception names, for errors worded as MindSpore's. */
import { ArgTypeError, ValueError as CoreValueError, pyTypeName } from '@rosetta/core';

/**
 * MindSpore's `Validator.check_value_type` for a number argument: `For 'Constant', the type of
 * 'value' should be in [int, float], but got str.`
 */
export function checkMsNumber(cls: string, arg: string, v: unknown): number {
  if (typeof v === 'number') return v;
  throw new ArgTypeError(`For '${cls}', the type of '${arg}' should be in [int, float], but got ${pyTypeName(v)}.`);
}

/** A shape argument (an int or a list of ints ≥ 0), with MindSpore's wording: `For 'ones', the 'shape' ...`. */
export function checkMsShape(cls: string, shape: unknown): number[] {
  const list = typeof shape === 'number' ? [shape] : shape;
  if (!Array.isArray(list)) throw new ArgTypeError(`For '${cls}', the type of 'shape' should be in [int, tuple, list], but got ${pyTypeName(shape)}.`);
  list.forEach((d, i) => {
    if (typeof d !== 'number' || !Number.isInteger(d)) throw new ArgTypeError(`For '${cls}', the element ${i} of 'shape' should be int, but got ${pyTypeName(d)}.`);
    if (d < 0) throw new CoreValueError(`For '${cls}', each element of 'shape' must be >= 0, but got ${d} at ${i}.`);
  });
  return [...list] as number[];
}

/** Python's `ValueError` (a Rosetta error, so callers can catch either). */
export class ValueError extends CoreValueError {}
