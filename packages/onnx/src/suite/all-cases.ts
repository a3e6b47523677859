import { LOSS_CASES, type LossCase } from './builtin-losses.js';
import { EXTRA_REFERENCE_CASES, extraReferenceCasesFloat64 } from './reference-cases-extra.js';
import { TORCH_REFERENCE_CASES, torchMultiMarginP2WeightCases, torchReferenceCasesFloat64 } from './reference-cases-torch.js';

/**
 * The whole built-in suite: every loss against ORT running the engine's export (backends vs ONNX
 * Runtime), then the losses against graphs written independently from ONNX ops, in float32 and,
 * float64 (the PyTorch family, and the Gluon / MindSpore / adaptive-softmax losses). NOTE: multi_margin with p = 2 and a weight is checked against
 * PyTorch's kernel (weight after the power), which the engine follows; PyTorch's docs put it inside.
 */
export const ALL_LOSS_CASES: readonly LossCase[] = [
  ...LOSS_CASES, ...TORCH_REFERENCE_CASES, torchMultiMarginP2WeightCases().kernel, ...torchReferenceCasesFloat64(), ...EXTRA_REFERENCE_CASES,
  ...extraReferenceCasesFloat64(),
];
