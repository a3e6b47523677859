/**
 * The part of the WebAssembly JS API the wasm backend uses (`@types/node` 20 does not declare it;
 * Node 20 and every browser provide it).
 */
declare global {
  namespace WebAssembly {
    interface MemoryDescriptor {
      initial: number;
      maximum?: number;
      shared?: boolean;
    }
    class Memory {
      constructor(descriptor: MemoryDescriptor);
      readonly buffer: ArrayBuffer;
      grow(delta: number): number;
    }
    class Module {
      constructor(bytes: Uint8Array);
    }
    type Imports = Record<string, Record<string, unknown>>;
    class Instance {
      constructor(module: Module, imports?: Imports);
      readonly exports: Record<string, unknown>;
    }
  }
}

export {};
