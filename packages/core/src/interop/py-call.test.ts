import { describe, expect, it } from 'vitest';
import { ArgTypeError } from '../errors.js';
import { bindPyCall } from './py-call.js';

// The messages are CPython 3.10's for `def construct(self, logits, labels)` and
// `def hybrid_forward(self, F, pred, label, sample_weight=None)` (Objects/call.c, Python/ceval.c).
const construct = { qualname: 'L1Loss.construct', required: ['logits', 'labels'], implicit: 1 };
const hybrid = { qualname: 'L2Loss.hybrid_forward', required: ['pred', 'label'], optional: { sample_weight: null }, implicit: 2 };

describe('bindPyCall: a Python method signature with CPython errors', () => {
  it('binds positionals and keywords, filling defaults', () => {
    expect(bindPyCall(construct, [1, 2])).toEqual({ logits: 1, labels: 2 });
    expect(bindPyCall(construct, [1, { labels: 2 }])).toEqual({ logits: 1, labels: 2 });
    expect(bindPyCall(hybrid, [1, 2])).toEqual({ pred: 1, label: 2, sample_weight: null });
    expect(bindPyCall(hybrid, [1, 2, { sample_weight: 3 }])).toEqual({ pred: 1, label: 2, sample_weight: 3 });
  });
  it('too many positionals count self (and F)', () => {
    expect(() => bindPyCall(construct, [1, 2, 3])).toThrow(new ArgTypeError('L1Loss.construct() takes 3 positional arguments but 4 were given'));
    expect(() => bindPyCall(hybrid, [1, 2, 3, 4])).toThrow('L2Loss.hybrid_forward() takes from 4 to 5 positional arguments but 6 were given');
    expect(() => bindPyCall({ qualname: 'f', required: [], implicit: 0 }, [1])).toThrow('f() takes 0 positional arguments but 1 was given');
  });
  it('missing required arguments, listed as CPython lists them', () => {
    expect(() => bindPyCall(construct, [1])).toThrow("L1Loss.construct() missing 1 required positional argument: 'labels'");
    expect(() => bindPyCall(construct, [])).toThrow("L1Loss.construct() missing 2 required positional arguments: 'logits' and 'labels'");
    expect(() => bindPyCall({ qualname: 'f', required: ['a', 'b', 'c'], implicit: 0 }, [])).toThrow("f() missing 3 required positional arguments: 'a', 'b', and 'c'");
  });
  it('undefined is not passed (null is None), as bindArgs treats it', () => {
    expect(() => bindPyCall(construct, [1, undefined])).toThrow("L1Loss.construct() missing 1 required positional argument: 'labels'");
    expect(() => bindPyCall(construct, [undefined, 2])).toThrow("L1Loss.construct() missing 1 required positional argument: 'logits'");
    expect(bindPyCall(construct, [null, 2])).toEqual({ logits: null, labels: 2 });
  });
  it('unknown keywords and values given twice', () => {
    expect(() => bindPyCall(construct, [1, 2, { foo: 1 }])).toThrow("L1Loss.construct() got an unexpected keyword argument 'foo'");
    expect(() => bindPyCall(construct, [1, 2, { constructor: 1 }])).toThrow("got an unexpected keyword argument 'constructor'");
    expect(() => bindPyCall(construct, [1, 2, { logits: 1 }])).toThrow("L1Loss.construct() got multiple values for argument 'logits'");
  });
});
