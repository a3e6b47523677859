/** `torch.utils.data`. */
export { Dataset, TensorDataset, Subset, random_split, DataLoader, type DataLoaderOptions } from './dataset.js';
