import { describe, expect, it } from 'vitest';
import { arange, tensor } from '../tensor/create.js';
import { indexTensor } from './indexing.js';

describe('indexTensor (x[...] for the facades)', () => {
  const t = arange(12).reshape([3, 4]);
  it('picks, slices, adds axes and fills with ...', () => {
    expect(indexTensor(t, [':', 0]).tolist()).toEqual([0, 4, 8]);
    expect(indexTensor(t, [1]).tolist()).toEqual([4, 5, 6, 7]);
    expect(indexTensor(t, ['1:', '::2']).tolist()).toEqual([[4, 6], [8, 10]]);
    expect(indexTensor(t, ['::-1', -1]).tolist()).toEqual([11, 7, 3]);
    expect(indexTensor(t, ['...', -1]).tolist()).toEqual([3, 7, 11]);
    expect(indexTensor(t, [null]).shape).toEqual([1, 3, 4]);
  });
  it('selects rows with a bool mask and gathers with integer tensors', () => {
    expect(indexTensor(t, [indexTensor(t, [':', 0]).gt(3)]).tolist()).toEqual([[4, 5, 6, 7], [8, 9, 10, 11]]);
    expect(indexTensor(t, [t.gt(9)]).tolist()).toEqual([10, 11]);
    expect(indexTensor(t, [':', tensor([3, 0], { dtype: 'int64' })]).tolist()).toEqual([[3, 0], [7, 4], [11, 8]]);
  });
  it('names bad indices', () => {
    expect(() => indexTensor(t, [3])).toThrow('index 3 is out of bounds for dimension 0 with size 3');
    expect(() => indexTensor(t, [0, 0, 0])).toThrow('too many indices for tensor of dimension 2');
    expect(() => indexTensor(t, ['1:x'])).toThrow("'1:x' is not a slice");
    expect(() => indexTensor(t, [tensor([true, false])])).toThrow('The shape of the mask [2] does not match the shape of the indexed tensor [3, 4]');
  });
});
