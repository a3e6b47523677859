import { describe, expect, it } from 'vitest';
import { WasmMemory } from './memory.js';

describe('wasm memory allocator', () => {
  it('reuses a freed block of the same size first, else splits the smallest larger one before taking new memory', () => {
    const mem = new WasmMemory();
    const big = mem.alloc(1 << 20);
    const mid = mem.alloc(4096);
    const top = mem.reserved;
    mem.release(big, 1 << 20);
    mem.release(mid, 4096);
    expect(mem.alloc(4096)).toBe(mid);
    const a = mem.alloc(1000 * 8);
    expect(a).toBe(big);
    expect(mem.alloc(2048)).toBe(big + 8000);
    expect(mem.alloc((1 << 20) - 8000 - 2048)).toBe(big + 8000 + 2048);
    expect(mem.reserved).toBe(top);
    expect(mem.alloc(8)).toBe(top);
  });
});
