/** `mxnet.gluon.data`. */
import { newless } from '@rosetta/core';
import { ArrayDataset as ArrayDatasetClass, DataLoader as DataLoaderClass } from './dataset.js';

export type { Dataset, DataLoaderOptions } from './dataset.js';
/** `gluon.data.ArrayDataset(*args)` and `gluon.data.DataLoader(dataset, …)`, with and without `new`. */
export const ArrayDataset = newless(ArrayDatasetClass);
export type ArrayDataset = ArrayDatasetClass;
export const DataLoader = newless(DataLoaderClass);
export type DataLoader = DataLoaderClass;
