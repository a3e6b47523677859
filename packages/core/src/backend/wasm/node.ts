/**
 * Node's built-in modules for the wasm backend without importing them (the backend also loads in
 * browsers): `process.getBuiltinModule` (Node ≥ 20.16), undefined elsewhere.
 */
export function nodeBuiltin<T>(id: string): T | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return proc?.getBuiltinModule?.(id) as T | undefined;
}

/** Sets V8 flags for the process (`v8.setFlagsFromString`); false where that is not possible. */
export function setV8Flags(...flags: string[]): boolean {
  const v8 = nodeBuiltin<{ setFlagsFromString(f: string): void }>('node:v8');
  if (!v8) return false;
  flags.forEach((f) => v8.setFlagsFromString(f));
  return true;
}
