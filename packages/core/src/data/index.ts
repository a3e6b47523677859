/** Data-pipeline building blocks shared by the facades' DataLoader / GeneratorDataset / gluon.data. */
export { randperm, batchIndices, type BatchOptions } from './sampling.js';
export { defaultCollate, type Collated } from './collate.js';
