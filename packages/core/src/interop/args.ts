/**
 * Python-style argument binding for the facades: positional arguments in Python's order, then
 * keywords in one trailing options object with Python's spelling (CONVENTIONS.md, "Calls").
 */
import { ArgTypeError } from '../errors.js';

/** Whether `v` is a keywords object: a plain object (not an array, tensor or class instance). */
export function isKeywords(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** How `bindArgs` words its errors. */
export interface BindOptions {
  /**
   * Leading parameters Python counts in its messages but the caller does not pass: 1 for a method's
   * `self` (`L1Loss.forward`, `L1Loss.__init__`, MindSpore `construct`), 2 for Gluon's
   * `hybrid_forward(self, F, …)`. Default 0.
   */
  implicit?: number;
}

/** Python's list of names in an error: `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'`. */
function nameList(names: readonly string[]): string {
  const q = names.map((n) => `'${n}'`);
  return q.length <= 2 ? q.join(' and ') : `${q.slice(0, -1).join(', ')}, and ${q[q.length - 1]}`;
}

/**
 * Binds `args` to the parameters `names` of the Python callable `fn`, filling the rest from
 * `defaults`: `bindArgs('uniform', ['low', 'high', 'shape'], { low: 0, high: 1, shape: [1] }, [{ shape: [2, 4] }])`
 * gives `{ low: 0, high: 1, shape: [2, 4] }`. A trailing plain object is the keywords. A name with
 * no own key in `defaults` is required; a key of `defaults` missing from `names` is keyword-only.
 * `undefined` counts as not given (JavaScript's "absent"; `null` is Python's None). Errors are Python's `TypeError`s, in CPython's words: too many
 * positionals (`L1Loss.forward() takes 3 positional arguments but 4 were given`), an unexpected
 * keyword, a value given twice, a missing required argument.
 */
export function bindArgs<T extends Record<string, unknown>>(
  fn: string, names: readonly (keyof T & string)[], defaults: Partial<T>, args: readonly unknown[], opts: BindOptions = {},
): T {
  const last = args[args.length - 1];
  const kwargs = args.length > 0 && isKeywords(last) ? last : {};
  const positional = kwargs === last ? args.slice(0, -1) : args;
  const self = opts.implicit ?? 0;
  // Own keys only: `constructor`, `toString` or `__proto__` are not parameters because every object inherits them.
  const hasDefault = (k: string) => Object.hasOwn(defaults, k);
  if (positional.length > names.length) {
    const required = names.filter((n) => !hasDefault(n)).length;
    const takes = required === names.length ? `${names.length + self} positional argument${names.length + self === 1 ? '' : 's'}`
      : `from ${required + self} to ${names.length + self} positional arguments`;
    const given = positional.length + self;
    throw new ArgTypeError(`${fn}() takes ${takes} but ${given} ${given === 1 ? 'was' : 'were'} given`);
  }
  const out: Record<string, unknown> = { ...defaults };
  positional.forEach((v, i) => {
    if (v !== undefined) out[names[i]!] = v;
  });
  for (const [k, v] of Object.entries(kwargs)) {
    if (!hasDefault(k) && !names.includes(k)) throw new ArgTypeError(`${fn}() got an unexpected keyword argument '${k}'`);
    const pos = names.indexOf(k);
    if (pos >= 0 && pos < positional.length && positional[pos] !== undefined) {
      throw new ArgTypeError(`${fn}() got multiple values for argument '${k}'`);
    }
    if (v !== undefined) out[k] = v;
  }
  const missing = names.filter((n) => !hasDefault(n) && out[n] === undefined);
  if (missing.length) {
    throw new ArgTypeError(`${fn}() missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${nameList(missing)}`);
  }
  return out as T;
}
