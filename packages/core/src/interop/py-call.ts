/**
 * Binding a call to a Python method's signature with CPython's own errors, for the facades'
 * `construct` (MindSpore) and `hybrid_forward` (Gluon): unlike `bindArgs` (options, all defaulted),
 * a method has required parameters and Python counts `self` (and Gluon's `F`) in its messages:
 * `L1Loss.construct() takes 3 positional arguments but 4 were given`,
 * `L2Loss.hybrid_forward() missing 1 required positional argument: 'label'`.
 * The qualified name is how CPython ≥ 3.10 names a method in these messages.
 */
import { ArgTypeError } from '../errors.js';
import { isKeywords } from './args.js';

/** A method's parameters after `self` (and any other implicit leading ones). */
export interface PySignature {
  /** The qualified name in messages, `L1Loss.construct`. */
  readonly qualname: string;
  /** Required positional parameters, in order. */
  readonly required: readonly string[];
  /** Optional positional parameters and their defaults, in order after the required ones. */
  readonly optional?: Readonly<Record<string, unknown>>;
  /** Leading parameters Python counts but the caller does not pass (`self`: 1; `self, F`: 2). */
  readonly implicit: number;
}

/** `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'`: CPython's list of missing names. */
function nameList(names: readonly string[]): string {
  const q = names.map((n) => `'${n}'`);
  if (q.length <= 2) return q.join(' and ');
  return `${q.slice(0, -1).join(', ')}, and ${q[q.length - 1]}`;
}

/**
 * Binds `args` (positionals, then an optional trailing keywords object) to `sig`, returning the
 * values by parameter name (defaults filled in). Trailing `undefined`s count as not passed; an
 * `undefined` before a passed argument is bound as given (the callee's type check reports it).
 * Errors are CPython's, as `TypeError`: too many positionals, a missing required argument, an
 * unexpected keyword, a value given twice.
 */
export function bindPyCall(sig: PySignature, args: readonly unknown[]): Record<string, unknown> {
  const optional = Object.keys(sig.optional ?? {});
  const params = [...sig.required, ...optional];
  let n = args.length;
  while (n > 0 && args[n - 1] === undefined) n--;
  const last = args[n - 1];
  const kwargs = n > 0 && isKeywords(last) ? last : {};
  const positional = kwargs === last ? args.slice(0, n - 1) : args.slice(0, n);
  if (positional.length > params.length) {
    const lo = sig.implicit + sig.required.length;
    const hi = sig.implicit + params.length;
    const takes = lo === hi ? `${hi} positional argument${hi === 1 ? '' : 's'}` : `from ${lo} to ${hi} positional arguments`;
    const given = sig.implicit + positional.length;
    throw new ArgTypeError(`${sig.qualname}() takes ${takes} but ${given} ${given === 1 ? 'was' : 'were'} given`);
  }
  const out: Record<string, unknown> = { ...sig.optional };
  positional.forEach((v, i) => {
    out[params[i]!] = v;
  });
  for (const [k, v] of Object.entries(kwargs)) {
    const pos = params.indexOf(k);
    if (pos < 0) throw new ArgTypeError(`${sig.qualname}() got an unexpected keyword argument '${k}'`);
    if (pos < positional.length) throw new ArgTypeError(`${sig.qualname}() got multiple values for argument '${k}'`);
    out[k] = v;
  }
  const missing = sig.required.filter((p, i) => i >= positional.length && !Object.hasOwn(kwargs, p));
  if (missing.length) {
    throw new ArgTypeError(`${sig.qualname}() missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${nameList(missing)}`);
  }
  return out;
}
