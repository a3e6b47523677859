/**
 * Binding a call to a Python method's signature with CPython's own errors, for the facades'
 * `construct` (MindSpore) and `hybrid_forward` (Gluon): unlike `bindArgs` (options, all defaulted),
 * a method has required parameters and Python counts `self` (and Gluon's `F`) in its messages:
 * `L1Loss.construct() takes 3 positional arguments but 4 were given`,
 * `L2Loss.hybrid_forward() missing 1 required positional argument: 'label'`.
 * The qualified name is how CPython ≥ 3.10 names a method in these messages.
 */
import { bindArgs } from './args.js';

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

/**
 * Binds `args` (positionals, then an optional trailing keywords object) to `sig`, returning the
 * values by parameter name (defaults filled in): `bindArgs` with the method's required and optional
 * parameters and its implicit leading ones counted in the messages. Errors are CPython's, as
 * `TypeError`: too many positionals, a missing required argument, an unexpected keyword, a value
 * given twice.
 */
export function bindPyCall(sig: PySignature, args: readonly unknown[]): Record<string, unknown> {
  const optional = sig.optional ?? {};
  return bindArgs(sig.qualname, [...sig.required, ...Object.keys(optional)], { ...optional }, args, { implicit: sig.implicit });
}
