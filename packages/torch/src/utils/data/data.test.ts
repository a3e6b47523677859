import { describe, expect, it } from 'vitest';
import * as torch from '../../index.js';
import { DataLoader, Dataset, TensorDataset, random_split } from './index.js';

describe('torch.utils.data', () => {
  const X = torch.arange(10).view(5, 2);
  const Y = torch.tensor([0, 1, 0, 1, 1], { dtype: torch.int64 });
  it('TensorDataset rows and DataLoader batches', () => {
    const ds = new TensorDataset(X, Y);
    expect(ds.length).toBe(5);
    expect(ds.at(2).map((t) => t.tolist())).toEqual([[4, 5], 0]);
    const batches = [...new DataLoader(ds, { batch_size: 2 })] as torch.Tensor[][];
    expect(batches.map(([x]) => x!.shape)).toEqual([[2, 2], [2, 2], [1, 2]]);
    expect(batches[1]![1]!.tolist()).toEqual([0, 1]);
    expect(batches[1]![1]!.dtype).toBe(torch.int64);
    expect(new DataLoader(ds, { batch_size: 2, drop_last: true }).length).toBe(2);
    const shuffled = [...new DataLoader(ds, { batch_size: 5, shuffle: true })] as torch.Tensor[][];
    expect([...(shuffled[0]![0]!.index(':', 0).tolist() as number[])].sort((a, b) => a - b)).toEqual([0, 2, 4, 6, 8]);
  });
  it('random_split: counts, or fractions with the remainder given from the first split', () => {
    const ds = new TensorDataset(torch.arange(10));
    expect(random_split(ds, [7, 3]).map((s) => s.length)).toEqual([7, 3]);
    // floor gives 2, 2, 5; the one left over goes to the first split
    expect(random_split(ds, [0.25, 0.25, 0.5]).map((s) => s.length)).toEqual([3, 2, 5]);
    const parts = random_split(ds, [0.5, 0.5]);
    const all = parts.flatMap((p) => p.indices);
    expect([...all].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(() => random_split(ds, [5, 4])).toThrow('Sum of input lengths does not equal the length of the input dataset!');
  });
  it('a Dataset subclass with __getitem__ and __len__', () => {
    class Squares extends Dataset<[number, number]> {
      __getitem__(i: number): [number, number] {
        return [i, i * i];
      }
      __len__() {
        return 4;
      }
    }
    const [x, y] = [...new DataLoader(new Squares(), { batch_size: 4 })][0] as torch.Tensor[];
    expect(x!.tolist()).toEqual([0, 1, 2, 3]);
    expect(y!.tolist()).toEqual([0, 1, 4, 9]);
  });
});
