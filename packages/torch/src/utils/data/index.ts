/** `torch.utils.data`. */
import { newless } from '@rosetta/core';
import { DataLoader as DataLoaderClass, TensorDataset as TensorDatasetClass, Subset as SubsetClass } from './dataset.js';

export { Dataset, random_split, type DataLoaderOptions } from './dataset.js';
/** `TensorDataset(*tensors)`, `Subset(dataset, indices)`, `DataLoader(dataset, …)`, with and without `new`. */
export const TensorDataset = newless(TensorDatasetClass);
export type TensorDataset = TensorDatasetClass;
export const Subset = newless(SubsetClass);
export type Subset<T = unknown> = SubsetClass<T>;
export const DataLoader = newless(DataLoaderClass);
export type DataLoader<B = any> = DataLoaderClass<B>;
