/** `mxnet.gluon.data`. */
export { ArrayDataset, DataLoader, type Dataset, type DataLoaderOptions } from './dataset.js';
