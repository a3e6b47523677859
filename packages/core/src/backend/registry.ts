import { BackendError } from '../errors.js';
import { defaultBackendHook } from '../ir/schedule.js';
import type { Backend } from './backend.js';
import { CpuBackend } from './cpu/index.js';

const factories = new Map<string, () => Backend>([['cpu', () => new CpuBackend()]]);
const instances = new Map<string, Backend>();
let current: Backend | null = null;

/** Registers a backend factory under a name (wasm and webgpu plug in here). */
export function registerBackend(name: string, factory: () => Backend): void {
  factories.set(name, factory);
  instances.delete(name);
}

/** Names of the registered backends. */
export function listBackends(): string[] {
  return [...factories.keys()];
}

/** Makes `name` the backend new tensors are created on (`torch.set_default_device` analogue). */
export function setBackend(name: string): void {
  current = backendByName(name);
}

/** The current backend. */
export function getBackend(): Backend {
  return (current ??= backendByName('cpu'));
}

/** The instance of a registered backend, created on first use. */
export function backendByName(name: string): Backend {
  let b = instances.get(name);
  if (!b) {
    const f = factories.get(name);
    if (!f) throw new BackendError(`setBackend: unknown backend '${name}'; registered: ${listBackends().join(', ')}`);
    b = f();
    instances.set(name, b);
  }
  return b;
}

defaultBackendHook.current = getBackend;
