import { BackendError } from '../errors.js';
import { defaultBackendHook } from '../ir/schedule.js';
import type { Backend } from './backend.js';
import { CpuBackend } from './cpu/index.js';
import { WasmBackend } from './wasm/index.js';

const factories = new Map<string, () => Backend>([
  ['cpu', () => new CpuBackend()],
  ['wasm', () => new WasmBackend()],
]);
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

/**
 * Runs `fn` with `name` as the current backend and restores the previous one afterwards (after the
 * promise settles when `fn` is async), like a `with` block around `setBackend`.
 */
export function withBackend<T>(name: string, fn: () => T): T {
  return onBackend(backendByName(name), fn);
}

/**
 * Runs `fn` with `backend` current (PyTorch's device guard): the helper tensors an op makes inside
 * (index lists, masks, `arange`, `eye`) land on its inputs' backend, not on whichever is current.
 */
export function onBackend<T>(backend: Backend, fn: () => T): T {
  const prev = current;
  current = backend;
  let result: T;
  try {
    result = fn();
  } catch (e) {
    current = prev;
    throw e;
  }
  if (result instanceof Promise) return result.finally(() => (current = prev)) as T;
  current = prev;
  return result;
}

/**
 * The current backend: the one set with `setBackend`, else the `ROSETTA_BACKEND` environment variable
 * (Node; `ROSETTA_BACKEND=wasm` runs a program or a test suite on wasm unchanged), else `cpu`.
 */
export function getBackend(): Backend {
  return (current ??= backendByName(defaultBackendName()));
}

function defaultBackendName(): string {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.ROSETTA_BACKEND || 'cpu';
}

/** The backends created so far, by registered name. */
export function backendInstances(): [string, Backend][] {
  return [...instances];
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
