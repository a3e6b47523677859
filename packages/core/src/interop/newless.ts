/**
 * Classes usable with and without `new`, as Python classes are called: `nn.L1Loss()` and
 * `new nn.L1Loss()` build the same instance, and `class MAELoss extends nn.LossBase` still works.
 */

/** A class that can also be called as a function returning a new instance. */
export type Newless<C extends abstract new (...args: any) => any> = C &
  ((...args: ConstructorParameters<C>) => InstanceType<C>);

/**
 * Wrap a class so that calling it without `new` constructs it. `instanceof`, statics and
 * `extends` pass through to the class. Export as `export const X = newless(XImpl); export type X = XImpl;`.
 */
export function newless<C extends new (...args: any) => any>(cls: C): Newless<C> {
  return new Proxy(cls, {
    apply: (target, _thisArg, args: unknown[]) => new (target as new (...a: unknown[]) => unknown)(...args),
  }) as Newless<C>;
}
