import { LOSS_CASES, type LossCase } from './builtin-losses.js';
import { EXTRA_REFERENCE_CASES } from './reference-cases-extra.js';

/**
 * The whole built-in suite: every loss against ORT running the engine's export (backends vs ONNX
 * Runtime), then the losses against graphs written independently from ONNX ops.
 */
export const ALL_LOSS_CASES: readonly LossCase[] = [...LOSS_CASES, ...EXTRA_REFERENCE_CASES];
