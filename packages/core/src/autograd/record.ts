import { isFloat } from '../dtype.js';
import { RosettaError } from '../errors.js';
import type { Tensor } from '../tensor/tensor.js';
import { isGradEnabled } from './grad-mode.js';
import type { PrimAttrs, Primitive } from './primitives.js';
import { traceOp } from './trace.js';
import { vjpRules } from './vjp.js';

/** Whether an op on these inputs is recorded for backward. */
export function needsGrad(inputs: readonly Tensor[]): boolean {
  if (!isGradEnabled()) return false;
  for (let i = 0; i < inputs.length; i++) if (inputs[i]!.requiresGrad) return true;
  return false;
}

/**
 * Wraps a VJP so it refuses to run once an input was updated in place after recording: the rule
 * would read the new value, and the gradient would flow into the input's new history (PyTorch
 * raises the same error from its version counters).
 */
function guarded(name: string, inputs: readonly Tensor[], vjp: (g: Tensor) => readonly (Tensor | null)[]): (g: Tensor) => readonly (Tensor | null)[] {
  const versions = inputs.map((t) => t.version);
  return (g) => {
    inputs.forEach((t, i) => {
      if (t.version !== versions[i]) {
        throw new RosettaError(`backward: one of the variables needed for gradient computation has been modified by an inplace operation: input ${i} of ${name} (shape [${t.shape.join(', ')}]) is at version ${t.version}; expected version ${versions[i]} instead`);
      }
    });
    return vjp(g);
  };
}

/**
 * Every primitive passes here: it is traced (when tracing) and recorded on the tape when an input
 * requires grad and the output is floating.
 */
export function record<P extends Primitive>(prim: P, inputs: readonly Tensor[], attrs: PrimAttrs[P], out: Tensor): Tensor {
  traceOp(prim, inputs, attrs, out);
  if (!needsGrad(inputs) || !isFloat(out.dtype)) return out;
  const saved = out.detach();
  const rule = vjpRules[prim];
  out.requiresGrad = true;
  out.gradFn = { name: prim, inputs, vjp: guarded(prim, inputs, (g) => rule(g, { inputs, out: saved, attrs })) };
  return out;
}

/**
 * Records a composite with its own VJP. Allowed only where the chain rule through the
 * primitives would be numerically unstable (log-softmax and the like); the op's file says why.
 */
export function recordCustom(name: string, inputs: readonly Tensor[], out: Tensor, vjp: (g: Tensor) => readonly (Tensor | null)[]): Tensor {
  if (!needsGrad(inputs) || !isFloat(out.dtype)) return out;
  out.requiresGrad = true;
  out.gradFn = { name, inputs, vjp: guarded(name, inputs, vjp) };
  return out;
}
