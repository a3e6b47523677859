import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { np } from './index.js';

// Expected strings are NumPy 2.4's own str() output for the same arrays.
describe('NDArray printing matches NumPy str()', () => {
  const cases: Array<[string, () => unknown, string]> = [
    ['tutorial loss_none', () => np.abs(np.subtract(np.array([[1, 2, 3], [2, 3, 4]]).astype(np.float32), np.array([[0, 2, 5], [3, 1, 1]]).astype(np.float32))), '[[1. 0. 2.]\n [1. 2. 3.]]'],
    ['float32 0-d, shortest float32 repr', () => np.array(0.033333335, np.float32), '0.033333335'],
    ['float64 0-d', () => np.array(0.1), '0.1'],
    ['whole float 0-d keeps one zero', () => np.array(9.0, np.float32), '9.0'],
    ['halves', () => np.array([0.5, 0.5]), '[0.5 0.5]'],
    ['sign and column alignment', () => np.array([[1, -2.5], [10, 0]]), '[[ 1.  -2.5]\n [10.   0. ]]'],
    ['ints', () => np.array([1, 2, 3]), '[1 2 3]'],
    ['ints padded to the widest', () => np.array([[-1, 10], [100, 2]]), '[[ -1  10]\n [100   2]]'],
    ['bools', () => np.array([true, false]), '[ True False]'],
    ['bool 0-d', () => np.array(false), 'False'],
    ['int 0-d', () => np.array(-7), '-7'],
    ['float32 values print their float32 repr', () => np.array([0.1, 0.2, 0.3], np.float32), '[0.1 0.2 0.3]'],
    ['float32 subtraction residue', () => np.subtract(np.array([0.1, 0.2, 0.3], np.float32), np.array([0.1, 0.2, 0.2], np.float32)), '[0.         0.         0.10000001]'],
    ['precision 8', () => np.array([1 / 3, 2 / 3]), '[0.33333333 0.66666667]'],
    ['scientific for small values', () => np.array([1.5, -2.25e-5]), '[ 1.50e+00 -2.25e-05]'],
    ['scientific for a wide ratio', () => np.array([1.0, 1001.0], np.float64), '[1.000e+00 1.001e+03]'],
    ['scientific from 1e6 for float32', () => np.array([1e6, 2.0], np.float32), '[1.e+06 2.e+00]'],
    ['nan and inf', () => np.array([NaN, 1.5, -Infinity]), '[ nan  1.5 -inf]'],
    ['tiny 0-d', () => np.array(1e-5), '1e-05'],
    ['float32 0-d at 1e6', () => np.array(1e6, np.float32), '1e+06'],
    ['3-d blank line between blocks', () => np.arange(8).reshape(2, 2, 2), '[[[0 1]\n  [2 3]]\n\n [[4 5]\n  [6 7]]]'],
    ['line wrapping at 75 columns', () => np.divide(np.arange(30), 7),
      '[0.         0.14285714 0.28571429 0.42857143 0.57142857 0.71428571\n 0.85714286 1.         1.14285714 1.28571429 1.42857143 1.57142857\n 1.71428571 1.85714286 2.         2.14285714 2.28571429 2.42857143\n 2.57142857 2.71428571 2.85714286 3.         3.14285714 3.28571429\n 3.42857143 3.57142857 3.71428571 3.85714286 4.         4.14285714]'],
    ['summarised beyond 1000 elements', () => np.arange(2000), '[   0    1    2 ... 1997 1998 1999]'],
    ['summarised 2-d', () => np.arange(2000, np.float64).reshape(50, 40),
      '[[0.000e+00 1.000e+00 2.000e+00 ... 3.700e+01 3.800e+01 3.900e+01]\n [4.000e+01 4.100e+01 4.200e+01 ... 7.700e+01 7.800e+01 7.900e+01]\n [8.000e+01 8.100e+01 8.200e+01 ... 1.170e+02 1.180e+02 1.190e+02]\n ...\n [1.880e+03 1.881e+03 1.882e+03 ... 1.917e+03 1.918e+03 1.919e+03]\n [1.920e+03 1.921e+03 1.922e+03 ... 1.957e+03 1.958e+03 1.959e+03]\n [1.960e+03 1.961e+03 1.962e+03 ... 1.997e+03 1.998e+03 1.999e+03]]'],
    ['empty', () => np.zeros([0]), '[]'],
    ['float32 tie goes to the even digit', () => np.array([62975.8125, 1.0], np.float32), '[6.2975812e+04 1.0000000e+00]'],
  ];
  for (const [name, make, want] of cases) {
    it(name, () => expect(String(make())).toBe(want));
  }

  it('console.log / util.inspect show the same string', () => {
    const a = np.array([[1, -2.5], [10, 0]]);
    expect(inspect(a)).toBe('[[ 1.  -2.5]\n [10.   0. ]]');
    expect(`${a}`).toBe(a.toString());
  });
});
