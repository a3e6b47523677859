/** `mindspore.dataset` (`from mindspore import dataset as ds`). */
export { GeneratorDataset, Dataset } from './generator-dataset.js';
