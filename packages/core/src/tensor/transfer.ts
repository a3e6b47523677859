/** Moving tensors between backends (`tensor.to(device)`, `model.to(device)`). */
import { backendByName } from '../backend/registry.js';
import { BackendError, RosettaError } from '../errors.js';
import { mkLoad } from '../ir/lazy.js';
import { realize } from '../ir/schedule.js';
import { contiguousView } from '../ir/view.js';
import { Tensor } from './tensor.js';

/**
 * A copy of `t` on backend `name` (`t` itself when it is already there), keeping shape, dtype and
 * `requiresGrad`. The copy is a new leaf.
 * NOTE: PyTorch records `.to()` on the tape; here a tensor computed by recorded ops cannot move
 * (move the leaves, or `detach()` first), and the source must read synchronously (cpu, wasm).
 */
export function toBackend(t: Tensor, name: string): Tensor {
  const target = backendByName(name);
  if (target === t.backend) return t;
  if (t.gradFn !== null) {
    throw new RosettaError(`to: cannot move a tensor computed by recorded operations from ${t.backend.name} to ${name}; move the leaf tensors it came from, or detach() it first`);
  }
  if (!t.backend.syncRead) {
    throw new BackendError(`to: the ${t.backend.name} backend cannot read synchronously; read it with \`await tensor.data()\` and create the tensor on ${name}`);
  }
  const host = t.backend.readSync(realize(t.lazy)).slice();
  const out = new Tensor(mkLoad(target.upload(host, t.dtype), contiguousView(t.shape)), target);
  out.requiresGrad = t.requiresGrad;
  return out;
}
