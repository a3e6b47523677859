/**
 * Type checks for arguments that become numbers inside kernels (fill values, scalar operands,
 * pad values, sizes). Nothing but a JS number may reach generated code: these checks run at the
 * API boundary with Python's wording, and `mkConst` and the kernel lowering repeat them as a last
 * guard so that no future API can paste data into a kernel.
 */
import { ArgTypeError, ShapeError, fmtShape } from './errors.js';

/**
 * Python's name for the type of a JS value, as Python's error messages print it: `float` (or
 * `int` for a whole number), `str`, `bool`, `int` (bigint), `list`, `dict`, `NoneType`, a class name.
 */
export function pyTypeName(v: unknown): string {
  if (v === null || v === undefined) return 'NoneType';
  switch (typeof v) {
    case 'number': return Number.isInteger(v) ? 'int' : 'float';
    case 'string': return 'str';
    case 'boolean': return 'bool';
    case 'bigint': return 'int';
    case 'function': return 'function';
    case 'symbol': return 'symbol';
    default: break;
  }
  if (Array.isArray(v)) return 'list';
  const proto = Object.getPrototypeOf(v) as { constructor?: { name?: string } } | null;
  return proto === null || proto === Object.prototype ? 'dict' : (proto.constructor?.name ?? 'object');
}

/**
 * A number argument, or Python's `TypeError` naming the function, the argument and what came:
 * `full(): argument 'fill_value' (position 2) must be Number, not str` (PyTorch's wording).
 * Booleans, bigints, strings, arrays and objects (even with a `valueOf`) are refused: a number
 * is the only thing that may reach a kernel.
 */
export function checkNumber(fn: string, arg: string, v: unknown, position?: number): number {
  if (typeof v === 'number') return v;
  const pos = position === undefined ? '' : ` (position ${position})`;
  throw new ArgTypeError(`${fn}(): argument '${arg}'${pos} must be Number, not ${pyTypeName(v)}`);
}

/** An optional number (`null`/`undefined` pass through), checked as `checkNumber`. */
export function checkOptNumber(fn: string, arg: string, v: unknown, position?: number): number | null | undefined {
  return v === null || v === undefined ? v : checkNumber(fn, arg, v, position);
}

/**
 * A list of sizes: whole numbers of at least `min` (0 for shapes, −1 where −1 means "infer" or
 * "keep"). PyTorch's wording: `expand(): argument 'size' must be tuple of ints, but found element
 * of type str at pos 2`.
 */
export function checkSizes(fn: string, arg: string, sizes: unknown, min = 0): number[] {
  if (!Array.isArray(sizes)) throw new ArgTypeError(`${fn}(): argument '${arg}' must be tuple of ints, not ${pyTypeName(sizes)}`);
  sizes.forEach((d, i) => {
    if (typeof d !== 'number' || !Number.isInteger(d)) {
      throw new ArgTypeError(`${fn}(): argument '${arg}' must be tuple of ints, but found element of type ${pyTypeName(d)} at pos ${i + 1}`);
    }
  });
  const ok = sizes as number[];
  ok.forEach((d, i) => {
    if (d < min) throw new ShapeError(`${fn}(): argument '${arg}' ${fmtShape(ok)} holds the invalid size ${d} at pos ${i + 1} (sizes must be ≥ ${min})`);
  });
  return ok;
}
