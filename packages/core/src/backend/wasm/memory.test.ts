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

  it('rounds every block to 16 bytes, in alloc and release alike (issue 13, defect 6)', () => {
    const mem = new WasmMemory();
    const odd = mem.alloc(33 * 3 * 4);
    const next = mem.alloc(8);
    expect([odd % 16, next % 16, next - odd]).toEqual([0, 0, 400]);
    mem.release(odd, 33 * 3 * 4);
    expect(mem.alloc(400)).toBe(odd);
    expect(mem.reserved % 16).toBe(0);
  });
});
