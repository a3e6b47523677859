import { describe, expect, it } from 'vitest';
import { ArgTypeError } from '../errors.js';
import { Callable, bindArgs, isKeywords, newless, print, pyFloatRepr, pyStr, walkNamed, walkNodes } from './index.js';

class Param {
  constructor(readonly v: number) {}
}
class BaseImpl extends Callable {
  constructor(readonly scale = 1) {
    super();
  }
  __call__(x: number): number {
    return this.construct(x) * this.scale;
  }
  construct(x: number): number {
    return x;
  }
}
interface BaseImpl {
  (x: number): number;
}
const Base = newless(BaseImpl);
type Base = BaseImpl;

describe('Callable and newless', () => {
  it('builds with and without new, and calls __call__', () => {
    const a = Base(3);
    const b = new Base(2);
    expect(a(5)).toBe(15);
    expect(b(5)).toBe(10);
    expect(a).toBeInstanceOf(Base);
    expect(a).toBeInstanceOf(BaseImpl);
  });
  it('lets subclasses override methods and assign name/length fields', () => {
    class Sq extends Base {
      override name = 'sq';
      override construct(x: number): number {
        return x * x;
      }
    }
    const s = new Sq(2);
    expect(s(3)).toBe(18);
    expect(s.name).toBe('sq');
    expect(s).toBeInstanceOf(Base);
    expect(String(s)).toBe('Sq()');
  });
});

describe('walkNamed / walkNodes', () => {
  class Node {
    [k: string]: unknown;
  }
  const isLeaf = (v: unknown): v is Param => v instanceof Param;
  const isNode = (v: unknown) => v instanceof Node;
  it('names leaves by dotted field paths, arrays by index, each leaf once', () => {
    const fc = new Node();
    const shared = new Param(1);
    fc.weight = shared;
    fc.bias = new Param(2);
    const root = new Node();
    root.fc = fc;
    root.layers = [new Param(3), fc];
    root.tied = shared;
    root.other = 5;
    const names = [...walkNamed(root, { isLeaf, isNode })].map(([n, p]) => `${n}=${p.v}`);
    expect(names).toEqual(['fc.weight=1', 'fc.bias=2', 'layers.0=3']);
    expect([...walkNodes(root, isNode)].map(([n]) => n)).toEqual(['fc']);
  });
});

describe('bindArgs', () => {
  const defaults = { low: 0, high: 1, shape: [1] as number[], dtype: 'float32' };
  const names = ['low', 'high', 'shape'] as const;
  it('binds positionals in order and keywords from a trailing plain object', () => {
    expect(bindArgs('uniform', [...names], defaults, [{ shape: [2, 4] }])).toEqual({ low: 0, high: 1, shape: [2, 4], dtype: 'float32' });
    expect(bindArgs('uniform', [...names], defaults, [-1, 2, [3], { dtype: 'float64' }])).toEqual({ low: -1, high: 2, shape: [3], dtype: 'float64' });
    expect(bindArgs('uniform', [...names], defaults, [])).toEqual(defaults);
  });
  it('raises Python’s errors, as TypeError', () => {
    expect(() => bindArgs('uniform', [...names], defaults, [1, 2, [3], 4])).toThrow('uniform() takes from 0 to 3 positional arguments but 4 were given');
    expect(() => bindArgs('uniform', [...names], defaults, [{ size: 3 }])).toThrow("uniform() got an unexpected keyword argument 'size'");
    expect(() => bindArgs('uniform', [...names], defaults, [5, { low: 1 }])).toThrow("uniform() got multiple values for argument 'low'");
    expect(() => bindArgs('uniform', [...names], defaults, [{ size: 3 }])).toThrow(ArgTypeError);
  });
  it('words arity as CPython does, counting self for methods', () => {
    const fwd = (args: unknown[]) => bindArgs('L1Loss.forward', ['input', 'target'], {}, args, { implicit: 1 });
    expect(() => fwd([1, 2, 3])).toThrow('L1Loss.forward() takes 3 positional arguments but 4 were given');
    expect(() => fwd([1])).toThrow("L1Loss.forward() missing 1 required positional argument: 'target'");
    expect(() => fwd([1, undefined])).toThrow("L1Loss.forward() missing 1 required positional argument: 'target'");
    expect(() => fwd([])).toThrow("L1Loss.forward() missing 2 required positional arguments: 'input' and 'target'");
    expect(fwd([{ target: 2, input: 1 }])).toEqual({ input: 1, target: 2 });
    const init = (args: unknown[]) => bindArgs<Record<'a' | 'b' | 'c' | 'd', unknown>>('A.__init__', ['a', 'b', 'c', 'd'], { d: 0 }, args, { implicit: 1 });
    expect(() => init([1])).toThrow("A.__init__() missing 2 required positional arguments: 'b' and 'c'");
    expect(() => init([])).toThrow("A.__init__() missing 3 required positional arguments: 'a', 'b', and 'c'");
    expect(() => init([1, 2, 3, 4, 5])).toThrow('A.__init__() takes from 4 to 5 positional arguments but 6 were given');
    expect(() => bindArgs('G.__init__', [], { full: false }, [true], { implicit: 1 })).toThrow('G.__init__() takes 1 positional argument but 2 were given');
    expect(() => bindArgs('f', [], {}, [1])).toThrow('f() takes 0 positional arguments but 1 was given');
  });
  it('takes only declared keywords: not the names every object inherits (defect 8)', () => {
    for (const k of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      // Object.fromEntries makes an own key even for '__proto__', as JSON.parse and { ['__proto__']: v } do.
      expect(() => bindArgs('uniform', [...names], defaults, [Object.fromEntries([[k, 1]])])).toThrow(`uniform() got an unexpected keyword argument '${k}'`);
    }
  });
  it('does not take arrays or class instances for keywords', () => {
    expect(isKeywords({ a: 1 })).toBe(true);
    expect(isKeywords([1])).toBe(false);
    expect(isKeywords(new Param(1))).toBe(false);
  });
});

describe('print / pyStr', () => {
  it('formats like Python', () => {
    expect(pyStr('a')).toBe('a');
    expect(pyStr([1, 2.5, 'x', true, null])).toBe("[1, 2.5, 'x', True, None]");
    expect(pyStr({ loss: 0.5 })).toBe("{'loss': 0.5}");
    expect(pyStr(NaN)).toBe('nan');
    expect(pyStr([1e-5, 0.0001, 1.5e16, 123.25, -2e-7])).toBe('[1e-05, 0.0001, 1.5e+16, 123.25, -2e-07]');
    expect([2, 6.525373935699463, 1e-5].map(pyFloatRepr)).toEqual(['2.0', '6.525373935699463', '1e-05']);
  });
  it('prints space-separated str() of each argument', () => {
    const lines: string[] = [];
    const orig = console.log;
    console.log = (s: string) => lines.push(s);
    try {
      print('loss:', 1.5, [0.5]);
    } finally {
      console.log = orig;
    }
    expect(lines).toEqual(['loss: 1.5 [0.5]']);
  });
});
