/** The part of torchkeras (2020) the PyTorch seed uses: `Model` and `summary`. */
export { Model, History } from './model.js';
export { summary } from './summary.js';
