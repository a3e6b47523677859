/** `memoryStats()`: the memory each backend in use holds for live buffers. */
import { backendInstances } from '../backend/registry.js';

/** One backend's memory (`memoryStats()`). */
export interface MemoryStats {
  /** Live buffers in memory the backend manages (wasm: blocks of its memory). */
  buffers: number;
  /** Their bytes. */
  bytes: number;
  /** Bytes taken from the backend's memory: live blocks and free lists (wasm). */
  reserved: number;
  /** The size of the backend's memory (wasm: `WebAssembly.Memory` bytes, which never shrinks). */
  memory: number;
}

/**
 * Memory per backend in use, by registered name (`{ wasm: { buffers, bytes, reserved, memory } }`): what
 * `dispose()`, scopes and the engine's own frees give back. PyTorch's nearest is
 * `torch.cuda.memory_allocated()`. NOTE: the cpu backend's buffers and the wasm backend's small ones
 * (≤ 1 KiB) are JS arrays the garbage collector owns; they are not counted.
 */
export function memoryStats(): Record<string, MemoryStats> {
  const out: Record<string, MemoryStats> = {};
  for (const [name, b] of backendInstances()) {
    const s = b.memoryStats?.();
    if (s) out[name] = s;
  }
  return out;
}
