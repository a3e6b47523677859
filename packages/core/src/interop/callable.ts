/**
 * Callable instances for the facades: `loss(x, y)`, `net(x)`, `ops.Abs()(x)`, `opt(grads)`.
 * Python objects with `__call__` become JavaScript functions whose prototype is the class's, so
 * fields, methods, `instanceof` and subclassing behave as for any class instance.
 */

/** Node's `util.inspect.custom` (`console.log` of an instance prints its `toString()`). */
export const inspectSymbol: unique symbol = Symbol.for('nodejs.util.inspect.custom') as never;

/**
 * Base class whose instances are functions forwarding to `__call__`. Subclass it and implement
 * `__call__`; merge an interface with the subclass to give the call a precise type:
 * `interface L1Loss { (input: Tensor, target: Tensor): Tensor }`.
 * NOTE: instances are functions, so a subclass field called `name` or `length` needs `override`.
 */
export abstract class Callable {
  constructor() {
    const self = ((...args: unknown[]) => (self as unknown as Callable).__call__(...args)) as unknown as Callable;
    // A function's own `name` and `length` are read-only; drop them so subclasses may assign their own.
    delete (self as { name?: unknown }).name;
    delete (self as { length?: unknown }).length;
    Object.setPrototypeOf(self, new.target.prototype);
    return self;
  }

  /** What a call of the instance does. */
  abstract __call__(...args: any[]): any;

  /** Printed form; facades override it with their framework's `repr`. */
  toString(): string {
    return `${this.constructor.name}()`;
  }

  /** `console.log(instance)` prints `toString()` rather than `[Function]`. */
  [inspectSymbol](): string {
    return this.toString();
  }
}

export interface Callable {
  (...args: any[]): any;
}
