import { describe, expect, it } from 'vitest';
import { tensor } from '../index.js';
import { applyWeighting, checkReduction, getLoss, reduceLoss } from './reduction.js';

const loss = tensor([[1, 2, 3], [4, 5, 6]]);

describe('reduceLoss', () => {
  it('none, sum, mean, batchmean', () => {
    expect(reduceLoss('L', loss, 'none').tolist()).toEqual([[1, 2, 3], [4, 5, 6]]);
    expect(reduceLoss('L', loss, 'sum').item()).toBe(21);
    expect(reduceLoss('L', loss, 'mean').item()).toBeCloseTo(3.5, 6);
    expect(reduceLoss('L', loss, 'batchmean').item()).toBeCloseTo(10.5, 6);
  });
  it('weighted mean divides by the sum of the weights (PyTorch NLL/CE)', () => {
    const w = tensor([[1, 0, 2], [0, 0, 1]]);
    expect(reduceLoss('L', loss.mul(w), 'mean', w).item()).toBeCloseTo((1 + 6 + 6) / 4, 6);
  });
  it('Gluon batch mean: mean over every axis but batch_axis', () => {
    expect(reduceLoss('L', loss, { batchAxis: 0 }).tolist()).toEqual([2, 5]);
    expect(reduceLoss('L', loss, { batchAxis: 1 }).tolist()).toEqual([2.5, 3.5, 4.5]);
    expect(reduceLoss('L', tensor([1, 2]), { batchAxis: 0 }).tolist()).toEqual([1, 2]);
  });
  it('rejects unknown reductions, naming the loss', () => {
    expect(() => checkReduction('L1Loss', 'avg')).toThrow("L1Loss: reduction must be one of 'none', 'mean', 'sum', got \"avg\"");
    expect(checkReduction('KLDivLoss', 'batchmean', ['none', 'mean', 'sum', 'batchmean'])).toBe('batchmean');
    expect(() => reduceLoss('L', loss, { batchAxis: 2 })).toThrow('batch_axis 2 is out of range');
  });
});

describe('applyWeighting (Gluon)', () => {
  it('multiplies by sample_weight and weight', () => {
    const l = tensor([[1, 2], [3, 4]]);
    expect(applyWeighting('L2Loss', l, 0.5, tensor([[1], [0]])).tolist()).toEqual([[0.5, 1], [0, 0]]);
    expect(applyWeighting('L2Loss', l).tolist()).toEqual([[1, 2], [3, 4]]);
  });
  it('rejects a sample_weight that does not broadcast', () => {
    expect(() => applyWeighting('L2Loss', tensor([[1, 2], [3, 4]]), null, tensor([1, 2, 3]))).toThrow(
      'L2Loss: sample_weight of shape [3] does not broadcast to the loss of shape [2, 2]',
    );
  });
});

describe('getLoss (MindSpore LossBase.get_loss)', () => {
  it('mean of weights·x divides by the element count', () => {
    const x = tensor([[1, 2], [3, 4]]);
    expect(getLoss(x, tensor([[1, 0], [0, 1]])).item()).toBeCloseTo(5 / 4, 6);
    expect(getLoss(x, 2, 'sum').item()).toBe(20);
    expect(getLoss(x, 1, 'none').tolist()).toEqual([[1, 2], [3, 4]]);
  });
  it('keeps the input dtype', () => {
    expect(getLoss(tensor([1, 2], { dtype: 'float64' })).dtype).toBe('float64');
  });
});
