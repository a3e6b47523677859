/** Base class of every error Rosetta raises for bad input; the message names the op and what came. */
export class RosettaError extends Error {
  override name = 'RosettaError';
}

/** Shapes that do not broadcast, reshape sizes that do not match, axes out of range. */
export class ShapeError extends RosettaError {
  override name = 'ShapeError';
}

/** Dtypes an op cannot take (e.g. a float tensor used as indices with fractional values). */
export class DTypeError extends RosettaError {
  override name = 'DTypeError';
}

/** A value out of its allowed range (index out of bounds, bad option). */
export class ValueError extends RosettaError {
  override name = 'ValueError';
}

/** An index out of range or of the wrong kind (Python's `IndexError`). */
export class IndexError extends RosettaError {
  override name = 'IndexError';
}

/**
 * An argument of the wrong type (Python's `TypeError`): a string where a number goes, too many
 * positional arguments, an unexpected keyword. Named `TypeError` in messages, as Python prints it.
 */
export class ArgTypeError extends RosettaError {
  override name = 'TypeError';
}

/** The backend cannot do what was asked (a synchronous read on WebGPU, an unknown backend). */
export class BackendError extends RosettaError {
  override name = 'BackendError';
}

/** Formats a shape the way error messages print it: `[2, 3]`. */
export function fmtShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}
