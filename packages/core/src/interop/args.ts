/**
 * Python-style argument binding for the facades: positional arguments in Python's order, then
 * keywords in one trailing options object with Python's spelling (CONVENTIONS.md, "Calls").
 */
import { RosettaError } from '../errors.js';

/** Whether `v` is a keywords object: a plain object (not an array, tensor or class instance). */
export function isKeywords(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * Binds `args` to the parameters `names` of the Python callable `fn`, filling the rest from
 * `defaults`: `bindArgs('uniform', ['low', 'high', 'shape'], { low: 0, high: 1, shape: [1] }, [{ shape: [2, 4] }])`
 * gives `{ low: 0, high: 1, shape: [2, 4] }`. A trailing plain object is the keywords. Errors are
 * Python's: too many positionals, an unexpected keyword, a value given twice.
 */
export function bindArgs<T extends Record<string, unknown>>(fn: string, names: readonly (keyof T & string)[], defaults: T, args: readonly unknown[]): T {
  const last = args[args.length - 1];
  const kwargs = args.length > 0 && isKeywords(last) ? last : {};
  const positional = kwargs === last ? args.slice(0, -1) : args;
  if (positional.length > names.length) {
    throw new RosettaError(`${fn}() takes ${names.length} positional argument${names.length === 1 ? '' : 's'} but ${positional.length} were given`);
  }
  const out: Record<string, unknown> = { ...defaults };
  positional.forEach((v, i) => {
    if (v !== undefined) out[names[i]!] = v;
  });
  for (const [k, v] of Object.entries(kwargs)) {
    if (!(k in defaults) && !names.includes(k)) throw new RosettaError(`${fn}() got an unexpected keyword argument '${k}'`);
    const pos = names.indexOf(k);
    if (pos >= 0 && pos < positional.length && positional[pos] !== undefined) {
      throw new RosettaError(`${fn}() got multiple values for argument '${k}'`);
    }
    if (v !== undefined) out[k] = v;
  }
  return out as T;
}
