/** `torch.utils` (`torch.utils.data.random_split`). */
export * as data from './data/index.js';
