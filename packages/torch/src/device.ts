/**
 * Devices: PyTorch device strings name Rosetta backends (`'cpu'`, `'wasm'` once registered;
 * `'cpu:0'` is `'cpu'`). `torch.set_default_device(device)` makes new tensors live there;
 * `torch.set_num_threads(n)` sets the wasm backend's thread count (the cpu backend is one thread).
 */
import { getBackend, getNumThreads, listBackends, setBackend, setNumThreads } from '@rosetta/core';

/** The backend name of a device string, or PyTorch's error for an unknown device. */
export function deviceBackend(device: string): string {
  const name = String(device).split(':')[0]!.toLowerCase();
  if (!listBackends().includes(name)) {
    throw new Error(`Expected one of ${listBackends().join(', ')} device type at start of device string: ${device}`);
  }
  return name;
}

/** `torch.set_default_device(device)`. */
export function set_default_device(device: string): void {
  setBackend(deviceBackend(device));
}

/** `torch.get_default_device()`: the current backend's name. */
export function get_default_device(): string {
  return getBackend().name;
}

/** `torch.set_num_threads(n)`: threads the wasm backend splits large kernels over (Node; browsers use one). */
export function set_num_threads(n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new Error(`set_num_threads expects a positive integer, got ${n}`);
  setNumThreads(n);
}

/** `torch.get_num_threads()`. */
export function get_num_threads(): number {
  return getNumThreads();
}
