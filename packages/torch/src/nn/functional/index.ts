/** `torch.nn.functional` (`import torch.nn.functional as F` → `import * as F from '@rosetta/torch/nn/functional'`). */
import { oneHot } from '@rosetta/core';
import { Tensor } from '../../tensor.js';

export * from './losses.js';
/** `F.relu(input)`. */
export const relu = (input: Tensor): Tensor => input.relu();
/** `F.sigmoid(input)`. */
export const sigmoid = (input: Tensor): Tensor => input.sigmoid();
/** `F.tanh(input)`. */
export const tanh = (input: Tensor): Tensor => input.tanh();
/** `F.softmax(input, dim)`. */
export const softmax = (input: Tensor, dim: number): Tensor => input.softmax(dim);
/** `F.log_softmax(input, dim)`. */
export const log_softmax = (input: Tensor, dim: number): Tensor => input.log_softmax(dim);
/** `F.one_hot(tensor, num_classes=-1)`: int64 one-hot rows. */
export const one_hot = (tensor: Tensor, num_classes = -1): Tensor => new Tensor(oneHot(tensor.value, num_classes));
/** `F.linear(input, weight, bias=None)`: x·Wᵀ + b. */
export function linear(input: Tensor, weight: Tensor, bias: Tensor | null = null): Tensor {
  const y = input.matmul(weight.t());
  return bias ? y.add(bias) : y;
}
